"""Loopback stand-ins for devices: HTTP Basic/Digest, telnet and RTSP login services.

Each counts the logins it was offered and the connections it had open at once, so tests
can hold the probes to their bounds.
"""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
import contextlib
from dataclasses import dataclass, field
import hashlib
import re

import aiohttp
from aiohttp import web

USERNAME = "admin"
PASSWORD = "12345"  # the "factory" password the devices accept
REALM = "IP Camera"
NONCE = "f00dfeed"


def md5(text: str) -> str:
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


@dataclass
class Device:
    """What a stand-in device saw."""

    port: int = 0
    username: str = USERNAME
    password: str = PASSWORD  # the owner may change it
    mode: str | None = None  # set to change how an HTTP device behaves from now on
    logins: int = 0
    open_now: int = 0
    open_most: int = 0
    passwords_seen: list[str] = field(default_factory=list)

    @contextlib.contextmanager
    def connection(self):
        self.open_now += 1
        self.open_most = max(self.open_most, self.open_now)
        try:
            yield
        finally:
            self.open_now -= 1


# --- HTTP -------------------------------------------------------------------------------


def _digest_ok(device: Device, header: str, method: str = "GET") -> bool:
    params = dict(re.findall(r'(\w+)="?([^",]*)"?', header))
    ha1 = md5(f"{params.get('username')}:{REALM}:{device.password}")
    ha2 = md5(f"{method}:{params.get('uri')}")
    if params.get("qop") == "auth":
        expected = md5(f"{ha1}:{NONCE}:{params['nc']}:{params['cnonce']}:auth:{ha2}")
    else:
        expected = md5(f"{ha1}:{NONCE}:{ha2}")
    return params.get("username") == device.username and params.get("response") == expected


# Pages that never look at a login.
CANNED = {
    "open": lambda: web.Response(text="<h1>Camera</h1>"),
    "form": lambda: web.Response(text='<form><input type="password"></form>'),
    "teapot": lambda: web.Response(status=401, headers={"WWW-Authenticate": "Negotiate"}),
}


def _login_page(device: Device, mode: str, auth: str) -> web.Response:
    """Basic (also with a lock-out after one failure) or Digest authentication."""
    if auth:
        device.logins += 1
    if mode == "lockout" and device.logins > 1:
        return web.Response(status=429, headers={"Retry-After": "600"})
    if mode == "redirect" and auth:  # any login is sent on to a login form
        return web.Response(status=302, headers={"Location": "/login.html"})
    if mode == "digest":
        if auth.startswith("Digest") and _digest_ok(device, auth):
            return web.Response(text="welcome")
        challenge = f'Digest realm="{REALM}", nonce="{NONCE}", qop="auth", algorithm=MD5'
    else:
        if auth == aiohttp.encode_basic_auth(device.username, device.password):
            return web.Response(text="welcome")
        challenge = f'Basic realm="{REALM}"'
    return web.Response(status=401, headers={"WWW-Authenticate": challenge})


def http_handler(
    device: Device, mode: str
) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    """An admin page: mode basic, digest, lockout, redirect, open, form, teapot or slow."""

    async def handle(request: web.Request) -> web.StreamResponse:
        now = device.mode or mode
        with device.connection():
            if now == "slow":
                await asyncio.sleep(5)
            if canned := CANNED.get(now):
                return canned()
            return _login_page(device, now, request.headers.get("Authorization", ""))

    return handle


@contextlib.asynccontextmanager
async def http_device(mode: str, **credentials: str) -> AsyncIterator[Device]:
    device = Device(**credentials)
    app = web.Application()
    app.router.add_get("/", http_handler(device, mode))
    # A handler ends when its client goes, as a device's would.
    runner = web.AppRunner(app, shutdown_timeout=0.1, handler_cancellation=True)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    device.port = runner.addresses[0][1]
    try:
        yield device
    finally:
        await runner.cleanup()


# --- telnet and RTSP --------------------------------------------------------------------


@contextlib.asynccontextmanager
async def tcp_device(
    handler: Callable[[Device, asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]],
) -> AsyncIterator[Device]:
    device = Device()

    async def _serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with device.connection():
            try:
                await handler(device, reader, writer)
            except ConnectionError, asyncio.IncompleteReadError:
                pass
            finally:
                writer.close()

    server = await asyncio.start_server(_serve, "127.0.0.1", 0)
    device.port = server.sockets[0].getsockname()[1]
    try:
        yield device
    finally:
        server.close()
        await server.wait_closed()


async def _line(reader: asyncio.StreamReader) -> str:
    return (await reader.readline()).decode().strip()


async def _shell(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """A shell that works out `echo $((a+b))`, as BusyBox's does."""
    await writer.drain()
    while command := await _line(reader):
        if sums := re.fullmatch(r"echo \$\(\((\d+)\+(\d+)\)\)", command):
            writer.write(f"{command}\r\n{int(sums[1]) + int(sums[2])}\r\n# ".encode())
        else:
            writer.write(f"{command}\r\nsh: not found\r\n# ".encode())
        await writer.drain()


def telnet(
    mode: str,
) -> Callable[[Device, asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]:
    """A telnet login: mode login, shell (no login), garbage, lockout or slow."""

    async def handle(
        device: Device, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        writer.write(b"\xff\xfd\x18\xff\xfb\x01")  # DO terminal-type, WILL echo
        if mode == "shell":
            writer.write(b"BusyBox v1.19\r\n# ")
            return await _shell(reader, writer)
        if mode == "prompts":  # looks like a shell, is not one
            writer.write(b"#\r\n#\r\n# ")
            await writer.drain()
            line = await _line(reader)
            writer.write(line.encode() + b"\r\n# ")  # echoes, computes nothing
            return await writer.drain()
        if mode == "garbage":
            writer.write(bytes(range(256)) * 4)
            await writer.drain()
        if mode in {"garbage", "slow"}:
            await asyncio.wait_for(reader.read(), 5)  # until the client hangs up
            return None
        writer.write(b"\r\nIPCamera login: ")
        await writer.drain()
        user = await _line(reader)
        writer.write(b"Password: ")
        await writer.drain()
        password = await _line(reader)
        device.logins += 1
        device.passwords_seen.append(password)
        if mode == "lockout" and device.logins > 1:
            writer.write(b"\r\nToo many login failures, account locked\r\n")
        elif user == device.username and password == device.password:
            writer.write(b"\r\n\r\nBusyBox v1.19 built-in shell\r\n# ")
            return await _shell(reader, writer)
        else:
            writer.write(b"\r\nLogin incorrect\r\nIPCamera login: ")
        await writer.drain()
        return None

    return handle


def rtsp(
    mode: str,
) -> Callable[[Device, asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]:
    """A camera stream: mode digest, basic or open."""

    async def handle(
        device: Device, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        while head := (await reader.readuntil(b"\r\n\r\n")).decode():
            cseq = re.search(r"CSeq: (\d+)", head).group(1)  # type: ignore[union-attr]
            auth = next(
                (line[15:] for line in head.split("\r\n") if line.startswith("Authorization: ")), ""
            )
            if auth:
                device.logins += 1
            basic = aiohttp.encode_basic_auth(device.username, device.password)
            ok = mode == "open" or (
                auth == basic if mode == "basic" else _digest_ok(device, auth, "DESCRIBE")
            )
            if ok:
                body = "v=0\r\n"
                writer.write(
                    f"RTSP/1.0 200 OK\r\nCSeq: {cseq}\r\nContent-Type: application/sdp\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n{body}".encode()
                )
            else:
                challenge = (
                    f'Basic realm="{REALM}"'
                    if mode == "basic"
                    else f'Digest realm="{REALM}", nonce="{NONCE}"'
                )
                writer.write(
                    f"RTSP/1.0 401 Unauthorized\r\nCSeq: {cseq}\r\n"
                    f"WWW-Authenticate: {challenge}\r\n\r\n".encode()
                )
            await writer.drain()

    return handle
