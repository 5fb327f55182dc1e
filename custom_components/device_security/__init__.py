"""Device Security: every device in the home checked against the consumer IoT baseline."""

from collections.abc import Callable, Coroutine
from datetime import datetime
from typing import Any

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.event import async_track_time_interval
from homeassistant.helpers.start import async_at_started
from homeassistant.helpers.typing import ConfigType

from .const import (
    CONF_PANEL,
    DOMAIN,
    LOGIN_TEST_INTERVAL,
)
from .coordinator import DeviceSecurityConfigEntry, DeviceSecurityCoordinator
from .core.report import SecurityReport
from .discovery import LanDiscovery
from .frontend_panel import async_register_frontend, async_unregister_frontend
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
    if (discovery := coordinator.discovery) is not None:
        # Browse once Home Assistant has started, as its own zeroconf discovery does.
        entry.async_on_unload(async_at_started(hass, _async_start_discovery(discovery)))
        entry.async_on_unload(discovery.async_stop)

    synced: SecurityReport | None = None  # the report the issues were last synced to

    @callback
    def _sync_issues() -> None:
        nonlocal synced
        if coordinator.last_update_success:
            async_sync_issues(
                hass, entry.entry_id, coordinator.data, coordinator.repair_severity, synced
            )
            synced = coordinator.data

    _sync_issues()
    entry.async_on_unload(coordinator.async_add_listener(_sync_issues))
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    await async_register_frontend(hass, panel=entry.options.get(CONF_PANEL, True))
    if coordinator.source.enabled:
        # Listened to, it keeps its daily schedule; the first refresh runs now, unawaited.
        entry.async_on_unload(coordinator.data_refresh.async_add_listener(lambda: None))
        entry.async_create_background_task(
            hass, coordinator.async_refresh_database(), "device_security data refresh"
        )
    if coordinator.login_tester is not None:
        # New devices are tested as they appear; every device again once a day, in the
        # background: set-up never waits for it, and unloading cancels it wherever it is.
        @callback
        def _test_logins(_: datetime) -> None:
            entry.async_create_background_task(
                hass, coordinator.async_run_login_tests(), "device_security login tests"
            )

        entry.async_on_unload(async_track_time_interval(hass, _test_logins, LOGIN_TEST_INTERVAL))
    return True


def _async_start_discovery(
    discovery: LanDiscovery,
) -> Callable[[HomeAssistant], Coroutine[Any, Any, None]]:
    """Wrap the start as the coroutine function `async_at_started` expects."""

    async def _start(_: HomeAssistant) -> None:
        await discovery.async_start()

    return _start


async def async_unload_entry(hass: HomeAssistant, entry: DeviceSecurityConfigEntry) -> bool:
    """Remove the entities and the panel; listeners registered with the entry go with it."""
    await async_unregister_frontend(hass)
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)


async def async_remove_entry(hass: HomeAssistant, entry: DeviceSecurityConfigEntry) -> None:
    """Take this integration's issues off the Repairs page when it is removed."""
    async_delete_issues(hass)
