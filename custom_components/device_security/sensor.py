"""Summary sensors of the home, and each monitored device's support end date."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import PERCENTAGE, EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import DeviceSecurityConfigEntry, DeviceSecurityCoordinator
from .core.checks import KINDS
from .core.help_identify import help_identify_url
from .core.report import DeviceAssessment, SecurityReport
from .entity import DeviceSecurityEntity, MonitoredDeviceEntity, async_track_monitored_devices

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class SummarySensorDescription(SensorEntityDescription):
    """A number read off the security report; a count also names the devices it counts."""

    value_fn: Callable[[SecurityReport], int]
    checks: tuple[str, ...] = ()  # the finding kinds a count counts devices by


def _counting(*checks: str) -> Callable[[SecurityReport], int]:
    return lambda report: report.count(*checks)


def _summary(
    key: str, value_fn: Callable[[SecurityReport], int], **kwargs: Any
) -> SummarySensorDescription:
    kwargs.setdefault("state_class", SensorStateClass.MEASUREMENT)
    return SummarySensorDescription(key=key, translation_key=key, value_fn=value_fn, **kwargs)


# A count names at most this many devices, so that its state stays small.
DEVICES_NAMED = 20


# Counts that are about the data rather than the home.
DIAGNOSTIC_COUNTS = frozenset({"unknown_support"})


def _counts() -> tuple[SummarySensorDescription, ...]:
    """One sensor per `counted_by` that the checks declare, counting the devices concerned."""
    counted: dict[str, list[str]] = {}
    for kind in KINDS.values():
        if kind.counted_by:
            counted.setdefault(kind.counted_by, []).append(kind.id)
    return tuple(
        _summary(
            key,
            _counting(*kinds),
            checks=tuple(kinds),
            entity_category=EntityCategory.DIAGNOSTIC if key in DIAGNOSTIC_COUNTS else None,
        )
        for key, kinds in counted.items()
    )


SUMMARY_SENSORS: tuple[SummarySensorDescription, ...] = (
    _summary("devices_monitored", lambda report: report.monitored),
    *_counts(),
    _summary("score", lambda report: report.score, native_unit_of_measurement=PERCENTAGE),
)


@dataclass(frozen=True, kw_only=True)
class DeviceSensorDescription(SensorEntityDescription):
    """A value read off one device's assessment, with the attributes that explain it."""

    value_fn: Callable[[DeviceAssessment], date | None]
    attributes_fn: Callable[[DeviceAssessment], dict[str, Any]]


def _support_attributes(device: DeviceAssessment) -> dict[str, Any]:
    """Why: status, how the device was identified, sources, whom to tell, how to help."""
    contact = device.contact
    product = device.match.product
    attributes = {
        "status": str(device.support.state),
        "basis": device.support.basis,
        "identified_as": product.name if product else None,
        "identified_by": str(device.match.method),
        "sources": list(device.support.sources),
        "security_contact": contact
        and (contact.url or (contact.email and f"mailto:{contact.email}")),
        "help_identify": None if device.match.identified else help_identify_url(device.record),
    }
    # An attribute with nothing to say is left out rather than shown empty.
    return {key: value for key, value in attributes.items() if value}


DEVICE_SENSORS = (
    DeviceSensorDescription(
        key="support_end",
        translation_key="support_end",
        device_class=SensorDeviceClass.DATE,
        value_fn=lambda device: device.support.end,
        attributes_fn=_support_attributes,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: DeviceSecurityConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the summary sensors and, per monitored device, its support end date."""
    coordinator = entry.runtime_data
    async_add_entities(SummarySensor(coordinator, description) for description in SUMMARY_SENSORS)
    async_track_monitored_devices(entry, async_add_entities, DeviceSensor, DEVICE_SENSORS)


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

    @property
    def extra_state_attributes(self) -> dict[str, Any] | None:
        """For a count: the devices counted, by name (the first few), for automations."""
        if not (checks := self.entity_description.checks):
            return None
        devices = self.coordinator.data.with_findings(checks)
        if not devices:
            return None
        names = sorted(device.record.name for device in devices)
        return {"devices": names[:DEVICES_NAMED], "total": len(names)}


class DeviceSensor(MonitoredDeviceEntity, SensorEntity):
    """A value read off one device's assessment, with the attributes that explain it."""

    entity_description: DeviceSensorDescription

    @property
    def native_value(self) -> date | None:
        """The value; unknown while the device is not assessed."""
        device = self.assessment
        return self.entity_description.value_fn(device) if device else None

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        """What explains the value."""
        device = self.assessment
        return self.entity_description.attributes_fn(device) if device else {}
