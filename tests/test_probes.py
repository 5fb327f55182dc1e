"""The opt-in default-login probes, against real servers on loopback."""

import asyncio
from dataclasses import replace
import ipaddress
import logging
import time

import aiohttp
import pytest

from custom_components.device_security.core.probes import prober
from custom_components.device_security.core.probes.address_guard import (
    AddressRefusedError,
    allowed_address,
    check_target,
    parse_address,
)
from custom_components.device_security.core.probes.model import (
    Login,
    Outcome,
    ProbeLimits,
    Service,
)
from custom_components.device_security.core.probes.prober import Target, probe, sweep

from .servers.devices import PASSWORD, USERNAME, http_device, rtsp, tcp_device, telnet

FAST = ProbeLimits(attempts_per_service=3, concurrency=4, timeout=0.5, pause=0.01, deadline=10)
WRONG = [Login("admin", "admin"), Login("root", "root")]
RIGHT = Login(USERNAME, PASSWORD)
LOOPBACK = ipaddress.ip_address("127.0.0.1")


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """No Home Assistant here: the probes are core code."""


@pytest.fixture
async def session(socket_enabled: None) -> aiohttp.ClientSession:
    async with aiohttp.ClientSession() as client:
        yield client  # type: ignore[misc]


@pytest.mark.parametrize(
    "address",
    ["10.1.2.3", "172.16.0.1", "172.31.255.254", "192.168.1.20", "169.254.10.10",
     "127.0.0.1", "::1", "fd12:3456::1", "fe80::1%eth0", "::ffff:192.168.1.1"],
)  # fmt: skip
def test_private_link_local_and_loopback_addresses_are_allowed(address: str) -> None:
    parsed = parse_address(address)
    assert parsed is not None
    assert allowed_address(address) == parsed
    assert check_target(parsed) == parsed


@pytest.mark.parametrize(
    "address",
    ["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.64.0.1", "192.0.2.1", "224.0.0.251",
     "2001:4860:4860::8888", "::ffff:8.8.8.8", "example.com", "localhost", "", "10.0.0.1; rm"],
)  # fmt: skip
async def test_other_addresses_are_refused_without_any_attempt(
    address: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    assert allowed_address(address) is None
    if (parsed := parse_address(address)) is None:
        return  # not an address at all: it can never become a target
    with pytest.raises(AddressRefusedError):
        check_target(parsed)

    async def _no_attempt(*_: object) -> Outcome:
        pytest.fail("a refused address must not be contacted")

    http = replace(prober.PROTOCOLS["http"], attempt=_no_attempt)
    monkeypatch.setitem(prober.PROTOCOLS, "http", http)  # type: ignore[index]
    target = Target(parsed, Service("http", 80), [RIGHT])
    with caplog.at_level(logging.WARNING):
        result = await probe(None, target, FAST)  # type: ignore[arg-type]
    assert result.outcome is Outcome.REFUSED
    assert result.attempts == 0
    assert "Not testing http" in caplog.text


def test_protocols_are_found_by_themselves() -> None:
    """A `<name>_login` module with a PROTOCOL is a protocol: nothing else registers it."""
    assert set(prober.PROTOCOLS) == {"http", "telnet", "rtsp"}
    assert prober.PROTOCOLS["http"].zeroconf_types == {"_http._tcp": False, "_https._tcp": True}


async def test_a_service_no_protocol_speaks_is_not_tried() -> None:
    result = await probe(None, Target(LOOPBACK, Service("ssh", 22), [RIGHT]), FAST)  # type: ignore[arg-type]
    assert (result.outcome, result.attempts) == (Outcome.UNSUPPORTED, 0)


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1%@203.0.113.7", "10.1.2.3%.cams.example", "192.168.1.5%eth0", "127.0.0.1 ",
     "fd12::1%eth0", "fe80::1%@203.0.113.7", "fe80::1%eth0/evil", "fe80::1%", "[::1]"],
)  # fmt: skip
def test_nothing_may_ride_after_an_address(host: str) -> None:
    """Regression: text after "%" was dropped by the guard and kept for the connection."""
    assert parse_address(host) is None
    assert allowed_address(host) is None


@pytest.mark.parametrize("mode", ["basic", "digest"])
async def test_http_default_login_is_found(session: aiohttp.ClientSession, mode: str) -> None:
    async with http_device(mode) as device:
        target = Target(LOOPBACK, Service("http", device.port), [*WRONG, RIGHT])
        result = await probe(session, target, FAST)
    assert result.outcome is Outcome.ACCEPTED
    assert result.attempts == 3
    assert device.logins >= 3


@pytest.mark.parametrize("mode", ["basic", "digest"])
async def test_http_attempts_stay_within_the_bound(
    session: aiohttp.ClientSession, mode: str
) -> None:
    logins = [Login("admin", f"guess-{n}") for n in range(10)] + [RIGHT]
    async with http_device(mode) as device:
        target = Target(LOOPBACK, Service("http", device.port), logins)
        result = await probe(session, target, FAST)
    assert result.outcome is Outcome.REJECTED
    assert result.attempts == FAST.attempts_per_service
    assert device.logins <= 2 * FAST.attempts_per_service  # Digest may answer a challenge


@pytest.mark.parametrize(
    ("mode", "outcome"),
    [
        ("open", Outcome.UNSUPPORTED),
        ("form", Outcome.UNSUPPORTED),
        ("teapot", Outcome.UNSUPPORTED),
        ("redirect", Outcome.REJECTED),
        ("slow", Outcome.UNREACHABLE),
        ("lockout", Outcome.LOCKED_OUT),
    ],
)
async def test_http_other_answers(
    session: aiohttp.ClientSession, mode: str, outcome: Outcome
) -> None:
    async with http_device(mode) as device:
        target = Target(LOOPBACK, Service("http", device.port), [*WRONG, RIGHT])
        result = await probe(session, target, FAST)
    assert result.outcome is outcome
    if mode == "lockout":
        assert device.logins == 2  # stopped at the first sign of a lock-out
        assert result.attempts == 2


async def test_http_nothing_listening(session: aiohttp.ClientSession) -> None:
    async with http_device("basic") as device:
        port = device.port
    result = await probe(session, Target(LOOPBACK, Service("http", port), [RIGHT]), FAST)
    assert result.outcome is Outcome.UNREACHABLE


async def test_telnet_default_login_is_found(session: aiohttp.ClientSession) -> None:
    async with tcp_device(telnet("login")) as device:
        target = Target(LOOPBACK, Service("telnet", device.port), [*WRONG, RIGHT])
        result = await probe(session, target, FAST)
    assert result.outcome is Outcome.ACCEPTED
    assert device.logins == 3
    assert device.passwords_seen == ["admin", "root", PASSWORD]  # only to the device


@pytest.mark.parametrize(
    ("mode", "outcome", "logins"),
    [
        ("shell", Outcome.NO_LOGIN, 0),
        ("prompts", Outcome.UNSUPPORTED, 0),
        ("garbage", Outcome.UNSUPPORTED, 0),
        ("slow", Outcome.UNSUPPORTED, 0),
        ("lockout", Outcome.LOCKED_OUT, 2),
    ],
)
async def test_telnet_other_answers(
    session: aiohttp.ClientSession, mode: str, outcome: Outcome, logins: int
) -> None:
    async with tcp_device(telnet(mode)) as device:
        target = Target(LOOPBACK, Service("telnet", device.port), [*WRONG, RIGHT])
        result = await probe(session, target, FAST)
    assert result.outcome is outcome
    assert device.logins == logins


async def test_telnet_wrong_logins_are_rejected(session: aiohttp.ClientSession) -> None:
    async with tcp_device(telnet("login")) as device:
        target = Target(LOOPBACK, Service("telnet", device.port), WRONG)
        result = await probe(session, target, FAST)
    assert result.outcome is Outcome.REJECTED
    assert result.attempts == 2


@pytest.mark.parametrize("mode", ["digest", "basic"])
async def test_rtsp_default_login_is_found(session: aiohttp.ClientSession, mode: str) -> None:
    async with tcp_device(rtsp(mode)) as device:
        target = Target(LOOPBACK, Service("rtsp", device.port), [*WRONG, RIGHT])
        result = await probe(session, target, FAST)
    assert result.outcome is Outcome.ACCEPTED
    assert device.logins == 3


async def test_rtsp_open_stream_and_rejection(session: aiohttp.ClientSession) -> None:
    async with tcp_device(rtsp("open")) as device:
        open_result = await probe(
            session, Target(LOOPBACK, Service("rtsp", device.port), [RIGHT]), FAST
        )
    async with tcp_device(rtsp("digest")) as device:
        rejected = await probe(session, Target(LOOPBACK, Service("rtsp", device.port), WRONG), FAST)
    assert open_result.outcome is Outcome.NO_LOGIN
    assert rejected.outcome is Outcome.REJECTED


async def test_rtsp_garbage_is_unreachable(session: aiohttp.ClientSession) -> None:
    async with tcp_device(telnet("garbage")) as device:
        result = await probe(session, Target(LOOPBACK, Service("rtsp", device.port), [RIGHT]), FAST)
    assert result.outcome is Outcome.UNREACHABLE


async def test_sweep_keeps_its_concurrency_bound(session: aiohttp.ClientSession) -> None:
    limits = ProbeLimits(attempts_per_service=1, concurrency=3, timeout=0.3, pause=0, deadline=10)
    async with tcp_device(telnet("slow")) as device:
        targets = [Target(LOOPBACK, Service("telnet", device.port), [RIGHT])] * 12
        results = await sweep(session, targets, limits)
    assert len(results) == 12
    assert device.open_most <= 3


async def test_sweep_stops_at_its_deadline(session: aiohttp.ClientSession) -> None:
    limits = ProbeLimits(attempts_per_service=1, concurrency=2, timeout=3, pause=0, deadline=0.5)
    async with tcp_device(telnet("slow")) as device:
        targets = [Target(LOOPBACK, Service("telnet", device.port), [RIGHT])] * 6
        started = time.monotonic()
        results = await sweep(session, targets, limits)
        elapsed = time.monotonic() - started
    assert results == []
    assert elapsed < 2


async def test_sweep_can_be_cancelled(session: aiohttp.ClientSession) -> None:
    async with tcp_device(telnet("slow")) as device:
        targets = [Target(LOOPBACK, Service("telnet", device.port), [RIGHT])] * 4
        task = asyncio.ensure_future(sweep(session, targets, ProbeLimits(timeout=5, deadline=30)))
        await asyncio.sleep(0.2)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await asyncio.sleep(0.05)
        assert device.open_now == 0


async def test_no_password_is_logged_or_shown(
    session: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        async with http_device("basic") as device:
            target = Target(LOOPBACK, Service("http", device.port), [RIGHT])
            result = await probe(session, target, FAST)
    assert result.outcome is Outcome.ACCEPTED
    assert PASSWORD not in caplog.text
    assert PASSWORD not in repr(result)
    assert PASSWORD not in repr(target)
