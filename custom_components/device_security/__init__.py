"""Device Security: every device in the home checked against the consumer IoT baseline."""

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.event import async_track_time_interval
from homeassistant.helpers.typing import ConfigType

from .const import DATA_REFRESH_INTERVAL, DOMAIN
from .coordinator import DeviceSecurityConfigEntry, DeviceSecurityCoordinator
from .repairs import async_delete_issues, async_sync_issues
from .services import async_setup_services

PLATFORMS = [Platform.BINARY_SENSOR, Platform.CALENDAR, Platform.SENSOR]
CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the actions, whether or not an entry is loaded."""
    async_setup_services(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: DeviceSecurityConfigEntry) -> bool:
    """Assess the home, then show the result."""
    coordinator = DeviceSecurityCoordinator(hass, entry)
    await coordinator.async_config_entry_first_refresh()
    entry.runtime_data = coordinator
    coordinator.async_track_changes()

    @callback
    def _sync_issues() -> None:
        if coordinator.last_update_success:
            async_sync_issues(hass, coordinator.data)

    _sync_issues()
    entry.async_on_unload(coordinator.async_add_listener(_sync_issues))
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    if coordinator.source.enabled:
        # Outside sources can be slow; set-up never waits for them.
        entry.async_create_background_task(
            hass, coordinator.async_refresh_database(), "device_security data refresh"
        )
        entry.async_on_unload(
            async_track_time_interval(
                hass, coordinator.async_refresh_database, DATA_REFRESH_INTERVAL
            )
        )
    return True


async def async_unload_entry(hass: HomeAssistant, entry: DeviceSecurityConfigEntry) -> bool:
    """Remove the entities; listeners registered with the entry go with it."""
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)


async def async_remove_entry(hass: HomeAssistant, entry: DeviceSecurityConfigEntry) -> None:
    """Take this integration's issues off the Repairs page when it is removed."""
    async_delete_issues(hass)
