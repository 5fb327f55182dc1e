"""The demo's "change password" button for the factory-password camera."""

from typing import TYPE_CHECKING

from homeassistant.components.button import ButtonEntity
from homeassistant.core import HomeAssistant
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .devices import DOMAIN, device_identifier
from .lan import CAMERA_HOST, DemoCamera

if TYPE_CHECKING:
    from . import DemoHomeConfigEntry

DATA_CAMERA = f"{DOMAIN}_camera"


async def async_setup_entry(
    hass: HomeAssistant,
    entry: DemoHomeConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the button to the demo camera, in the entry that has it."""
    camera: DemoCamera = hass.data[DATA_CAMERA]
    async_add_entities(
        ChangePasswordButton(camera, device_identifier(device))
        for device in entry.runtime_data
        if device.get("host") == f"{CAMERA_HOST}.local"
    )


class ChangePasswordButton(ButtonEntity):
    """Give the demo camera a password of the owner's own."""

    _attr_has_entity_name = True
    _attr_name = "Change password"
    _attr_unique_id = f"{CAMERA_HOST}-change-password"

    def __init__(self, camera: DemoCamera, identifier: str) -> None:
        """Attach to the camera device."""
        self._camera = camera
        self._attr_device_info = DeviceInfo(identifiers={(DOMAIN, identifier)})

    async def async_press(self) -> None:
        """Change it."""
        self._camera.change_password()
