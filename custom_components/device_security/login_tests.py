"""The owner's opt-in login tests: which devices still accept a published default login.

Off unless the owner turned them on and confirmed that they own the devices. Only devices
whose manufacturer publishes default logins are tested, only on the services they expose,
only at private, link-local or loopback addresses, and within the prober's bounds.
"""

import asyncio
from collections.abc import Iterable, Mapping
from dataclasses import replace

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_get_clientsession

from .core.database.matcher import Matcher
from .core.device_record import DeviceRecord
from .core.probes.address_guard import IPAddress, allowed_address
from .core.probes.model import Login, Outcome, ProbeLimits, ProbeResult, Service
from .core.probes.prober import PROTOCOLS, Target, sweep

# Announced service types the probes speak: (protocol, over TLS).
PROBED_TYPES = {
    zeroconf_type: (protocol.kind, tls)
    for protocol in PROTOCOLS.values()
    for zeroconf_type, tls in protocol.zeroconf_types.items()
}
# Where to look when a device announces nothing: its admin page, telnet, its stream...
WELL_KNOWN = tuple(Service(protocol.kind, protocol.default_port) for protocol in PROTOCOLS.values())


def _services(record: DeviceRecord) -> list[Service]:
    """The services the device announced that the probes speak, else the usual ports."""
    announced = []
    for service in record.services:
        if probed := PROBED_TYPES.get(service.type):
            kind, tls = probed
            announced.append(Service(kind, service.port, tls))
    return announced or list(WELL_KNOWN)


def targets_for(
    record: DeviceRecord, matcher: Matcher, logins: Mapping[str, tuple[Login, ...]]
) -> list[Target]:
    """The services of one device worth testing, each with its manufacturer's logins.

    The first of the device's addresses that the guard allows is tested; the others (a
    public or carrier-grade address, a host name) never are.
    """
    match = matcher.match(record.manufacturer, record.model, record.model_id, record.integration)
    published = logins.get(match.manufacturer.id, ()) if match.manufacturer else ()
    address = next((a for host in record.hosts if (a := allowed_address(host))), None)
    if not published or address is None:
        return []
    targets = []
    for service in _services(record):
        # A login without a hint in the reference list fits every protocol.
        hints = PROTOCOLS[service.kind].hints
        fitting = [login for login in published if login.service is None or login.service in hints]
        if fitting:
            targets.append(Target(address, service, fitting))
    return targets


type Outcomes = dict[Service, ProbeResult]


class DefaultLoginTester:
    """Runs the login tests, one sweep at a time, and keeps their latest outcomes.

    An outcome stays until a newer test of the same service replaces it, so a sweep in
    progress, or one cut short by its deadline, never hides what an earlier one found.
    """

    def __init__(
        self, hass: HomeAssistant, entry: ConfigEntry, limits: ProbeLimits | None = None
    ) -> None:
        """Prepare; the logins are loaded by the coordinator."""
        self.hass = hass
        self.entry = entry
        self.limits = limits or ProbeLimits()
        self.results: dict[str, Outcomes] = {}
        # Where and what each device exposed when it was last tested.
        self._tested: dict[str, tuple[object, ...]] = {}
        self._lock = asyncio.Lock()

    @property
    def running(self) -> bool:
        """Whether a sweep is under way (or waiting for the one under way)."""
        return self._lock.locked()

    def untested(self, records: Iterable[DeviceRecord]) -> set[str]:
        """The devices reachable at an address whose addresses or services changed."""
        return {
            record.key
            for record in records
            if any(allowed_address(host) for host in record.hosts)
            and self._tested.get(record.key) != (record.hosts, record.services)
        }

    async def async_test(
        self,
        records: Iterable[DeviceRecord],
        matcher: Matcher,
        logins: Mapping[str, tuple[Login, ...]],
    ) -> None:
        """Test the records' devices after any sweep under way; newer outcomes replace older."""
        async with self._lock:
            await self._async_sweep(list(records), matcher, logins)

    async def _async_sweep(
        self,
        records: list[DeviceRecord],
        matcher: Matcher,
        logins: Mapping[str, tuple[Login, ...]],
    ) -> None:
        for record in records:
            self._tested[record.key] = (record.hosts, record.services)
        # Matching is CPU work: off the event loop.
        planned = await self.hass.async_add_executor_job(
            lambda: {record.key: targets_for(record, matcher, logins) for record in records}
        )
        # One target per address and port, whichever devices share it.
        owners: dict[tuple[IPAddress, int], list[tuple[str, Service]]] = {}
        targets: dict[tuple[IPAddress, int], Target] = {}
        for key, planned_targets in planned.items():
            for target in planned_targets:
                where = (target.address, target.service.port)
                targets.setdefault(where, target)
                owners.setdefault(where, []).append((key, target.service))
        session = async_get_clientsession(self.hass, verify_ssl=False)
        # An entry's background task: unloading the entry cancels the sweep.
        task = self.entry.async_create_background_task(
            self.hass, sweep(session, targets.values(), self.limits), "device_security sweep"
        )
        try:
            finished = await asyncio.shield(task)
        except asyncio.CancelledError:
            if (current := asyncio.current_task()) is not None and current.cancelling():
                task.cancel()  # whoever asked went away: so does the sweep
                raise
            return  # the entry was unloaded and took the sweep with it
        for key, planned_targets in planned.items():
            # What a device no longer exposes is forgotten; the rest is kept until replaced.
            services = {target.service for target in planned_targets}
            previous = self.results.get(key, {})
            self.results[key] = {s: r for s, r in previous.items() if s in services}
        for result in finished:
            for key, service in owners[result.address, result.service.port]:
                self.results[key][service] = replace(result, service=service)

    def apply(self, record: DeviceRecord) -> DeviceRecord:
        """Add the latest outcomes for the device to its record."""
        if not (results := self.results.get(record.key)):
            return record

        def _named(outcome: Outcome) -> tuple[str, ...]:
            return tuple(
                sorted({str(r.service.kind) for r in results.values() if r.outcome is outcome})
            )

        return replace(
            record,
            default_login_services=_named(Outcome.ACCEPTED),
            default_login_refused=_named(Outcome.REJECTED),
            open_services=_named(Outcome.NO_LOGIN),
        )
