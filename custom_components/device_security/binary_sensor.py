"""Each monitored device's "Security problem": on while it has an active finding."""

from collections.abc import Iterable
from typing import Any

from homeassistant.components.binary_sensor import BinarySensorEntity
from homeassistant.components.binary_sensor.const import BinarySensorDeviceClass
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import DeviceSecurityConfigEntry, DeviceSecurityCoordinator
from .core.findings import Severity
from .entity import MonitoredDeviceEntity, async_track_monitored_devices

PARALLEL_UPDATES = 0
PROBLEM = "problem"


async def async_setup_entry(
    hass: HomeAssistant,
    entry: DeviceSecurityConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add a problem sensor to every monitored device."""
    async_track_monitored_devices(entry, async_add_entities, _device_sensors, {PROBLEM})


def _device_sensors(
    coordinator: DeviceSecurityCoordinator, key: str
) -> Iterable[BinarySensorEntity]:
    return [SecurityProblemSensor(coordinator, key, PROBLEM)]


class SecurityProblemSensor(MonitoredDeviceEntity, BinarySensorEntity):
    """On while the device has a finding above information level."""

    _attr_device_class = BinarySensorDeviceClass.PROBLEM

    @property
    def is_on(self) -> bool | None:
        """Whether the device has a security problem."""
        return self.assessment.has_problem if self.assessment else None

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        """The findings in short, most severe first, and the device's score."""
        if (device := self.assessment) is None:
            return {}
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
