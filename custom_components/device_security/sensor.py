"""Summary sensors of the home's security."""

from collections.abc import Callable
from dataclasses import dataclass

from homeassistant.components.sensor import (
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import DeviceSecurityConfigEntry, DeviceSecurityCoordinator
from .entity import DeviceSecurityEntity
from .report import SecurityReport

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class SummarySensorDescription(SensorEntityDescription):
    """A number read off the security report."""

    value_fn: Callable[[SecurityReport], int]


SUMMARY_SENSORS: tuple[SummarySensorDescription, ...] = (
    SummarySensorDescription(
        key="devices_monitored",
        translation_key="devices_monitored",
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda report: report.monitored,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: DeviceSecurityConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the summary sensors."""
    coordinator = entry.runtime_data
    async_add_entities(SummarySensor(coordinator, description) for description in SUMMARY_SENSORS)


class SummarySensor(DeviceSecurityEntity, SensorEntity):
    """A count or score for the whole home."""

    entity_description: SummarySensorDescription

    def __init__(
        self, coordinator: DeviceSecurityCoordinator, description: SummarySensorDescription
    ) -> None:
        """Describe the sensor."""
        super().__init__(coordinator, description.key)
        self.entity_description = description

    @property
    def native_value(self) -> int:
        """Return the number from the latest report."""
        return self.entity_description.value_fn(self.coordinator.data)
