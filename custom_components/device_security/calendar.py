"""A calendar with every device's security support end date, as all-day events."""

from datetime import date, datetime, timedelta

from homeassistant.components.calendar import CalendarEntity, CalendarEvent
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .coordinator import DeviceSecurityConfigEntry
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

    def _events(self) -> list[CalendarEvent]:
        events = []
        for device in self.coordinator.data.devices.values():
            if (end := device.support.end) is None:
                continue
            events.append(
                CalendarEvent(
                    start=end,
                    end=end + timedelta(days=1),
                    summary=f"Security support ends: {device.record.name}",
                    description=(
                        f"{device.record.manufacturer or ''} {device.record.model or ''}".strip()
                        + (
                            f"\nSource: {device.support.sources[0]}"
                            if device.support.sources
                            else ""
                        )
                    ),
                    uid=f"{device.record.key}-{end.isoformat()}",
                )
            )
        return sorted(events, key=lambda event: (event.start, event.summary))

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


def _day(moment: datetime) -> date:
    return dt_util.as_local(moment).date()
