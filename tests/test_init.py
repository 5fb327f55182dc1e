"""Set-up, unload and reload through the real config entry."""

from pytest_homeassistant_custom_component.common import MockConfigEntry

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er

MONITORED = "sensor.device_security_devices_monitored"


async def test_setup_creates_the_service_device_and_sensor(
    hass: HomeAssistant, setup_integration: MockConfigEntry
) -> None:
    entry = setup_integration
    assert entry.state is ConfigEntryState.LOADED
    device = dr.async_get(hass).async_get_device_by_identifier(
        ("device_security", entry.entry_id), entry.entry_id
    )
    assert device is not None
    assert device.entry_type is dr.DeviceEntryType.SERVICE
    assert device.name == "Device Security"
    entity = er.async_get(hass).async_get(MONITORED)
    assert entity is not None
    assert entity.device_id == device.id
    assert hass.states.get(MONITORED).state == "0"


async def test_unload_leaves_nothing_running(
    hass: HomeAssistant, setup_integration: MockConfigEntry, add_device
) -> None:
    entry = setup_integration
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.NOT_LOADED
    assert hass.states.get(MONITORED).state == STATE_UNAVAILABLE

    # A registry change after unload must not wake anything of ours.
    add_device(manufacturer="Signify Netherlands B.V.", model="Hue Bridge")
    await hass.async_block_till_done()
    assert hass.states.get(MONITORED).state == STATE_UNAVAILABLE


async def test_reload_assesses_again(
    hass: HomeAssistant, setup_integration: MockConfigEntry, add_device
) -> None:
    entry = setup_integration
    add_device(manufacturer="Sonos", model="One")
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert hass.states.get(MONITORED).state == "1"
