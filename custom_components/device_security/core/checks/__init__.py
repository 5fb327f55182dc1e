"""The checks: one module each, found here by themselves.

A module in this package that defines `CHECK = Check(...)` is a check: it declares the
kinds of finding it makes and a pure function that makes them. `assess` identifies the
device, works out its support status, and runs every check; a check that raises is
reported as a finding of its own and the others still run.
"""

from collections.abc import Mapping
import importlib
import pkgutil

from ..device_record import DeviceRecord
from ..findings import Finding, FindingKind, Severity
from ..report import DeviceAssessment
from . import support
from .base import Check, Subject
from .context import AssessmentContext

CHECK_FAILED = FindingKind(
    "check_failed", Severity.LOW, "-", "-", "A check could not assess this device."
)


def _discover() -> tuple[Check, ...]:
    """Every check module's declaration; the support check first, the others by name."""
    found = []
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        if isinstance(check := getattr(module, "CHECK", None), Check):
            found.append(check)
    return tuple(sorted(found, key=lambda check: (check is not support.CHECK, check.name)))


CHECKS = _discover()
# Every kind of finding, by id.
KINDS: Mapping[str, FindingKind] = {
    kind.id: kind for check in (*CHECKS, Check("assess", (CHECK_FAILED,), run=lambda *_: ()))
    for kind in check.kinds
}  # fmt: skip

__all__ = ["CHECKS", "KINDS", "AssessmentContext", "assess"]


def assess(record: DeviceRecord, context: AssessmentContext) -> DeviceAssessment:
    """Assess one device against every check."""
    match = context.database.matcher.match(
        record.manufacturer, record.model, record.model_id, record.integration
    )
    subject = Subject(record, match, support.support_of(record, match, context))
    findings: list[Finding] = []
    for check in CHECKS:
        try:
            findings.extend(check.run(subject, context))
        except Exception as err:  # noqa: BLE001 - one broken check must not hide the others
            findings.append(
                Finding(CHECK_FAILED, {"check": check.name, "error": type(err).__name__})
            )
    return DeviceAssessment(
        record=record,
        match=match,
        support=subject.support,
        contact=match.manufacturer.security_contact if match.manufacturer else None,
        findings=tuple(findings),
    )
