"""Watch the LAN through Home Assistant's shared zeroconf instance, never a second one.

Announcements are resolved once per name, kept within MAX_ANNOUNCEMENTS, and dropped when
their host says goodbye; each change asks the coordinator for a (debounced) re-assessment.
"""

import asyncio
from collections.abc import Callable

from zeroconf import ServiceStateChange, Zeroconf
from zeroconf.asyncio import AsyncServiceBrowser, AsyncServiceInfo

from homeassistant.components import zeroconf
from homeassistant.core import HomeAssistant

from .const import LOGGER
from .core.lan import (
    MAX_ANNOUNCEMENTS,
    SERVICE_TYPES,
    Announcement,
    LanHost,
    clean_properties,
    hosts_from,
)

RESOLVE_TIMEOUT_MS = 3000
MAX_RESOLVING = 8


class LanDiscovery:
    """The hosts the LAN announces, kept current."""

    def __init__(self, hass: HomeAssistant, changed: Callable[[], None]) -> None:
        """Prepare; nothing is browsed until async_start."""
        self.hass = hass
        self._changed = changed
        self._announcements: dict[str, Announcement] = {}
        self._resolving: set[str] = set()
        self._slots = asyncio.Semaphore(MAX_RESOLVING)
        self._browser: AsyncServiceBrowser | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def async_start(self) -> None:
        """Browse the service types homes use."""
        instance = await zeroconf.async_get_async_instance(self.hass)
        self._browser = AsyncServiceBrowser(
            instance.zeroconf, list(SERVICE_TYPES), handlers=[self._on_change]
        )

    async def async_stop(self) -> None:
        """Stop browsing and resolving."""
        if self._browser is not None:
            await self._browser.async_cancel()
            self._browser = None
        for task in self._tasks:
            task.cancel()
        self._tasks.clear()

    @property
    def hosts(self) -> list[LanHost]:
        """The hosts announced now."""
        return hosts_from(self._announcements.values())

    def _on_change(
        self,
        zeroconf: Zeroconf,
        service_type: str,
        name: str,
        state_change: ServiceStateChange,
    ) -> None:
        """Handle the browser's news (it calls from the event loop)."""
        if state_change is ServiceStateChange.Removed:
            if self._announcements.pop(name, None) is not None:
                self._changed()
            return
        if name in self._resolving or (
            name not in self._announcements and len(self._announcements) >= MAX_ANNOUNCEMENTS
        ):
            return
        self._resolving.add(name)
        task = self.hass.async_create_background_task(
            self._resolve(zeroconf, service_type, name), f"device_security resolve {name[:60]}"
        )
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _resolve(self, zc: Zeroconf, service_type: str, name: str) -> None:
        try:
            async with self._slots:
                info = AsyncServiceInfo(service_type, name)
                if not await info.async_request(zc, RESOLVE_TIMEOUT_MS) or not info.server:
                    return
            announcement = Announcement(
                name=name,
                service_type=service_type,
                server=info.server,
                addresses=tuple(info.parsed_scoped_addresses()),
                port=info.port or 0,
                properties=clean_properties(info.properties),
            )
        except (ValueError, UnicodeError) as err:
            LOGGER.debug("Ignoring a malformed announcement %s: %s", name[:100], err)
            return
        finally:
            self._resolving.discard(name)
        if self._announcements.get(name) != announcement:
            self._announcements[name] = announcement
            self._changed()
