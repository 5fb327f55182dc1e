"""The config flow (one instance) and the options flow."""

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.device_security.config_flow import _whole_days
from custom_components.device_security.const import (
    CONF_DATA_URL,
    CONF_ENDING_SOON_DAYS,
    CONF_IGNORED_DEVICES,
    CONF_LAN_DISCOVERY,
    CONF_LOGIN_TESTS,
    CONF_ONLINE_REFRESH,
    CONF_PER_DEVICE_ENTITIES,
    CONF_SUPPORT_OVERRIDES,
    DOMAIN,
)
from homeassistant.config_entries import SOURCE_USER, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType, InvalidData


async def test_user_flow_creates_the_entry(hass: HomeAssistant) -> None:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"

    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Device Security"
    assert result["options"] == {CONF_ENDING_SOON_DAYS: 180, CONF_PER_DEVICE_ENTITIES: True}
    entry = result["result"]
    assert entry.unique_id == DOMAIN
    assert entry.state is ConfigEntryState.LOADED


async def test_second_instance_is_refused(
    hass: HomeAssistant, setup_integration: MockConfigEntry
) -> None:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "single_instance_allowed"


async def _settings(hass: HomeAssistant, entry: MockConfigEntry) -> dict:
    """Open the options flow and go to its settings step."""
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["type"] is FlowResultType.MENU
    assert result["menu_options"] == ["settings", "support_date"]
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "settings"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "settings"
    return result


async def test_options_flow_changes_the_settings_and_reloads(
    hass: HomeAssistant, setup_integration: MockConfigEntry, add_device
) -> None:
    entry = setup_integration
    ignored = add_device(manufacturer="Sonos", model="One")
    result = await _settings(hass, entry)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            CONF_ENDING_SOON_DAYS: 90,
            CONF_PER_DEVICE_ENTITIES: False,
            CONF_IGNORED_DEVICES: [ignored.id],
        },
    )
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options == {
        CONF_ENDING_SOON_DAYS: 90,
        CONF_PER_DEVICE_ENTITIES: False,
        CONF_IGNORED_DEVICES: [ignored.id],
        CONF_ONLINE_REFRESH: False,
        CONF_DATA_URL: "",
        CONF_LAN_DISCOVERY: False,
        CONF_LOGIN_TESTS: False,
        "repair_severity": "high",
        "show_panel": True,
    }
    assert entry.state is ConfigEntryState.LOADED
    assert hass.states.get("sensor.device_security_devices_monitored").state == "0"


async def test_login_tests_need_the_owners_consent(
    hass: HomeAssistant, setup_integration: MockConfigEntry
) -> None:
    entry = setup_integration
    result = await _settings(hass, entry)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_ENDING_SOON_DAYS: 180, CONF_LOGIN_TESTS: True}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "consent"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"i_own_these_devices": False}
    )
    assert result["errors"] == {"i_own_these_devices": "consent_required"}
    assert not entry.options.get(CONF_LOGIN_TESTS)

    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"i_own_these_devices": True}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done(wait_background_tasks=True)
    assert entry.options[CONF_LOGIN_TESTS] is True

    # Already on: changing another setting asks no more.
    result = await _settings(hass, entry)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_ENDING_SOON_DAYS: 90, CONF_LOGIN_TESTS: True}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done(wait_background_tasks=True)


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/db.json", "http://example.org/db.json", "not a url", "https://",
        # Regressions: credentials in the URL end up in logs and storage; a broken port.
        "https://user:secret@data.example.org/db.json", "https://token@data.example.org/db.json",
        "https://data.example.org:99999/db.json",
    ],
)  # fmt: skip
async def test_options_flow_refuses_an_unsafe_data_url(
    hass: HomeAssistant, setup_integration: MockConfigEntry, url: str
) -> None:
    entry = setup_integration
    result = await _settings(hass, entry)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {CONF_ENDING_SOON_DAYS: 30, CONF_ONLINE_REFRESH: True, CONF_DATA_URL: url},
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_DATA_URL: "invalid_data_url"}

    # Corrected, the same flow goes through; nothing typed was lost on the way.
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            CONF_ENDING_SOON_DAYS: 30,
            CONF_ONLINE_REFRESH: True,
            CONF_DATA_URL: "https://data.example.org/database.json",
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options[CONF_DATA_URL] == "https://data.example.org/database.json"
    assert entry.options[CONF_ONLINE_REFRESH] is True


async def test_options_flow_accepts_http_to_this_machine(
    hass: HomeAssistant, setup_integration: MockConfigEntry
) -> None:
    entry = setup_integration
    result = await _settings(hass, entry)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {CONF_ENDING_SOON_DAYS: 30, CONF_DATA_URL: " http://127.0.0.1:8000/db.json "},
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options[CONF_DATA_URL] == "http://127.0.0.1:8000/db.json"


@pytest.mark.parametrize("days", [0, -5, 3651, "soon"])
async def test_options_flow_rejects_an_invalid_window(
    hass: HomeAssistant, setup_integration: MockConfigEntry, days: object
) -> None:
    entry = setup_integration
    result = await _settings(hass, entry)
    with pytest.raises(InvalidData):
        await hass.config_entries.options.async_configure(
            result["flow_id"], {CONF_ENDING_SOON_DAYS: days}
        )
    assert entry.options == {CONF_ENDING_SOON_DAYS: 180}


@pytest.mark.parametrize("days", ["nan", float("nan"), float("inf"), 1.5, "1.5"])
async def test_options_flow_takes_whole_days_only(
    hass: HomeAssistant, setup_integration: MockConfigEntry, days: object
) -> None:
    """Regression: "nan" passed the range check and crashed; 1.5 and true became 1."""
    entry = setup_integration
    result = await _settings(hass, entry)
    try:
        result = await hass.config_entries.options.async_configure(
            result["flow_id"], {CONF_ENDING_SOON_DAYS: days}
        )
    except InvalidData:
        pass  # the selector refused it: just as good
    else:
        assert result["type"] is FlowResultType.FORM
        assert result["errors"] == {CONF_ENDING_SOON_DAYS: "invalid_days"}
    assert entry.options == {CONF_ENDING_SOON_DAYS: 180}


async def test_options_flow_sets_and_clears_a_support_date(
    hass: HomeAssistant, setup_integration: MockConfigEntry, add_device
) -> None:
    entry = setup_integration
    device = add_device(manufacturer="Acme", model="Thing")

    async def _set(data: dict) -> None:
        result = await hass.config_entries.options.async_init(entry.entry_id)
        result = await hass.config_entries.options.async_configure(
            result["flow_id"], {"next_step_id": "support_date"}
        )
        assert result["step_id"] == "support_date"
        result = await hass.config_entries.options.async_configure(result["flow_id"], data)
        assert result["type"] is FlowResultType.CREATE_ENTRY
        await hass.async_block_till_done()

    await _set({"device_id": device.id, "support_end": "2030-06-30"})
    assert entry.options[CONF_SUPPORT_OVERRIDES] == {device.id: "2030-06-30"}
    assert entry.options[CONF_ENDING_SOON_DAYS] == 180  # the other options are kept
    report = entry.runtime_data.data
    assert report.devices[device.id].support.end.isoformat() == "2030-06-30"
    assert report.devices[device.id].support.basis == "owner"

    await _set({"device_id": device.id})
    assert entry.options[CONF_SUPPORT_OVERRIDES] == {}


def test_whole_days_takes_numbers_only() -> None:
    """Whatever the form's selector lets through, only a whole number of days is stored."""
    assert _whole_days(True) is None  # noqa: FBT003 - a boolean is the point
    assert _whole_days("30") is None
    assert _whole_days(30) == 30
    assert _whole_days(30.0) == 30
