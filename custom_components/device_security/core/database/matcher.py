"""Identify a registry device in the database, and say how.

A wrong match is worse than no match: every path stops at "ambiguous" as soon as two
products fit equally well. The exact paths are dictionary look-ups built once at load.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
import re

from .model import Manufacturer, Product

# Words that say what kind of company it is, not which: dropped from the end of a name.
_CORPORATE = frozenset(
    {
        "ab", "ag", "as", "bv", "co", "company", "corp", "corporation", "gmbh", "inc",
        "incorporated", "kg", "limited", "llc", "ltd", "nv", "oy", "plc", "pty", "sa",
        "sarl", "sas", "spa", "srl",
    }
)  # fmt: skip
# Letters and digits of any script count; everything else separates words.
_NOT_ALNUM = re.compile(r"[\W_]+")
MAX_INPUT = 255


def normalize_manufacturer(text: str | None) -> str:
    """Fold a manufacturer string: case, punctuation and corporate suffixes ignored."""
    if not text:
        return ""
    folded = text[:MAX_INPUT].casefold().replace(".", "").replace("/", "").replace("&", " and ")
    words = _NOT_ALNUM.sub(" ", folded).split()
    # "GmbH & Co. KG" ends in suffixes joined by "and": drop them all.
    while words and (words[-1] in _CORPORATE or words[-1] == "and"):
        words.pop()
    return " ".join(words)


def normalize_model(text: str | None) -> str:
    """Fold a model string to its letters and digits: 'Play:1' and 'PLAY 1' are one."""
    return _NOT_ALNUM.sub("", text[:MAX_INPUT].casefold()) if text else ""


class MatchMethod(StrEnum):
    """How a device was identified; shown to the owner."""

    MODEL_ID = "model_id"
    MODEL = "model"
    NORMALIZED_MODEL = "normalized_model"
    PATTERN = "pattern"
    MANUFACTURER_ONLY = "manufacturer_only"
    AMBIGUOUS = "ambiguous"
    UNKNOWN_MANUFACTURER = "unknown_manufacturer"


@dataclass(frozen=True, slots=True)
class Match:
    """The outcome of identifying one device."""

    method: MatchMethod
    manufacturer: Manufacturer | None = None
    product: Product | None = None
    matched: str | None = None  # the registry string that decided it
    candidates: tuple[str, ...] = ()  # product ids, when ambiguous


class _Index:
    """Look-up tables of one group of manufacturers that share a name."""

    def __init__(self, manufacturers: Iterable[Manufacturer]) -> None:
        self.exact: dict[str, set[Product]] = defaultdict(set)
        self.normalized: dict[str, set[Product]] = defaultdict(set)
        self.patterns: list[tuple[re.Pattern[str], Product]] = []
        for manufacturer in manufacturers:
            for product in manufacturer.products:
                for text in (*product.model_ids, *product.models):
                    self.exact[text].add(product)
                    if key := normalize_model(text):
                        self.normalized[key].add(product)
                self.patterns.extend(
                    (re.compile(pattern, re.IGNORECASE), product) for pattern in product.patterns
                )

    def by_exact(self, text: str) -> set[Product]:
        """Products listing exactly this string."""
        return self.exact.get(text, set())

    def by_normalized(self, text: str) -> set[Product]:
        """Products listing this string up to case and punctuation."""
        return self.normalized.get(normalize_model(text), set())

    def by_pattern(self, text: str) -> set[Product]:
        """Products whose pattern matches the whole string."""
        return {product for pattern, product in self.patterns if pattern.fullmatch(text)}


class Matcher:
    """Matches registry strings against the database."""

    def __init__(self, manufacturers: Iterable[Manufacturer]) -> None:
        """Build the indexes; run it off the event loop, once per database."""
        groups: dict[str, list[Manufacturer]] = defaultdict(list)
        for manufacturer in manufacturers:
            names = {manufacturer.name, manufacturer.id.replace("_", " "), *manufacturer.aliases}
            for key in {normalize_manufacturer(name) for name in names} - {""}:
                groups[key].append(manufacturer)
        # Where several records share a name, the one with a contact speaks for the group.
        self._groups = {
            key: tuple(sorted(members, key=lambda m: (m.security_contact is None, m.id)))
            for key, members in groups.items()
        }
        self._indexes: dict[tuple[str, ...], _Index] = {}
        for members in self._groups.values():
            ids = tuple(member.id for member in members)
            if ids not in self._indexes:
                self._indexes[ids] = _Index(members)
        self._prefixes = sorted(self._groups, key=len, reverse=True)

    def manufacturers(self, manufacturer: str | None) -> tuple[Manufacturer, ...]:
        """Return the records a registry manufacturer string names, best first."""
        key = normalize_manufacturer(manufacturer)
        if not key:
            return ()
        if found := self._groups.get(key):
            return found
        # "Philips Lighting BV" is Philips: an alias followed by more words.
        for prefix in self._prefixes:
            if key.startswith(prefix + " "):
                return self._groups[prefix]
        return ()

    def match(self, manufacturer: str | None, model: str | None, model_id: str | None) -> Match:
        """Identify a device: model id first, then model, normalized forms, then patterns."""
        members = self.manufacturers(manufacturer)
        if not members:
            return Match(MatchMethod.UNKNOWN_MANUFACTURER)
        index = self._indexes[tuple(member.id for member in members)]
        model_id = (model_id or "").strip()[:MAX_INPUT] or None
        model = (model or "").strip()[:MAX_INPUT] or None
        attempts = (
            (MatchMethod.MODEL_ID, model_id, index.by_exact),
            (MatchMethod.MODEL, model, index.by_exact),
            (MatchMethod.NORMALIZED_MODEL, model_id, index.by_normalized),
            (MatchMethod.NORMALIZED_MODEL, model, index.by_normalized),
            (MatchMethod.PATTERN, model_id, index.by_pattern),
            (MatchMethod.PATTERN, model, index.by_pattern),
        )
        for method, text, look_up in attempts:
            if text is None or not (found := look_up(text)):
                continue
            if len(found) > 1:
                return Match(
                    MatchMethod.AMBIGUOUS,
                    members[0],
                    matched=text,
                    candidates=tuple(sorted(product.id for product in found)),
                )
            (product,) = found
            owner = next(member for member in members if member.id == product.manufacturer_id)
            return Match(method, owner, product, matched=text)
        return Match(MatchMethod.MANUFACTURER_ONLY, members[0])
