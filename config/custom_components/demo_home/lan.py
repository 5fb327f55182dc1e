"""Demo hosts on the network: a camera still on its factory password, and a few others.

The camera is a real web page on 127.0.0.1 that asks for HTTP Basic auth and accepts the
login its manufacturer publishes as a default, until the owner presses the demo's "change
password" button. Every host is announced through Home Assistant's shared zeroconf.
scripts/develop runs the instance in a network namespace of its own, so no announcement or
query leaves it.
"""

import secrets
import socket

import aiohttp
from aiohttp import web
from zeroconf.asyncio import AsyncServiceInfo

from homeassistant.components import zeroconf
from homeassistant.core import HomeAssistant

CAMERA_HOST = "front-door-camera"
# Dahua's published default login (the default-credentials reference list).
FACTORY_USERNAME = "admin"
FACTORY_PASSWORD = "admin"  # noqa: S105 - the public factory default the demo must show
LOOPBACK = socket.inet_aton("127.0.0.1")


class DemoCamera:
    """A camera's admin page: Basic auth, factory login until changed."""

    def __init__(self) -> None:
        """Start with the factory login."""
        self.password = FACTORY_PASSWORD
        self.port = 0
        self._runner: web.AppRunner | None = None

    async def async_start(self) -> None:
        """Serve on a free port of 127.0.0.1."""
        app = web.Application()
        app.router.add_get("/", self._page)
        self._runner = web.AppRunner(app, handler_cancellation=True)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def async_stop(self) -> None:
        """Stop serving."""
        if self._runner is not None:
            await self._runner.cleanup()

    def change_password(self) -> None:
        """What the owner should do: a password of their own (never shown)."""
        self.password = secrets.token_urlsafe(24)

    async def _page(self, request: web.Request) -> web.Response:
        if request.headers.get("Authorization") == aiohttp.encode_basic_auth(
            FACTORY_USERNAME, self.password
        ):
            return web.Response(text="<h1>Front door camera</h1>", content_type="text/html")
        return web.Response(status=401, headers={"WWW-Authenticate": 'Basic realm="IPC"'})


def _service(kind: str, name: str, host: str, port: int, **txt: str) -> AsyncServiceInfo:
    return AsyncServiceInfo(
        f"{kind}.local.",
        f"{name}.{kind}.local.",
        addresses=[LOOPBACK],
        port=port,
        properties=txt,
        server=f"{host}.local.",
    )


async def async_announce(hass: HomeAssistant, camera: DemoCamera) -> list[AsyncServiceInfo]:
    """Announce the demo hosts; return the announcements, to withdraw them later."""
    services = [
        _service("_http._tcp", "Front door camera", CAMERA_HOST, camera.port,
                 vendor="Dahua", model="IPC-HDW2431T"),
        # Hosts no integration manages, with cleartext management services.
        _service("_telnet._tcp", "Office printer", "office-printer", 2323, vendor="Acme Print"),
        _service("_http._tcp", "Office printer", "office-printer", 8631, vendor="Acme Print"),
        _service("_ftp._tcp", "Backup drive", "backup-drive", 2121),
        _service("_smb._tcp", "Backup drive", "backup-drive", 4455),
    ]  # fmt: skip
    instance = await zeroconf.async_get_async_instance(hass)
    for service in services:
        await instance.async_register_service(service)
    return services


async def async_withdraw(hass: HomeAssistant, services: list[AsyncServiceInfo]) -> None:
    """Say goodbye for the demo hosts."""
    instance = await zeroconf.async_get_async_instance(hass)
    for service in services:
        await instance.async_unregister_service(service)
