"""Firmware updates of the demo devices: offered, never installed."""

from homeassistant.components.update import UpdateDeviceClass, UpdateEntity
from homeassistant.core import HomeAssistant
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from . import DemoHomeConfigEntry
from .devices import DOMAIN, DemoDevice, device_identifier

PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: DemoHomeConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add an update entity for each of the entry's devices that names a latest version."""
    async_add_entities(
        DemoFirmwareUpdate(device) for device in entry.runtime_data if "update_to" in device
    )


class DemoFirmwareUpdate(UpdateEntity):
    """The device's firmware: installed is its sw_version, latest its update_to."""

    _attr_device_class = UpdateDeviceClass.FIRMWARE
    _attr_has_entity_name = True
    _attr_should_poll = False

    def __init__(self, device: DemoDevice) -> None:
        """Attach the entity to the demo device registered with the same identifier."""
        identifier = device_identifier(device)
        self._attr_unique_id = f"{identifier}-firmware"
        self._attr_device_info = DeviceInfo(identifiers={(DOMAIN, identifier)})
        self._attr_installed_version = device.get("sw_version")
        self._attr_latest_version = device.get("update_to")
