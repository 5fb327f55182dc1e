"""Firmware version parsing and comparison, on the strings vendors really write."""

import pytest

from custom_components.device_security.core.versions import (
    MAX_LENGTH,
    Version,
    compare,
    is_fixed,
    parse_version,
)


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """No Home Assistant here: version parsing is core code."""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("v3.0.0.136_20121102", Version("", (3, 0, 0, 136), (20121102,)), id="reolink"),
        pytest.param(
            "1.1.1 Build 20230210 rel.57941",
            Version("", (1, 1, 1), (20230210, 57941)),
            id="tp-link",
        ),
        pytest.param("6.1.1.28573", Version("", (6, 1, 1, 28573)), id="plain-four-part"),
        pytest.param("V2.800.0000000.5.R", Version("", (2, 800, 0, 5)), id="dahua"),
        pytest.param(
            "1.0.4_build_210917", Version("", (1, 0, 4), (210917,)), id="build-underscore"
        ),
        pytest.param("4.3.4.20", Version("", (4, 3, 4, 20)), id="shelly-style-plain"),
        pytest.param(
            "DSM 7.2.1-69057 Update 5", Version("", (7, 2, 1), (69057, 5)), id="synology-dsm"
        ),
        pytest.param("17.6.1", Version("", (17, 6, 1)), id="apple-bare"),
        pytest.param("iOS 17.6.1", Version("", (17, 6, 1)), id="apple-ios-label"),
        pytest.param("iPadOS 16.4.1", Version("", (16, 4, 1)), id="apple-ipados-label"),
        pytest.param(
            "QTS 5.1.0.2466 build 20230721",
            Version("", (5, 1, 0, 2466), (20230721,)),
            id="qnap-qts",
        ),
        pytest.param(
            "QuTS hero h5.1.0.2424 build 20230609",
            Version("quts_hero", (5, 1, 0, 2424), (20230609,)),
            id="qnap-quts-hero",
        ),
        pytest.param(
            "2.3.2.1 (build 54321)", Version("", (2, 3, 2, 1), (54321,)), id="build-paren"
        ),
        pytest.param("1.02B03", Version("", (1, 2), (3,)), id="d-link-beta-build"),
        pytest.param("FW_1.20_20210101", Version("", (1, 20), (20210101,)), id="fw-prefix"),
        pytest.param("V5.21(AAZF.14)C0", Version("zyxel:AAZF", (5, 21, 14, 0)), id="zyxel-nas326"),
        pytest.param("V1.0.7.6_1.1.20", Version("", (1, 0, 7, 6), (1, 1, 20)), id="netgear"),
        pytest.param("6.42.1", Version("", (6, 42, 1)), id="mikrotik-routeros"),
        pytest.param("2024-11-01", Version("date", (2024, 11, 1)), id="android-patch-level"),
        pytest.param("  17.6.1  ", Version("", (17, 6, 1)), id="surrounding-space"),
    ],
)
def test_parses_vendor_formats(text: str, expected: Version) -> None:
    assert parse_version(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(None, id="none"),
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
        pytest.param("unknown", id="word"),
        pytest.param("latest", id="latest"),
        pytest.param("N/A", id="not-available"),
        pytest.param("17.6.1 (a)", id="apple-rapid-response-unknown-suffix"),
        pytest.param("1.2abc", id="letters-after-number"),
        pytest.param("20230721", id="date-not-a-release"),
        pytest.param("2024-13-01", id="bad-month"),
        pytest.param("\uff11\uff17.\uff16.\uff11", id="fullwidth-digits"),
        pytest.param("17.6.1 \u2013 beta", id="unicode-dash"),
        pytest.param("\x00\x01", id="control-bytes"),
        pytest.param("1" * (MAX_LENGTH + 1), id="over-cap"),
        pytest.param("1." * 5000, id="10kB-dots"),
        pytest.param("V" + "1.1" * 4000 + "(AAZF.1)C0", id="10kB-zyxel-like"),
        pytest.param("build " * 2000, id="10kB-words"),
        pytest.param("1.2.3.4.5.6.7.8.9.10", id="too-many-parts"),
        pytest.param("1.2 build 1 2 3 4 5 6 7 8 9", id="too-many-build-numbers"),
    ],
)
def test_unreadable_is_none(text: str | None) -> None:
    assert parse_version(text) is None


@pytest.mark.parametrize(
    ("installed", "fixed", "expected"),
    [
        pytest.param(
            "1.1.4 Build 20230219 rel.70155", "1.1.4 Build 20230219", True, id="tp-link-equal"
        ),
        pytest.param(
            "1.1.2 Build 20220420 rel.1", "1.1.4 Build 20230219", False, id="tp-link-older"
        ),
        pytest.param(
            "1.1.4 Build 20230101", "1.1.4 Build 20230219", False, id="tp-link-older-build"
        ),
        pytest.param("1.1.4", "1.1.4 Build 20230219", None, id="tp-link-no-build-unknown"),
        pytest.param("iOS 17.6.1", "16.4.1", True, id="apple-newer-major"),
        pytest.param("16.4", "16.4.1", False, id="apple-older-patch"),
        pytest.param("16.4.1", "16.4.1", True, id="apple-equal"),
        pytest.param("16.10", "16.9", True, id="numeric-not-lexical"),
        pytest.param("V5.21(AAZF.13)C0", "V5.21(AAZF.14)C0", False, id="zyxel-older"),
        pytest.param("V5.21(AAZF.17)C0", "V5.21(AAZF.14)C0", True, id="zyxel-newer"),
        pytest.param("V5.21(ABAG.17)C0", "V5.21(AAZF.14)C0", None, id="zyxel-other-model"),
        pytest.param("v3.0.0.136_20121102", "v3.0.0.148_21102905", False, id="reolink-older"),
        pytest.param("6.40.8", "6.42.1", False, id="mikrotik-older"),
        pytest.param("7.16.2", "6.42.1", True, id="mikrotik-newer"),
        pytest.param("1.5.1.1", "1.5.1", True, id="draytek-newer"),
        pytest.param(
            "QTS 5.1.0.2466 build 20230721", "QuTS hero h5.1.0.2424", None, id="qnap-lines"
        ),
        pytest.param("2024-11-05", "2024-11-01", True, id="android-patch-level"),
        pytest.param("14", "2024-11-01", None, id="android-release-vs-patch-level"),
        pytest.param("garbage", "1.0", None, id="junk-installed"),
        pytest.param("1.0", "garbage", None, id="junk-fixed"),
        pytest.param(None, "1.0", None, id="none-installed"),
        pytest.param("1.0", None, None, id="none-fixed"),
        pytest.param("", "", None, id="both-empty"),
        pytest.param("9" * 10_000, "1.0", None, id="10kB-installed"),
    ],
)
def test_is_fixed(installed: str | None, fixed: str | None, expected: bool | None) -> None:
    assert is_fixed(installed, fixed) is expected


def test_compare_orders_and_accepts_parsed_versions() -> None:
    older = parse_version("1.02B03")
    assert older is not None
    assert compare(older, "1.02B04") == -1
    assert compare("1.03", older) == 1
    assert compare(older, "1.02") == 0
    assert compare("17", "17.0.0") == 0
    assert compare(Version("a", (1,)), Version("b", (1,))) is None
