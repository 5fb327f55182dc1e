"""The result of one assessment of the home: what every surface shows."""

from collections.abc import Mapping
from dataclasses import dataclass

from .device_record import DeviceRecord


@dataclass(frozen=True, slots=True)
class SecurityReport:
    """Every monitored device, by its key."""

    devices: Mapping[str, DeviceRecord]

    @property
    def monitored(self) -> int:
        """Return how many physical devices are monitored."""
        return len(self.devices)
