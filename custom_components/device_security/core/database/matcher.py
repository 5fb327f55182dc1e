"""Identify a registry device in the database, and say how.

A wrong match is worse than no match: every path stops at "ambiguous" as soon as two
products fit equally well. Every path is a dictionary look-up built once per data
version; patterns are only tried against models that start with their literal prefix.
An answer depends only on the device's strings and the data, so each combination is
worked out once per data version.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
import re

from ..catalogue.index import MAX_INPUT, Catalogue, Found, fold, squash
from ..catalogue.model import CatalogueEntry, CatalogueSource, IntegrationEvidence
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
_JOINED_INITIALS = re.compile(r"\b(\w)/(?=\w\b)")
# Answers remembered per data version: a home repeats its manufacturers and models.
MAX_REMEMBERED = 20_000


def normalize_manufacturer(text: str | None) -> str:
    """Fold a manufacturer string: case, punctuation and corporate suffixes ignored."""
    if not text:
        return ""
    folded = _JOINED_INITIALS.sub(r"\1", text[:MAX_INPUT].casefold())  # "A/S" is "AS"
    folded = folded.replace(".", "").replace("/", " ").replace("&", " and ")
    words = _NOT_ALNUM.sub(" ", folded).split()
    # "GmbH & Co. KG" ends in suffixes joined by "and": drop them all.
    while words and (words[-1] in _CORPORATE or words[-1] == "and"):
        words.pop()
    if len(words) > 1 and words[0] == "the":  # "The Chamberlain Group Inc."
        del words[0]
    return " ".join(words)


# A model string folded to its letters and digits ("Play:1" and "PLAY 1" are one): the
# catalogue's fold, so that the database's and the catalogue's spellings compare.
normalize_model = squash


class MatchMethod(StrEnum):
    """How a device was identified; shown to the owner."""

    MODEL_ID = "model_id"
    MODEL = "model"
    CATALOGUE = "catalogue"
    INTEGRATION = "integration"  # the integration names the product family
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
    product: Product | None = None  # its support record, where the database has one
    matched: str | None = None  # the registry string that decided it
    candidates: tuple[str, ...] = ()  # product ids or names, when ambiguous
    identity: CatalogueEntry | None = None  # what the catalogue says it is
    evidence: IntegrationEvidence | None = None  # what the device's integration says

    @property
    def identified(self) -> bool:
        """A product is known, not only its manufacturer."""
        return self.product is not None or self.identity is not None

    @property
    def product_name(self) -> str | None:
        """The product's name, from its support record or the catalogue."""
        if self.product is not None:
            return self.product.name
        return self.identity.name if self.identity else None

    @property
    def category(self) -> str | None:
        """What kind of device it is, where known."""
        if self.product is not None:
            return self.product.category
        return self.identity.category if self.identity else None


_UNKNOWN = Match(MatchMethod.UNKNOWN_MANUFACTURER)
# A device's manufacturer, model, model id and integration, as the registry gives them.
type _Strings = tuple[str | None, str | None, str | None, str | None]
# A device's model id and model, each with its squashed form.
type _Texts = tuple[tuple[str | None, str], ...]


class _Index:
    """Look-up tables of one group of manufacturers that share a name.

    Keys are the strings as listed and squashed: one dictionary look-up each. A string as
    listed maps to its finished answer, built once per data version: most devices of a
    home are listed so, and are then answered without building anything.
    """

    def __init__(self, manufacturers: tuple[Manufacturer, ...]) -> None:
        self.members = manufacturers
        self.ids = tuple(manufacturer.id for manufacturer in manufacturers)
        # The answer when only the maker is known; answers are immutable, so one is shared.
        self.maker_only = Match(MatchMethod.MANUFACTURER_ONLY, manufacturers[0])
        exact: dict[str, set[Product]] = defaultdict(set)
        normalized: dict[str, set[Product]] = defaultdict(set)
        # Patterns by their literal start: a model is tried only against those it begins with.
        patterns: dict[str, list[tuple[re.Pattern[str], Product]]] = defaultdict(list)
        for manufacturer in manufacturers:
            for product in manufacturer.products:
                for text in (*product.model_ids, *product.models):
                    exact[text].add(product)
                    if key := normalize_model(text):
                        normalized[key].add(product)
                for pattern in product.patterns:
                    compiled = re.compile(pattern, re.IGNORECASE)
                    patterns[_literal_start(pattern)].append((compiled, product))
        # By the field that names the device: its model id or its model.
        listed = {text: _sorted(found) for text, found in exact.items()}
        self.by_model_id = {
            text: _answer(manufacturers, MatchMethod.MODEL_ID, text, found)
            for text, found in listed.items()
        }
        self.by_model = {
            text: _answer(manufacturers, MatchMethod.MODEL, text, found)
            for text, found in listed.items()
        }
        self.normalized = {text: _sorted(found) for text, found in normalized.items()}
        self.patterns = {start: tuple(found) for start, found in patterns.items()}
        self._starts = sorted({len(start) for start in self.patterns}, reverse=True)

    def by_pattern(self, text: str) -> tuple[Product, ...]:
        """Products whose pattern matches the whole string."""
        folded = text.casefold()
        found: set[Product] = set()
        for length in self._starts:
            for pattern, product in self.patterns.get(folded[:length], ()):
                if pattern.fullmatch(text):
                    found.add(product)
        return _sorted(found) if found else ()


def _answer(
    members: tuple[Manufacturer, ...], method: MatchMethod, text: str, products: tuple[Product, ...]
) -> Match:
    """One product identifies the device; two or more, none."""
    if len(products) > 1:
        candidates = tuple(product.id for product in products)
        return Match(MatchMethod.AMBIGUOUS, members[0], matched=text, candidates=candidates)
    (product,) = products
    maker = next(member for member in members if member.id == product.manufacturer_id)
    return Match(method, maker, product, matched=text)


def _sorted(products: Iterable[Product]) -> tuple[Product, ...]:
    return tuple(sorted(products, key=lambda product: product.id))


def _literal_start(pattern: str) -> str:
    r"""The plain characters a pattern must start with, folded ("SM\-G99[16]" -> "sm-g99")."""
    start = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern) and not pattern[index + 1].isalnum():
            start.append(pattern[index + 1])
            index += 2
            continue
        if not (char.isalnum() or char in "-_ ,:/") or pattern[index + 1 : index + 2] in {
            "?", "*", "{",
        }:  # fmt: skip
            break
        start.append(char)
        index += 1
    return "".join(start).casefold()


class Matcher:
    """Matches registry strings against the catalogue and the database."""

    def __init__(
        self, manufacturers: Iterable[Manufacturer], catalogue: Catalogue | None = None
    ) -> None:
        """Build the indexes; run it off the event loop, once per data version."""
        manufacturers = tuple(manufacturers)
        self.catalogue = catalogue
        self._evidence = catalogue.integrations if catalogue is not None else {}
        # What an integration names its maker's devices, when nothing more specific is known.
        self._families = {
            domain: CatalogueEntry(
                manufacturer_id=evidence.manufacturer_id or "",
                name=evidence.family,
                category=evidence.category or "other",
                code=None,
                source=CatalogueSource(
                    "Home Assistant integration", domain, evidence.documentation, "Apache-2.0"
                ),
            )
            for domain, evidence in self._evidence.items()
            if evidence.family is not None
        }
        self._by_id = {manufacturer.id: manufacturer for manufacturer in manufacturers}
        # The maker an integration's devices come from, where it names one of ours.
        self._hints = {
            domain: self._by_id[evidence.manufacturer_id]
            for domain, evidence in self._evidence.items()
            if evidence.manufacturer_id in self._by_id
        }
        self._products = {product.id: product for m in manufacturers for product in m.products}
        groups: dict[str, list[Manufacturer]] = defaultdict(list)
        written: set[str] = set()
        self._prefixes: dict[str, Manufacturer] = {}
        # A maker's names as a device's own name may begin with them, squashed.
        self._name_prefixes: dict[str, tuple[str, ...]] = {}
        for manufacturer in manufacturers:
            names = {manufacturer.name, manufacturer.id.replace("_", " "), *manufacturer.aliases}
            written.update(names)
            for key in {normalize_manufacturer(name) for name in names} - {""}:
                groups[key].append(manufacturer)
            for prefix in manufacturer.alias_prefixes:
                self._prefixes[prefix] = manufacturer
            spoken = (manufacturer.name, *manufacturer.aliases)
            self._name_prefixes[manufacturer.id] = tuple(
                dict.fromkeys(key for name in spoken if (key := normalize_model(name)))
            )
        self._prefix_lengths = sorted({len(prefix) for prefix in self._prefixes}, reverse=True)
        # Where several records share a name, the one with a contact speaks for the group.
        self._groups = {
            key: tuple(sorted(members, key=lambda m: (m.security_contact is None, m.id)))
            for key, members in groups.items()
        }
        self._indexes: dict[tuple[str, ...], _Index] = {}
        for members in self._groups.values():
            self._index(members)
        # A home names few manufacturers, many times: each string, with the maker its
        # integration names if any, is resolved once per data version, with its folded form;
        # the data's own spellings are resolved now, for integrations that name no maker.
        self._makers: dict[tuple[str, str], tuple[_Index | None, str]] = {}
        self._as_written = {name: self._resolve(name, None) for name in written}
        self._answers: dict[_Strings, Match] = {}
        # Every model string the data can match, squashed: most strings of a home are not
        # among them, and are then only tried against their maker's patterns.
        self._spellings = {key for index in self._indexes.values() for key in index.normalized}
        if catalogue is not None:
            self._spellings |= catalogue.spellings(self._name_prefixes)

    def _index(self, members: tuple[Manufacturer, ...]) -> _Index:
        """The look-up tables of these manufacturers, built once."""
        ids = tuple(member.id for member in members)
        if (index := self._indexes.get(ids)) is None:
            index = self._indexes[ids] = _Index(members)
        return index

    def manufacturers(
        self, manufacturer: str | None, integration: str | None = None
    ) -> tuple[Manufacturer, ...]:
        """Return the records a registry manufacturer string names, best first.

        The integration decides between records that share a name, and names the maker
        when the string does not.
        """
        index = self._maker(manufacturer, integration)[0]
        return index.members if index is not None else ()

    def _maker(
        self, manufacturer: str | None, integration: str | None
    ) -> tuple[_Index | None, str]:
        """The records a manufacturer string names, and the string folded; remembered."""
        text = (manufacturer or "")[:MAX_INPUT]
        hinted = self._hints.get(integration or "")
        if hinted is None and (known := self._as_written.get(text)) is not None:
            return known
        key = (text, hinted.id if hinted is not None else "")
        if (known := self._makers.get(key)) is not None:
            return known
        if len(self._makers) >= MAX_REMEMBERED:
            self._makers.clear()
        self._makers[key] = known = self._resolve(text, hinted)
        return known

    def _resolve(self, text: str, hinted: Manufacturer | None) -> tuple[_Index | None, str]:
        """The records a manufacturer string names, the integration's maker deciding."""
        found = self._named(text)
        if hinted is not None and (not found or hinted in found):
            found = (hinted,)
        return (self._index(found) if found else None, fold(text))

    def _named(self, manufacturer: str) -> tuple[Manufacturer, ...]:
        if manufacturer:
            for length in self._prefix_lengths:  # Zigbee codes such as "_TZ3000_abcdefgh"
                if (maker := self._prefixes.get(manufacturer[:length])) is not None:
                    return (maker,)
        key = normalize_manufacturer(manufacturer)
        if not key:
            return ()
        if found := self._groups.get(key):
            return found
        # "Philips Lighting BV" is Philips: an alias followed by more words, longest first.
        words = key.split(" ")
        for count in range(len(words) - 1, 0, -1):
            if found := self._groups.get(" ".join(words[:count])):
                return found
        return ()

    def match(
        self,
        manufacturer: str | None,
        model: str | None,
        model_id: str | None,
        integration: str | None = None,
    ) -> Match:
        """Identify a device: the database's exact strings, the catalogue, then looser forms.

        What the device's integration says comes with the answer, and names the product
        family when nothing more specific is known. The answer depends on the four strings
        and the data version only, so each combination is worked out once.
        """
        key = (
            manufacturer and manufacturer[:MAX_INPUT], model and model[:MAX_INPUT],
            model_id and model_id[:MAX_INPUT], integration,
        )  # fmt: skip
        if (known := self._answers.get(key)) is None:
            if len(self._answers) >= MAX_REMEMBERED:
                self._answers.clear()
            known = self._identify(*key)
            if integration and (evidence := self._evidence.get(integration)) is not None:
                known = self._with_evidence(known, evidence)
            self._answers[key] = known
        return known

    def _with_evidence(self, found: Match, evidence: IntegrationEvidence) -> Match:
        # The family is the integration's maker's line: not a word about another maker's
        # device that the integration happens to show (an Aqara plug on a Plugwise hub).
        other_maker = (
            evidence.manufacturer_id is not None
            and found.manufacturer is not None
            and found.manufacturer.id != evidence.manufacturer_id
        )
        identity, method = found.identity, found.method
        if not (found.identified or evidence.family is None or other_maker):
            identity = self._families[evidence.domain]
            if method is not MatchMethod.AMBIGUOUS:
                method = MatchMethod.INTEGRATION
        return Match(
            method, found.manufacturer, found.product, found.matched, found.candidates,
            identity, evidence,
        )  # fmt: skip

    def _identify(
        self,
        manufacturer: str | None,
        model: str | None,
        model_id: str | None,
        integration: str | None,
    ) -> Match:
        model_id = model_id and (model_id.strip() or None)
        model = model and (model.strip() or None)
        index, folded_maker = self._maker(manufacturer, integration)
        # The maker's own record listing the string as written is the strongest word.
        if index is not None and (answer := self._as_listed(index, model_id, model)):
            return answer
        texts = ((model_id, normalize_model(model_id)), (model, normalize_model(model)))
        if not self._spelled(texts):
            # Nothing in the data spells these strings: only a pattern may still know them.
            return self._maker_only(index, texts)
        found = None
        if self.catalogue is not None:
            device = (
                integration or "", folded_maker, model.casefold() if model else "",
                model_id.casefold() if model_id else "",
            )  # fmt: skip
            found = self.catalogue.find(device, model, model_id, index.ids if index else ())
        if found is not None and found.entry is not None:
            maker = self._by_id.get(found.entry.manufacturer_id)
            if maker is not None and (index is None or maker not in index.members):
                # The catalogue names another maker: its record, as written, comes first.
                index = self._index((maker,))
                if answer := self._as_listed(index, model_id, model):
                    return answer
        if index is not None:
            return self._in_database(index, found, texts)
        if found is not None and found.entry is not None:
            return Match(MatchMethod.CATALOGUE, None, None, found.matched, (), found.entry)
        return self._maker_only(None, texts)

    def _in_database(self, index: _Index, found: Found | None, texts: _Texts) -> Match:
        """Not listed as written: catalogue keys, squashed strings, own names, patterns."""
        if found is not None:
            return self._from_catalogue(index.members, found)
        if answer := self._squashed(index, texts):
            return answer
        if self.catalogue is not None and (
            named := self._by_own_name(self.catalogue, index, texts[::-1])
        ):
            return self._from_catalogue(index.members, named)
        return self._maker_only(index, texts)

    def _spelled(self, texts: _Texts) -> bool:
        """Some record or catalogue entry spells one of the strings, up to punctuation."""
        for text, squashed in texts:
            if text and (not squashed or squashed in self._spellings):
                return True
        return False

    def _maker_only(self, index: _Index | None, texts: _Texts) -> Match:
        """No string of the device is listed: its maker's patterns, or its maker alone."""
        if index is None:
            return _UNKNOWN
        return self._by_pattern(index, texts) or index.maker_only

    def _as_listed(self, index: _Index, model_id: str | None, model: str | None) -> Match | None:
        """The product listing one of the device's strings exactly as written."""
        if model_id and (answer := index.by_model_id.get(model_id)):
            return answer
        return index.by_model.get(model) if model else None

    def _squashed(self, index: _Index, texts: _Texts) -> Match | None:
        """The product listing a string up to case and punctuation."""
        for text, squashed in texts:
            if text and (products := index.normalized.get(squashed)):
                return _answer(index.members, MatchMethod.NORMALIZED_MODEL, text, products)
        return None

    def _by_pattern(self, index: _Index, texts: _Texts) -> Match | None:
        """The product whose pattern matches a string in full."""
        for text, _ in texts:
            if text and (products := index.by_pattern(text)):
                return _answer(index.members, MatchMethod.PATTERN, text, products)
        return None

    def _by_own_name(self, catalogue: Catalogue, index: _Index, texts: _Texts) -> Found | None:
        """A maker's product named by the device's own name (Matter, HomeKit)."""
        for maker in index.ids:
            prefixes = self._name_prefixes[maker]
            for text, name in texts:
                if text and (hit := catalogue.by_name(maker, prefixes, text, name)):
                    return hit
        return None

    def _from_catalogue(self, members: tuple[Manufacturer, ...], found: Found) -> Match:
        if found.entry is None:
            return Match(
                MatchMethod.AMBIGUOUS,
                members[0],
                matched=found.matched,
                candidates=found.candidates,
            )
        entry = found.entry
        maker = next((m for m in members if m.id == entry.manufacturer_id), members[0])
        product = self._products.get(entry.product_id or "")
        return Match(MatchMethod.CATALOGUE, maker, product, found.matched, (), entry)
