"""A calendar with every device's security support end date, as all-day events."""

from datetime import date, datetime, timedelta

from homeassistant.components.calendar import CalendarEntity, CalendarEvent
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .coordinator import DeviceSecurityConfigEntry
from .core.report import DeviceAssessment, SecurityReport
from .entity import DeviceSecurityEntity

PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: DeviceSecurityConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the support calendar."""
    async_add_entities([SupportCalendar(entry.runtime_data, "support_calendar")])


class SupportCalendar(DeviceSecurityEntity, CalendarEntity):
    """Support end dates of every monitored device.

    Events are made only for the days asked: a home of thousands of devices must not
    build thousands of events whenever the calendar's state is written.
    """

    _attr_translation_key = "support_calendar"

    @property
    def event(self) -> CalendarEvent | None:
        """The next support end, today included."""
        today = dt_util.now().date()
        upcoming = _ending_between(self.coordinator.data, today, date.max)
        return support_event(min(upcoming, key=_order)) if upcoming else None

    async def async_get_events(
        self, hass: HomeAssistant, start_date: datetime, end_date: datetime
    ) -> list[CalendarEvent]:
        """Support ends between two times, in date order."""
        devices = _ending_between(self.coordinator.data, _day(start_date), _day(end_date))
        return [support_event(device) for device in sorted(devices, key=_order)]


def _ending_between(report: SecurityReport, first: date, last: date) -> list[DeviceAssessment]:
    return [
        device
        for device in report.devices.values()
        if (end := device.support.end) is not None and first <= end <= last
    ]


def _summary(device: DeviceAssessment) -> str:
    return f"Security support ends: {device.record.name}"


def _order(device: DeviceAssessment) -> tuple[date | None, str]:
    return device.support.end, _summary(device)


def support_event(device: DeviceAssessment) -> CalendarEvent:
    """The all-day event on a device's support end date."""
    end = device.support.end
    assert end is not None  # noqa: S101 - only devices with an end date get here
    record = device.record
    description = f"{record.manufacturer or ''} {record.model or ''}".strip()
    if device.support.sources:
        description += f"\nSource: {device.support.sources[0]}"
    return CalendarEvent(
        start=end,
        end=end + timedelta(days=1),
        summary=_summary(device),
        description=description,
        uid=f"{record.key}-{end.isoformat()}",
    )


def _day(moment: datetime) -> date:
    return dt_util.as_local(moment).date()
