"""The login tester's bookkeeping: one sweep at a time, outcomes kept until replaced.

The devices are real HTTP servers on loopback; Home Assistant is real, the entry a mock.
"""

import asyncio

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.device_security.const import DOMAIN
from custom_components.device_security.core.database.loader import Database, load_database
from custom_components.device_security.core.device_record import DeviceRecord, NetService
from custom_components.device_security.core.probes.model import Login, Outcome, ProbeLimits
from custom_components.device_security.login_tests import DefaultLoginTester, targets_for
from homeassistant.core import HomeAssistant

from .servers.devices import PASSWORD, USERNAME, http_device

RIGHT = Login(USERNAME, PASSWORD)
WRONG = (Login("admin", "wrong-1"), Login("admin", "wrong-2"), Login("admin", "wrong-3"))
FAST = ProbeLimits(timeout=1, pause=0.01, deadline=10)


@pytest.fixture(scope="module")
def database() -> Database:
    return load_database()


def _camera(
    port: int, key: str = "camera", hosts: tuple[str, ...] = ("127.0.0.1",)
) -> DeviceRecord:
    return DeviceRecord(
        key=key,
        device_ids=(key,),
        name=key,
        manufacturer="Dahua",
        hosts=hosts,
        services=(NetService("_http._tcp", port),),
    )


def _tester(hass: HomeAssistant, limits: ProbeLimits = FAST) -> DefaultLoginTester:
    entry = MockConfigEntry(domain=DOMAIN)
    entry.add_to_hass(hass)
    return DefaultLoginTester(hass, entry, limits)


def test_the_first_address_the_guard_allows_is_tested(database: Database) -> None:
    """Regression: the first address was taken even when the guard refused it."""
    record = _camera(80, hosts=("camera.example", "100.64.0.5", "192.168.1.5"))
    targets = targets_for(record, database.matcher, {"dahua": (RIGHT,)})
    assert [str(target.address) for target in targets] == ["192.168.1.5"]
    assert (
        targets_for(
            _camera(80, hosts=("100.64.0.5", "8.8.8.8")), database.matcher, {"dahua": (RIGHT,)}
        )
        == []
    )


async def test_a_confirmed_default_stays_while_it_is_tested_again(
    hass: HomeAssistant, database: Database, socket_enabled: None
) -> None:
    """Regression: results were dropped before a re-test, and lost at a sweep's deadline."""
    tester = _tester(hass)
    async with http_device("basic") as device:
        record = _camera(device.port)
        await tester.async_test([record], database.matcher, {"dahua": (RIGHT,)})
        assert tester.apply(record).default_login_services == ("http",)

        # The device stops answering in time; a re-test runs into the sweep's deadline.
        device.mode = "slow"
        tester.limits = ProbeLimits(timeout=5, pause=0.01, deadline=0.5)
        sweep = asyncio.create_task(
            tester.async_test([record], database.matcher, {"dahua": (RIGHT,)})
        )
        await asyncio.sleep(0.1)
        assert tester.running
        assert tester.apply(record).default_login_services == ("http",)  # while it runs
        await sweep
        assert device.logins == 1  # the re-test never got an answer
    assert tester.apply(record).default_login_services == ("http",)


async def test_sweeps_take_turns_and_share_a_service_once(
    hass: HomeAssistant, database: Database, socket_enabled: None
) -> None:
    """Regression: overlapping sweeps and duplicate targets made 6 logins to one service."""
    tester = _tester(hass)
    async with http_device("basic") as device:
        # Two registry devices at one address and port: one target.
        twins = [_camera(device.port, "hub"), _camera(device.port, "hub-twin")]
        await tester.async_test(twins, database.matcher, {"dahua": WRONG})
        assert device.logins == 3
        for twin in twins:
            assert tester.apply(twin).default_login_refused == ("http",)

        # The daily sweep and a "check again" at once: one after the other.
        await asyncio.gather(
            tester.async_test(twins[:1], database.matcher, {"dahua": WRONG}),
            tester.async_test(twins[:1], database.matcher, {"dahua": WRONG}),
        )
    assert device.open_most == 1
    assert device.logins == 9


async def test_unloading_cancels_a_sweep_started_outside_the_entry(
    hass: HomeAssistant, database: Database, socket_enabled: None
) -> None:
    """Regression: a "check again" sweep went on reaching the device after unload."""
    entry = MockConfigEntry(domain=DOMAIN)
    entry.add_to_hass(hass)
    tester = DefaultLoginTester(hass, entry, ProbeLimits(timeout=5, pause=0.01, deadline=30))
    async with http_device("slow") as slow:
        record = _camera(slow.port)
        # As a repair flow would: a plain task, not one of the entry's.
        check_again = hass.async_create_task(
            tester.async_test([record], database.matcher, {"dahua": (RIGHT,)})
        )
        await asyncio.sleep(0.2)
        assert slow.open_now == 1
        await entry._async_process_on_unload(hass)
        await check_again  # ends quietly, keeping what was known
        await asyncio.sleep(0.1)
        assert slow.open_now == 0
    assert tester.results.get("camera", {}) == {}
    assert not tester.running
    assert Outcome.ACCEPTED not in {r.outcome for r in tester.results.get("camera", {}).values()}
