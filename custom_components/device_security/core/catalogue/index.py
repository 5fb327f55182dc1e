"""Look a device's strings up in the catalogue: a few dictionary look-ups, whatever its size.

Keys are the exact (integration, manufacturer, model, model_id) strings Home Assistant
shows for a product, up to case and surrounding space; a key field may be empty when the
product is identified without it. Candidates are found by model and by model id, then the
most specific one that fits wins; two different products equally specific identify none.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
import re
from typing import Any

from .integrations import SHOWS_ZIGBEE_STRINGS, ZIGBEE
from .model import CatalogueEntry, CatalogueSource, IntegrationEvidence

MAX_INPUT = 255
SCHEMA_VERSION = 1
_NOT_ALNUM = re.compile(r"[\W_]+")
# A name this short or without a digit names a kind of product ("Smart plug"), not one.
MIN_NAME = 6


class CatalogueError(ValueError):
    """The catalogue document is not valid; the message says where."""


def fold(text: str | None) -> str:
    """Case and surrounding space do not tell products apart."""
    return text[:MAX_INPUT].strip().casefold() if text else ""


def squash(text: str | None) -> str:
    """Letters and digits only: "Eve Energy (20EBO8301)" and "eve energy 20ebo8301" are one."""
    return _NOT_ALNUM.sub("", text[:MAX_INPUT].casefold()) if text else ""


def _specific(name: str) -> bool:
    return len(name) >= MIN_NAME and not name.isalpha()  # squashed: letters and digits


# (integration, manufacturer, model, model_id, entry): a tuple of strings, which CPython's
# collector stops tracking, so a large catalogue adds nothing to its full collections.
type _Key = tuple[str, str, str, str, int]
# A device's strings, folded: (integration, manufacturer, model, model_id).
type Folded = tuple[str, str, str, str]


def _fits(key: _Key, device: Folded) -> int:
    """How specifically a key fits the device: fields matched, or -1 if it does not."""
    score = 0
    for wanted, given in zip(key[1:4], device[1:4], strict=True):
        if wanted:
            if wanted != given:
                return -1
            score += 1
    integration = key[0]
    if integration:
        if integration == device[0]:
            score += 1
        elif not (integration in ZIGBEE and device[0] in ZIGBEE | SHOWS_ZIGBEE_STRINGS):
            return -1
    return score


@dataclass(frozen=True, slots=True)
class Found:
    """The catalogue's answer: the entry, or the candidates when two fit equally well."""

    entry: CatalogueEntry | None
    matched: str
    candidates: tuple[str, ...] = ()


class Catalogue:
    """The catalogue, indexed once per data version."""

    def __init__(
        self,
        entries: Sequence[CatalogueEntry],
        keys: Iterable[Sequence[Any]],
        integrations: Mapping[str, IntegrationEvidence] | None = None,
    ) -> None:
        """Index the keys by model and by model id; run it off the event loop."""
        self.entries = tuple(entries)
        self.integrations: Mapping[str, IntegrationEvidence] = integrations or {}
        # (a key's model id, or model when it has none; its manufacturer, "" for any) -> keys.
        by_text: dict[tuple[str, str], list[_Key]] = {}
        # The same keys by their product's maker: a library may spell the maker otherwise
        # than the device does ("GE" and "GE/Jasco"), the maker is the same.
        by_maker: dict[tuple[str, str], list[_Key]] = {}
        # A maker's product names and codes, for strings no integration key has: the name a
        # device gives itself (Matter, HomeKit) is often the library's name or code.
        named: dict[tuple[str, str], set[int]] = {}
        for index, entry in enumerate(self.entries):
            for text in (entry.name, entry.code):
                for part in (text or "").split(","):
                    if _specific(name := squash(part)):
                        named.setdefault((entry.manufacturer_id, name), set()).add(index)
        self._by_name = {key: found.pop() for key, found in named.items() if len(found) == 1}
        for integration, manufacturer, model, model_id, entry in keys:
            key = (fold(integration), fold(manufacturer), fold(model), fold(model_id), entry)
            if text := key[3] or key[2]:
                by_text.setdefault((text, key[1]), []).append(key)
                if key[1]:
                    maker = self.entries[entry].manufacturer_id
                    by_maker.setdefault((text, maker), []).append(key)
        self._keys = {text: tuple(found) for text, found in by_text.items()}
        self._keys_by_maker = {text: tuple(found) for text, found in by_maker.items()}

    def __len__(self) -> int:
        """How many products the catalogue knows."""
        return len(self.entries)

    def spellings(self, prefixes: Mapping[str, Iterable[str]]) -> set[str]:
        """Every string, squashed, that can lead to an entry; `prefixes`, makers' names.

        A device string whose squashed form is not among them cannot name an entry.
        """
        found = {squash(text) for keys in self._keys.values() for key in keys for text in key[2:4]}
        for maker, name in self._by_name:
            found.add(name)
            found.update(prefix + name for prefix in prefixes.get(maker, ()))
        return found

    def by_name(
        self, manufacturer_id: str, prefixes: Iterable[str], text: str, name: str
    ) -> Found | None:
        """The maker's one product with this name or code, the maker's name in front or not.

        `name` is the device's string `text` squashed; `prefixes`, the maker's names squashed.
        """
        for prefix in prefixes:
            if name.startswith(prefix) and len(name) > len(prefix):
                name = name[len(prefix) :]
                break
        if not _specific(name):
            return None
        index = self._by_name.get((manufacturer_id, name))
        return None if index is None else Found(self.entries[index], text)

    def find(
        self, device: Folded, model: str | None, model_id: str | None, makers: Iterable[str] = ()
    ) -> Found | None:
        """The product these folded strings name, if the catalogue knows exactly one.

        `model` and `model_id` are the device's own strings, to say which one decided;
        `makers`, the ids of the manufacturers its manufacturer string names: when no key
        spells the maker as the device does, the maker's own keys are tried.
        """
        _, maker, folded_model, folded_id = device
        # Some integrations show the code as the model: both strings are looked up.
        texts = (folded_id, folded_model) if folded_model != folded_id else (folded_id,)
        candidates: tuple[_Key, ...] = ()
        for text in texts:
            if text:
                candidates += self._keys.get((text, maker), ())
                if maker:
                    candidates += self._keys.get((text, ""), ())
        if candidates and (found := self._best(candidates, device, model, model_id)):
            return found
        # The library spells the maker otherwise than the device does: the maker is the same.
        candidates = ()
        for maker_id in makers:
            for text in texts:
                if text and (own := self._keys_by_maker.get((text, maker_id))):
                    candidates += tuple((key[0], maker, *key[2:]) for key in own)
        return self._best(candidates, device, model, model_id) if candidates else None

    def _best(
        self, candidates: tuple[_Key, ...], device: Folded, model: str | None, model_id: str | None
    ) -> Found | None:
        """The one entry that fits the device most specifically; the tied ones, if several."""
        best, winners = 0, set()
        for key in candidates:
            score = _fits(key, device)
            if score > best:
                best, winners = score, {key[4]}
            elif score == best and score > 0:
                winners.add(key[4])
        if not winners:
            return None
        folded_id = device[3]
        by_id = folded_id and any(key[3] == folded_id for key in candidates)
        matched = (model_id if by_id else model) or ""
        if len(winners) > 1:
            names = sorted(self.entries[index].name for index in winners)
            return Found(None, matched, tuple(names))
        return Found(self.entries[winners.pop()], matched)


def parse_catalogue(document: Mapping[str, Any]) -> Catalogue:
    """Validate the compact catalogue document the build writes, and index it."""
    try:
        if document.get("schema_version") != SCHEMA_VERSION:
            msg = f"expected schema_version {SCHEMA_VERSION}"
            raise CatalogueError(msg)
        sources = [
            CatalogueSource(str(s["name"]), str(s["version"]), str(s["url"]), str(s["licence"]))
            for s in document["sources"]
        ]
        entries = [
            CatalogueEntry(
                manufacturer_id=str(maker),
                name=str(name),
                category=str(category),
                code=None if code is None else str(code),
                source=sources[int(source)],
                product_id=None if product is None else str(product),
            )
            for maker, name, category, code, source, product in document["entries"]
        ]
        keys = [
            (str(a), str(b), str(c), str(d), int(entry))
            for a, b, c, d, entry in document["keys"]
            if 0 <= int(entry) < len(entries)
        ]
        integrations = {
            str(domain): IntegrationEvidence(
                domain=str(domain),
                manufacturer_id=maker and str(maker),
                family=family and str(family),
                category=category and str(category),
                community_firmware=community is True,
                documentation=str(documentation),
            )
            for domain, (maker, family, category, community, documentation) in (
                document.get("integrations") or {}
            ).items()
        }
    except (KeyError, TypeError, ValueError, IndexError) as err:
        if isinstance(err, CatalogueError):
            raise
        msg = f"catalogue: malformed ({type(err).__name__})"
        raise CatalogueError(msg) from None
    return Catalogue(entries, keys, integrations)
