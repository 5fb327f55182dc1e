"""A calendar with every device's security support end date, as all-day events."""

from datetime import date, datetime, timedelta

from homeassistant.components.calendar import CalendarEntity, CalendarEvent
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .coordinator import DeviceSecurityConfigEntry
from .core.report import SecurityReport
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
    """Support end dates of every monitored device."""

    _attr_translation_key = "support_calendar"
    _events_of: tuple[object, list[CalendarEvent]] | None = None

    def _events(self) -> list[CalendarEvent]:
        """The events of the latest report, built once per report."""
        report = self.coordinator.data
        if self._events_of is None or self._events_of[0] is not report:
            self._events_of = (report, support_events(report))
        return self._events_of[1]

    @property
    def event(self) -> CalendarEvent | None:
        """The next support end, today included."""
        today = dt_util.now().date()
        return next((event for event in self._events() if event.start >= today), None)

    async def async_get_events(
        self, hass: HomeAssistant, start_date: datetime, end_date: datetime
    ) -> list[CalendarEvent]:
        """Support ends between two times."""
        first, last = _day(start_date), _day(end_date)
        return [event for event in self._events() if first <= event.start <= last]


def support_events(report: SecurityReport) -> list[CalendarEvent]:
    """An all-day event on each device's support end date, in date order."""
    events = []
    for device in report.devices.values():
        if (end := device.support.end) is None:
            continue
        record = device.record
        description = f"{record.manufacturer or ''} {record.model or ''}".strip()
        if device.support.sources:
            description += f"\nSource: {device.support.sources[0]}"
        events.append(
            CalendarEvent(
                start=end,
                end=end + timedelta(days=1),
                summary=f"Security support ends: {record.name}",
                description=description,
                uid=f"{record.key}-{end.isoformat()}",
            )
        )
    return sorted(events, key=lambda event: (event.start, event.summary))


def _day(moment: datetime) -> date:
    return dt_util.as_local(moment).date()
