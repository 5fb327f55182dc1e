"""Device Security: every device in the home checked against the consumer IoT baseline."""

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers.event import async_track_time_interval

from .const import DATA_REFRESH_INTERVAL
from .coordinator import DeviceSecurityConfigEntry, DeviceSecurityCoordinator

PLATFORMS = [Platform.SENSOR]


async def async_setup_entry(hass: HomeAssistant, entry: DeviceSecurityConfigEntry) -> bool:
    """Assess the home, then show the result."""
    coordinator = DeviceSecurityCoordinator(hass, entry)
    await coordinator.async_config_entry_first_refresh()
    entry.runtime_data = coordinator
    coordinator.async_track_registry()
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
