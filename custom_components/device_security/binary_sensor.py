"""Each monitored device's "Security problem": on while it has an active finding."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from homeassistant.components.binary_sensor import (
    BinarySensorEntity,
    BinarySensorEntityDescription,
)
from homeassistant.components.binary_sensor.const import BinarySensorDeviceClass
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import DeviceSecurityConfigEntry
from .core.findings import Severity
from .core.report import DeviceAssessment
from .entity import MonitoredDeviceEntity, async_track_monitored_devices

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class DeviceBinarySensorDescription(BinarySensorEntityDescription):
    """A yes/no read off one device's assessment, with the attributes that explain it."""

    is_on_fn: Callable[[DeviceAssessment], bool]
    attributes_fn: Callable[[DeviceAssessment], dict[str, Any]]


def _problem_attributes(device: DeviceAssessment) -> dict[str, Any]:
    """The main finding, how many there are, the reason in words, and the device's score."""
    findings = [f for f in device.active if f.severity > Severity.INFO]
    if not findings:
        return {"score": device.score}
    findings.sort(key=lambda finding: -finding.severity)
    return {
        "main_finding": findings[0].check,
        "findings": len(findings),
        "reason": " ".join(finding.kind.summary for finding in findings),
        "score": device.score,
    }


DEVICE_BINARY_SENSORS = (
    DeviceBinarySensorDescription(
        key="problem",
        translation_key="problem",
        device_class=BinarySensorDeviceClass.PROBLEM,
        is_on_fn=lambda device: device.has_problem,
        attributes_fn=_problem_attributes,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: DeviceSecurityConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add a problem sensor to every monitored device."""
    async_track_monitored_devices(
        entry, async_add_entities, DeviceBinarySensor, DEVICE_BINARY_SENSORS
    )


class DeviceBinarySensor(MonitoredDeviceEntity, BinarySensorEntity):
    """On while the device has a finding above information level."""

    entity_description: DeviceBinarySensorDescription

    @property
    def is_on(self) -> bool | None:
        """Whether the device has a security problem."""
        device = self.assessment
        return self.entity_description.is_on_fn(device) if device else None

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        """What explains the state."""
        device = self.assessment
        return self.entity_description.attributes_fn(device) if device else {}
