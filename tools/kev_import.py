"""Import CISA's Known Exploited Vulnerabilities for the products homes have.

    python -m tools.kev_import [REFERENCE_DIR] [OUT]
    # defaults: ../shared/reference/cisa-kev and dataset/imported/kev.json

The catalogue says which products are being attacked but not which models or firmware: that
link is the reviewed mapping in dataset/kev/mapping.json, one rule per CVE and device group,
each citing the page it rests on. This tool checks every rule against the catalogue (so a
typo or a catalogue change cannot slip in unnoticed), joins the two and writes one sorted
file with the catalogue's attribution. Standard library only; imports nothing from the
integration, so it runs on any Python that can run the project's tools.
"""

from collections.abc import Mapping, Sequence
import json
from pathlib import Path
import re
import sys
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference" / "cisa-kev"
DEFAULT_OUT = ROOT / "dataset" / "imported" / "kev.json"
MAPPING = ROOT / "dataset" / "kev" / "mapping.json"
MANUFACTURERS = ROOT / "dataset" / "manufacturers"
CATALOGUE_FILE = "known_exploited_vulnerabilities.json"

SOURCE_NAME = "CISA Known Exploited Vulnerabilities Catalog"
SOURCE_URL = "https://www.cisa.gov/known-exploited-vulnerabilities-catalog"
LICENCE = "CC0-1.0"

CVE_RE = re.compile(r"CVE-\d{4}-\d{4,7}")
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
OS_NAMES = frozenset({"ios", "ipados", "tvos", "watchos", "android", "routeros"})
RULE_KEYS = frozenset({
    "cve", "vendorProject", "product", "manufacturer", "models", "model_prefixes",
    "all_products", "os", "fixed", "end_of_life", "rule_source", "note",
})  # fmt: skip


class MappingError(ValueError):
    """A rule of the mapping does not hold; the message names the rule and the fault."""


def _source(value: object, where: str, *, optional: bool = False) -> dict[str, str] | None:
    """Check a cited page: an http(s) URL and the ISO date it was read."""
    if value is None and optional:
        return None
    if not isinstance(value, Mapping) or set(value) != {"url", "read"}:
        msg = f"{where}: a source is {{'url', 'read'}}"
        raise MappingError(msg)
    url, read = value["url"], value["read"]
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        msg = f"{where}: the source URL must be http(s)"
        raise MappingError(msg)
    if not isinstance(read, str) or not DATE_RE.fullmatch(read):
        msg = f"{where}: 'read' must be an ISO date"
        raise MappingError(msg)
    return {"url": url, "read": read}


def _strings(value: object, where: str) -> list[str]:
    """Check a list of non-empty model strings, without duplicates."""
    if not isinstance(value, list) or not all(isinstance(s, str) and s.strip() for s in value):
        msg = f"{where}: expected a list of non-empty strings"
        raise MappingError(msg)
    if len({s.casefold() for s in value}) != len(value):
        msg = f"{where}: a string is listed twice"
        raise MappingError(msg)
    return list(value)


def _optional_text(value: object, where: str) -> str | None:
    """Check a value that is text or null."""
    if value is not None and (not isinstance(value, str) or not value.strip()):
        msg = f"{where}: expected text or null"
        raise MappingError(msg)
    return value


def _check_identity(
    rule: Mapping[str, Any],
    catalogue: Mapping[str, Mapping[str, Any]],
    manufacturers: frozenset[str],
    where: str,
) -> None:
    """The rule names a catalogue entry as the catalogue spells it, and a known manufacturer."""
    if missing := RULE_KEYS - set(rule):
        msg = f"{where}: missing {sorted(missing)}"
        raise MappingError(msg)
    if extra := set(rule) - RULE_KEYS:
        msg = f"{where}: unknown keys {sorted(extra)}"
        raise MappingError(msg)
    cve = rule["cve"]
    if not isinstance(cve, str) or not CVE_RE.fullmatch(cve):
        msg = f"{where}: not a CVE id"
        raise MappingError(msg)
    entry = catalogue.get(cve)
    if entry is None:
        msg = f"{where}: not in the catalogue"
        raise MappingError(msg)
    for key in ("vendorProject", "product"):
        if rule[key] != entry[key]:
            msg = f"{where}: {key} {rule[key]!r} is {entry[key]!r} in the catalogue"
            raise MappingError(msg)
    if rule["manufacturer"] not in manufacturers:
        msg = f"{where}: no dataset/manufacturers/{rule['manufacturer']}.json"
        raise MappingError(msg)


def _check_scope(rule: Mapping[str, Any], where: str) -> dict[str, Any]:
    """The rule says which devices it applies to: models, prefixes, or the whole line."""
    models = _strings(rule["models"], f"{where} models")
    prefixes = _strings(rule["model_prefixes"], f"{where} model_prefixes")
    all_products = rule["all_products"]
    if not isinstance(all_products, bool):
        msg = f"{where}: all_products is true or false"
        raise MappingError(msg)
    if not (models or prefixes or all_products):
        msg = f"{where}: names no model, no prefix and not all products"
        raise MappingError(msg)
    if all_products and (models or prefixes):
        msg = f"{where}: all_products excludes models and prefixes"
        raise MappingError(msg)
    os_name = rule["os"]
    if os_name is not None and os_name not in OS_NAMES:
        msg = f"{where}: os {os_name!r} is not one of {sorted(OS_NAMES)}"
        raise MappingError(msg)
    return {
        "models": models,
        "model_prefixes": prefixes,
        "all_products": all_products,
        "os": os_name,
    }


def _check_fix(rule: Mapping[str, Any], where: str) -> dict[str, Any]:
    """The fixed version cites its advisory, and an end-of-life product claims no fix."""
    fixed = rule["fixed"]
    if not isinstance(fixed, Mapping) or set(fixed) != {"version", "advisory"}:
        msg = f"{where}: fixed is {{'version', 'advisory'}}"
        raise MappingError(msg)
    end_of_life = rule["end_of_life"]
    if not isinstance(end_of_life, bool):
        msg = f"{where}: end_of_life is true or false"
        raise MappingError(msg)
    version = _optional_text(fixed["version"], f"{where} fixed.version")
    advisory = _source(fixed["advisory"], f"{where} fixed.advisory", optional=True)
    if version is not None and advisory is None:
        msg = f"{where}: a fixed version needs the advisory it came from"
        raise MappingError(msg)
    if version is not None and end_of_life:
        msg = f"{where}: an end-of-life product has no fixed version"
        raise MappingError(msg)
    return {"fixed": {"version": version, "advisory": advisory}, "end_of_life": end_of_life}


def validate_rule(
    rule: object, catalogue: Mapping[str, Mapping[str, Any]], manufacturers: frozenset[str]
) -> dict[str, Any]:
    """Return the rule checked and normalised, or raise MappingError saying what is wrong."""
    if not isinstance(rule, Mapping):
        msg = "a rule is not an object"
        raise MappingError(msg)
    where = f"rule {rule.get('cve')!r}"
    _check_identity(rule, catalogue, manufacturers, where)
    return {
        "manufacturer": rule["manufacturer"],
        **_check_scope(rule, where),
        **_check_fix(rule, where),
        "rule_source": _source(rule["rule_source"], f"{where} rule_source"),
        "note": _optional_text(rule["note"], f"{where} note"),
    }


def _rule_key(cve: str, rule: Mapping[str, Any]) -> tuple[int, int, str, str, str, str]:
    """Identify and order a rule: by CVE (year, then number), then by device group.

    The same CVE may apply to several device groups (models with different fixed builds,
    iOS and tvOS), never twice to the same one.
    """
    _, year, number = cve.split("-")
    return (
        int(year),
        int(number),
        rule["manufacturer"],
        rule["os"] or "",
        "\n".join(sorted(s.casefold() for s in rule["models"])),
        "\n".join(sorted(s.casefold() for s in rule["model_prefixes"])),
    )


def build(
    catalogue_doc: Mapping[str, Any], mapping_doc: Mapping[str, Any], manufacturers: frozenset[str]
) -> dict[str, Any]:
    """Join the catalogue and the mapping into the imported document."""
    vulnerabilities = catalogue_doc.get("vulnerabilities")
    if not isinstance(vulnerabilities, list):
        msg = "the catalogue has no 'vulnerabilities' list"
        raise MappingError(msg)
    catalogue = {entry["cveID"]: entry for entry in vulnerabilities}
    rules = mapping_doc.get("rules")
    if not isinstance(rules, list) or not rules:
        msg = "the mapping has no 'rules' list"
        raise MappingError(msg)
    entries: dict[tuple[int, int, str, str, str, str], dict[str, Any]] = {}
    for raw in rules:
        rule = validate_rule(raw, catalogue, manufacturers)
        cve = str(raw["cve"])
        key = _rule_key(cve, rule)
        if key in entries:
            msg = f"rule {cve!r}: the same device group is mapped twice"
            raise MappingError(msg)
        entry = catalogue[cve]
        entries[key] = {
            "cve": cve,
            "vendorProject": entry["vendorProject"],
            "product": entry["product"],
            "name": entry["vulnerabilityName"].strip(),
            "description": entry["shortDescription"].strip(),
            "required_action": entry["requiredAction"].strip(),
            "date_added": entry["dateAdded"],
            "due_date": entry["dueDate"],
            "ransomware": entry["knownRansomwareCampaignUse"] == "Known",
            "notes": entry["notes"].strip(),
            **rule,
        }
    return {
        "source": {
            "name": SOURCE_NAME,
            "catalogVersion": catalogue_doc.get("catalogVersion"),
            "dateReleased": catalogue_doc.get("dateReleased"),
            "url": SOURCE_URL,
            "licence": LICENCE,
        },
        "entries": [entries[key] for key in sorted(entries)],
    }


def _load(path: Path) -> dict[str, Any]:
    """Read a JSON object from a file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        msg = f"{path}: not a JSON object"
        raise MappingError(msg)
    return data


def main(argv: Sequence[str]) -> int:
    """Validate the mapping and write the imported file; 1 with a message when a rule fails."""
    if len(argv) > 2:  # noqa: PLR2004 - two optional positional arguments
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    reference = Path(argv[0]) if argv else DEFAULT_REFERENCE
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    manufacturers = frozenset(path.stem for path in MANUFACTURERS.glob("*.json"))
    try:
        document = build(_load(reference / CATALOGUE_FILE), _load(MAPPING), manufacturers)
    except (MappingError, OSError, json.JSONDecodeError, KeyError) as err:
        print(f"kev_import: {err}", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(document, indent=1, ensure_ascii=False, sort_keys=False) + "\n"
    out.write_text(text, encoding="utf-8")
    cves = {entry["cve"] for entry in document["entries"]}
    print(f"{out}: {len(document['entries'])} rules for {len(cves)} catalogue entries")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
