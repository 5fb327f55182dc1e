"""Benchmark of the opt-in login tests: a sweep of 254 hosts with 3 services each.

Every host is a loopback address of its own (127.0.0.1 to 127.0.0.254) with an HTTP Basic
admin page, a telnet login and an RTSP camera stream, all refusing every login: the worst
case, where each service costs the full number of attempts. Nothing leaves this machine.
"""

import asyncio
from collections import Counter
from collections.abc import Callable, Sequence
from ipaddress import ip_address
import time

import aiohttp
from aiohttp import web

from custom_components.device_security.core.probes.model import (
    Login,
    ProbeLimits,
    Service,
)
from custom_components.device_security.core.probes.prober import Target, sweep

HOSTS = 254
LOGINS = [Login("admin", "admin"), Login("admin", "12345"), Login("root", "root")]


async def _page(_: web.Request) -> web.Response:
    return web.Response(status=401, headers={"WWW-Authenticate": 'Basic realm="bench"'})


async def _telnet(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        writer.write(b"login: ")
        await reader.readline()
        writer.write(b"Password: ")
        await reader.readline()
        writer.write(b"\r\nLogin incorrect\r\nlogin: ")
        await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def _rtsp(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while head := await reader.readuntil(b"\r\n\r\n"):
            cseq = next(line for line in head.split(b"\r\n") if line.startswith(b"CSeq"))
            writer.write(
                b"RTSP/1.0 401 Unauthorized\r\n" + cseq + b"\r\n"
                b'WWW-Authenticate: Basic realm="bench"\r\n\r\n'
            )
            await writer.drain()
    except ConnectionError, asyncio.IncompleteReadError:
        pass
    finally:
        writer.close()


async def _measure(limits: ProbeLimits) -> dict[str, float]:
    runner = web.AppRunner(web.Application(), handler_cancellation=True)
    runner.app.router.add_get("/", _page)
    await runner.setup()
    servers: list[asyncio.Server] = []
    targets: list[Target] = []
    for index in range(1, HOSTS + 1):
        address = f"127.0.0.{index}"
        site = web.TCPSite(runner, address, 0)
        await site.start()
        telnet = await asyncio.start_server(_telnet, address, 0)
        rtsp = await asyncio.start_server(_rtsp, address, 0)
        servers += [telnet, rtsp]
        ports = {
            "http": runner.addresses[-1][1],
            "telnet": telnet.sockets[0].getsockname()[1],
            "rtsp": rtsp.sockets[0].getsockname()[1],
        }
        targets += [
            Target(ip_address(address), Service(kind, port), LOGINS) for kind, port in ports.items()
        ]
    async with aiohttp.ClientSession() as session:
        start = time.perf_counter()
        results = await sweep(session, targets, limits)
        elapsed = time.perf_counter() - start
    for server in servers:
        server.close()
    await runner.cleanup()
    outcomes = Counter(str(result.outcome) for result in results)
    return {
        "seconds": elapsed,
        "services": len(targets),
        "finished": len(results),
        "attempts": sum(result.attempts for result in results),
        "rejected": outcomes["rejected"],
    }


def bench_sweep(table: Callable[[Sequence[str], Sequence[Sequence[str]]], str]) -> str:
    """Sweep with the default bounds, and with twice the concurrency for comparison."""
    rows = []
    for limits in (ProbeLimits(), ProbeLimits(concurrency=32)):
        figures = asyncio.run(_measure(limits))
        rows.append(
            [
                f"{limits.concurrency}",
                f"{int(figures['services'])} ({HOSTS} hosts x 3)",
                f"{int(figures['finished'])} ({int(figures['rejected'])} rejected)",
                f"{int(figures['attempts'])}",
                f"{figures['seconds']:.1f} s",
                f"{limits.deadline:.0f} s",
            ]
        )
    return (
        "## Login-test sweep, worst case (every login refused), loopback servers\n\n"
        + table(["concurrency", "services", "finished", "logins tried", "time", "deadline"], rows)
        + f"\n\nBounds: {ProbeLimits().attempts_per_service} logins per service, "
        f"{ProbeLimits().pause} s between them, {ProbeLimits().timeout} s per answer."
    )
