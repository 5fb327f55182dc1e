"""Default-login test of a camera's RTSP service: DESCRIBE, answered with Basic or Digest."""

import asyncio
import hashlib
import re
import secrets

import aiohttp

from .address_guard import IPAddress
from .http_login import url_host
from .model import Login, Outcome, Protocol, Service

MAX_HEADER = 8192
_STATUS = re.compile(r"^RTSP/1\.\d (\d{3})")
_PARAM = re.compile(r'(\w+)="([^"]*)"')
OK = 200
UNAUTHORIZED = 401
LOCKOUT_STATUSES = frozenset({423, 429, 453, 503})


def _md5(text: str) -> str:
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def _authorization(challenges: list[str], uri: str, login: Login) -> str | None:
    """Answer the strongest challenge offered: Digest, else Basic."""
    for challenge in challenges:
        if challenge.lower().startswith("digest"):
            params = dict(_PARAM.findall(challenge))
            realm, nonce = params.get("realm", ""), params.get("nonce", "")
            ha1 = _md5(f"{login.username}:{realm}:{login.password}")
            ha2 = _md5(f"DESCRIBE:{uri}")
            fields = f'username="{login.username}", realm="{realm}", nonce="{nonce}", uri="{uri}"'
            if "auth" in params.get("qop", "").split(","):
                cnonce = secrets.token_hex(8)
                response = _md5(f"{ha1}:{nonce}:00000001:{cnonce}:auth:{ha2}")
                return (
                    f'Digest {fields}, response="{response}", qop=auth, nc=00000001, '
                    f'cnonce="{cnonce}"'
                )
            return f'Digest {fields}, response="{_md5(f"{ha1}:{nonce}:{ha2}")}"'
    if any(challenge.lower().startswith("basic") for challenge in challenges):
        return aiohttp.encode_basic_auth(login.username, login.password)
    return None


async def _describe(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    uri: str,
    cseq: int,
    auth: str | None,
) -> tuple[int, list[str]]:
    """Send DESCRIBE; return the status and the authentication challenges."""
    request = f"DESCRIBE {uri} RTSP/1.0\r\nCSeq: {cseq}\r\nAccept: application/sdp\r\n"
    if auth:
        request += f"Authorization: {auth}\r\n"
    writer.write((request + "\r\n").encode())
    await writer.drain()
    head = (await reader.readuntil(b"\r\n\r\n"))[:MAX_HEADER].decode("utf-8", "replace")
    lines = head.split("\r\n")
    if not (status := _STATUS.match(lines[0])):
        raise ValueError
    challenges = [
        line.split(":", 1)[1].strip()
        for line in lines[1:]
        if line.lower().startswith("www-authenticate:")
    ]
    length = next(
        (
            int(line.split(":", 1)[1])
            for line in lines
            if line.lower().startswith("content-length:")
        ),
        0,
    )
    if 0 < length <= MAX_HEADER:
        await reader.readexactly(length)
    return int(status.group(1)), challenges


async def try_rtsp(
    session: aiohttp.ClientSession,
    address: IPAddress,
    service: Service,
    login: Login,
    seconds: float,
) -> Outcome:
    """Try one login on the camera's stream (plain streams: no HTTP session)."""
    del session
    port = service.port
    uri = f"rtsp://{url_host(address)}:{port}/"
    writer = None
    try:
        async with asyncio.timeout(seconds):
            reader, writer = await asyncio.open_connection(str(address), port, limit=MAX_HEADER)
            status, challenges = await _describe(reader, writer, uri, 1, None)
            if status == OK:
                return Outcome.NO_LOGIN
            if status in LOCKOUT_STATUSES:
                return Outcome.LOCKED_OUT
            if status != UNAUTHORIZED or (auth := _authorization(challenges, uri, login)) is None:
                return Outcome.UNSUPPORTED
            status, _ = await _describe(reader, writer, uri, 2, auth)
    except (
        TimeoutError,
        OSError,
        ValueError,
        asyncio.IncompleteReadError,
        asyncio.LimitOverrunError,
    ):
        return Outcome.UNREACHABLE
    finally:
        if writer is not None:
            writer.close()
    if status in LOCKOUT_STATUSES:
        return Outcome.LOCKED_OUT
    return Outcome.ACCEPTED if status == OK else Outcome.REJECTED


PROTOCOL = Protocol(
    kind="rtsp",
    attempt=try_rtsp,
    default_port=554,
    zeroconf_types={"_rtsp._tcp": False},
    hints=frozenset({"rtsp", "ip camera", "ip-cam", "camera"}),
)
