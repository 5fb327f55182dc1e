"""Known exploited vulnerabilities (CISA's KEV catalogue) and the device models they concern.

The catalogue names a vendor's product, never a model or a firmware version. The reviewed
mapping in the bundled data links each entry to the model strings Home Assistant shows
(or, for an operating system, to the devices that run it), with the vendor's fixed version
where one was published. The same mapping, reduced to (vendor, product) rules, carries a
new catalogue entry to the devices it concerns the day the feed lists it.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
import re
from typing import Any

from . import DATA_DIR
from .database.loader import decode_json
from .database.schema import DatabaseError
from .software import OS_OF

BUNDLED = DATA_DIR / "kev.json"

CATALOGUE_URL = "https://www.cisa.gov/known-exploited-vulnerabilities-catalog"
FEED_URL = "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json"
_CVE = re.compile(r"^CVE-\d{4}-\d{4,7}$")
MAX_TEXT = 1000


@dataclass(frozen=True, slots=True)
class Rule:
    """Which devices a catalogue entry concerns."""

    manufacturer: str
    models: frozenset[str] = frozenset()  # folded model strings
    prefixes: tuple[str, ...] = ()  # folded model prefixes
    all_products: bool = False  # the whole product line (scoped by `os` where given)
    os: str | None = None

    def concerns(self, manufacturer: str, models: Iterable[str], os: str | None) -> bool:
        """Whether a device of this maker, with these model strings and OS, is concerned."""
        if manufacturer != self.manufacturer:
            return False
        if self.all_products:
            return self.os is None or self.os == os
        return any(
            model in self.models or model.startswith(self.prefixes) for model in models if model
        )


@dataclass(frozen=True, slots=True)
class Vulnerability:
    """One catalogue entry, as the finding shows it, and the devices it concerns."""

    cve: str
    name: str
    required_action: str
    ransomware: bool
    date_added: str
    rule: Rule
    fixed_version: str | None = None
    advisory: str | None = None
    end_of_life: bool = False


def _text(value: object, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        msg = f"known exploited vulnerabilities: {field} is missing"
        raise DatabaseError(msg)
    return value.strip()[:MAX_TEXT]


def _rule(item: Mapping[str, Any]) -> Rule:
    models = item.get("models") or []
    prefixes = item.get("model_prefixes") or []
    if not isinstance(models, list) or not isinstance(prefixes, list):
        msg = "known exploited vulnerabilities: models and prefixes are lists"
        raise DatabaseError(msg)
    return Rule(
        manufacturer=_text(item.get("manufacturer"), "manufacturer"),
        models=frozenset(str(model).casefold() for model in models),
        prefixes=tuple(str(prefix).casefold() for prefix in prefixes),
        all_products=item.get("all_products") is True,
        os=item["os"] if isinstance(item.get("os"), str) else None,
    )


def parse_bundled(document: object) -> tuple[Vulnerability, ...]:
    """Validate the bundled, mapped catalogue entries."""
    if not isinstance(document, Mapping) or not isinstance(document.get("entries"), list):
        msg = "known exploited vulnerabilities: expected an object with entries"
        raise DatabaseError(msg)
    found = []
    for item in document["entries"]:
        if not isinstance(item, Mapping) or not _CVE.match(str(item.get("cve"))):
            msg = "known exploited vulnerabilities: an entry without a CVE id"
            raise DatabaseError(msg)
        fixed: Mapping[str, Any] = item["fixed"] if isinstance(item.get("fixed"), Mapping) else {}
        advisory: Mapping[str, Any] = (
            fixed["advisory"] if isinstance(fixed.get("advisory"), Mapping) else {}
        )
        found.append(
            Vulnerability(
                cve=str(item["cve"]),
                name=_text(item.get("name"), "name"),
                required_action=_text(item.get("required_action"), "required action"),
                ransomware=item.get("ransomware") is True,
                date_added=_text(item.get("date_added"), "date added"),
                rule=_rule(item),
                fixed_version=fixed.get("version")
                if isinstance(fixed.get("version"), str)
                else None,
                advisory=advisory.get("url") if isinstance(advisory.get("url"), str) else None,
                end_of_life=item.get("end_of_life") is True,
            )
        )
    return tuple(found)


def product_rules(
    document: Mapping[str, Any],
) -> dict[tuple[str, str], tuple[Rule, ...]]:
    """The mapping reduced to (vendor, product) -> rules, for entries the feed adds later."""
    rules: dict[tuple[str, str], list[Rule]] = {}
    for item in document.get("entries") or []:
        key = (str(item.get("vendorProject")).casefold(), str(item.get("product")).casefold())
        rule = _rule(item)
        if rule not in rules.setdefault(key, []):
            rules[key].append(rule)
    return {key: tuple(found) for key, found in rules.items()}


def feed_items(
    payload: bytes, rules: Mapping[tuple[str, str], Sequence[Rule]]
) -> list[dict[str, Any]]:
    """The feed's entries for products the mapping knows; DatabaseError if it is not a feed."""
    feed = decode_json(payload, "known exploited vulnerabilities feed")
    items = feed.get("vulnerabilities") if isinstance(feed, Mapping) else None
    if not isinstance(items, list) or not items:
        msg = "known exploited vulnerabilities feed: no vulnerabilities"
        raise DatabaseError(msg)
    kept = []
    for item in items:
        if not isinstance(item, Mapping) or not _CVE.match(str(item.get("cveID"))):
            msg = "known exploited vulnerabilities feed: an entry without a CVE id"
            raise DatabaseError(msg)
        if _product_key(item) in rules:
            kept.append(dict(item))
    return kept


def _product_key(item: Mapping[str, Any]) -> tuple[str, str]:
    return (str(item.get("vendorProject")).casefold(), str(item.get("product")).casefold())


def with_feed(
    index: VulnerabilityIndex,
    items: Iterable[Mapping[str, Any]],
    rules: Mapping[tuple[str, str], Sequence[Rule]],
) -> VulnerabilityIndex:
    """The index with the feed's entries it does not know yet; raise DatabaseError."""
    known = {vulnerability.cve for vulnerability in index.vulnerabilities}
    added: list[Vulnerability] = []
    for item in items:
        key = _product_key(item)
        if item.get("cveID") in known or key not in rules:
            continue
        base = Vulnerability(
            cve=str(item["cveID"]),
            name=_text(item.get("vulnerabilityName"), "vulnerabilityName"),
            required_action=_text(item.get("requiredAction"), "requiredAction"),
            ransomware=item.get("knownRansomwareCampaignUse") == "Known",
            date_added=_text(item.get("dateAdded"), "dateAdded"),
            rule=rules[key][0],
        )
        added.extend(replace(base, rule=rule) for rule in rules[key])
    return VulnerabilityIndex((*index.vulnerabilities, *added)) if added else index


class VulnerabilityIndex:
    """Finds the catalogue entries that concern a device, by its manufacturer record."""

    def __init__(self, vulnerabilities: Iterable[Vulnerability]) -> None:
        """Index by manufacturer, once per data version."""
        self.vulnerabilities = tuple(vulnerabilities)
        self._by_maker: dict[str, list[Vulnerability]] = {}
        for vulnerability in self.vulnerabilities:
            self._by_maker.setdefault(vulnerability.rule.manufacturer, []).append(vulnerability)

    def __len__(self) -> int:
        """How many (entry, rule) pairs are known."""
        return len(self.vulnerabilities)

    def concerning(
        self, manufacturer: str, models: Iterable[str | None], category: str | None
    ) -> list[Vulnerability]:
        """The entries that concern a device: its maker, its model strings, its OS."""
        candidates = self._by_maker.get(manufacturer)
        if not candidates:
            return []
        folded = [model.strip().casefold() for model in models if model]
        os = OS_OF.get((manufacturer, category or ""))
        seen: set[str] = set()
        found = []
        for vulnerability in candidates:
            if vulnerability.cve not in seen and vulnerability.rule.concerns(
                manufacturer, folded, os
            ):
                seen.add(vulnerability.cve)
                found.append(vulnerability)
        return found


EMPTY = VulnerabilityIndex(())


def load_bundled(
    path: Path = BUNDLED,
) -> tuple[VulnerabilityIndex, dict[tuple[str, str], tuple[Rule, ...]]]:
    """Read the bundled entries and the product rules new feed entries map by. Blocking."""
    document = decode_json(path.read_bytes(), "known exploited vulnerabilities")
    return VulnerabilityIndex(parse_bundled(document)), product_rules(document)
