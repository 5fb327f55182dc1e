"""A believable home for the development instance: devices as real integrations report them.

A development fixture, not part of the integration. Each demo device is registered under a
config entry of this domain, with the manufacturer, model and model id strings that the
named integration really reports.
"""

import json
from pathlib import Path
from typing import Any

from homeassistant.config_entries import SOURCE_IMPORT, SOURCE_USER, ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.typing import ConfigType

DOMAIN = "demo_home"
DEVICES_FILE = Path(__file__).with_name("devices.json")


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Create the demo entry and Device Security's entry on the first start.

    The flows run as tasks: awaiting them here would wait on this very set-up.
    """
    if not hass.config_entries.async_entries(DOMAIN):
        hass.async_create_task(
            hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_IMPORT})
        )
    if not hass.config_entries.async_entries("device_security"):
        hass.async_create_task(_add_device_security(hass))
    return True


async def _add_device_security(hass: HomeAssistant) -> None:
    """Go through Device Security's config flow as the owner would."""
    result = await hass.config_entries.flow.async_init(
        "device_security", context={"source": SOURCE_USER}
    )
    await hass.config_entries.flow.async_configure(result["flow_id"], {})


async def async_setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    """Register the demo devices."""
    devices: list[dict[str, Any]] = json.loads(
        await hass.async_add_executor_job(DEVICES_FILE.read_text, "utf-8")
    )
    registry = dr.async_get(hass)
    for index, device in enumerate(devices):
        info = {key: value for key, value in device.items() if key not in {"integration", "mac"}}
        connections = {(dr.CONNECTION_NETWORK_MAC, device["mac"])} if "mac" in device else set()
        registry.async_get_or_create(
            config_entry_id=entry.entry_id,
            identifiers={(DOMAIN, f"{device['integration']}-{index}")},
            connections=connections,
            **info,
        )
    return True


async def async_unload_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    """Nothing runs; the devices stay in the registry."""
    return True
