"""Sweep devices' services with their manufacturers' published default logins, within bounds.

Per service: at most `attempts_per_service` logins, one at a time with a pause between
them, stopping at the first that works or at the first sign of a lock-out. Across the
sweep: at most `concurrency` services at once, and a deadline after which whatever is
still running is cancelled. Every target passes the address guard first.
"""

import asyncio
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
import logging

import aiohttp

from .address_guard import AddressRefusedError, IPAddress, check_target
from .http_login import try_http
from .model import Login, Outcome, ProbeLimits, ProbeResult, Service, ServiceKind
from .rtsp_login import try_rtsp
from .telnet_login import try_telnet

LOGGER = logging.getLogger(__name__)
# Outcomes after which trying another login is pointless or unwelcome.
FINAL = frozenset(
    {
        Outcome.ACCEPTED,
        Outcome.NO_LOGIN,
        Outcome.LOCKED_OUT,
        Outcome.UNSUPPORTED,
        Outcome.UNREACHABLE,
    }
)


@dataclass(frozen=True, slots=True)
class Target:
    """One service of one device, and the logins its manufacturer published."""

    address: IPAddress
    service: Service
    logins: Sequence[Login]


async def _attempt(
    session: aiohttp.ClientSession, target: Target, login: Login, limits: ProbeLimits
) -> Outcome:
    service = target.service
    if service.kind is ServiceKind.HTTP:
        return await try_http(session, target.address, service, login, limits.timeout)
    if service.kind is ServiceKind.TELNET:
        return await try_telnet(target.address, service.port, login, limits.timeout)
    return await try_rtsp(target.address, service.port, login, limits.timeout)


async def probe(session: aiohttp.ClientSession, target: Target, limits: ProbeLimits) -> ProbeResult:
    """Test one service with at most `attempts_per_service` logins."""
    try:
        check_target(target.address)
    except AddressRefusedError as err:
        LOGGER.warning("Not testing %s: %s", target.service.kind, err)
        return ProbeResult(target.address, target.service, Outcome.REFUSED)
    outcome, attempts = Outcome.REJECTED, 0
    for login in target.logins[: limits.attempts_per_service]:
        if attempts:
            await asyncio.sleep(limits.pause)
        attempts += 1
        outcome = await _attempt(session, target, login, limits)
        if outcome in FINAL:
            break
    LOGGER.debug(
        "Default-login test of %s %s:%s: %s after %d attempts",
        target.service.kind, target.address, target.service.port, outcome, attempts,
    )  # fmt: skip
    return ProbeResult(target.address, target.service, outcome, attempts)


DEFAULT_LIMITS = ProbeLimits()


async def sweep(
    session: aiohttp.ClientSession, targets: Iterable[Target], limits: ProbeLimits = DEFAULT_LIMITS
) -> list[ProbeResult]:
    """Test every target; return the results of those finished by the deadline."""
    semaphore = asyncio.Semaphore(limits.concurrency)
    results: list[ProbeResult] = []

    async def _bounded(target: Target) -> None:
        async with semaphore:
            results.append(await probe(session, target, limits))

    try:
        async with asyncio.timeout(limits.deadline), asyncio.TaskGroup() as group:
            for target in targets:
                group.create_task(_bounded(target))
    except TimeoutError:
        LOGGER.warning("Default-login sweep stopped at its %s s deadline", limits.deadline)
    return results
