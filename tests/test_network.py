"""The LAN through Home Assistant's shared zeroconf, and the opt-in login tests.

Zeroconf here is real: the shared instance and the "devices" announcing themselves both
bind to 127.0.0.1 only, so every mDNS packet stays on loopback. The device answering the
login test is a real HTTP server on loopback.
"""

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from http import HTTPStatus
import logging
import secrets
import socket
from typing import Any

import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator
from zeroconf import IPVersion
from zeroconf.asyncio import AsyncServiceInfo, AsyncZeroconf

from custom_components.device_security.const import (
    CONF_ENDING_SOON_DAYS,
    CONF_LAN_DISCOVERY,
    CONF_LOGIN_TESTS,
    DOMAIN,
    EVENT_FINDING,
    LOGIN_TEST_INTERVAL,
)
from custom_components.device_security.core.probes.model import ProbeLimits
from homeassistant.components.zeroconf.const import DATA_INSTANCE
from homeassistant.components.zeroconf.models import HaAsyncZeroconf, HaZeroconf
from homeassistant.const import CONF_HOST
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, issue_registry as ir
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util

from .conftest import everything_shown
from .servers.devices import Device, http_device

DAHUA_DEFAULT = {"username": "admin", "password": "admin"}  # published, in the reference list
# mDNS on loopback is shared by everything on this machine: names unique to this run.
RUN = secrets.token_hex(3)


@pytest.fixture
async def shared_zeroconf(hass: HomeAssistant, socket_enabled: None) -> AsyncIterator[None]:
    """Home Assistant's shared zeroconf instance, on loopback only."""
    zc = HaZeroconf(interfaces=["127.0.0.1"], ip_version=IPVersion.V4Only)
    instance = HaAsyncZeroconf(zc=zc)
    hass.data[DATA_INSTANCE] = instance
    yield
    await instance.ha_async_close()


@pytest.fixture
async def lan(socket_enabled: None) -> AsyncIterator[AsyncZeroconf]:
    """The other hosts of the network, announcing on loopback."""
    announcer = AsyncZeroconf(interfaces=["127.0.0.1"], ip_version=IPVersion.V4Only)
    yield announcer
    await announcer.async_unregister_all_services()
    await announcer.async_close()


def _service(
    service_type: str, instance: str, host: str, port: int, properties: dict[str, Any] | None = None
) -> AsyncServiceInfo:
    return AsyncServiceInfo(
        f"{service_type}.local.",
        f"{instance} {RUN}.{service_type}.local.",
        addresses=[socket.inet_aton("127.0.0.1")],
        port=port,
        properties=properties or {},
        server=f"{host}-{RUN}.local.",
    )


async def _announce(lan: AsyncZeroconf, info: AsyncServiceInfo) -> None:
    """Announce, and wait for every repeat of the announcement to be sent."""
    await (await lan.async_register_service(info))


async def _leave(lan: AsyncZeroconf, info: AsyncServiceInfo) -> None:
    """Say goodbye, and wait until it is said."""
    await (await lan.async_unregister_service(info))


async def _until(hass: HomeAssistant, check: Any, seconds: float = 10) -> None:
    """Wait, in real time (mDNS is real here), until the check passes."""
    for _ in range(int(seconds * 10)):
        await hass.async_block_till_done()
        if check():
            return
        await asyncio.sleep(0.1)
    msg = "condition not reached"
    raise AssertionError(msg)


def _state(hass: HomeAssistant, entity_id: str) -> str:
    state = hass.states.get(entity_id)
    assert state is not None, entity_id
    return state.state


def _entry(**options: Any) -> MockConfigEntry:
    return MockConfigEntry(
        domain=DOMAIN, unique_id=DOMAIN, options={CONF_ENDING_SOON_DAYS: 180, **options}
    )


async def _set_up(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    entry.runtime_data._debounced_refresh.cooldown = 0.05


async def test_unmanaged_hosts_and_cleartext_services(
    hass: HomeAssistant, shared_zeroconf: None, lan: AsyncZeroconf
) -> None:
    assert await async_setup_component(hass, "repairs", {})
    entry = _entry(**{CONF_LAN_DISCOVERY: True})
    await _set_up(hass, entry)
    key = f"lan:printer-7-{RUN}"

    printer = _service(
        "_telnet._tcp", "Old printer", "printer-7", 23, {"vendor": "Acme", "md": "P7"}
    )
    web = _service("_http._tcp", "Old printer", "printer-7", 80)
    await _announce(lan, printer)
    await _announce(lan, web)
    devices = entry.runtime_data
    await _until(
        hass,
        lambda: key in devices.data.devices and len(devices.data.devices[key].record.services) == 2,
    )
    # Other hosts may announce themselves on this machine too: the sensors must agree with
    # the report they were computed from, whatever else is on the network.
    report = devices.data
    assert int(_state(hass, "sensor.device_security_unmanaged_devices")) == report.count(
        "unmanaged_device"
    )
    assert int(_state(hass, "sensor.device_security_exposed_services")) == report.count(
        "insecure_remote_access", "no_login_required", "unencrypted_web_admin"
    )

    device = devices.data.devices[key]
    assert device.record.managed is False
    assert device.record.manufacturer == "Acme"
    assert device.record.model == "P7"
    checks = {finding.check for finding in device.findings}
    assert {"unmanaged_device", "insecure_remote_access", "unencrypted_web_admin"} <= checks
    issue = ir.async_get(hass).async_get_issue(DOMAIN, f"insecure_remote_access.{key}")
    assert issue is not None
    assert issue.translation_placeholders["services"] == "telnet"

    # The host leaves the network: everything about it goes.
    await _leave(lan, printer)
    await _leave(lan, web)
    await _until(hass, lambda: key not in devices.data.devices)
    assert ir.async_get(hass).async_get_issue(DOMAIN, f"insecure_remote_access.{key}") is None


async def test_announced_hosts_join_their_registry_devices(
    hass: HomeAssistant, shared_zeroconf: None, lan: AsyncZeroconf, add_device: Any
) -> None:
    by_mac = add_device("shelly", manufacturer="Shelly", model="Shelly 1", name="Porch",
                        connections={(dr.CONNECTION_NETWORK_MAC, "AA:BB:CC:DD:EE:01")})  # fmt: skip
    cam_entry = MockConfigEntry(
        domain="onvif", title="Cam", data={CONF_HOST: f"garage-cam-{RUN}.local"}
    )
    cam_entry.add_to_hass(hass)
    by_name = dr.async_get(hass).async_get_or_create(
        config_entry_id=cam_entry.entry_id, identifiers={("onvif", "c1")}, name="Garage cam"
    )
    entry = _entry(**{CONF_LAN_DISCOVERY: True})
    await _set_up(hass, entry)

    await _announce(
        lan, _service("_http._tcp", "shellyplug", "shelly-01", 80, {"mac": "aabbccddee01"})
    )
    await _announce(lan, _service("_rtsp._tcp", "Garage", "garage-cam", 554))
    await _until(
        hass,
        lambda: (
            entry.runtime_data.data.devices[by_name.id].record.services
            and entry.runtime_data.data.devices[by_mac.id].record.services
        ),
    )
    assert f"lan:shelly-01-{RUN}" not in entry.runtime_data.data.devices
    assert f"lan:garage-cam-{RUN}" not in entry.runtime_data.data.devices
    porch = entry.runtime_data.data.devices[by_mac.id]
    assert [s.type for s in porch.record.services] == ["_http._tcp"]
    assert "127.0.0.1" in porch.record.hosts
    assert any(f.check == "unencrypted_web_admin" for f in porch.findings)


async def test_malformed_and_noisy_announcements(
    hass: HomeAssistant, shared_zeroconf: None, lan: AsyncZeroconf
) -> None:
    entry = _entry(**{CONF_LAN_DISCOVERY: True})
    await _set_up(hass, entry)
    noisy = {f"key{n}": "x" * 100 for n in range(30)} | {
        "vendor": b"\xff\xfe\xfa bad utf-8",
        "model": "M" * 240,
        "mac": "not-a-mac",
    }
    await _announce(lan, _service("_http._tcp", "Noisy", "noisy", 8080, noisy))
    for n in range(5):  # the same host announcing itself again and again
        await _announce(lan, _service("_ipp._tcp", f"Dup {n}", "noisy", 631))
    key = f"lan:noisy-{RUN}"
    await _until(hass, lambda: key in entry.runtime_data.data.devices)
    await _until(hass, lambda: len(entry.runtime_data.data.devices[key].record.services) == 2)
    record = entry.runtime_data.data.devices[key].record
    assert len(record.model or "") <= 100
    assert record.macs == ()


@pytest.fixture
async def camera(socket_enabled: None) -> AsyncIterator[Device]:
    """A camera web page on loopback that still accepts Dahua's published default."""
    async with http_device("basic", **DAHUA_DEFAULT) as device:
        yield device


async def _camera_setup(
    hass: HomeAssistant, lan: AsyncZeroconf, camera: Device, **options: Any
) -> tuple[MockConfigEntry, dr.DeviceEntry]:
    cam_entry = MockConfigEntry(
        domain="dahua_cam", title="Cam", data={CONF_HOST: f"front-cam-{RUN}.local"}
    )
    cam_entry.add_to_hass(hass)
    device = dr.async_get(hass).async_get_or_create(
        config_entry_id=cam_entry.entry_id,
        identifiers={("dahua_cam", "c1")},
        manufacturer="Dahua",
        model="IPC-HFW1230S",
        name="Front door camera",
    )
    await _announce(lan, _service("_http._tcp", "Front door camera", "front-cam", camera.port))
    entry = _entry(**{CONF_LAN_DISCOVERY: True, **options})
    await _set_up(hass, entry)
    await _until(hass, lambda: entry.runtime_data.data.devices[device.id].record.services)
    return entry, device


async def test_login_tests_stay_off_unless_turned_on(
    hass: HomeAssistant, shared_zeroconf: None, lan: AsyncZeroconf, camera: Device
) -> None:
    entry, device = await _camera_setup(hass, lan, camera)
    await asyncio.sleep(0.3)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert camera.logins == 0
    finding = {f.check for f in entry.runtime_data.data.devices[device.id].findings}
    assert "default_password_confirmed" not in finding
    assert "default_password_risk" in finding  # a risk, not a fact, without the test


async def test_login_test_confirms_then_clears_a_default_password(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    shared_zeroconf: None,
    lan: AsyncZeroconf,
    camera: Device,
    caplog: pytest.LogCaptureFixture,
) -> None:
    assert await async_setup_component(hass, "repairs", {})
    events = async_capture_events(hass, EVENT_FINDING)
    with caplog.at_level(logging.DEBUG):
        entry, device = await _camera_setup(hass, lan, camera, **{CONF_LOGIN_TESTS: True})
        entry.runtime_data.login_tester.limits = ProbeLimits(timeout=1, pause=0.01, deadline=10)
        await entry.runtime_data.async_run_login_tests()
        await hass.async_block_till_done()
    issue_id = f"default_password_confirmed.{device.id}"
    issue = ir.async_get(hass).async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.severity is ir.IssueSeverity.CRITICAL
    assert issue.translation_placeholders["via"] == " (the login test got in over http)"
    assert camera.logins <= 3

    # Nothing shows the password: logs, states, issues, diagnostics, events, report.
    shown = await everything_shown(hass, hass_client, entry, caplog.text, events)
    assert '"admin"' not in shown.replace('"username": "admin"', "")
    assert "YWRtaW46YWRtaW4" not in shown  # admin:admin, base64

    # The owner changes the password; the fix flow tests again and the issue goes.
    camera.password = "a long passphrase of my own"
    client = await hass_client()
    response = await client.post(
        "/api/repairs/issues/fix", json={"handler": DOMAIN, "issue_id": issue_id}
    )
    flow = await response.json()
    assert flow["menu_options"] == ["recheck", "acknowledge"]
    response = await client.post(
        f"/api/repairs/issues/fix/{flow['flow_id']}", json={"next_step_id": "recheck"}
    )
    response = await client.post(f"/api/repairs/issues/fix/{flow['flow_id']}", json={})
    assert response.status == HTTPStatus.OK
    assert (await response.json())["type"] == "create_entry"
    await hass.async_block_till_done()
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is None
    findings = {f.check for f in entry.runtime_data.data.devices[device.id].findings}
    assert not findings & {"default_password_confirmed", "default_password_risk"}


async def test_login_tests_run_again_every_day(
    hass: HomeAssistant, shared_zeroconf: None, lan: AsyncZeroconf, camera: Device
) -> None:
    """A default password set back by a reset is found at the next daily test."""
    entry, device = await _camera_setup(hass, lan, camera, **{CONF_LOGIN_TESTS: True})
    entry.runtime_data.login_tester.limits = ProbeLimits(timeout=1, pause=0.01, deadline=10)
    await hass.async_block_till_done(wait_background_tasks=True)
    tested = camera.logins
    async_fire_time_changed(hass, dt_util.utcnow() + LOGIN_TEST_INTERVAL + timedelta(seconds=1))
    await hass.async_block_till_done(wait_background_tasks=True)
    assert camera.logins > tested
    findings = {f.check for f in entry.runtime_data.data.devices[device.id].findings}
    assert "default_password_confirmed" in findings


async def test_unloading_cancels_running_login_tests(
    hass: HomeAssistant, shared_zeroconf: None, lan: AsyncZeroconf, socket_enabled: None
) -> None:
    async with http_device("slow", **DAHUA_DEFAULT) as slow:
        entry, _ = await _camera_setup(hass, lan, slow, **{CONF_LOGIN_TESTS: True})
        entry.async_create_background_task(
            hass, entry.runtime_data.async_run_login_tests(), "login tests under way"
        )
        await asyncio.sleep(0.3)  # the tests are under way, waiting on the slow camera
        assert slow.open_now >= 1
        assert await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_block_till_done(wait_background_tasks=True)
        await asyncio.sleep(0.2)
        assert slow.open_now == 0
