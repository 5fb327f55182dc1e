"""Base entities: the integration's service device, and helpers on monitored devices."""

import asyncio
from collections.abc import Callable, Iterable

from homeassistant.core import callback
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity import Entity, EntityDescription
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .const import DOMAIN
from .coordinator import DeviceSecurityConfigEntry, DeviceSecurityCoordinator
from .core.report import DeviceAssessment
from .unique_id import device_unique_id, parse_device_unique_id, summary_unique_id

# Entities added per event-loop step.
ENTITY_BATCH = 50


class DeviceSecurityEntity(CoordinatorEntity[DeviceSecurityCoordinator]):
    """An entity of the integration's own service device."""

    _attr_has_entity_name = True

    def __init__(self, coordinator: DeviceSecurityCoordinator, key: str) -> None:
        """Attach the entity to the service device of the config entry."""
        super().__init__(coordinator)
        entry_id = coordinator.config_entry.entry_id
        self._attr_unique_id = summary_unique_id(entry_id, key)
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, entry_id)},
            entry_type=DeviceEntryType.SERVICE,
            name="Device Security",
            manufacturer="Device Security",
            model="Consumer IoT security baseline",
        )


class MonitoredDeviceEntity(Entity):
    """A helper entity shown on a monitored device's own page.

    It sets `device_entry` and no device info: the device stays with the integration that
    owns it, and this integration's config entry is never added to it. It listens to its
    own device's changes only, not to every refresh of the home.
    """

    _attr_has_entity_name = True
    _attr_should_poll = False

    def __init__(
        self, coordinator: DeviceSecurityCoordinator, key: str, description: EntityDescription
    ) -> None:
        """Attach the entity to the registry device `key`; its kind is the description's key."""
        self.coordinator = coordinator
        self.key = key
        self.entity_description = description
        self._attr_unique_id = device_unique_id(
            coordinator.config_entry.entry_id, key, description.key
        )
        self.device_entry = dr.async_get(coordinator.hass).async_get(key)

    async def async_added_to_hass(self) -> None:
        """Follow the device's assessment."""
        await super().async_added_to_hass()
        self.async_on_remove(
            self.coordinator.async_add_device_listener(self.key, self.async_write_ha_state)
        )

    @property
    def assessment(self) -> DeviceAssessment | None:
        """The device's assessment in the latest report."""
        return self.coordinator.data.devices.get(self.key)

    @property
    def available(self) -> bool:
        """Available while the device is monitored and assessments succeed."""
        return self.coordinator.last_update_success and self.key in self.coordinator.data.devices


@callback
def async_track_monitored_devices[D: EntityDescription](
    entry: DeviceSecurityConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
    entity_class: Callable[[DeviceSecurityCoordinator, str, D], Entity],
    descriptions: Iterable[D],
) -> None:
    """Add per-device entities as devices appear, and remove them as devices go.

    The coordinator decides which devices have entities. New ones are added a batch per
    event-loop step, so that a home of thousands of devices never stalls the loop.
    """
    coordinator = entry.runtime_data
    descriptions = tuple(descriptions)
    kinds = {description.key for description in descriptions}
    added: set[str] = set()
    waiting: list[str] = []

    async def _add_waiting() -> None:
        while waiting:
            await asyncio.sleep(0)  # never in the step that set the platform up
            batch = [key for key in waiting[:ENTITY_BATCH] if key in added]
            del waiting[:ENTITY_BATCH]
            async_add_entities(
                entity_class(coordinator, key, description)
                for key in batch
                for description in descriptions
            )

    @callback
    def _sync(*, first: bool = False) -> None:
        keys = coordinator.entity_keys
        if new := keys - added:
            added.update(new)
            adding = bool(waiting)
            waiting.extend(sorted(new))
            if not adding:
                entry.async_create_task(
                    coordinator.hass, _add_waiting(), "device_security add entities"
                )
        # The registry is scanned only when devices left, or for those gone while unloaded.
        if (gone := added - keys) or first:
            added.difference_update(gone)
            _remove_entities(coordinator, set(keys), kinds)

    _sync(first=True)
    entry.async_on_unload(coordinator.async_add_listener(_sync))


@callback
def _remove_entities(
    coordinator: DeviceSecurityCoordinator, keep: set[str], kinds: set[str]
) -> None:
    """Remove from the entity registry the per-device entities of devices not in `keep`."""
    registry = er.async_get(coordinator.hass)
    entry_id = coordinator.config_entry.entry_id
    for entity in er.async_entries_for_config_entry(registry, entry_id):
        parsed = parse_device_unique_id(entity.unique_id)
        if parsed and parsed[1] in kinds and parsed[0] not in keep:
            registry.async_remove(entity.entity_id)
