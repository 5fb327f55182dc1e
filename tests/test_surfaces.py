"""What the owner sees and automates on, through real set-up with real registries.

The clock is fixed at 2026-11-22; the devices carry real manufacturer and model strings,
so they are identified in the bundled database exactly as in a home.
"""

from datetime import timedelta
from http import HTTPStatus
import json
import logging
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.device_security.const import (
    CONF_ENDING_SOON_DAYS,
    CONF_PER_DEVICE_ENTITIES,
    DOMAIN,
    EVENT_FINDING,
)
from custom_components.device_security.core.checks import KINDS
from custom_components.device_security.core.database.matcher import MatchMethod
from custom_components.device_security.core.report import SupportState
from homeassistant.const import CONF_PASSWORD, CONF_USERNAME
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import device_registry as dr, entity_registry as er, issue_registry as ir
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util

from .conftest import AddDevice, everything_shown

NOW = "2026-11-22 12:00:00+00:00"
DEFAULT_PASSWORD = "admin"


@pytest.fixture(autouse=True)
def _fixed_clock(freezer: FrozenDateTimeFactory) -> None:
    freezer.move_to(NOW)


async def _settle(hass: HomeAssistant) -> None:
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=5))
    await hass.async_block_till_done()


def _state(hass: HomeAssistant, entity_id: str) -> str:
    state = hass.states.get(entity_id)
    assert state is not None, entity_id
    return state.state


def _entity(hass: HomeAssistant, device: dr.DeviceEntry, kind: str) -> str:
    registry = er.async_get(hass)
    entries = [
        e
        for e in er.async_entries_for_device(registry, device.id)
        if e.unique_id.endswith(f"-{kind}")
    ]
    assert len(entries) == 1, [
        e.unique_id for e in er.async_entries_for_device(registry, device.id)
    ]
    return entries[0].entity_id


@pytest.fixture
def home(add_device: AddDevice) -> dict[str, dr.DeviceEntry]:
    """A small home: ended, supported, no published period, unknown, a camera."""
    return {
        "hue_v1": add_device(
            "hue", manufacturer="Signify Netherlands B.V.", model="Hue Bridge", model_id="BSB001",
            name="Old bridge", serial_number="0017880A1B2C",
            connections={(dr.CONNECTION_NETWORK_MAC, "00:17:88:0a:1b:2c")},
        ),
        "pixel": add_device("mobile_app", manufacturer="Google", model="Pixel 9", name="Phone"),
        "ikea": add_device(
            "zha", manufacturer="IKEA of Sweden", model="TRADFRI bulb E27 WS opal 980lm",
            name="Lamp",
        ),
        "mystery": add_device("mqtt", manufacturer="Nobody Knows Ltd", model="X1", name="Mystery"),
    }  # fmt: skip


async def _set_up(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


async def test_device_pages_show_support_end_and_problem(
    hass: HomeAssistant, home: dict[str, dr.DeviceEntry], config_entry: MockConfigEntry
) -> None:
    await _set_up(hass, config_entry)

    support = hass.states.get(_entity(hass, home["hue_v1"], "support_end"))
    assert support is not None
    assert support.state == "2020-04-30"
    assert support.attributes["device_class"] == "date"
    assert support.attributes["status"] == "ended"
    assert support.attributes["identified_by"] == "model_id"
    assert support.attributes["identified_as"] == "Philips Hue Bridge v1 (round, BSB001)"
    assert support.attributes["sources"]
    assert support.attributes["security_contact"]
    problem = hass.states.get(_entity(hass, home["hue_v1"], "problem"))
    assert problem is not None
    assert problem.state == "on"
    assert problem.attributes["main_finding"] == "support_ended"
    assert problem.attributes["findings"] >= 1
    assert "Security updates have ended." in problem.attributes["reason"]

    pixel = hass.states.get(_entity(hass, home["pixel"], "support_end"))
    assert pixel is not None
    assert pixel.attributes["status"] == "supported"
    assert _state(hass, _entity(hass, home["pixel"], "problem")) == "off"
    assert _state(hass, _entity(hass, home["mystery"], "support_end")) == "unknown"

    # Nothing empty is shown: the unknown device has no sources, contact or product.
    mystery = hass.states.get(_entity(hass, home["mystery"], "support_end"))
    assert mystery is not None
    assert not {"sources", "security_contact", "identified_as"} & set(mystery.attributes)

    # Our config entry is never added to the devices we describe.
    for device in home.values():
        assert dr.async_get(hass).async_get(device.id).config_entry_id != config_entry.entry_id


async def test_summary_sensors_count_the_home(
    hass: HomeAssistant, home: dict[str, dr.DeviceEntry], config_entry: MockConfigEntry
) -> None:
    await _set_up(hass, config_entry)
    assert _state(hass, "sensor.device_security_devices_monitored") == "4"
    assert _state(hass, "sensor.device_security_support_ended") == "1"
    assert _state(hass, "sensor.device_security_support_ending_soon") == "0"
    assert _state(hass, "sensor.device_security_no_published_support_period") == "1"
    assert _state(hass, "sensor.device_security_support_period_unknown") == "1"
    assert _state(hass, "sensor.device_security_updates_pending") == "0"
    report = config_entry.runtime_data.data
    expected = round(sum(device.score for device in report.devices.values()) / 4)
    assert _state(hass, "sensor.device_security_security_score") == str(expected)
    assert (
        hass.states.get("sensor.device_security_security_score").attributes["unit_of_measurement"]
        == "%"
    )


async def test_ending_soon_follows_the_window(
    hass: HomeAssistant, add_device: AddDevice, config_entry: MockConfigEntry
) -> None:
    device = add_device("mobile_app", manufacturer="Google", model="Pixel 9", name="Phone")
    await _set_up(hass, config_entry)
    end = config_entry.runtime_data.data.devices[device.id].support.end
    days = (end - dt_util.now().date()).days
    hass.config_entries.async_update_entry(
        config_entry, options={**config_entry.options, CONF_ENDING_SOON_DAYS: days}
    )
    assert await hass.config_entries.async_reload(config_entry.entry_id)
    await hass.async_block_till_done()
    assert _state(hass, "sensor.device_security_support_ending_soon") == "1"


async def test_entities_follow_devices_coming_and_going(
    hass: HomeAssistant, add_device: AddDevice, config_entry: MockConfigEntry
) -> None:
    await _set_up(hass, config_entry)
    device = add_device("sonos", manufacturer="Sonos", model="Play:1", name="Kitchen")
    await _settle(hass)
    entity_id = _entity(hass, device, "support_end")
    assert hass.states.get(entity_id) is not None

    dr.async_get(hass).async_remove_device(device.id)
    await _settle(hass)
    assert er.async_get(hass).async_get(entity_id) is None
    assert hass.states.get(entity_id) is None


async def test_per_device_entities_can_be_turned_off(
    hass: HomeAssistant, home: dict[str, dr.DeviceEntry], config_entry: MockConfigEntry
) -> None:
    await _set_up(hass, config_entry)
    assert er.async_entries_for_device(er.async_get(hass), home["pixel"].id)
    hass.config_entries.async_update_entry(
        config_entry, options={**config_entry.options, CONF_PER_DEVICE_ENTITIES: False}
    )
    assert await hass.config_entries.async_reload(config_entry.entry_id)
    await hass.async_block_till_done()
    assert not er.async_entries_for_device(er.async_get(hass), home["pixel"].id)
    assert _state(hass, "sensor.device_security_devices_monitored") == "4"


async def test_calendar_lists_support_ends(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    home: dict[str, dr.DeviceEntry],
    config_entry: MockConfigEntry,
) -> None:
    await _set_up(hass, config_entry)
    client = await hass_client()
    response = await client.get(
        "/api/calendars/calendar.device_security_security_support_ending_today"
        "?start=2020-01-01T00:00:00Z&end=2040-01-01T00:00:00Z"
    )
    assert response.status == HTTPStatus.OK
    events = await response.json()
    summaries = [event["summary"] for event in events]
    assert "Security support ends: Old bridge" in summaries
    assert "Security support ends: Phone" in summaries
    old = next(event for event in events if event["summary"].endswith("Old bridge"))
    assert old["start"] == {"date": "2020-04-30"}
    # The calendar's state is its next event: the phone's, in the future.
    calendar = hass.states.get("calendar.device_security_security_support_ending_today")
    assert calendar is not None
    assert calendar.attributes["message"] == "Security support ends: Phone"

    response = await client.get(
        "/api/calendars/calendar.device_security_security_support_ending_today"
        "?start=2021-01-01T00:00:00Z&end=2022-01-01T00:00:00Z"
    )
    assert await response.json() == []


async def _fix(client: Any, issue_id: str, *steps: dict[str, Any]) -> dict[str, Any]:
    """Walk a repair's fix flow over the HTTP API, as the frontend does."""
    response = await client.post(
        "/api/repairs/issues/fix", json={"handler": DOMAIN, "issue_id": issue_id}
    )
    assert response.status == HTTPStatus.OK, await response.text()
    result: dict[str, Any] = await response.json()
    for step in steps:
        response = await client.post(f"/api/repairs/issues/fix/{result['flow_id']}", json=step)
        assert response.status == HTTPStatus.OK, await response.text()
        result = await response.json()
    return result


async def test_repair_acknowledge_removes_the_finding_from_the_counts(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    home: dict[str, dr.DeviceEntry],
    config_entry: MockConfigEntry,
) -> None:
    assert await async_setup_component(hass, "repairs", {})
    await _set_up(hass, config_entry)
    issue_id = f"support_ended.{home['hue_v1'].id}"
    issue = ir.async_get(hass).async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_placeholders["device"] == "Old bridge"

    client = await hass_client()
    result = await _fix(client, issue_id)
    assert result["type"] == "menu"
    assert result["menu_options"] == ["set_support_end", "acknowledge"]
    result = await _fix(client, issue_id, {"next_step_id": "acknowledge"}, {})
    assert result["type"] == "create_entry"
    await _settle(hass)

    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is None
    assert _state(hass, "sensor.device_security_support_ended") == "0"
    # Acknowledged, not forgotten: the date still shows, the report keeps it apart.
    assert _state(hass, _entity(hass, home["hue_v1"], "support_end")) == "2020-04-30"
    assert config_entry.runtime_data.acknowledged[home["hue_v1"].id]

    # It survives a restart of the integration.
    assert await hass.config_entries.async_reload(config_entry.entry_id)
    await hass.async_block_till_done()
    assert _state(hass, "sensor.device_security_support_ended") == "0"


async def test_repair_sets_the_support_end_by_hand(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    home: dict[str, dr.DeviceEntry],
    config_entry: MockConfigEntry,
) -> None:
    assert await async_setup_component(hass, "repairs", {})
    # Medium findings raise issues only when the owner asks for them.
    await _set_up(hass, config_entry)
    issue_id = f"no_support_period.{home['ikea'].id}"
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is None
    hass.config_entries.async_update_entry(
        config_entry, options={**config_entry.options, "repair_severity": "medium"}
    )
    assert await hass.config_entries.async_reload(config_entry.entry_id)
    await hass.async_block_till_done()
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is not None
    client = await hass_client()
    result = await _fix(client, issue_id, {"next_step_id": "set_support_end"})
    assert result["type"] == "form"
    result = await _fix(
        client, issue_id, {"next_step_id": "set_support_end"}, {"end": "2031-03-01"}
    )
    assert result["type"] == "create_entry"
    await _settle(hass)
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is None
    assert _state(hass, _entity(hass, home["ikea"], "support_end")) == "2031-03-01"
    assert (
        hass.states.get(_entity(hass, home["ikea"], "support_end")).attributes["basis"] == "owner"
    )
    assert _state(hass, "sensor.device_security_no_published_support_period") == "0"


async def _issues_in_report(hass: HomeAssistant) -> dict[str, bool]:
    """Each finding's Repairs issue as the report states it, by issue id."""
    report = await hass.services.async_call(
        DOMAIN, "get_report", blocking=True, return_response=True
    )
    assert isinstance(report, dict)
    return {
        f"{finding['check']}.{device['device_id']}": finding["repairs_issue"]
        for device in report["devices"]
        for finding in device["findings"]
    }


async def test_the_report_says_which_findings_are_on_the_repairs_page(
    hass: HomeAssistant, home: dict[str, dr.DeviceEntry], config_entry: MockConfigEntry
) -> None:
    """Regression: the card and panel guessed this with their own list and the default."""
    assert await async_setup_component(hass, "repairs", {})
    registry = ir.async_get(hass)
    await _set_up(hass, config_entry)
    for severity in ("high", "medium"):
        if severity == "medium":
            hass.config_entries.async_update_entry(
                config_entry, options={**config_entry.options, "repair_severity": "medium"}
            )
            assert await hass.config_entries.async_reload(config_entry.entry_id)
            await hass.async_block_till_done()
        stated = await _issues_in_report(hass)
        assert stated == {
            issue_id: registry.async_get_issue(DOMAIN, issue_id) is not None for issue_id in stated
        }
        assert any(stated.values())
        assert stated[f"no_support_period.{home['ikea'].id}"] is (severity == "medium")


@pytest.fixture
def camera(hass: HomeAssistant) -> tuple[MockConfigEntry, dr.DeviceEntry]:
    """A camera whose integration logs in with the vendor's published default."""
    entry = MockConfigEntry(
        domain="onvif",
        title="Driveway camera",
        data={CONF_USERNAME: "admin", CONF_PASSWORD: DEFAULT_PASSWORD},
    )
    entry.add_to_hass(hass)
    device = dr.async_get(hass).async_get_or_create(
        config_entry_id=entry.entry_id,
        identifiers={("onvif", "cam-1")},
        manufacturer="Dahua",
        model="IPC-HDW2431T",
        name="Driveway camera",
    )
    return entry, device


async def test_default_password_confirmed_then_fixed(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    camera: tuple[MockConfigEntry, dr.DeviceEntry],
    config_entry: MockConfigEntry,
) -> None:
    assert await async_setup_component(hass, "repairs", {})
    camera_entry, device = camera
    await _set_up(hass, config_entry)
    issue_id = f"default_password_confirmed.{device.id}"
    issue = ir.async_get(hass).async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.severity is ir.IssueSeverity.CRITICAL
    assert _state(hass, "sensor.device_security_default_password_risks") == "1"

    client = await hass_client()
    # Not changed yet: the flow says so and the issue stays.
    result = await _fix(client, issue_id, {"next_step_id": "recheck"}, {})
    assert result["type"] == "abort"
    assert result["reason"] == "still_found"
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is not None

    # The owner changes the password and updates the integration; the check clears it.
    hass.config_entries.async_update_entry(
        camera_entry, data={CONF_USERNAME: "admin", CONF_PASSWORD: "correct horse battery"}
    )
    result = await _fix(client, issue_id, {"next_step_id": "recheck"}, {})
    assert result["type"] == "create_entry"
    await _settle(hass)
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is None
    assert _state(hass, "sensor.device_security_default_password_risks") == "0"


async def test_no_secret_is_ever_shown(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    camera: tuple[MockConfigEntry, dr.DeviceEntry],
    config_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    secret = "Sup3r-secret-passphrase"
    camera_entry, _ = camera
    hass.config_entries.async_update_entry(
        camera_entry, data={CONF_USERNAME: "owner", CONF_PASSWORD: secret}
    )
    events = async_capture_events(hass, EVENT_FINDING)
    with caplog.at_level(logging.DEBUG):
        await _set_up(hass, config_entry)
        hass.config_entries.async_update_entry(
            camera_entry, data={CONF_USERNAME: "admin", CONF_PASSWORD: DEFAULT_PASSWORD}
        )
        await hass.services.async_call(DOMAIN, "scan", blocking=True)
    seen = await everything_shown(hass, hass_client, config_entry, caplog.text, events)
    assert events  # the default password was found, and said so without the secret
    for password in (secret, DEFAULT_PASSWORD + '"', f"'{DEFAULT_PASSWORD}'"):
        assert password not in seen


async def test_finding_events_fire_when_findings_come_and_go(
    hass: HomeAssistant, add_device: AddDevice, config_entry: MockConfigEntry
) -> None:
    await _set_up(hass, config_entry)
    events = async_capture_events(hass, EVENT_FINDING)
    device = add_device(
        "hue", manufacturer="Signify Netherlands B.V.", model_id="BSB001", name="Bridge"
    )
    await _settle(hass)
    new = [event.data for event in events if event.data["state"] == "new"]
    assert {"device_id": device.id, "check": "support_ended", "severity": "high"}.items() <= next(
        data for data in new if data["check"] == "support_ended"
    ).items()

    events.clear()
    dr.async_get(hass).async_remove_device(device.id)
    await _settle(hass)
    assert {event.data["check"] for event in events if event.data["state"] == "resolved"} >= {
        "support_ended"
    }


async def test_actions_scan_and_get_report(
    hass: HomeAssistant, home: dict[str, dr.DeviceEntry], config_entry: MockConfigEntry
) -> None:
    await _set_up(hass, config_entry)
    report = await hass.services.async_call(
        DOMAIN, "get_report", blocking=True, return_response=True
    )
    assert report["devices_monitored"] == 4
    assert report["generated"] == "2026-11-22"
    hue = next(device for device in report["devices"] if device["device_id"] == home["hue_v1"].id)
    assert hue["support"] == {
        "state": "ended",
        "end": "2020-04-30",
        "basis": "database",
        "sources": hue["support"]["sources"],
    }
    assert hue["findings"][0]["check"] == "support_ended"
    assert hue["findings"][0]["guideline"] == "3"
    assert hue["identified_by"] == "model_id"

    one = await hass.services.async_call(
        DOMAIN, "get_report", {"device_id": home["pixel"].id}, blocking=True, return_response=True
    )
    assert [device["name"] for device in one["devices"]] == ["Phone"]
    with pytest.raises(ServiceValidationError):
        await hass.services.async_call(
            DOMAIN, "get_report", {"device_id": "nope"}, blocking=True, return_response=True
        )

    add_device_count = len(report["devices"])
    dr.async_get(hass).async_remove_device(home["mystery"].id)
    await hass.services.async_call(DOMAIN, "scan", {"refresh_data": True}, blocking=True)
    report = await hass.services.async_call(
        DOMAIN, "get_report", blocking=True, return_response=True
    )
    assert len(report["devices"]) == add_device_count - 1


async def test_actions_refuse_when_not_loaded(
    hass: HomeAssistant, config_entry: MockConfigEntry
) -> None:
    await _set_up(hass, config_entry)
    assert await hass.config_entries.async_unload(config_entry.entry_id)
    with pytest.raises(ServiceValidationError):
        await hass.services.async_call(DOMAIN, "scan", blocking=True)


async def test_diagnostics_redact_identifiers(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    home: dict[str, dr.DeviceEntry],
    config_entry: MockConfigEntry,
) -> None:
    await _set_up(hass, config_entry)
    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, config_entry)
    text = json.dumps(diagnostics)
    assert "0017880A1B2C" not in text
    assert "0017880a1b2c" not in text
    assert diagnostics["database"]["products"] > 400
    assert diagnostics["report"]["devices_monitored"] == 4


async def test_update_entities_count_as_pending_updates(
    hass: HomeAssistant, home: dict[str, dr.DeviceEntry], config_entry: MockConfigEntry
) -> None:
    await _set_up(hass, config_entry)
    entity = er.async_get(hass).async_get_or_create(
        "update", "hue", "firmware-1", device_id=home["hue_v1"].id
    )
    hass.states.async_set(
        entity.entity_id, "on", {"installed_version": "1.0", "latest_version": "1.1"}
    )
    await _settle(hass)
    assert _state(hass, "sensor.device_security_updates_pending") == "1"
    finding = next(
        f for f in config_entry.runtime_data.data.devices[home["hue_v1"].id].findings
        if f.check == "update_available"
    )  # fmt: skip
    assert finding.details["latest"] == "1.1"

    hass.states.async_set(
        entity.entity_id, "off", {"installed_version": "1.1", "latest_version": "1.1"}
    )
    await _settle(hass)
    assert _state(hass, "sensor.device_security_updates_pending") == "0"


async def test_cloud_integrations_are_noted(
    hass: HomeAssistant, add_device: AddDevice, config_entry: MockConfigEntry
) -> None:
    device = add_device("ring", manufacturer="Ring", model="Doorbell Pro", name="Door")
    await _set_up(hass, config_entry)
    findings = config_entry.runtime_data.data.devices[device.id].findings
    assert any(
        f.check == "cloud_dependent" and f.details["integrations"] == "ring" for f in findings
    )


async def test_a_hostile_registry_breaks_nothing(
    hass: HomeAssistant, add_device: AddDevice, config_entry: MockConfigEntry
) -> None:
    huge = "x" * 10_000
    add_device("mqtt", title="", name=None, manufacturer=None, model=None)
    add_device("mqtt", name=huge, manufacturer=huge, model=huge, model_id=huge, serial_number=huge)
    add_device("mqtt", name="Küche 💡", manufacturer="Signify Netherlands B.V.\x00", model="灯")
    add_device("mqtt", name="  ", manufacturer="  ", model="  ", sw_version="")
    hue = add_device(
        "hue", manufacturer="Signify Netherlands B.V.", model_id="BSB001", name="Bridge"
    )
    await _set_up(hass, config_entry)
    assert _state(hass, "sensor.device_security_devices_monitored") == "5"
    assert _state(hass, _entity(hass, hue, "support_end")) == "2020-04-30"


async def test_a_fix_flow_after_unload_aborts_with_a_reason(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    home: dict[str, dr.DeviceEntry],
    config_entry: MockConfigEntry,
) -> None:
    """Regression: opening a repair of an unloaded entry was an HTTP 500."""
    assert await async_setup_component(hass, "repairs", {})
    await _set_up(hass, config_entry)
    issue_id = f"support_ended.{home['hue_v1'].id}"
    client = await hass_client()
    result = await _fix(client, issue_id)
    assert result["type"] == "menu"
    assert "{end}" not in str(result)  # the explanation comes first, with its facts
    assert result["description_placeholders"]["end"] == "2020-04-30"

    assert await hass.config_entries.async_unload(config_entry.entry_id)
    result = await _fix(client, issue_id)
    assert result["type"] == "abort"
    assert result["reason"] == "not_loaded"

    # Removing the entry takes its issues off the Repairs page.
    assert await hass.config_entries.async_remove(config_entry.entry_id)
    await hass.async_block_till_done()
    assert not [key for key in ir.async_get(hass).issues if key[0] == DOMAIN]


async def test_every_attribute_shown_has_translated_words(
    hass: HomeAssistant, home: dict[str, dr.DeviceEntry], config_entry: MockConfigEntry
) -> None:
    """No raw code on a device page: attribute names and coded values have their words."""
    strings = json.loads(
        (
            Path(__file__).parent.parent / "custom_components/device_security/translations/en.json"
        ).read_text(encoding="utf-8")
    )["entity"]
    await _set_up(hass, config_entry)
    # Every value each coded attribute can take, not only those this home shows.
    coded = {
        "status": {str(state) for state in SupportState},
        "identified_by": {str(method) for method in MatchMethod},
        "main_finding": set(KINDS),
        "basis": {"database", "owner", "policy", "integration"},
    }
    registry = er.async_get(hass)
    seen = set()
    for entry in er.async_entries_for_config_entry(registry, config_entry.entry_id):
        state = hass.states.get(entry.entity_id)
        assert state is not None
        own = set(state.attributes) - {
            "device_class", "friendly_name", "icon", "state_class", "unit_of_measurement",
            "message", "all_day", "start_time", "end_time", "location", "description",
            "offset_reached",
        }  # fmt: skip
        words = strings[entry.domain][entry.translation_key].get("state_attributes", {})
        for attribute in own:
            seen.add(attribute)
            assert words[attribute]["name"], (entry.translation_key, attribute)
            if attribute in coded:
                assert set(words[attribute]["state"]) >= coded[attribute], attribute
    assert {"status", "identified_by", "main_finding", "devices", "total"} <= seen


def test_every_finding_kind_has_complete_specific_words() -> None:
    """The checks declare kinds; the words of each must exist and fit what it is about."""
    strings = json.loads(
        (
            Path(__file__).parent.parent / "custom_components/device_security/translations/en.json"
        ).read_text(encoding="utf-8")
    )
    issues, sensors = strings["issues"], strings["entity"]["sensor"]
    for kind in KINDS.values():
        if kind.counted_by:
            assert sensors[kind.counted_by]["name"], kind.counted_by
        if kind.repair is None:
            assert kind.id not in issues, f"{kind.id} raises no issue but has issue words"
            continue
        flow = issues[kind.id]["fix_flow"]
        assert "description" not in issues[kind.id]  # hassfest: the flow explains it
        steps = flow["step"]
        assert set(steps["init"]["menu_options"]) == {str(kind.repair), "acknowledge"}
        assert steps["init"]["description"]
        assert steps[str(kind.repair)]["description"]
        assert steps["acknowledge"]["description"]
        assert flow["abort"]["not_loaded"]
        text = json.dumps(issues[kind.id]).casefold()
        # No copy-pasted words from another kind of finding.
        if kind.id.startswith("support") or kind.id == "no_support_period":
            assert "password" not in text, kind.id
        if "password" in kind.id:
            assert "end date" not in text, kind.id
            assert "password" in steps["init"]["description"].casefold()
