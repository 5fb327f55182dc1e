"""Keeps the security report of the home current."""

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.debounce import Debouncer
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator

from .const import DOMAIN, FULL_SCAN_INTERVAL, LOGGER, REGISTRY_DEBOUNCE_SECONDS
from .data_source import DatabaseSource
from .inventory import async_build_inventory
from .report import SecurityReport

type DeviceSecurityConfigEntry = ConfigEntry[DeviceSecurityCoordinator]


class DeviceSecurityCoordinator(DataUpdateCoordinator[SecurityReport]):
    """Assesses the home once a day and whenever the device registry changes."""

    config_entry: DeviceSecurityConfigEntry

    def __init__(self, hass: HomeAssistant, entry: DeviceSecurityConfigEntry) -> None:
        """Set up a coordinator for the config entry."""
        super().__init__(
            hass,
            LOGGER,
            config_entry=entry,
            name=DOMAIN,
            update_interval=FULL_SCAN_INTERVAL,
            request_refresh_debouncer=Debouncer(
                hass, LOGGER, cooldown=REGISTRY_DEBOUNCE_SECONDS, immediate=False
            ),
        )
        self.source = DatabaseSource(hass, entry)

    async def _async_setup(self) -> None:
        """Load the database before the first assessment."""
        await self.source.async_load()

    async def async_refresh_database(self, *_: object) -> None:
        """Refresh the database from outside sources; re-assess if it changed."""
        if await self.source.async_refresh():
            await self.async_request_refresh()

    async def _async_update_data(self) -> SecurityReport:
        """Take stock of the registry and assess it."""
        return SecurityReport(devices=await async_build_inventory(self.hass))

    @callback
    def async_track_registry(self) -> None:
        """Re-assess after device registry changes, until the entry unloads."""

        @callback
        def _changed(event: Event[dr.EventDeviceRegistryUpdatedData]) -> None:
            self.hass.async_create_task(self.async_request_refresh(), eager_start=True)

        self.config_entry.async_on_unload(
            self.hass.bus.async_listen(dr.EVENT_DEVICE_REGISTRY_UPDATED, _changed)
        )
