"""Operating-system releases: finished lines and missed releases, from real version strings."""

from datetime import date

import pytest

from custom_components.device_security.core.checks import AssessmentContext
from custom_components.device_security.core.database.loader import Database, load_database
from custom_components.device_security.core.database.schema import DatabaseError
from custom_components.device_security.core.findings import Finding, Severity
from custom_components.device_security.core.software import (
    SoftwareReleases,
    load_bundled,
    parse_systems,
    system_of,
)

from .assessing import findings_of

TODAY = date(2026, 12, 2)
ENDED, BEHIND = "os_release_unsupported", "os_release_behind"
CHECKS = {ENDED, BEHIND}


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """No Home Assistant here: the check is core code."""


@pytest.fixture(scope="module")
def data() -> tuple[Database, SoftwareReleases]:
    return load_database(), load_bundled()


def _findings(
    data: tuple[Database, SoftwareReleases],
    manufacturer: str | None,
    model: str | None,
    sw_version: str | None,
    integration: str | None = None,
    today: date = TODAY,
) -> list[Finding]:
    database, software = data
    context = AssessmentContext(
        today=today, ending_soon_days=90, database=database, software=software
    )
    return findings_of(
        context,
        CHECKS,
        manufacturer=manufacturer,
        model=model,
        sw_version=sw_version,
        integration=integration,
    )


def test_the_bundled_lines_are_the_reference_pages(data: tuple[Database, SoftwareReleases]) -> None:
    systems = data[1].systems
    assert set(systems) == {
        "ios", "ipados", "tvos", "watchos", "android", "openwrt", "routeros", "opnsense"
    }  # fmt: skip
    ios = systems["ios"]
    assert ios.source == "https://endoflife.date/ios"
    line = ios.line_of("17.7.2")
    assert line is not None
    assert (line.cycle, line.security_end) == ("17", date(2025, 5, 13))
    assert ios.line_of("1.1") is None  # older than any listed line


@pytest.mark.parametrize(
    ("manufacturer", "model", "sw_version", "integration", "expected"),
    [
        ("Apple", "iPhone15,2", "17.7.2", "mobile_app", (ENDED, "17")),
        ("Apple", "iPad13,4", "18.7.2", "mobile_app", (BEHIND, "18")),
        ("Apple", "iPhone17,1", "26.6.1", "mobile_app", None),  # the latest of its line
        ("Apple", "iPhone17,1", "27.0", "mobile_app", None),  # newer than the data knows
        ("Google", "Pixel 7", "13", "mobile_app", (ENDED, "13")),
        ("OnePlus", "CPH2449", "14", "mobile_app", None),  # Android 14 is still updated
        ("Xiaomi", "2201116SG", "12", "mobile_app", (ENDED, "12")),
        (
            "Apple",
            "Apple TV 4K (3rd generation)",
            "17.6.1",
            "apple_tv",
            (ENDED, "17"),
        ),
        ("Apple", "AppleTV11,1", "26.2", "apple_tv", (BEHIND, "26")),
        ("MikroTik", "RB4011iGS+", "7.23.1", "mikrotik", (ENDED, "7.23")),
        ("MikroTik", "RB4011iGS+", "7.21.2", "mikrotik", (BEHIND, "7.21")),
        (
            None,
            None,
            "OpenWrt 23.05.2 r23630-842932a63d",
            None,
            (ENDED, "23.05"),
        ),
        ("OPNsense", "OPNsense", "OPNsense 26.7.1", None, (BEHIND, "26.7")),
        ("Apple", "AudioAccessory5,1", "17.1", "apple_tv", None),  # HomePod: not listed
        ("Signify Netherlands B.V.", "LCT015", "1.104.2", "hue", None),  # firmware, not an OS
        ("Apple", "iPhone15,2", "not a version", "mobile_app", None),
        ("Apple", "iPhone15,2", None, "mobile_app", None),
    ],
)
def test_the_running_release_decides(
    data: tuple[Database, SoftwareReleases],
    manufacturer: str | None,
    model: str | None,
    sw_version: str | None,
    integration: str | None,
    expected: tuple[str, str] | None,
) -> None:
    found = _findings(data, manufacturer, model, sw_version, integration)
    assert [(f.check, f.details["line"]) for f in found] == ([expected] if expected else [])


def test_the_finding_says_since_when_and_what_to_install(
    data: tuple[Database, SoftwareReleases],
) -> None:
    (ended,) = _findings(data, "Google", "Pixel 7", "13", "mobile_app")
    assert ended.severity is Severity.HIGH
    assert ended.details["ended"] == "2026-03-02"
    assert ended.details["system"] == "Android"
    (behind,) = _findings(data, "Apple", "iPad13,4", "18.7.2", "mobile_app")
    assert behind.severity is Severity.MEDIUM
    assert (behind.details["latest"], behind.details["released"]) == ("18.7.10", "2026-08-17")


def test_a_line_ends_on_its_day(data: tuple[Database, SoftwareReleases]) -> None:
    # Android 13's security updates ended on 2026-03-02: the day before, it was behind at most.
    assert _findings(data, "Google", "Pixel 7", "13", "mobile_app", today=date(2026, 3, 1)) == []


def test_system_of_needs_a_version() -> None:
    assert system_of("mobile_app", "apple", None, ("iPhone15,2",), "") is None
    assert system_of("mobile_app", "apple", None, ("Mac14,2",), "14.1") is None


@pytest.mark.parametrize(
    "document",
    [
        [],
        {"systems": []},
        {"systems": {"ios": {"name": "iOS", "source": "x"}}},
        {"systems": {"ios": {"name": "iOS", "source": "x", "lines": [{"cycle": "1"}]}}},
        {
            "systems": {
                "ios": {
                    "name": "iOS",
                    "source": "x",
                    "lines": [{"cycle": "1", "ended": False, "security_end": "soon"}],
                }
            }
        },
    ],
)
def test_a_malformed_file_is_refused(document: object) -> None:
    with pytest.raises(DatabaseError):
        parse_systems(document)
