"""What the database knows: manufacturers, their products, and where each fact came from."""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class SupportKind(StrEnum):
    """How a product's security-support period is known."""

    DATE = "date"  # the manufacturer states the end date
    ENDED = "ended"  # support has ended; no date stated
    SUPPORTED = "supported"  # stated as supported; no end date stated
    RULE = "rule"  # derived from the manufacturer's published minimum period
    NONE = "none"  # no published period


class RuleStart(StrEnum):
    """What a manufacturer's minimum support period counts from."""

    RELEASE = "release"
    END_OF_SALE = "end_of_sale"
    PURCHASE = "purchase"


@dataclass(frozen=True, slots=True)
class Source:
    """A public page, and the day it was read."""

    url: str
    read: date


@dataclass(frozen=True, slots=True)
class SecurityContact:
    """Where to report a vulnerability."""

    url: str | None
    email: str | None
    security_txt: str | None
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class SupportRule:
    """A published minimum: at least `years` from `start`."""

    years: int
    start: RuleStart


@dataclass(frozen=True, slots=True)
class SupportPolicy:
    """A manufacturer's published support policy."""

    summary: str
    rule: SupportRule | None
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class Product:
    """One product model and its security-support period."""

    id: str
    manufacturer_id: str
    name: str
    category: str
    models: tuple[str, ...]
    model_ids: tuple[str, ...]
    patterns: tuple[str, ...]
    released: date | None
    end_of_sale: date | None
    support: SupportKind
    support_end: date | None
    sources: tuple[Source, ...]
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Manufacturer:
    """A manufacturer and the facts that hold for all its products."""

    id: str
    name: str
    aliases: tuple[str, ...]
    default_credential_vendors: tuple[str, ...]
    security_contact: SecurityContact | None
    support_policy: SupportPolicy | None
    psti_statement: Source | None
    products: tuple[Product, ...] = field(default=(), repr=False)
