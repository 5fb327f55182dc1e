"""The core database: schema validation, matching, the bundled file, endoflife.date input."""

import copy
from datetime import date
import json
from typing import Any

import pytest

from custom_components.device_security.core.database import endoflife, matcher as matcher_module
from custom_components.device_security.core.database.loader import (
    MAX_DOCUMENT_BYTES,
    Database,
    load_database,
    parse_database,
)
from custom_components.device_security.core.database.matcher import (
    MAX_INPUT,
    Match,
    Matcher,
    MatchMethod,
    normalize_manufacturer,
    normalize_model,
)
from custom_components.device_security.core.database.model import Manufacturer, SupportKind
from custom_components.device_security.core.database.schema import (
    DatabaseError,
    parse_document,
    parse_manufacturer,
)


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """Override the package-wide fixture: these tests need no Home Assistant."""


SOURCE = {"url": "https://example.com/support", "read": "2026-11-22"}


def product(name: str = "Widget", **fields: Any) -> dict[str, Any]:
    """Return a minimal valid product record, with `fields` replacing or adding keys."""
    record: dict[str, Any] = {
        "name": name,
        "category": "plug",
        "models": [f"{name} model"],
        "support": "none",
        "sources": [dict(SOURCE)],
    }
    record.update(fields)
    return record


def manufacturer(ident: str = "acme", *products: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """Return a minimal valid manufacturer record."""
    record: dict[str, Any] = {
        "id": ident,
        "name": ident.replace("_", " ").title(),
        "aliases": [],
        "products": list(products) if products else [product()],
    }
    record.update(fields)
    return record


def document(*manufacturers: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """Return a minimal valid database document."""
    record: dict[str, Any] = {
        "schema_version": 2,
        "generated": "2026-11-22",
        "attribution": [],
        "manufacturers": list(manufacturers) if manufacturers else [manufacturer()],
    }
    record.update(fields)
    return record


def without(record: dict[str, Any], key: str) -> dict[str, Any]:
    """Return a copy of `record` without `key`."""
    return {name: value for name, value in record.items() if name != key}


def matcher_of(*manufacturers: dict[str, Any]) -> Matcher:
    """Return the matcher of a hand-made document."""
    _, _, parsed = parse_document(document(*manufacturers))
    return Matcher(parsed)


def error_of(raw: object) -> str:
    """Return the message with which parse_document rejects `raw`."""
    with pytest.raises(DatabaseError) as caught:
        parse_document(raw)
    return str(caught.value)


# --- schema ---------------------------------------------------------------------------------


def test_minimal_document_parses() -> None:
    generated, attribution, (maker,) = parse_document(
        document(
            manufacturer("acme", product("Widget Pro", model_ids=["WP-1"])), attribution=["CC0"]
        )
    )
    assert generated == date(2026, 11, 22)
    assert attribution == ("CC0",)
    assert maker.id == "acme"
    assert maker.security_contact is None
    assert maker.support_policy is None
    (widget,) = maker.products
    assert widget.id == "acme/widget_pro"
    assert widget.manufacturer_id == "acme"
    assert widget.models == ("Widget Pro model",)
    assert widget.model_ids == ("WP-1",)
    assert widget.patterns == ()
    assert widget.support is SupportKind.NONE
    assert widget.support_end is None
    assert widget.sources[0].read == date(2026, 11, 22)


def test_full_manufacturer_parses() -> None:
    maker = parse_manufacturer(
        manufacturer(
            "acme",
            product("Hub", support="date", support_end="2030-01-31", released="2024-02-01"),
            product("Plug", support="rule", support_end="2031-01-01", end_of_sale="2027-01-01"),
            security_contact={"email": "psirt@acme.example", "sources": [SOURCE]},
            support_policy={
                "summary": "Five years.",
                "rule": {"years": 5, "from": "release"},
                "sources": [SOURCE],
            },
            psti_statement=SOURCE,
            default_credential_vendors=["ACME"],
        )
    )
    assert maker.security_contact is not None
    assert maker.security_contact.email == "psirt@acme.example"
    assert maker.security_contact.url is None
    assert maker.support_policy is not None
    assert maker.support_policy.rule is not None
    assert maker.support_policy.rule.years == 5
    assert maker.psti_statement is not None
    assert maker.psti_statement.read == date(2026, 11, 22)
    hub, plug = maker.products
    assert hub.support is SupportKind.DATE
    assert hub.support_end == date(2030, 1, 31)
    assert hub.released == date(2024, 2, 1)
    assert plug.support is SupportKind.RULE
    assert plug.end_of_sale == date(2027, 1, 1)


# (a document with one fault, words the message must contain). Every product case is a
# fault of product 'Widget' of manufacturer 'acme', and the message must name both.
PRODUCT_FAULTS: dict[str, tuple[dict[str, Any], str]] = {
    "missing category": (without(product(), "category"), "category"),
    "missing support": (without(product(), "support"), "support"),
    "missing sources": (without(product(), "sources"), "sources"),
    "empty sources": (product(sources=[]), "sources"),
    "source without read": (product(sources=[{"url": "https://x.example"}]), "read"),
    "source not a web page": (product(sources=[{**SOURCE, "url": "ftp://x.example"}]), "url"),
    "bad released": (product(released="2026-02-30"), "released"),
    "bad end_of_sale": (product(end_of_sale="soon"), "end_of_sale"),
    "bad support_end": (product(support="date", support_end="2026/12/01"), "support_end"),
    "bad source date": (product(sources=[{**SOURCE, "read": "yesterday"}]), "ISO date"),
    "date as a number": (product(released=20260101), "released"),
    "bad category": (product(category="toaster"), "category"),
    "bad support": (product(support="forever"), "support"),
    "date without support_end": (product(support="date"), "support_end is missing"),
    "support_end on none": (product(support="none", support_end="2030-01-01"), "support_end"),
    "support_end on ended": (product(support="ended", support_end="2030-01-01"), "support_end"),
    "support_end on supported": (
        product(support="supported", support_end="2030-01-01"),
        "support_end",
    ),
    "no models at all": (product(models=[], model_ids=[], patterns=[]), "no models"),
    "invalid regex": (product(patterns=["SM-G99[16"]), "invalid regular expression"),
    "pattern not a string": (product(patterns=[7]), "regular expression"),
    # Regression: a published file could make matching take seconds per device.
    "catastrophic pattern": (product(patterns=["(x+x+)+y"]), "unsafe regular expression"),
    "many repeats": (product(patterns=["a*a*a*a*b"]), "unsafe regular expression"),
    "back-reference": (product(patterns=["(a)\\1"]), "unsafe regular expression"),
    "look-ahead": (product(patterns=["(?=a)a"]), "unsafe regular expression"),
    "over-long pattern": (product(patterns=["A" * 81]), "regular expression"),
    "duplicate model": (product(models=["W1", "W1"]), "models"),
    "empty model": (product(models=[""]), "models"),
    "model not a string": (product(models=[12]), "models"),
    "unknown key": (product(colour="red"), "colour"),
    "overlong note": (product(note="x" * 2001), "note"),
}


@pytest.mark.parametrize(("record", "words"), PRODUCT_FAULTS.values(), ids=PRODUCT_FAULTS.keys())
def test_product_fault_names_the_record(record: dict[str, Any], words: str) -> None:
    message = error_of(document(manufacturer("acme", product("Other"), record)))
    assert "manufacturer 'acme'" in message
    assert "product 'Widget'" in message
    assert words in message


def test_optional_date_fault_says_why() -> None:
    assert "ISO date" in error_of(document(manufacturer("acme", product(released="2026-02-30"))))


def test_product_without_name_is_named_by_position() -> None:
    message = error_of(document(manufacturer("acme", product("Other"), without(product(), "name"))))
    assert "manufacturer 'acme', product #2" in message
    assert "name" in message


def test_product_not_a_mapping() -> None:
    message = error_of(document(manufacturer("acme", product(), "Widget")))
    assert "manufacturer 'acme', product #2" in message


MANUFACTURER_FAULTS: dict[str, tuple[dict[str, Any], str]] = {
    "missing name": (without(manufacturer("acme"), "name"), "name"),
    "bad id": (manufacturer("Acme Corp"), "id"),
    "unknown key": (manufacturer("acme", website="https://acme.example"), "website"),
    "alias not a string": (manufacturer("acme", aliases=[None]), "aliases"),
    "duplicate alias": (manufacturer("acme", aliases=["ACME", "ACME"]), "aliases"),
    "contact without sources": (
        manufacturer("acme", security_contact={"url": "https://a.example"}),
        "sources",
    ),
    "contact bad email": (
        manufacturer("acme", security_contact={"email": "not an address", "sources": [SOURCE]}),
        "email",
    ),
    "rule of zero years": (
        manufacturer(
            "acme",
            support_policy={
                "summary": "s",
                "rule": {"years": 0, "from": "release"},
                "sources": [SOURCE],
            },
        ),
        "years",
    ),
    "rule from nowhere": (
        manufacturer(
            "acme",
            support_policy={
                "summary": "s",
                "rule": {"years": 2, "from": "birth"},
                "sources": [SOURCE],
            },
        ),
        "from",
    ),
    "bad psti date": (
        manufacturer("acme", psti_statement={**SOURCE, "read": "2026-13-01"}),
        "ISO date",
    ),
    "products not a list": (manufacturer("acme", products={"name": "Widget"}), "products"),
}


@pytest.mark.parametrize(
    ("record", "words"), MANUFACTURER_FAULTS.values(), ids=MANUFACTURER_FAULTS.keys()
)
def test_manufacturer_fault_names_the_record(record: dict[str, Any], words: str) -> None:
    message = error_of(document(manufacturer("other"), record))
    assert f"manufacturer '{record['id']}'" in message
    assert words in message


def test_manufacturer_not_a_mapping() -> None:
    assert "manufacturer #2" in error_of(document(manufacturer("other"), ["acme"]))


def test_manufacturer_without_id_is_named_by_position() -> None:
    assert "manufacturer #1" in error_of(document(without(manufacturer("acme"), "id")))


@pytest.mark.parametrize("names", [("Widget", "Widget"), ("Echo Dot", "echo-dot")])
def test_duplicate_product_name(names: tuple[str, str]) -> None:
    first, second = names
    message = error_of(
        document(manufacturer("acme", product(first), product(second, models=["other"])))
    )
    assert "manufacturer 'acme'" in message
    assert "same name" in message


def test_duplicate_product_name_names_the_product() -> None:
    message = error_of(
        document(manufacturer("acme", product("Widget"), product("Widget", models=["x"])))
    )
    assert "'Widget'" in message


def test_duplicate_manufacturer_id() -> None:
    message = error_of(document(manufacturer("acme"), manufacturer("zeta"), manufacturer("acme")))
    assert "manufacturer id 'acme' appears twice" in message


DOCUMENT_FAULTS: dict[str, tuple[object, str]] = {
    "schema_version 1": (document(schema_version=1), "schema_version"),
    "schema_version as text": (document(schema_version="2"), "schema_version"),
    "missing schema_version": (without(document(), "schema_version"), "schema_version"),
    "missing generated": (without(document(), "generated"), "generated"),
    "bad generated": (document(generated="2026-11-31"), "ISO date"),
    "missing manufacturers": (without(document(), "manufacturers"), "manufacturers"),
    "manufacturers not a list": (document(manufacturers={"acme": {}}), "manufacturers"),
    "attribution not text": (document(attribution=[1]), "attribution"),
    "unknown key": (document(comment="hello"), "comment"),
    "a list": ([document()], "database"),
    "null": (None, "database"),
    "a string": ("database", "database"),
    "a number": (1, "database"),
}


@pytest.mark.parametrize(("raw", "words"), DOCUMENT_FAULTS.values(), ids=DOCUMENT_FAULTS.keys())
def test_document_fault(raw: object, words: str) -> None:
    message = error_of(raw)
    assert message.startswith("database")
    assert words in message


@pytest.mark.parametrize("version", [True, 1.0])
def test_schema_version_is_exactly_the_integer(version: object) -> None:
    error_of(document(schema_version=version))


@pytest.mark.parametrize("text", ["20261122", "2026-W47-1"])
def test_dates_are_yyyy_mm_dd(text: str) -> None:
    error_of(document(generated=text))


def test_parse_database_from_text_and_bytes() -> None:
    text = json.dumps(document())
    for payload in (text, text.encode()):
        database = parse_database(payload)
        assert isinstance(database, Database)
        assert [maker.id for maker in database.manufacturers] == ["acme"]
        assert [item.id for item in database.products] == ["acme/widget"]
        assert database.matcher.match("Acme", "Widget model", None).method is MatchMethod.MODEL


@pytest.mark.parametrize(
    "payload",
    [
        "{",
        "",
        b"\xff\xfe",
        "[1,]",
        "NaN-ish",
        # Regressions: these escaped the refresh's error handling.
        "[" * 100_000 + "]" * 100_000,  # nesting deeper than the parser's recursion limit
        json.dumps(document()).encode("utf-16"),  # another encoding
        b'{"schema_version": 2, "generated": "\xed\xa0\x80"}',  # a lone surrogate's bytes
    ],
    ids=["open", "empty", "bom", "trailing-comma", "nan", "deep", "utf-16", "surrogate"],
)
def test_parse_database_invalid_json(payload: str | bytes) -> None:
    with pytest.raises(DatabaseError, match="not valid UTF-8 JSON"):
        parse_database(payload)


def test_parse_database_validates() -> None:
    with pytest.raises(DatabaseError, match="manufacturer 'acme', product 'Widget'"):
        parse_database(json.dumps(document(manufacturer("acme", product(category="toaster")))))


def test_parse_database_size_limit() -> None:
    text = json.dumps(document()).encode()
    at_limit = text + b" " * (MAX_DOCUMENT_BYTES - len(text))
    assert len(parse_database(at_limit).manufacturers) == 1
    with pytest.raises(DatabaseError, match="larger than"):
        parse_database(at_limit + b" ")


def test_parse_database_size_limit_counts_bytes_of_text() -> None:
    lines = ["é" * 2000] * (MAX_DOCUMENT_BYTES // 4000 + 10)
    text = json.dumps(document(attribution=lines), ensure_ascii=False)
    assert len(text) <= MAX_DOCUMENT_BYTES < len(text.encode())
    with pytest.raises(DatabaseError, match="larger than"):
        parse_database(text)


def test_parse_does_not_change_its_input() -> None:
    raw = document(manufacturer("acme", product("Widget", released="2020-01-01")))
    before = copy.deepcopy(raw)
    parse_document(raw)
    assert raw == before


# --- matcher: normalization ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Acme", "acme"),
        ("ACME", "acme"),
        ("  acme  ", "acme"),
        ("Acme Inc.", "acme"),
        ("Acme, Inc", "acme"),
        ("Acme Incorporated", "acme"),
        ("Signify Netherlands B.V.", "signify netherlands"),
        ("AVM GmbH", "avm"),
        ("Amazon.com Services LLC", "amazoncom services"),
        ("Shenzhen Acme Co., Ltd.", "shenzhen acme"),
        ("Shenzhen Acme Co.,Ltd", "shenzhen acme"),
        ("Acme Pty. Ltd.", "acme"),
        ("Acme S.p.A.", "acme"),
        ("Acme Corp.", "acme"),
        ("Acme Company Limited", "acme"),
        ("Acme AB", "acme"),
        ("TP-Link", "tp link"),
        ("tp_link", "tp link"),
        ("Johnson & Johnson", "johnson and johnson"),
        ("Co-op Lighting", "co op lighting"),  # corporate words count only at the end
        ("Inc.", ""),
        ("", ""),
        (None, ""),
        ("...", ""),
    ],
)
def test_normalize_manufacturer(text: str | None, expected: str) -> None:
    assert normalize_manufacturer(text) == expected


def test_normalize_manufacturer_gmbh_and_co_kg() -> None:
    assert normalize_manufacturer("Viessmann Werke GmbH & Co. KG") == "viessmann werke"


def test_normalize_manufacturer_keeps_non_ascii_letters() -> None:
    assert normalize_manufacturer("Müller GmbH") != normalize_manufacturer("Möller GmbH")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Play:1", "play1"),
        ("PLAY 1", "play1"),
        ("play-1", "play1"),
        ("SM-G991B/DS", "smg991bds"),
        ("  LCT 015 ", "lct015"),
        ("", ""),
        (None, ""),
        ("---", ""),
    ],
)
def test_normalize_model(text: str | None, expected: str) -> None:
    assert normalize_model(text) == expected


def test_normalize_bounds_its_input() -> None:
    assert len(normalize_model("a" * 10_000)) == MAX_INPUT
    assert len(normalize_manufacturer("a" * 10_000)) == MAX_INPUT


# --- matcher: matching ---------------------------------------------------------------------


def _ordered() -> Matcher:
    return matcher_of(
        manufacturer(
            "acme",
            product("By Id", models=["Shared Name"], model_ids=["A-100"]),
            product("By Model", models=["Alpha"], model_ids=[]),
            product("By Normalized", models=["Beta-2"]),
            product("By Pattern", models=[], patterns=["BX[0-9]+", "BETA.*"]),
            product("Twin One", models=["Twin"]),
            product("Twin Two", models=["twin"]),
            aliases=["ACME Europe B.V."],
        )
    )


@pytest.mark.parametrize(
    ("model", "model_id", "method", "product_id"),
    [
        ("Alpha", "A-100", MatchMethod.MODEL_ID, "acme/by_id"),
        ("Alpha", "nothing", MatchMethod.MODEL, "acme/by_model"),
        ("Alpha", None, MatchMethod.MODEL, "acme/by_model"),
        ("Shared Name", None, MatchMethod.MODEL, "acme/by_id"),
        ("Beta-2", None, MatchMethod.MODEL, "acme/by_normalized"),
        ("BETA 2", None, MatchMethod.NORMALIZED_MODEL, "acme/by_normalized"),
        (None, "beta2", MatchMethod.NORMALIZED_MODEL, "acme/by_normalized"),
        ("alpha", "a100", MatchMethod.NORMALIZED_MODEL, "acme/by_id"),
        ("bx42", None, MatchMethod.PATTERN, "acme/by_pattern"),
        ("Beta 3", None, MatchMethod.PATTERN, "acme/by_pattern"),
        ("nothing", "BX7", MatchMethod.PATTERN, "acme/by_pattern"),
        ("Twin", None, MatchMethod.MODEL, "acme/twin_one"),
        ("  Alpha\t", None, MatchMethod.MODEL, "acme/by_model"),
    ],
)
def test_match_order(
    model: str | None, model_id: str | None, method: MatchMethod, product_id: str
) -> None:
    found = _ordered().match("Acme", model, model_id)
    assert found.method is method
    assert found.product is not None
    assert found.product.id == product_id
    assert found.manufacturer is not None
    assert found.manufacturer.id == "acme"
    assert found.matched is not None
    assert found.candidates == ()


def test_ambiguous_returns_no_product() -> None:
    found = _ordered().match("Acme", "TWIN", None)
    assert found.method is MatchMethod.AMBIGUOUS
    assert found.product is None
    assert found.manufacturer is not None
    assert found.manufacturer.id == "acme"
    assert found.matched == "TWIN"
    assert found.candidates == ("acme/twin_one", "acme/twin_two")


def test_ambiguous_exact_string() -> None:
    matcher = matcher_of(
        manufacturer(
            "acme",
            product("One", models=["Hub"]),
            product("Two", models=["Other"], model_ids=["Hub"]),
        )
    )
    found = matcher.match("Acme", "Hub", None)
    assert found.method is MatchMethod.AMBIGUOUS
    assert found.product is None
    assert found.candidates == ("acme/one", "acme/two")


def test_ambiguous_stops_before_a_weaker_unique_match() -> None:
    matcher = matcher_of(
        manufacturer(
            "acme",
            product("One", model_ids=["X1"]),
            product("Two", models=["X1"]),
            product("Three"),
        )
    )
    found = matcher.match("Acme", "Three model", "X1")
    assert found.method is MatchMethod.AMBIGUOUS


def test_manufacturer_only() -> None:
    found = _ordered().match("ACME, Inc.", "Gamma", "G-1")
    assert found.method is MatchMethod.MANUFACTURER_ONLY
    assert found.product is None
    assert found.manufacturer is not None
    assert found.manufacturer.id == "acme"


@pytest.mark.parametrize("model", [None, "", "   "])
def test_manufacturer_only_without_model(model: str | None) -> None:
    assert _ordered().match("Acme", model, model).method is MatchMethod.MANUFACTURER_ONLY


@pytest.mark.parametrize("name", ["Zeta", "Acmes", "Ac me", "", None, "Inc.", "Europe Acme"])
def test_unknown_manufacturer(name: str | None) -> None:
    found = _ordered().match(name, "Alpha", "A-100")
    assert found == Match(MatchMethod.UNKNOWN_MANUFACTURER)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Acme", "acme"),
        ("acme", "acme"),
        ("ACME Europe BV", "acme"),  # an alias up to suffix and punctuation
        ("Acme Lighting BV", "acme"),  # an alias followed by more words
        ("Acme Home", "acme_home"),  # the longest known prefix wins
        ("Acme Home Automation GmbH", "acme_home"),
        ("Philips Lighting BV", "philips"),
        ("Signify Netherlands B.V.", "philips"),
        ("Philipsx", None),
        ("The Acme Home Company", "acme_home"),  # an article in front says nothing
    ],
)
def test_manufacturer_names_and_prefixes(name: str, expected: str | None) -> None:
    matcher = matcher_of(
        manufacturer("acme", aliases=["ACME Europe B.V."]),
        manufacturer("acme_home"),
        manufacturer("philips", aliases=["Philips", "Signify Netherlands B.V."]),
    )
    found = matcher.manufacturers(name)
    assert [maker.id for maker in found] == ([expected] if expected else [])
    assert (matcher.match(name, None, None).manufacturer is not None) == (expected is not None)


def _shared() -> Matcher:
    return matcher_of(
        manufacturer("zeta_lighting", product("Bulb", models=["ZB1"]), aliases=["Zeta"]),
        manufacturer(
            "zeta_security",
            product("Camera", models=["ZC1"]),
            aliases=["Zeta"],
            security_contact={"url": "https://zeta.example/psirt", "sources": [SOURCE]},
        ),
        manufacturer("zeta_audio", product("Speaker", models=["ZS1"]), aliases=["Zeta Group"]),
    )


def test_shared_alias_searches_every_record() -> None:
    matcher = _shared()
    assert [maker.id for maker in matcher.manufacturers("Zeta")] == [
        "zeta_security",
        "zeta_lighting",
    ]
    bulb = matcher.match("Zeta", "ZB1", None)
    assert bulb.method is MatchMethod.MODEL
    assert bulb.product is not None
    assert bulb.product.id == "zeta_lighting/bulb"
    assert bulb.manufacturer is not None
    assert bulb.manufacturer.id == "zeta_lighting"
    camera = matcher.match("ZETA Inc.", "zc-1", None)
    assert camera.method is MatchMethod.NORMALIZED_MODEL
    assert camera.manufacturer is not None
    assert camera.manufacturer.id == "zeta_security"


def test_shared_alias_contact_speaks_for_the_group() -> None:
    found = _shared().match("Zeta", "Unknown", None)
    assert found.method is MatchMethod.MANUFACTURER_ONLY
    assert found.manufacturer is not None
    assert found.manufacturer.id == "zeta_security"


def test_shared_alias_does_not_leak_into_own_names() -> None:
    matcher = _shared()
    assert matcher.match("Zeta Lighting", "ZC1", None).method is MatchMethod.MANUFACTURER_ONLY
    assert matcher.match("Zeta Group", "ZB1", None).method is MatchMethod.MANUFACTURER_ONLY
    speaker = matcher.match("Zeta Audio", "ZS1", None)
    assert speaker.product is not None
    assert speaker.product.id == "zeta_audio/speaker"


ODD = [
    None,
    "",
    " ",
    "\t\n",
    "\x00",
    "Acme\x00",
    "Pl\x00ay:1",
    "é" * 300,
    "\uff30\uff4c\uff41\uff59\uff1a\uff11",  # fullwidth Play:1
    "🙂 Acme 🙂",
    "İstanbul ǅ ß",
    "\ud800",
    "A" * 10_000,
    "a-" * 5_000,
    "(" * 10_000,
    ".*" * 5_000,
]


@pytest.mark.parametrize("text", ODD, ids=range(len(ODD)))
def test_odd_inputs_never_raise(text: str | None) -> None:
    matcher = _ordered()
    for maker in (text, "Acme"):
        for model, model_id in ((text, None), (None, text), (text, text), ("Alpha", text)):
            found = matcher.match(maker, model, model_id)
            assert isinstance(found.method, MatchMethod)
            assert found.matched is None or len(found.matched) <= MAX_INPUT
    normalize_manufacturer(text)
    normalize_model(text)


def test_long_model_is_truncated_before_matching() -> None:
    found = _ordered().match("Acme", "BX" + "9" * 10_000, None)
    assert found.method is MatchMethod.PATTERN
    assert found.matched == "BX" + "9" * (MAX_INPUT - 2)


def test_answers_are_remembered_within_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matcher_module, "MAX_REMEMBERED", 3)
    matcher = _ordered()
    first = matcher.match("Acme", "BX42", None)
    assert matcher.match("Acme", "BX42", None) is first  # worked out once
    # More combinations than the bound: the oldest are forgotten, every answer still right.
    answers = [matcher.match("Acme", f"BX{number}", None) for number in range(10)]
    assert all(answer.method is MatchMethod.PATTERN for answer in answers)
    assert matcher.match("Acme", "BX42", None) == first
    assert matcher.match("ACME", "BX42", None).method is MatchMethod.PATTERN


# --- the bundled database ------------------------------------------------------------------

BUNDLED = load_database()


def test_bundled_database_loads() -> None:
    assert BUNDLED.generated <= date.today()  # noqa: DTZ011
    assert len(BUNDLED.manufacturers) >= 40
    assert len(BUNDLED.products) >= 400
    assert BUNDLED.attribution


def _makers() -> list[Manufacturer]:
    return list(BUNDLED.manufacturers)


@pytest.mark.parametrize("maker", _makers(), ids=lambda maker: maker.id)
def test_bundled_names_resolve(maker: Manufacturer) -> None:
    for name in (maker.name, *maker.aliases):
        assert maker in BUNDLED.matcher.manufacturers(name), name
        found = BUNDLED.matcher.match(name, None, None)
        assert found.method is MatchMethod.MANUFACTURER_ONLY, name


@pytest.mark.parametrize("maker", _makers(), ids=lambda maker: maker.id)
def test_bundled_models_match_their_product(maker: Manufacturer) -> None:
    wrong = []
    for name in (maker.name, *maker.aliases):
        for item in maker.products:
            for found in (
                *(BUNDLED.matcher.match(name, None, text) for text in item.model_ids),
                *(BUNDLED.matcher.match(name, text, None) for text in item.models),
            ):
                if found.method is MatchMethod.AMBIGUOUS:
                    assert item.id in found.candidates
                elif found.product != item:
                    wrong.append((name, item.id, found.matched, found.method, found.product))
    assert not wrong


@pytest.mark.parametrize("maker", _makers(), ids=lambda maker: maker.id)
def test_bundled_facts_are_sourced(maker: Manufacturer) -> None:
    for item in maker.products:
        assert item.sources, item.id
        if item.support is SupportKind.DATE:
            assert item.support_end is not None, item.id
        if item.support_end is not None:
            assert item.sources, item.id
            assert item.support in {SupportKind.DATE, SupportKind.RULE, SupportKind.MINIMUM}
    if maker.security_contact:
        assert maker.security_contact.sources
    if maker.support_policy:
        assert maker.support_policy.sources
    # "None found" is an answer only with the pages looked at, and the record is dated.
    if None in (maker.security_contact, maker.support_policy, maker.psti_statement):
        assert maker.looked_at, maker.id
    assert maker.checked is not None, maker.id
    if maker.default_password and maker.default_password.practice != "unknown":
        assert maker.default_password.sources, maker.id


def test_bundled_product_ids_are_unique() -> None:
    ids = [item.id for item in BUNDLED.products]
    assert len(ids) == len(set(ids))


# --- endoflife.date ------------------------------------------------------------------------


def _release(name: str, **fields: Any) -> dict[str, Any]:
    release = {
        "name": name,
        "label": None,
        "releaseDate": "2021-01-29",
        "isEol": False,
        "eolFrom": None,
        "isDiscontinued": False,
        "discontinuedFrom": None,
        "isMaintained": True,
        "latest": None,
    }
    release.update(fields)
    return release


def _envelope(*releases: dict[str, Any]) -> dict[str, Any]:
    return {
        "schema_version": "1.2.0",
        "generated_at": "2026-11-22T00:00:00+00:00",
        "last_modified": "2026-11-21T00:00:00+00:00",
        "result": {"name": "pixel", "releases": list(releases)},
    }


def test_releases_from_api() -> None:
    releases = endoflife.releases_from_api(
        _envelope(
            _release("8", label="Pixel 8", isEol=False, eolFrom="2030-10-01"),
            _release(
                "5", isEol=True, eolFrom=None, isDiscontinued=True, discontinuedFrom="2021-08-20"
            ),
            _release("9", isEol=False),
        )
    )
    eight, five, nine = releases
    assert eight.cycle == "8"
    assert eight.label == "Pixel 8"
    assert eight.released == date(2021, 1, 29)
    assert eight.eol == date(2030, 10, 1)
    assert eight.link is None
    assert five.label is None
    assert five.eol is True
    assert five.discontinued == date(2021, 8, 20)
    assert nine.eol is False


def test_releases_from_api_tolerates_odd_fields() -> None:
    (release,) = endoflife.releases_from_api(
        _envelope(_release("7", label=7, releaseDate="someday", isEol="yes", eolFrom=12))
    )
    assert release.label is None
    assert release.released is None
    assert release.eol is None


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"result": None},
        {"result": []},
        {"result": "pixel"},
        {"result": {"name": "pixel"}},
        {"result": {"releases": {"8": {}}}},
        {"result": {"releases": [1]}},
        {"result": {"releases": [None]}},
        {"result": {"releases": [{"label": "Pixel 8"}]}},
        {"result": {"releases": [{"name": 8}]}},
    ],
)
def test_releases_from_api_rejects_garbage(payload: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=r"endoflife|release"):
        endoflife.releases_from_api(payload)


@pytest.mark.parametrize("payload", [[], None, "pixel", 1])
def test_releases_from_api_rejects_non_objects(payload: Any) -> None:
    with pytest.raises(ValueError, match="endoflife"):
        endoflife.releases_from_api(payload)


def test_product_records() -> None:
    read = date(2026, 11, 22)
    releases = endoflife.releases_from_api(
        _envelope(
            _release("8", label="Pixel 8", eolFrom="2030-10-01"),
            _release("5", isEol=True, discontinuedFrom="2021-08-20"),
            _release("9", isEol=False, releaseDate=None),
        )
    )
    records = endoflife.product_records("pixel", releases, read)
    assert [(r["name"], r["support"], r["support_end"]) for r in records] == [
        ("Pixel 8", "date", "2030-10-01"),
        ("Pixel 5", "ended", None),
        ("Pixel 9", "supported", None),
    ]
    assert records[1]["end_of_sale"] == "2021-08-20"
    assert records[2]["released"] is None
    assert all(r["category"] == "phone" and r["models"] == [r["name"]] for r in records)
    page = {"url": "https://endoflife.date/pixel", "read": "2026-11-22"}
    assert all(r["sources"] == [page] for r in records)
    maker = parse_manufacturer(manufacturer("google", *records))
    assert [item.support for item in maker.products] == [
        SupportKind.DATE,
        SupportKind.ENDED,
        SupportKind.SUPPORTED,
    ]


def test_product_records_same_label_twice() -> None:
    releases = endoflife.releases_from_api(
        _envelope(_release("5", label="Pixel 5"), _release("5a", label="Pixel 5"))
    )
    names = [r["name"] for r in endoflife.product_records("pixel", releases, date(2026, 11, 22))]
    assert names == ["Pixel 5", "Pixel 5 (5a)"]


def test_product_records_samsung_link_becomes_a_pattern() -> None:
    releases = endoflife.releases_from_page(
        {
            "releases": [
                {
                    "releaseCycle": "galaxy-s21",
                    "releaseLabel": "Galaxy S21",
                    "releaseDate": "2021-01-29",
                    "eol": False,
                    "link": "https://doc.samsungmobile.com/SM-G991B/EUX/doc.html",
                }
            ]
        }
    )
    (record,) = endoflife.product_records("samsung-mobile", releases, date(2026, 11, 22))
    assert record["patterns"] == ["SM\\-G991[A-Z0-9/]{0,6}"]
    assert len(record["sources"]) == 2
    maker = parse_manufacturer(manufacturer("samsung_mobile", record))
    found = Matcher([maker]).match("Samsung Mobile", "SM-G991B/DS", None)
    assert found.method is MatchMethod.PATTERN
