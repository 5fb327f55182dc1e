"""A believable home for the development instance: devices as real integrations report them.

A development fixture, not part of the integration. Each demo device is registered under a
config entry of this domain, with the manufacturer, model and model id strings that the
named integration really reports (see devices.py for which entry a device belongs to).
Devices with an `update_to` firmware version get an update entity offering it. The demo
LAN (lan.py) announces a camera that still takes its factory login, and a few hosts no
integration manages; Device Security is set up with LAN discovery on.
"""

from homeassistant.config_entries import SOURCE_IMPORT, SOURCE_USER, ConfigEntry
from homeassistant.const import EVENT_HOMEASSISTANT_STOP, Platform
from homeassistant.core import Event, HomeAssistant
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.start import async_at_started
from homeassistant.helpers.typing import ConfigType

from .button import DATA_CAMERA
from .devices import (
    DOMAIN,
    DemoDevice,
    async_load_devices,
    device_identifier,
    entry_import_data,
    entry_unique_id,
)
from .lan import DemoCamera, async_announce, async_withdraw

PLATFORMS = [Platform.BUTTON, Platform.UPDATE]

type DemoHomeConfigEntry = ConfigEntry[list[DemoDevice]]


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Create the demo entries and Device Security's entry on the first start.

    The flows run as tasks: awaiting them here would wait on this very set-up.
    """
    hass.async_create_task(_async_import_entries(hass))
    if not hass.config_entries.async_entries("device_security"):
        hass.async_create_task(_add_device_security(hass))
    camera = hass.data[DATA_CAMERA] = DemoCamera()
    await camera.async_start()

    async def _announce(_: HomeAssistant) -> None:
        services = await async_announce(hass, camera)

        async def _stop(_: Event) -> None:
            await async_withdraw(hass, services)
            await camera.async_stop()

        hass.bus.async_listen_once(EVENT_HOMEASSISTANT_STOP, _stop)

    async_at_started(hass, _announce)
    return True


async def _async_import_entries(hass: HomeAssistant) -> None:
    """Create the missing demo entries; existing ones get their credentials updated."""
    for import_data in entry_import_data(await async_load_devices(hass)):
        await hass.config_entries.flow.async_init(
            DOMAIN, context={"source": SOURCE_IMPORT}, data=import_data
        )


async def _add_device_security(hass: HomeAssistant) -> None:
    """Go through Device Security's config flow as the owner would."""
    result = await hass.config_entries.flow.async_init(
        "device_security", context={"source": SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    entry = result["result"]
    # The demo shows the LAN too; the login tests stay off until the owner consents.
    hass.config_entries.async_update_entry(entry, options={**entry.options, "lan_discovery": True})
    await hass.config_entries.async_reload(entry.entry_id)


async def async_setup_entry(hass: HomeAssistant, entry: DemoHomeConfigEntry) -> bool:
    """Register the entry's demo devices, drop those no longer in devices.json."""
    unique_id = entry.unique_id or DOMAIN
    devices = [
        device for device in await async_load_devices(hass) if entry_unique_id(device) == unique_id
    ]
    registry = dr.async_get(hass)
    wanted = {(DOMAIN, device_identifier(device)) for device in devices}
    for stale in dr.async_entries_for_config_entry(registry, entry.entry_id):
        if stale.identifiers.isdisjoint(wanted):
            registry.async_remove_device(stale.id)
    for device in devices:
        registry.async_get_or_create(
            config_entry_id=entry.entry_id,
            identifiers={(DOMAIN, device_identifier(device))},
            connections={(dr.CONNECTION_NETWORK_MAC, device["mac"])} if "mac" in device else set(),
            name=device["name"],
            manufacturer=device.get("manufacturer"),
            model=device.get("model"),
            model_id=device.get("model_id"),
            sw_version=device.get("sw_version"),
            serial_number=device.get("serial_number"),
            suggested_area=device.get("suggested_area"),
        )
    entry.runtime_data = devices
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def async_unload_entry(hass: HomeAssistant, entry: DemoHomeConfigEntry) -> bool:
    """Unload the update entities; the devices stay in the registry."""
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
