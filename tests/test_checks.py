"""The checks end to end: `checks.assess` on hand-made databases, and the scoring rules."""

import dataclasses
from datetime import date, timedelta
import json
from pathlib import Path
from typing import Any

import pytest

from custom_components.device_security.core import checks
from custom_components.device_security.core.checks import KINDS, AssessmentContext, assess
from custom_components.device_security.core.checks.base import Check
from custom_components.device_security.core.credentials import (
    LOGIN_CATEGORIES,
    CredentialDigester,
    load_default_credentials,
)
from custom_components.device_security.core.database.loader import Database, parse_database
from custom_components.device_security.core.database.matcher import Match, MatchMethod
from custom_components.device_security.core.database.schema import CATEGORIES
from custom_components.device_security.core.device_record import (
    DeviceRecord,
    NetService,
    PendingUpdate,
)
from custom_components.device_security.core.findings import Finding, Severity
from custom_components.device_security.core.report import (
    DeviceAssessment,
    SecurityReport,
    SupportState,
)


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """Override the package-wide fixture: these tests need no Home Assistant."""


TODAY = date(2026, 6, 1)
WINDOW = 180
SOURCE_URL = "https://example.com/support"
CONTACT = {
    "url": "https://example.com/security",
    "sources": [{"url": SOURCE_URL, "read": "2026-05-01"}],
}
DEFAULT_PASSWORD = "Pl41n-D3fault-S3cret"  # a published default, made up
KEY = b"k" * 32


# --- hand-made databases --------------------------------------------------------------------


def product(name: str, **fields: Any) -> dict[str, Any]:
    """Return a valid product record: model '<name>-1', no published period, one source."""
    record: dict[str, Any] = {
        "name": name,
        "category": "plug",
        "models": [f"{name}-1"],
        "support": "none",
        "sources": [{"url": SOURCE_URL, "read": "2026-05-01"}],
    }
    record.update(fields)
    return record


def manufacturer(
    ident: str, *products: dict[str, Any], contact: bool = True, **fields: Any
) -> dict[str, Any]:
    """Return a valid manufacturer record, with a security contact unless told otherwise."""
    record: dict[str, Any] = {
        "id": ident,
        "name": ident.title(),
        "security_contact": CONTACT if contact else None,
        "products": list(products) or [product("Widget")],
    }
    record.update(fields)
    return record


def database(*manufacturers: dict[str, Any]) -> Database:
    """Parse a hand-made document through the real loader."""
    document = {
        "schema_version": 2,
        "generated": "2026-05-01",
        "attribution": [],
        "manufacturers": list(manufacturers),
    }
    return parse_database(json.dumps(document))


def record(
    manufacturer: str | None = "Acme", model: str | None = "Widget-1", **fields: Any
) -> DeviceRecord:
    """Return a device record; its registry ids are 'dev-a' and 'dev-b'."""
    values: dict[str, Any] = {"key": "dev-a", "device_ids": ("dev-a", "dev-b"), "name": "Device"}
    values.update(fields)
    return DeviceRecord(manufacturer=manufacturer, model=model, **values)


def context(db: Database, **fields: Any) -> AssessmentContext:
    """Return the context of an assessment on TODAY with a WINDOW-day warning."""
    return AssessmentContext(today=TODAY, ending_soon_days=WINDOW, database=db, **fields)


def checks_of(assessment: DeviceAssessment) -> list[str]:
    return [finding.check for finding in assessment.findings]


def iso(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


# --- support --------------------------------------------------------------------------------


SUPPORT_CASES = [
    # product fields, state, end offset (days from TODAY) or None, basis, finding or None
    pytest.param({"support": "date", "support_end": iso(-1)}, SupportState.ENDED, -1, "database", "support_ended", id="ended-yesterday"),  # noqa: E501
    pytest.param({"support": "date", "support_end": iso(-4000)}, SupportState.ENDED, -4000, "database", "support_ended", id="ended-long-ago"),  # noqa: E501
    pytest.param({"support": "date", "support_end": iso(0)}, SupportState.ENDING_SOON, 0, "database", "support_ending_soon", id="ends-today"),  # noqa: E501
    pytest.param({"support": "date", "support_end": iso(1)}, SupportState.ENDING_SOON, 1, "database", "support_ending_soon", id="ends-tomorrow"),  # noqa: E501
    pytest.param({"support": "date", "support_end": iso(WINDOW)}, SupportState.ENDING_SOON, WINDOW, "database", "support_ending_soon", id="ends-at-window"),  # noqa: E501
    pytest.param({"support": "date", "support_end": iso(WINDOW + 1)}, SupportState.SUPPORTED, WINDOW + 1, "database", None, id="ends-after-window"),  # noqa: E501
    pytest.param({"support": "date", "support_end": iso(3000)}, SupportState.SUPPORTED, 3000, "database", None, id="ends-far"),  # noqa: E501
    pytest.param({"support": "ended"}, SupportState.ENDED, None, "database", "support_ended", id="ended-no-date"),  # noqa: E501
    pytest.param({"support": "supported"}, SupportState.SUPPORTED, None, "database", None, id="supported-no-date"),  # noqa: E501
    # A rule's date is a guaranteed minimum: once it is over, updates may still come.
    pytest.param({"support": "rule", "support_end": iso(-1)}, SupportState.MINIMUM_PASSED, -1, "policy", "support_minimum_passed", id="rule-minimum-passed"),  # noqa: E501
    pytest.param({"support": "rule", "support_end": iso(10)}, SupportState.SUPPORTED, 10, "policy", None, id="rule-minimum-soon"),  # noqa: E501
    pytest.param({"support": "minimum", "support_end": iso(-1)}, SupportState.MINIMUM_PASSED, -1, "database", "support_minimum_passed", id="minimum-passed"),  # noqa: E501
    pytest.param({"support": "minimum", "support_end": iso(30)}, SupportState.SUPPORTED, 30, "database", None, id="minimum-ahead"),  # noqa: E501
    pytest.param({"support": "rule", "support_end": iso(1000)}, SupportState.SUPPORTED, 1000, "policy", None, id="rule-supported"),  # noqa: E501
    pytest.param({"support": "rule"}, SupportState.POLICY, None, "policy", None, id="rule-without-date"),  # noqa: E501
    pytest.param({"support": "none"}, SupportState.NO_PUBLISHED_PERIOD, None, "database", "no_support_period", id="none"),  # noqa: E501
]  # fmt: skip


@pytest.mark.parametrize(("fields", "state", "offset", "basis", "check"), SUPPORT_CASES)
def test_support_from_database(
    fields: dict[str, Any],
    state: SupportState,
    offset: int | None,
    basis: str,
    check: str | None,
) -> None:
    db = database(manufacturer("acme", product("Widget", **fields)))
    assessment = assess(record(), context(db))
    end = None if offset is None else TODAY + timedelta(days=offset)

    assert assessment.match.method is MatchMethod.MODEL
    assert assessment.support.state is state
    assert assessment.support.end == end
    assert assessment.support.basis == basis
    assert assessment.support.sources == (SOURCE_URL,)
    support_findings = [f for f in assessment.findings if f.check in SUPPORT_CHECKS]
    if check is None:
        assert support_findings == []
    else:
        details = {"end": end.isoformat()} if end else {}
        assert support_findings == [Finding(KINDS[check], details)]


SUPPORT_CHECKS = {
    "support_ended",
    "support_ending_soon",
    "no_support_period",
    "unknown_support",
    "support_minimum_passed",
}


def test_window_is_the_context_setting() -> None:
    db = database(manufacturer("acme", product("Widget", support="date", support_end=iso(30))))
    narrow = AssessmentContext(today=TODAY, ending_soon_days=29, database=db)
    wide = AssessmentContext(today=TODAY, ending_soon_days=30, database=db)
    assert assess(record(), narrow).support.state is SupportState.SUPPORTED
    assert assess(record(), wide).support.state is SupportState.ENDING_SOON


AMBIGUOUS_DB = [
    manufacturer(
        "acme",
        product("Widget", support="supported"),
        product("Alpha", patterns=["AMB-.*"], support="supported"),
        product("Beta", patterns=[r"AMB-\d+"], support="supported"),
    ),
]


@pytest.mark.parametrize(
    ("maker", "model", "method"),
    [
        ("Acme", "No-Such-Model", MatchMethod.MANUFACTURER_ONLY),
        ("Acme", None, MatchMethod.MANUFACTURER_ONLY),
        ("Umbrella", "Widget-1", MatchMethod.UNKNOWN_MANUFACTURER),
        (None, "Widget-1", MatchMethod.UNKNOWN_MANUFACTURER),
        ("Acme", "AMB-7", MatchMethod.AMBIGUOUS),
    ],
)
def test_unidentified_product_has_unknown_support(
    maker: str | None, model: str | None, method: MatchMethod
) -> None:
    assessment = assess(record(maker, model), context(database(*AMBIGUOUS_DB)))
    assert assessment.match.method is method
    assert assessment.match.product is None
    assert assessment.support.state is SupportState.UNKNOWN
    assert assessment.support.end is None
    assert assessment.support.sources == ()
    assert Finding(KINDS["unknown_support"]) in assessment.findings
    if method is MatchMethod.AMBIGUOUS:
        assert assessment.match.candidates == ("acme/alpha", "acme/beta")


@pytest.mark.parametrize("device_id", ["dev-a", "dev-b"])
@pytest.mark.parametrize(
    ("offset", "state"),
    [
        (-1, SupportState.ENDED),
        (0, SupportState.ENDING_SOON),
        (WINDOW, SupportState.ENDING_SOON),
        (WINDOW + 1, SupportState.SUPPORTED),
    ],
)
@pytest.mark.parametrize(
    ("fields", "model"),
    [
        pytest.param({"support": "ended"}, "Widget-1", id="over-ended"),
        pytest.param({"support": "date", "support_end": iso(-500)}, "Widget-1", id="over-date"),
        pytest.param({"support": "none"}, "Widget-1", id="over-none"),
        pytest.param({"support": "supported"}, "Unknown-9", id="over-unknown-model"),
    ],
)
def test_owner_override_wins(
    device_id: str, offset: int, state: SupportState, fields: dict[str, Any], model: str
) -> None:
    end = TODAY + timedelta(days=offset)
    db = database(manufacturer("acme", product("Widget", **fields)))
    ctx = context(db, support_overrides={device_id: end, "some-other-device": date(2000, 1, 1)})
    assessment = assess(record(model=model), ctx)
    assert assessment.support.state is state
    assert assessment.support.end == end
    assert assessment.support.basis == "owner"
    assert assessment.support.sources == ()
    assert not {f.check for f in assessment.findings} & {
        "no_support_period",
        "unknown_support",
    }


def test_override_of_another_device_is_ignored() -> None:
    db = database(manufacturer("acme", product("Widget", support="ended")))
    assessment = assess(record(), context(db, support_overrides={"dev-z": date(2099, 1, 1)}))
    assert assessment.support.state is SupportState.ENDED
    assert assessment.support.basis == "database"


# --- default passwords ----------------------------------------------------------------------


@pytest.fixture
def digester() -> CredentialDigester:
    return CredentialDigester(KEY)


@pytest.fixture
def defaults(tmp_path: Path, digester: CredentialDigester) -> dict[str, frozenset[str]]:
    """Digests of a made-up published default list: acme only."""
    path = tmp_path / "default_credentials.json"
    path.write_text(
        json.dumps(
            {
                "attribution": ["made up for the tests"],
                "manufacturers": {
                    "acme": [
                        {"username": "admin", "password": DEFAULT_PASSWORD, "service": None},
                        {"username": "root", "password": None, "service": "ssh"},
                    ]
                },
            }
        ),
        encoding="utf-8",
    )
    return dict(load_default_credentials(digester, path))


# Products without a local login of their own: speakers, bulbs, phones...
NO_LOCAL_LOGIN = sorted(CATEGORIES - LOGIN_CATEGORIES)

PASSWORD_DB = [
    manufacturer(
        "acme",
        product("Widget", category="camera", support="supported"),
        *(
            product(category.title(), category=category, support="supported")
            for category in NO_LOCAL_LOGIN
        ),
    ),
    manufacturer("globex", product("Widget", support="supported")),
]


def assert_no_secret(*objects: object) -> None:
    for thing in objects:
        assert DEFAULT_PASSWORD not in repr(thing)
        assert DEFAULT_PASSWORD not in str(thing)


def test_default_credentials_file_yields_only_digests(
    defaults: dict[str, frozenset[str]], digester: CredentialDigester
) -> None:
    assert set(defaults) == {"acme"}
    # A row without a password contributes nothing.
    assert defaults["acme"] == {
        digester.digest("admin", DEFAULT_PASSWORD),
        digester.digest(None, DEFAULT_PASSWORD),
    }
    assert_no_secret(defaults)


@pytest.mark.parametrize(
    ("username", "model"),
    [
        ("admin", "Widget-1"),
        ("ADMIN", "Widget-1"),  # usernames compare case-insensitively
        (None, "Widget-1"),  # password-only login
        ("", "Widget-1"),
        ("admin", "Phone-1"),  # confirmed even on a personal device
        ("admin", "Unknown-9"),  # manufacturer-only match
    ],
)
def test_default_password_confirmed(
    defaults: dict[str, frozenset[str]],
    digester: CredentialDigester,
    username: str | None,
    model: str,
) -> None:
    stored = frozenset({digester.digest(username, DEFAULT_PASSWORD), digester.digest("x", "y")})
    device = record(model=model, credential_digests=stored)
    assessment = assess(device, context(database(*PASSWORD_DB), default_credentials=defaults))
    assert (
        Finding(KINDS["default_password_confirmed"], {"manufacturer": "Acme"})
        in assessment.findings
    )
    assert not assessment.counts("default_password_risk")
    assert_no_secret(device, assessment, assessment.findings)


def test_same_password_with_other_username_is_not_the_default_login(
    defaults: dict[str, frozenset[str]], digester: CredentialDigester
) -> None:
    stored = frozenset({digester.digest("owner", DEFAULT_PASSWORD)})
    assessment = assess(
        record(credential_digests=stored),
        context(database(*PASSWORD_DB), default_credentials=defaults),
    )
    assert not assessment.counts("default_password_confirmed")
    assert not assessment.counts("default_password_risk")


def test_other_key_does_not_confirm(defaults: dict[str, frozenset[str]]) -> None:
    stored = frozenset({CredentialDigester(b"other key").digest("admin", DEFAULT_PASSWORD)})
    assessment = assess(
        record(credential_digests=stored),
        context(database(*PASSWORD_DB), default_credentials=defaults),
    )
    assert not assessment.counts("default_password_confirmed")


@pytest.mark.parametrize(("model", "hosts"), [("Widget-1", ()), ("Unknown-9", ("192.168.1.5",))])
def test_default_password_risk_without_stored_credentials(
    defaults: dict[str, frozenset[str]], model: str, hosts: tuple[str, ...]
) -> None:
    device = record(model=model, hosts=hosts)
    assessment = assess(device, context(database(*PASSWORD_DB), default_credentials=defaults))
    assert Finding(KINDS["default_password_risk"], {"manufacturer": "Acme"}) in assessment.findings
    assert not assessment.counts("default_password_confirmed")
    assert_no_secret(device, assessment, assessment.findings)


def test_no_password_finding_when_owner_changed_the_password(
    defaults: dict[str, frozenset[str]], digester: CredentialDigester
) -> None:
    stored = frozenset({digester.digest("admin", "the owner's own")})
    assessment = assess(
        record(credential_digests=stored),
        context(database(*PASSWORD_DB), default_credentials=defaults),
    )
    assert not {f.check for f in assessment.findings} & PASSWORD_CHECKS


PASSWORD_CHECKS = {"default_password_confirmed", "default_password_risk"}


def test_no_password_risk_for_an_unknown_product_not_reached_over_the_network(
    defaults: dict[str, frozenset[str]],
) -> None:
    assessment = assess(
        record(model="Unknown-9"), context(database(*PASSWORD_DB), default_credentials=defaults)
    )
    assert not {f.check for f in assessment.findings} & PASSWORD_CHECKS


def test_login_tests_decide_the_default_password(defaults: dict[str, frozenset[str]]) -> None:
    ctx = context(database(*PASSWORD_DB), default_credentials=defaults)
    refused = assess(record(model="Widget-1", default_login_refused=("http",)), ctx)
    assert not {f.check for f in refused.findings} & PASSWORD_CHECKS
    accepted = assess(record(model="Widget-1", default_login_services=("http", "rtsp")), ctx)
    assert (
        Finding(KINDS["default_password_confirmed"], {"manufacturer": "Acme", "via": "http, rtsp"})
        in accepted.findings
    )


@pytest.mark.parametrize("category", NO_LOCAL_LOGIN)
def test_no_password_risk_for_devices_without_a_local_login(
    defaults: dict[str, frozenset[str]], category: str
) -> None:
    assessment = assess(
        record(model=f"{category.title()}-1"),
        context(database(*PASSWORD_DB), default_credentials=defaults),
    )
    assert assessment.match.product is not None
    assert assessment.match.product.category == category
    assert not {f.check for f in assessment.findings} & PASSWORD_CHECKS


@pytest.mark.parametrize("maker", ["Globex", "Umbrella", None])
def test_no_password_finding_without_published_defaults(
    defaults: dict[str, frozenset[str]], digester: CredentialDigester, maker: str | None
) -> None:
    for stored in (frozenset(), frozenset({digester.digest("admin", DEFAULT_PASSWORD)})):
        assessment = assess(
            record(maker, credential_digests=stored),
            context(database(*PASSWORD_DB), default_credentials=defaults),
        )
        assert not {f.check for f in assessment.findings} & PASSWORD_CHECKS


def test_digest_is_keyed_and_short(digester: CredentialDigester) -> None:
    assert digester.digest("admin", "pw") == CredentialDigester(KEY).digest("admin", "pw")
    assert digester.digest("admin", "pw") != CredentialDigester(b"x" * 32).digest("admin", "pw")
    assert digester.digest("admin", "pw") != digester.digest(None, "pw")
    assert len(digester.digest("admin", "pw")) == 32
    # Without a key, every digester is different.
    assert CredentialDigester().digest(None, "pw") != CredentialDigester().digest(None, "pw")


# --- disclosure, updates, cloud -------------------------------------------------------------


DISCLOSURE_DB = [
    manufacturer("acme", product("Widget", support="supported")),
    manufacturer("globex", product("Widget", support="supported"), contact=False),
]
GLOBEX_NO_CONTACT = Finding(KINDS["no_disclosure_contact"], {"manufacturer": "Globex"})


@pytest.mark.parametrize(
    ("maker", "model", "expected"),
    [
        ("Globex", "Widget-1", [GLOBEX_NO_CONTACT]),
        ("Globex Inc.", "Unknown-9", [GLOBEX_NO_CONTACT]),
        ("Acme", "Widget-1", []),
        ("Umbrella", "Widget-1", []),
        (None, None, []),
    ],
)
def test_disclosure(maker: str | None, model: str | None, expected: list[Finding]) -> None:
    assessment = assess(record(maker, model), context(database(*DISCLOSURE_DB)))
    assert [f for f in assessment.findings if f.check == "no_disclosure_contact"] == expected


def test_assessment_carries_the_contact() -> None:
    db = database(*DISCLOSURE_DB)
    acme = assess(record("Acme"), context(db))
    assert acme.contact is not None
    assert acme.contact.url == CONTACT["url"]
    assert assess(record("Globex"), context(db)).contact is None
    assert assess(record("Umbrella"), context(db)).contact is None


def test_one_finding_per_pending_update() -> None:
    updates = (
        PendingUpdate("update.hub_firmware", "1.0", "1.1", "2026-05-30T10:00:00+00:00"),
        PendingUpdate("update.hub_radio"),
    )
    db = database(*DISCLOSURE_DB)
    assessment = assess(record(pending_updates=updates), context(db))
    assert [f for f in assessment.findings if f.check == "update_available"] == [
        Finding(
            KINDS["update_available"],
            {
                "entity_id": "update.hub_firmware",
                "installed": "1.0",
                "latest": "1.1",
                "since": "2026-05-30T10:00:00+00:00",
            },
        ),
        Finding(
            KINDS["update_available"],
            {"entity_id": "update.hub_radio", "installed": "", "latest": "", "since": ""},
        ),
    ]
    assert assessment.score == 100 - 2 * Severity.MEDIUM
    assert not assess(record(), context(db)).counts("update_available")


def test_cloud_dependence_is_information_only() -> None:
    device = record(integrations=("nest", "tuya", "zha"), cloud_integrations=("nest", "tuya"))
    assessment = assess(device, context(database(*DISCLOSURE_DB)))
    assert assessment.findings == (
        Finding(KINDS["cloud_dependent"], {"integrations": "nest, tuya"}),
    )
    assert assessment.findings[0].severity is Severity.INFO
    assert not assessment.has_problem
    assert assessment.score == 100
    assert assessment.counts("cloud_dependent")


def test_healthy_device_has_no_findings() -> None:
    assessment = assess(record(), context(database(*DISCLOSURE_DB)))
    assert assessment.findings == ()
    assert assessment.score == 100
    assert not assessment.has_problem


# --- a broken check -------------------------------------------------------------------------


@pytest.mark.parametrize("broken", [check.name for check in checks.CHECKS])
def test_a_raising_check_is_reported_and_the_others_run(
    monkeypatch: pytest.MonkeyPatch, broken: str
) -> None:
    def explode(*_: object) -> list[Finding]:
        msg = "boom"
        raise ZeroDivisionError(msg)

    monkeypatch.setattr(
        checks,
        "CHECKS",
        tuple(
            dataclasses.replace(check, run=explode) if check.name == broken else check
            for check in checks.CHECKS
        ),
    )
    device = record(
        "Globex",
        "Router-9",  # not in the database: reached at an address, so a login is likely
        pending_updates=(PendingUpdate("update.x", "1", "2"),),
        cloud_integrations=("nest",),
        hosts=("192.168.1.9",),
        services=(NetService("_telnet._tcp", 23),),
        managed=False,
    )
    db = database(*DISCLOSURE_DB)
    assessment = assess(device, context(db, default_credentials={"globex": frozenset({"d"})}))

    failed = Finding(KINDS["check_failed"], {"check": broken, "error": "ZeroDivisionError"})
    assert failed in assessment.findings
    assert failed.severity is Severity.LOW
    expected = {
        "support": "unknown_support",
        "default_password": "default_password_risk",
        "disclosure": "no_disclosure_contact",
        "updates": "update_available",
        "cloud": "cloud_dependent",
        "exposure": "insecure_remote_access",
        "unmanaged": "unmanaged_device",
    }
    # The exploited-vulnerability and OS release checks have nothing to say of it either way.
    assert {*expected, "exploited", "software"} == {check.name for check in checks.CHECKS}
    found = {f.check for f in assessment.findings}
    for name, check_id in expected.items():
        assert (check_id in found) is (name != broken), name
    assert assessment.support.state is SupportState.UNKNOWN  # a fact, whichever check broke


def test_a_raising_generator_check_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    def lazy(*_: object) -> Any:
        yield from ()
        raise KeyError

    monkeypatch.setattr(checks, "CHECKS", (Check("lazy", (), lazy), *checks.CHECKS))
    assessment = assess(record("Globex"), context(database(*DISCLOSURE_DB)))
    assert assessment.findings == (
        Finding(KINDS["check_failed"], {"check": "lazy", "error": "KeyError"}),
        Finding(KINDS["no_disclosure_contact"], {"manufacturer": "Globex"}),
    )


# --- scoring --------------------------------------------------------------------------------


def scored(**fields: Any) -> DeviceAssessment:
    """Assess a Globex device (no contact: LOW) whose support ended (HIGH)."""
    db = database(
        manufacturer(
            "globex", product("Widget", support="date", support_end=iso(-1)), contact=False
        )
    )
    return assess(record("Globex", **fields), context(db))


def test_device_score_is_100_less_the_active_penalties() -> None:
    updates = (PendingUpdate("update.a", "1", "2"),)
    assessment = scored(pending_updates=updates)
    assert sorted(checks_of(assessment)) == sorted(
        ["support_ended", "no_disclosure_contact", "update_available"]
    )
    assert assessment.score == 100 - Severity.HIGH - Severity.LOW - Severity.MEDIUM == 40
    assert assessment.has_problem


def test_device_score_is_floored_at_zero() -> None:
    updates = tuple(PendingUpdate(f"update.u{i}", "1", "2") for i in range(5))
    assessment = scored(pending_updates=updates)
    assert 100 - sum(f.severity for f in assessment.findings) < 0
    assert assessment.score == 0


def test_acknowledged_findings_do_not_count() -> None:
    assessment = scored()
    ended = next(f for f in assessment.findings if f.check == "support_ended")
    acknowledged = dataclasses.replace(assessment, acknowledged=frozenset({ended.fingerprint}))

    assert acknowledged.findings == assessment.findings
    assert ended not in acknowledged.active
    assert acknowledged.active == tuple(f for f in assessment.findings if f != ended)
    assert not acknowledged.counts("support_ended")
    assert acknowledged.counts("no_disclosure_contact")
    assert acknowledged.score == 100 - Severity.LOW
    assert assessment.score == 100 - Severity.LOW - Severity.HIGH

    everything = frozenset(f.fingerprint for f in assessment.findings)
    quiet = dataclasses.replace(assessment, acknowledged=everything)
    assert quiet.active == ()
    assert quiet.score == 100
    assert not quiet.has_problem


def test_a_changed_finding_needs_a_new_acknowledgement() -> None:
    before = scored(pending_updates=(PendingUpdate("update.a", "1", "2"),))
    after = scored(pending_updates=(PendingUpdate("update.a", "1", "3"),))
    old = {f.fingerprint for f in before.findings}
    (update_before,) = (f for f in before.findings if f.check == "update_available")
    (update_after,) = (f for f in after.findings if f.check == "update_available")
    assert update_before.fingerprint != update_after.fingerprint

    acknowledged = dataclasses.replace(after, acknowledged=frozenset(old))
    assert acknowledged.active == (update_after,)
    assert acknowledged.counts("update_available")
    assert not acknowledged.counts("support_ended")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (Finding(KINDS["support_ended"]), Finding(KINDS["support_ending_soon"])),
        (Finding(KINDS["support_ended"], {"end": "2026-01-01"}), Finding(KINDS["support_ended"])),
        (
            Finding(KINDS["support_ended"], {"end": "2026-01-01"}),
            Finding(KINDS["support_ended"], {"end": "2026-01-02"}),
        ),
        (
            Finding(KINDS["no_disclosure_contact"], {"manufacturer": "A"}),
            Finding(KINDS["no_disclosure_contact"], {"maker": "A"}),
        ),
    ],
)
def test_fingerprints_differ_when_findings_differ(first: Finding, second: Finding) -> None:
    assert first.fingerprint != second.fingerprint


def test_fingerprint_ignores_detail_order() -> None:
    one = Finding(KINDS["update_available"], {"latest": "2", "entity_id": "update.a"})
    two = Finding(KINDS["update_available"], {"entity_id": "update.a", "latest": "2"})
    assert one.fingerprint == two.fingerprint


def test_fingerprint_is_unambiguous_for_hostile_details() -> None:
    def update(installed: str, latest: str) -> Finding:
        details = {"entity_id": "update.a", "installed": installed, "latest": latest, "since": ""}
        return Finding(KINDS["update_available"], details)

    assert update("a|latest=b", "c").fingerprint != update("a", "b|latest=c").fingerprint


def test_home_score_and_counts() -> None:
    healthy = assess(record(), context(database(*DISCLOSURE_DB)))  # 100
    ended = scored()  # 55
    updating = scored(pending_updates=(PendingUpdate("update.a"),))  # 40
    report = SecurityReport(
        devices={"a": healthy, "b": ended, "c": updating},
        generated=TODAY,
        database_date=date(2026, 5, 1),
    )
    assert (healthy.score, ended.score, updating.score) == (100, 55, 40)
    assert report.monitored == 3
    assert report.score == round((100 + 55 + 40) / 3) == 65
    assert report.count("support_ended") == 2
    assert report.count("update_available") == 1
    # A device with several of the kinds counts once.
    assert report.count("support_ended", "no_disclosure_contact") == 2
    assert report.count("check_failed") == 0
    assert report.count() == 0

    fingerprint = next(f.fingerprint for f in ended.findings if f.check == "support_ended")
    quieter = SecurityReport(
        devices={
            "a": healthy,
            "b": dataclasses.replace(ended, acknowledged=frozenset({fingerprint})),
            "c": updating,
        },
        generated=TODAY,
        database_date=date(2026, 5, 1),
    )
    assert quieter.count("support_ended") == 1
    assert quieter.score == round((100 + 95 + 40) / 3) == 78


def test_home_score_rounds_the_mean() -> None:
    ended = scored()  # 55
    healthy = assess(record(), context(database(*DISCLOSURE_DB)))  # 100
    report = SecurityReport({"a": ended, "b": ended, "c": healthy}, TODAY, TODAY)
    assert report.score == round(210 / 3) == 70
    report = SecurityReport({"a": ended, "b": healthy, "c": healthy}, TODAY, TODAY)
    assert report.score == round(255 / 3) == 85


def test_empty_home_scores_100() -> None:
    report = SecurityReport({}, TODAY, TODAY)
    assert report.score == 100
    assert report.monitored == 0
    assert report.count("support_ended") == 0


def test_every_kind_has_baseline_information() -> None:
    for kind_id, kind in KINDS.items():
        assert kind.id == kind_id
        assert kind.summary.endswith(".")
        assert kind.guideline
        assert kind.provision
        assert isinstance(kind.severity, Severity)
    assert str(Severity.CRITICAL) == "critical"


def test_checks_are_found_by_themselves() -> None:
    """A module with a CHECK is a check: nothing else registers it."""
    names = [check.name for check in checks.CHECKS]
    assert names[0] == "support"  # its status is what other checks may consult
    assert sorted(names[1:]) == names[1:]
    assert set(names) == {
        "support", "cloud", "default_password", "disclosure", "exploited", "exposure",
        "software", "unmanaged", "updates",
    }  # fmt: skip
    assert len(KINDS) == sum(len(check.kinds) for check in checks.CHECKS) + 1


# --- hostile records ------------------------------------------------------------------------


HOSTILE = [
    None,
    "",
    " ",
    "\x00",
    "Acme\x00",
    "\x00Acme",
    "Ácmé 漢字 🙂 \u202e",
    "Acme " + "🙂" * 5000,
    "x" * 10240,
    "Acme" + " " * 10240,
    "Widget-1" + "\x00" * 10240,
    "\ud800",  # a lone surrogate, as a broken JSON \u escape gives
    "(.*)*$" * 100,
    "AMB-" + "1" * 10240,
]


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("field", ["name", "manufacturer", "model", "model_id", "sw_version"])
def test_hostile_record_fields_never_raise(field: str, text: str | None) -> None:
    db = database(*AMBIGUOUS_DB, *DISCLOSURE_DB[1:])
    device = dataclasses.replace(record(), **{field: text})
    assessment = assess(device, context(db, default_credentials={"acme": frozenset({"d"})}))
    assert not assessment.counts("check_failed")
    assert isinstance(assessment.score, int)
    for finding in assessment.findings:
        assert finding.fingerprint
    repr(assessment)


@pytest.mark.parametrize("text", HOSTILE[:-2])
def test_hostile_everything_at_once(text: str | None) -> None:
    device = DeviceRecord(
        key="k",
        device_ids=(),
        name=text,  # type: ignore[arg-type]
        manufacturer=text,
        model=text,
        model_id=text,
        integrations=(text or "",),
        cloud_integrations=(text or "",),
        pending_updates=(PendingUpdate(text or "update.x", text, text, text),),
    )
    assessment = assess(device, context(database(*AMBIGUOUS_DB)))
    assert not assessment.counts("check_failed")
    assert assessment.support.state is SupportState.UNKNOWN
    assert assessment.match.method in {
        MatchMethod.UNKNOWN_MANUFACTURER,
        MatchMethod.MANUFACTURER_ONLY,
    }
    report = SecurityReport({"k": assessment}, TODAY, TODAY)
    assert 0 <= report.score <= 100


def test_hostile_manufacturer_still_matches_when_it_names_a_known_one() -> None:
    db = database(*AMBIGUOUS_DB)
    assessment = assess(record("ACME Corp.", "  Widget-1  "), context(db))
    assert assessment.match.method is MatchMethod.MODEL
    assert assessment.match.product is not None
    assert assessment.support.state is SupportState.SUPPORTED
    long_model = assess(record("Acme", "AMB-" + "1" * 10240), context(db))
    assert long_model.match.method in {MatchMethod.AMBIGUOUS, MatchMethod.MANUFACTURER_ONLY}


@pytest.mark.parametrize("text", ["", "\x00", "漢字🙂", "x" * 10240])
def test_digest_accepts_odd_logins(digester: CredentialDigester, text: str) -> None:
    assert len(digester.digest(text, text or "p")) == 32
    assert len(digester.digest(None, text or "p")) == 32


def test_digest_accepts_a_lone_surrogate(digester: CredentialDigester) -> None:
    assert len(digester.digest("admin", "\ud800")) == 32


def test_match_type_is_what_assess_returns() -> None:
    assessment = assess(record(), context(database(*DISCLOSURE_DB)))
    assert isinstance(assessment.match, Match)
