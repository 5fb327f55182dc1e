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
    return len(name) >= MIN_NAME and any(char.isdigit() for char in name)


@dataclass(frozen=True, slots=True)
class _Key:
    integration: str
    manufacturer: str
    model: str
    model_id: str
    entry: int

    def fits(self, integration: str, manufacturer: str, model: str, model_id: str) -> int:
        """How specifically the key fits the device: fields matched, or -1 if it does not."""
        score = 0
        for wanted, given in (
            (self.manufacturer, manufacturer),
            (self.model, model),
            (self.model_id, model_id),
        ):
            if wanted:
                if wanted != given:
                    return -1
                score += 1
        if self.integration:
            if self.integration == integration:
                score += 1
            elif not (self.integration in ZIGBEE and integration in ZIGBEE | SHOWS_ZIGBEE_STRINGS):
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
        # model (or model id) -> manufacturer ("" for any) -> keys: two look-ups find them.
        self._by_model: dict[str, dict[str, list[_Key]]] = {}
        self._by_model_id: dict[str, dict[str, list[_Key]]] = {}
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
            key = _Key(fold(integration), fold(manufacturer), fold(model), fold(model_id), entry)
            if key.model_id:
                table = self._by_model_id.setdefault(key.model_id, {})
            elif key.model:
                table = self._by_model.setdefault(key.model, {})
            else:
                continue
            table.setdefault(key.manufacturer, []).append(key)

    def __len__(self) -> int:
        """How many products the catalogue knows."""
        return len(self.entries)

    def by_name(
        self, manufacturer_id: str, maker_names: Iterable[str], text: str | None
    ) -> Found | None:
        """The maker's one product with this name or code, the maker's name in front or not."""
        name = squash(text)
        for prefix in (squash(maker) for maker in maker_names):
            if prefix and name.startswith(prefix) and len(name) > len(prefix):
                name = name[len(prefix) :]
                break
        if not _specific(name):
            return None
        index = self._by_name.get((manufacturer_id, name))
        return None if index is None else Found(self.entries[index], text or "")

    def find(
        self, integration: str | None, manufacturer: str | None, model: str | None,
        model_id: str | None,
    ) -> Found | None:  # fmt: skip
        """The product these strings name, if the catalogue knows exactly one."""
        device = (fold(integration), fold(manufacturer), fold(model), fold(model_id))
        candidates = [
            key
            for table, text in (
                (self._by_model_id, device[3]),
                (self._by_model_id, device[2]),  # some integrations show the code as model
                (self._by_model, device[2]),
            )
            if text and (by_maker := table.get(text))
            for maker in {device[1], ""}
            for key in by_maker.get(maker, ())
        ]
        if not candidates:
            return None
        best, winners = 0, set()
        for key in candidates:
            score = key.fits(*device)
            if score > best:
                best, winners = score, {key.entry}
            elif score == best and score > 0:
                winners.add(key.entry)
        if not winners:
            return None
        by_id = device[3] and any(key.model_id == device[3] for key in candidates)
        matched = model_id if by_id else model
        if len(winners) > 1:
            names = sorted(self.entries[index].name for index in winners)
            return Found(None, matched or "", tuple(names))
        return Found(self.entries[winners.pop()], matched or "")


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
