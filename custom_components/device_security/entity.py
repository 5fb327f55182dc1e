"""Base entity of the Device Security service device."""

from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .const import DOMAIN
from .coordinator import DeviceSecurityCoordinator


class DeviceSecurityEntity(CoordinatorEntity[DeviceSecurityCoordinator]):
    """An entity of the integration's own service device."""

    _attr_has_entity_name = True

    def __init__(self, coordinator: DeviceSecurityCoordinator, key: str) -> None:
        """Attach the entity to the service device of the config entry."""
        super().__init__(coordinator)
        entry_id = coordinator.config_entry.entry_id
        self._attr_unique_id = f"{entry_id}_{key}"
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, entry_id)},
            entry_type=DeviceEntryType.SERVICE,
            name="Device Security",
            manufacturer="Device Security",
            model="Consumer IoT security baseline",
        )
