"""The schema of the database document, and its translation into model objects.

The bundled file, the project's published file and each source file of the dataset are
validated here, so every way data enters says what is wrong and in which record.
"""

from collections import Counter
from collections.abc import Mapping
from datetime import date
import re
from typing import Any

import probatio as p

from .model import (
    DefaultPassword,
    MakerKind,
    Manufacturer,
    PasswordPractice,
    Product,
    RuleStart,
    SecurityContact,
    Source,
    SupportKind,
    SupportPolicy,
    SupportRule,
)

SCHEMA_VERSION = 2
CATEGORIES = frozenset(
    {
        "hub", "speaker", "display", "camera", "doorbell", "thermostat", "plug", "light",
        "sensor", "lock", "router", "mesh_wifi", "nas", "tv", "streamer", "phone", "tablet",
        "watch", "e_reader", "computer", "appliance", "other",
    }
)  # fmt: skip
MAX_TEXT = 2000
_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")


class DatabaseError(ValueError):
    """The document is not a valid database; the message names the record."""


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: object) -> date:
    """Accept a YYYY-MM-DD string (or a date)."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    msg = f"expected an ISO date (YYYY-MM-DD), got {value!r:.40}"
    raise p.Invalid(msg)


def _optional_date(value: object) -> date | None:
    """Accept None or a date, keeping the date's own error message."""
    return None if value is None else _iso_date(value)


def _schema_version(value: object) -> int:
    if type(value) is not int or value != SCHEMA_VERSION:
        msg = f"expected schema_version {SCHEMA_VERSION}, got {value!r:.40}"
        raise p.Invalid(msg)
    return value


# What makes a backtracking regular expression slow: a quantified group (nested
# repetition), back-references and look-arounds. Patterns are model-code shapes and need
# none of them; with at most two unbounded repeats, matching a bounded string stays cheap.
_QUANTIFIED_GROUP = re.compile(r"\)[*+?{]")
_UNSAFE = re.compile(r"\(\?[=!<]|\\[1-9]|\(\?P=")
_UNBOUNDED = re.compile(r"(?<!\\)[*+]|\{\d*,\}")
MAX_PATTERN = 80
MAX_UNBOUNDED = 2


def _regex(value: object) -> str:
    """Accept a short regular expression that compiles and cannot backtrack badly."""
    if not isinstance(value, str) or not 0 < len(value) <= MAX_PATTERN:
        msg = f"expected a regular expression of at most {MAX_PATTERN} characters"
        raise p.Invalid(msg)
    bare = re.sub(r"\\.", "e", value)  # an escaped character is one plain character
    if (
        _QUANTIFIED_GROUP.search(bare)
        or _UNSAFE.search(value)
        or len(_UNBOUNDED.findall(bare)) > MAX_UNBOUNDED
    ):
        msg = (
            f"unsafe regular expression {value!r}: "
            "no repeated groups, back-references or look-arounds"
        )
        raise p.Invalid(msg)
    try:
        re.compile(value)
    except re.error as err:
        msg = f"invalid regular expression: {err}"
        raise p.Invalid(msg) from err
    return value


_TEXT = p.All(str, p.Length(min=1, max=MAX_TEXT))
_URL = p.All(str, p.Match(r"^https?://\S+$"), p.Length(max=MAX_TEXT))
_OPTIONAL_TEXT = p.Any(None, _TEXT)
_SOURCES = p.All(
    [p.Schema({p.Required("url"): _URL, p.Required("read"): _iso_date})], p.Length(min=1)
)
_STRINGS = p.All([_TEXT], p.Unique())

PRODUCT_SCHEMA = p.Schema(
    {
        p.Required("name"): _TEXT,
        p.Required("category"): p.In(CATEGORIES),
        p.Optional("models", default=list): _STRINGS,
        p.Optional("model_ids", default=list): _STRINGS,
        p.Optional("patterns", default=list): [_regex],
        p.Optional("released", default=None): _optional_date,
        p.Optional("end_of_sale", default=None): _optional_date,
        p.Required("support"): p.In([kind.value for kind in SupportKind]),
        p.Optional("support_end", default=None): _optional_date,
        p.Required("sources"): _SOURCES,
        p.Optional("note", default=None): _OPTIONAL_TEXT,
    }
)

MANUFACTURER_SCHEMA = p.Schema(
    {
        p.Required("id"): p.All(str, p.Match(_ID)),
        p.Required("name"): _TEXT,
        p.Optional("aliases", default=list): _STRINGS,
        p.Optional("default_credential_vendors", default=list): _STRINGS,
        p.Optional("security_contact", default=None): p.Any(
            None,
            {
                p.Optional("url", default=None): p.Any(None, _URL),
                p.Optional("email", default=None): p.Any(None, p.All(str, p.Match(r"^\S+@\S+$"))),
                p.Optional("security_txt", default=None): p.Any(None, _URL),
                p.Required("sources"): _SOURCES,
            },
        ),
        p.Optional("support_policy", default=None): p.Any(
            None,
            {
                p.Required("summary"): _TEXT,
                p.Optional("rule", default=None): p.Any(
                    None,
                    {
                        p.Required("years"): p.All(int, p.Range(min=1, max=30)),
                        p.Required("from"): p.In([start.value for start in RuleStart]),
                    },
                    {p.Required("until"): _iso_date},
                ),
                p.Required("sources"): _SOURCES,
            },
        ),
        p.Optional("psti_statement", default=None): p.Any(
            None, {p.Required("url"): _URL, p.Required("read"): _iso_date}
        ),
        p.Optional("products", default=list): list,
        p.Optional("checked", default=None): p.Any(None, _iso_date),
        p.Optional("kind", default=MakerKind.MANUFACTURER.value): p.In(
            [kind.value for kind in MakerKind]
        ),
        p.Optional("alias_prefixes", default=list): p.All(
            [p.All(str, p.Length(min=3, max=40))], p.Unique()
        ),
        p.Optional("looked_at", default=list): [
            p.Schema({p.Required("url"): _URL, p.Required("read"): _iso_date})
        ],
        p.Optional("default_password", default=None): p.Any(
            None,
            {
                p.Required("practice"): p.In([practice.value for practice in PasswordPractice]),
                p.Optional("summary", default=None): _OPTIONAL_TEXT,
                p.Required("sources"): [
                    p.Schema({p.Required("url"): _URL, p.Required("read"): _iso_date})
                ],
            },
        ),
    }
)

DOCUMENT_SCHEMA = p.Schema(
    {
        p.Required("schema_version"): _schema_version,
        p.Required("generated"): _iso_date,
        p.Optional("attribution", default=list): [_TEXT],
        p.Required("manufacturers"): list,
    }
)


def _check(schema: p.Schema, data: object, where: str) -> dict[str, Any]:
    """Validate `data`, turning the first error into one message that names the record."""
    try:
        result: dict[str, Any] = schema(data)
    except p.Invalid as err:
        msg = f"{where}: {err}"
        raise DatabaseError(msg) from None
    return result


def _sources(items: list[Mapping[str, Any]]) -> tuple[Source, ...]:
    return tuple(Source(url=item["url"], read=item["read"]) for item in items)


def slug(text: str) -> str:
    """Return a lower-case identifier for a product name."""
    text = text.casefold().replace("+", " plus ")
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_") or "product"


def _product(manufacturer_id: str, raw: object, where: str) -> Product:
    data = _check(PRODUCT_SCHEMA, raw, where)
    support = SupportKind(data["support"])
    if not (data["models"] or data["model_ids"] or data["patterns"]):
        msg = f"{where}: lists no models, model_ids or patterns"
        raise DatabaseError(msg)
    if support is SupportKind.DATE and data["support_end"] is None:
        msg = f"{where}: support is 'date' but support_end is missing"
        raise DatabaseError(msg)
    if support is SupportKind.MINIMUM and data["support_end"] is None:
        msg = f"{where}: support is 'minimum' but support_end (the guaranteed date) is missing"
        raise DatabaseError(msg)
    dated = {SupportKind.DATE, SupportKind.RULE, SupportKind.MINIMUM}
    if support not in dated and data["support_end"] is not None:
        msg = f"{where}: support_end is only for support 'date', 'minimum' or a derived 'rule'"
        raise DatabaseError(msg)
    return Product(
        id=f"{manufacturer_id}/{slug(data['name'])}",
        manufacturer_id=manufacturer_id,
        name=data["name"],
        category=data["category"],
        models=tuple(data["models"]),
        model_ids=tuple(data["model_ids"]),
        patterns=tuple(data["patterns"]),
        released=data["released"],
        end_of_sale=data["end_of_sale"],
        support=support,
        support_end=data["support_end"],
        sources=_sources(data["sources"]),
        note=data["note"],
    )


def parse_manufacturer(raw: object, where: str = "manufacturer") -> Manufacturer:
    """Validate one manufacturer record with its products."""
    data = _check(MANUFACTURER_SCHEMA, raw, where)
    where = f"manufacturer '{data['id']}'"
    contact = data["security_contact"]
    policy = data["support_policy"]
    rule = policy and policy["rule"]
    psti = data["psti_statement"]
    password = data["default_password"]
    if password and password["practice"] != PasswordPractice.UNKNOWN and not password["sources"]:
        msg = f"{where}: a default-password practice needs its sources"
        raise DatabaseError(msg)
    products = tuple(
        _product(data["id"], item, f"{where}, product {_label(item, 'name', index)}")
        for index, item in enumerate(data["products"])
    )
    counts = Counter(product.id for product in products)
    if duplicates := [product.name for product in products if counts[product.id] > 1]:
        msg = f"{where}: products {duplicates[0]!r} and {duplicates[1]!r} have the same name"
        raise DatabaseError(msg)
    return Manufacturer(
        id=data["id"],
        name=data["name"],
        aliases=tuple(data["aliases"]),
        default_credential_vendors=tuple(data["default_credential_vendors"]),
        security_contact=contact
        and SecurityContact(
            url=contact["url"],
            email=contact["email"],
            security_txt=contact["security_txt"],
            sources=_sources(contact["sources"]),
        ),
        support_policy=policy
        and SupportPolicy(
            summary=policy["summary"],
            rule=rule
            and (
                SupportRule(until=rule["until"])
                if "until" in rule
                else SupportRule(years=rule["years"], start=RuleStart(rule["from"]))
            ),
            sources=_sources(policy["sources"]),
        ),
        psti_statement=psti and Source(url=psti["url"], read=psti["read"]),
        products=products,
        checked=data["checked"],
        kind=MakerKind(data["kind"]),
        alias_prefixes=tuple(data["alias_prefixes"]),
        looked_at=_sources(data["looked_at"]),
        default_password=password
        and DefaultPassword(
            practice=PasswordPractice(password["practice"]),
            summary=password["summary"],
            sources=_sources(password["sources"]),
        ),
    )


def _label(item: object, key: str, index: int) -> str:
    """Name a record for an error message, even a malformed one."""
    if isinstance(item, Mapping) and isinstance(name := item.get(key), str):
        return f"'{name[:80]}'"
    return f"#{index + 1}"


def parse_document(raw: object) -> tuple[date, tuple[str, ...], tuple[Manufacturer, ...]]:
    """Validate a whole database document; return its date, attribution and manufacturers."""
    data = _check(DOCUMENT_SCHEMA, raw, "database")
    manufacturers = tuple(
        parse_manufacturer(item, f"manufacturer {_label(item, 'id', index)}")
        for index, item in enumerate(data["manufacturers"])
    )
    counts = Counter(manufacturer.id for manufacturer in manufacturers)
    if duplicates := sorted(ident for ident, count in counts.items() if count > 1):
        msg = f"database: manufacturer id {duplicates[0]!r} appears twice"
        raise DatabaseError(msg)
    return data["generated"], tuple(data["attribution"]), manufacturers
