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
    MINIMUM = "minimum"  # updates guaranteed at least until support_end; may go on after
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
    """A published minimum: at least `years` from `start`, or at least `until` a date."""

    years: int | None = None
    start: RuleStart | None = None
    until: date | None = None


class PasswordPractice(StrEnum):
    """How a manufacturer's devices are protected out of the box."""

    UNIQUE_PER_DEVICE = "unique_per_device"  # each unit has its own password
    SET_AT_SETUP = "set_at_setup"  # no default: the owner sets it, or pairing needs none
    UNIVERSAL_DEFAULT = "universal_default"  # a shared, published default login
    NO_LOCAL_LOGIN = "no_local_login"
    UNKNOWN = "unknown"


class MakerKind(StrEnum):
    """Who keeps a device's software up to date."""

    MANUFACTURER = "manufacturer"
    COMMUNITY_FIRMWARE = "community_firmware"  # open firmware: the owner updates it


@dataclass(frozen=True, slots=True)
class DefaultPassword:
    """A manufacturer's default-password practice, and the word it rests on."""

    practice: PasswordPractice
    summary: str | None
    sources: tuple[Source, ...]


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
    checked: date | None = None  # when the whole record was last checked
    kind: MakerKind = MakerKind.MANUFACTURER
    alias_prefixes: tuple[str, ...] = ()
    looked_at: tuple[Source, ...] = ()  # where a missing contact or policy was looked for
    default_password: DefaultPassword | None = None
