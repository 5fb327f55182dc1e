"""Default-login test of a telnet service, over plain asyncio streams.

Telnet option negotiation is stripped from what the device says; prompts and verdicts are
read from bounded amounts of text, so a garbage banner costs a timeout, nothing more. Text
that merely looks like a prompt proves nothing: a shell counts only once it has worked out
a sum it could not have echoed back.
"""

import asyncio
import re
import secrets

import aiohttp

from .address_guard import IPAddress
from .model import Login, Outcome, Protocol, Service

MAX_READ = 4096
_IAC = re.compile(rb"\xff[\xfb-\xfe].|\xff\xfa.*?\xff\xf0|\xff[\xf0-\xfa]", re.DOTALL)
LOGIN_PROMPT = re.compile(r"(login|user\s*name|user)\s*:\s*$", re.IGNORECASE)
PASSWORD_PROMPT = re.compile(r"password\s*:\s*$", re.IGNORECASE)
FAILED = re.compile(
    r"incorrect|failed|denied|invalid|bad password|(login|user\s*name)\s*:\s*$", re.IGNORECASE
)
LOCKED = re.compile(r"locked|too many|try again later", re.IGNORECASE)
SHELL_PROMPT = re.compile(r"[#$>%]\s*$")


async def _read_until(
    reader: asyncio.StreamReader, *patterns: re.Pattern[str], seconds: float
) -> str:
    """Read until one pattern matches the text so far, the size cap, or the timeout."""
    text = ""
    try:
        async with asyncio.timeout(seconds):
            while len(text) < MAX_READ:
                chunk = await reader.read(512)
                if not chunk:
                    break
                text += _IAC.sub(b"", chunk).decode("utf-8", "replace")
                if any(pattern.search(text) for pattern in patterns):
                    break
    except TimeoutError:
        pass
    return text


async def _send(writer: asyncio.StreamWriter, text: str) -> None:
    writer.write(text.encode() + b"\r\n")
    await writer.drain()


async def _shell_works(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, seconds: float
) -> bool:
    """Ask the shell for a sum: only a working shell answers with its result."""
    first, second = secrets.randbelow(9000) + 1000, secrets.randbelow(9000) + 1000
    expected = str(first + second)
    await _send(writer, f"echo $(({first}+{second}))")
    answer = re.compile(rf"(^|\D){expected}(\D|$)")
    return bool(answer.search(await _read_until(reader, answer, seconds=seconds)))


async def _log_in(  # noqa: PLR0911 - one verdict per way a login can end
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, login: Login, seconds: float
) -> Outcome:
    banner = await _read_until(reader, LOGIN_PROMPT, PASSWORD_PROMPT, SHELL_PROMPT, seconds=seconds)
    if LOCKED.search(banner):
        return Outcome.LOCKED_OUT
    if not (LOGIN_PROMPT.search(banner) or PASSWORD_PROMPT.search(banner)):
        if SHELL_PROMPT.search(banner) and await _shell_works(reader, writer, seconds):
            return Outcome.NO_LOGIN
        return Outcome.UNSUPPORTED
    if LOGIN_PROMPT.search(banner):
        await _send(writer, login.username)
        asked = await _read_until(reader, PASSWORD_PROMPT, SHELL_PROMPT, FAILED, seconds=seconds)
        if not PASSWORD_PROMPT.search(asked):
            return Outcome.REJECTED
    await _send(writer, login.password)
    said = await _read_until(reader, SHELL_PROMPT, FAILED, LOCKED, seconds=seconds)
    if LOCKED.search(said):
        return Outcome.LOCKED_OUT
    if FAILED.search(said) or not SHELL_PROMPT.search(said):
        return Outcome.REJECTED
    return Outcome.ACCEPTED if await _shell_works(reader, writer, seconds) else Outcome.REJECTED


async def try_telnet(
    session: aiohttp.ClientSession,
    address: IPAddress,
    service: Service,
    login: Login,
    seconds: float,
) -> Outcome:
    """Try one login at the device's login prompt (plain streams: no HTTP session)."""
    del session
    try:
        async with asyncio.timeout(seconds):
            reader, writer = await asyncio.open_connection(str(address), service.port)
    except TimeoutError, OSError:
        return Outcome.UNREACHABLE
    try:
        return await _log_in(reader, writer, login, seconds)
    except OSError:
        return Outcome.UNREACHABLE
    finally:
        writer.close()


PROTOCOL = Protocol(
    kind="telnet",
    attempt=try_telnet,
    default_port=23,
    zeroconf_types={"_telnet._tcp": False},
    hints=frozenset({"telnet"}),
)
