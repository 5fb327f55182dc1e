"""The owner's opt-in login tests: which devices still accept a published default login.

Off unless the owner turned them on and confirmed that they own the devices. Only devices
whose manufacturer publishes default logins are tested, only on the services they expose,
only at private, link-local or loopback addresses, and within the prober's bounds.
"""

from collections.abc import Iterable, Mapping
from dataclasses import replace

from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_get_clientsession

from .core.database.matcher import Matcher
from .core.device_record import DeviceRecord
from .core.lan import is_ip
from .core.probes.model import Login, Outcome, ProbeLimits, ProbeResult, Service, ServiceKind
from .core.probes.prober import Target, sweep

# Announced service types the probes speak.
PROBED_TYPES = {
    "_http._tcp": (ServiceKind.HTTP, False),
    "_https._tcp": (ServiceKind.HTTP, True),
    "_telnet._tcp": (ServiceKind.TELNET, False),
    "_rtsp._tcp": (ServiceKind.RTSP, False),
}
# Where to look when a device announces nothing: its admin page, telnet, its stream.
WELL_KNOWN = (
    Service(ServiceKind.HTTP, 80),
    Service(ServiceKind.TELNET, 23),
    Service(ServiceKind.RTSP, 554),
)
# The reference list's service hints each probe may use; a login without a hint fits all.
HINTS = {
    ServiceKind.HTTP: {"web", "http", "https", "www", "webui", "web interface"},
    ServiceKind.TELNET: {"telnet"},
    ServiceKind.RTSP: {"rtsp", "ip camera", "ip-cam", "camera"},
}


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
    """The services of one device worth testing, each with its manufacturer's logins."""
    match = matcher.match(record.manufacturer, record.model, record.model_id)
    published = logins.get(match.manufacturer.id, ()) if match.manufacturer else ()
    address = next((host for host in record.hosts if is_ip(host)), None)
    if not published or address is None:
        return []
    targets = []
    for service in _services(record):
        hints = HINTS[service.kind]
        fitting = [login for login in published if login.service is None or login.service in hints]
        if fitting:
            targets.append(Target(address, service, fitting))
    return targets


class DefaultLoginTester:
    """Runs the login tests and remembers their outcomes until the next run."""

    def __init__(self, hass: HomeAssistant, limits: ProbeLimits | None = None) -> None:
        """Prepare; the logins are loaded by the coordinator."""
        self.hass = hass
        self.limits = limits or ProbeLimits()
        self.results: dict[str, tuple[ProbeResult, ...]] = {}
        # Where and what each device exposed when it was last tested.
        self._tested: dict[str, tuple[object, ...]] = {}
        self.running = False

    def untested(self, records: Iterable[DeviceRecord]) -> set[str]:
        """The devices reachable at an address whose addresses or services changed."""
        return {
            record.key
            for record in records
            if any(is_ip(host) for host in record.hosts)
            and self._tested.get(record.key) != (record.hosts, record.services)
        }

    async def async_test(
        self,
        records: Iterable[DeviceRecord],
        matcher: Matcher,
        logins: Mapping[str, tuple[Login, ...]],
    ) -> None:
        """Test the records' devices; their previous outcomes are replaced."""
        owners: dict[tuple[str, Service], str] = {}
        targets: list[Target] = []
        for record in records:
            self._tested[record.key] = (record.hosts, record.services)
            self.results.pop(record.key, None)
            for target in targets_for(record, matcher, logins):
                owners[target.address, target.service] = record.key
                targets.append(target)
        session = async_get_clientsession(self.hass, verify_ssl=False)
        found: dict[str, list[ProbeResult]] = {}
        self.running = True
        try:
            for result in await sweep(session, targets, self.limits):
                found.setdefault(owners[result.address, result.service], []).append(result)
        finally:
            self.running = False
        self.results.update({key: tuple(results) for key, results in found.items()})

    def apply(self, record: DeviceRecord) -> DeviceRecord:
        """Add the latest outcomes for the device to its record."""
        if not (results := self.results.get(record.key)):
            return record

        def _named(outcome: Outcome) -> tuple[str, ...]:
            return tuple(sorted({str(r.service.kind) for r in results if r.outcome is outcome}))

        return replace(
            record,
            default_login_services=_named(Outcome.ACCEPTED),
            default_login_refused=_named(Outcome.REJECTED),
            open_services=_named(Outcome.NO_LOGIN),
        )
