"""What the integration says of a list of registry entries, offline: `scripts/dataset assess`.

Input: a JSON array of objects with `integration`, `manufacturer`, `model`, `model_id` and
`sw_version` (any may be null). Output, on stdout: a JSON array in the same order, each
with what the device was identified as, its support answer and its findings. A summary
(identified, answered, manufacturer known; overall and per integration) goes to stderr.
The same code as the integration runs: the bundled data, the matcher, the checks.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
import json
from pathlib import Path
import sys
from typing import Any

from custom_components.device_security.core import software
from custom_components.device_security.core.checks import AssessmentContext, assess
from custom_components.device_security.core.credentials import (
    CredentialDigester,
    load_default_credentials,
)
from custom_components.device_security.core.database.loader import Database, load_database
from custom_components.device_security.core.device_record import DeviceRecord
from custom_components.device_security.core.report import DeviceAssessment, SupportState
from custom_components.device_security.core.vulnerabilities import load_bundled

FIELDS = ("integration", "manufacturer", "model", "model_id", "sw_version")
ENDING_SOON_DAYS = 180


class InputError(ValueError):
    """The input file is not what `assess` reads."""


def read_entries(path: Path) -> list[dict[str, str | None]]:
    """Read and check the input: an array of objects whose fields are strings or null."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        msg = f"{path}: cannot be read as JSON ({err})"
        raise InputError(msg) from None
    if not isinstance(raw, list):
        msg = f"{path}: expected a JSON array of objects"
        raise InputError(msg)
    entries = []
    for index, item in enumerate(raw):
        if not isinstance(item, Mapping):
            msg = f"{path}: item {index + 1} is not an object"
            raise InputError(msg)
        entries.append(
            {
                field: value if isinstance(value := item.get(field), str) else None
                for field in FIELDS
            }
        )
    return entries


def _record(index: int, entry: Mapping[str, str | None]) -> DeviceRecord:
    integration = entry["integration"]
    return DeviceRecord(
        key=f"device{index}",
        device_ids=(f"device{index}",),
        name=entry["model"] or entry["manufacturer"] or f"device {index}",
        manufacturer=entry["manufacturer"],
        model=entry["model"],
        model_id=entry["model_id"],
        sw_version=entry["sw_version"],
        integrations=(integration,) if integration else (),
        integration=integration,
    )


def answer(device: DeviceAssessment) -> dict[str, Any]:
    """One device's answer, in the output's shape."""
    match, support = device.match, device.support
    return {
        "identified": match.identified,
        "manufacturer_known": match.manufacturer is not None,
        "manufacturer": match.manufacturer.name if match.manufacturer else None,
        "product": match.product_name,
        "method": str(match.method),
        "support_state": str(support.state),
        "support_end": support.end.isoformat() if support.end else None,
        "support_level": str(support.level),
        "findings": sorted({finding.check for finding in device.findings}),
        "vulnerabilities": sorted(
            {cve for f in device.findings for cve in f.details.get("cves", "").split() if cve}
        ),
    }


def assess_entries(
    entries: Iterable[Mapping[str, str | None]], database: Database, today: date
) -> list[dict[str, Any]]:
    """Assess each entry as the integration would."""
    context = AssessmentContext(
        today=today,
        ending_soon_days=ENDING_SOON_DAYS,
        database=database,
        default_credentials=load_default_credentials(CredentialDigester()),
        vulnerabilities=load_bundled()[0],
        software=software.load_bundled(),
    )
    return [answer(assess(_record(i, entry), context)) for i, entry in enumerate(entries)]


def _rates(answers: list[dict[str, Any]]) -> dict[str, float]:
    total = len(answers) or 1
    return {
        "identified": 100 * sum(a["identified"] for a in answers) / total,
        "answered": 100 * sum(a["support_state"] != SupportState.UNKNOWN for a in answers) / total,
        "manufacturer_known": 100 * sum(a["manufacturer_known"] for a in answers) / total,
    }


def summary(entries: list[dict[str, str | None]], answers: list[dict[str, Any]]) -> str:
    """Identified, answered and manufacturer-known shares: overall, then per integration."""
    by_integration: dict[str, list[dict[str, Any]]] = {}
    for entry, result in zip(entries, answers, strict=True):
        by_integration.setdefault(entry["integration"] or "?", []).append(result)
    lines = ["integration          devices  identified  answered  manufacturer"]
    counts = Counter({name: len(group) for name, group in by_integration.items()})
    for name, count in counts.most_common():
        rates = _rates(by_integration[name])
        lines.append(
            f"{name[:20]:<20} {count:>7}  {rates['identified']:>9.0f}%  "
            f"{rates['answered']:>7.0f}%  {rates['manufacturer_known']:>11.0f}%"
        )
    overall = _rates(answers)
    lines.append(
        f"all: {len(answers)} devices, {len(by_integration)} integrations; "
        f"identified {overall['identified']:.1f}%, answered {overall['answered']:.1f}%, "
        f"manufacturer known {overall['manufacturer_known']:.1f}%"
    )
    return "\n".join(lines)


def main(path: Path, today: date | None = None) -> int:
    """Print the answers to stdout and the summary to stderr."""
    try:
        entries = read_entries(path)
    except InputError as err:
        print(err, file=sys.stderr)
        return 2
    answers = assess_entries(entries, load_database(), today or date.today())  # noqa: DTZ011
    print(json.dumps(answers, indent=1, ensure_ascii=False))
    print(summary(entries, answers), file=sys.stderr)
    return 0
