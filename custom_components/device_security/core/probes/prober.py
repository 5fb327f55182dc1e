"""Sweep devices' services with their manufacturers' published default logins, within bounds.

Per service: at most `attempts_per_service` logins, one at a time with a pause between
them, stopping at the first that works or at the first sign of a lock-out. Across the
sweep: at most `concurrency` services at once, and a deadline after which whatever is
still running is cancelled. Every target passes the address guard first.
"""

import asyncio
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
import importlib
import logging
from pathlib import Path
import pkgutil

import aiohttp

from .address_guard import AddressRefusedError, IPAddress, check_target
from .model import Login, Outcome, ProbeLimits, ProbeResult, Protocol, Service

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


def _discover() -> Mapping[str, Protocol]:
    """Every `<name>_login` module's protocol, by kind."""
    package = __name__.rpartition(".")[0]
    found = {}
    for module_info in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if module_info.name.endswith("_login"):
            module = importlib.import_module(f"{package}.{module_info.name}")
            if isinstance(protocol := getattr(module, "PROTOCOL", None), Protocol):
                found[protocol.kind] = protocol
    return found


PROTOCOLS = _discover()


@dataclass(frozen=True, slots=True)
class Target:
    """One service of one device, and the logins its manufacturer published."""

    address: IPAddress
    service: Service
    logins: Sequence[Login]


async def probe(session: aiohttp.ClientSession, target: Target, limits: ProbeLimits) -> ProbeResult:
    """Test one service with at most `attempts_per_service` logins."""
    try:
        check_target(target.address)
    except AddressRefusedError as err:
        LOGGER.warning("Not testing %s: %s", target.service.kind, err)
        return ProbeResult(target.address, target.service, Outcome.REFUSED)
    if (protocol := PROTOCOLS.get(target.service.kind)) is None:
        return ProbeResult(target.address, target.service, Outcome.UNSUPPORTED)
    attempt = protocol.attempt
    outcome, attempts = Outcome.REJECTED, 0
    for login in target.logins[: limits.attempts_per_service]:
        if attempts:
            await asyncio.sleep(limits.pause)
        attempts += 1
        outcome = await attempt(session, target.address, target.service, login, limits.timeout)
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
