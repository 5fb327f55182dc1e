"""Hosts on the LAN, from zeroconf announcements, and how they meet the registry.

Core code: plain data in, plain data out. Announcements are bounded and cleaned here, so a
noisy or hostile network cannot grow the integration's memory without limit.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
import re

from .device_record import DeviceRecord, NetService

# Service types browsed: what homes run, and the cleartext management services.
SERVICE_TYPES = (
    "_http._tcp.local.", "_https._tcp.local.", "_hap._tcp.local.", "_googlecast._tcp.local.",
    "_airplay._tcp.local.", "_raop._tcp.local.", "_spotify-connect._tcp.local.",
    "_ipp._tcp.local.", "_ipps._tcp.local.", "_printer._tcp.local.", "_ssh._tcp.local.",
    "_sftp-ssh._tcp.local.", "_telnet._tcp.local.", "_ftp._tcp.local.", "_smb._tcp.local.",
    "_rtsp._tcp.local.", "_mqtt._tcp.local.", "_hue._tcp.local.", "_sonos._tcp.local.",
    "_esphomelib._tcp.local.", "_shelly._tcp.local.", "_axis-video._tcp.local.",
    "_amzn-wplay._tcp.local.", "_matter._tcp.local.",
)  # fmt: skip
MAX_ANNOUNCEMENTS = 2048
MAX_SERVICES_PER_HOST = 64
MAX_TEXT = 100
# TXT keys that name a vendor, a model or a MAC address, as devices publish them.
VENDOR_KEYS = ("manufacturer", "vendor", "mf", "usb_mfg")
MODEL_KEYS = ("model", "md", "mdl", "am", "product", "ty")
MAC_KEYS = ("mac", "macaddress", "deviceid")
NAME_KEYS = ("fn", "friendly_name", "name", "n")
_MAC = re.compile(r"^[0-9a-f]{2}([:-]?[0-9a-f]{2}){5}$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Announcement:
    """One zeroconf service instance, resolved."""

    name: str
    service_type: str
    server: str
    addresses: tuple[str, ...]
    port: int
    properties: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class LanHost:
    """A host, with every service it announced and what its TXT records say about it."""

    hostname: str
    addresses: tuple[str, ...]
    services: tuple[NetService, ...]
    vendor: str | None = None
    model: str | None = None
    mac: str | None = None
    friendly_name: str | None = None


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str) or not (text := value.strip()):
        return None
    return text[:MAX_TEXT]


def clean_properties(properties: Mapping[bytes, bytes | None]) -> dict[str, str]:
    """Keep the TXT entries that identify a device, decoded and cut to size."""
    wanted = {*VENDOR_KEYS, *MODEL_KEYS, *MAC_KEYS, *NAME_KEYS}
    cleaned = {}
    for key, value in list(properties.items())[:64]:
        name = _text(key)
        if name and name.casefold() in wanted and (text := _text(value)):
            cleaned[name.casefold()] = text
    return cleaned


def _first(properties: Iterable[Mapping[str, str]], keys: tuple[str, ...]) -> str | None:
    for mapping in properties:
        for key in keys:
            if value := mapping.get(key):
                return value
    return None


def normalize_mac(text: str | None) -> str | None:
    """Return a MAC address as 12 lower-case hex digits, or None if it is not one."""
    if text and _MAC.match(text.strip()):
        return re.sub(r"[^0-9a-f]", "", text.casefold())
    return None


def hosts_from(announcements: Iterable[Announcement]) -> list[LanHost]:
    """Group announcements by host; one LanHost per announcing machine."""
    by_host: dict[str, list[Announcement]] = {}
    for announcement in announcements:
        by_host.setdefault(announcement.server.casefold().rstrip("."), []).append(announcement)
    hosts = []
    for hostname, group in sorted(by_host.items()):
        properties = [announcement.properties for announcement in group]
        services = sorted(
            {NetService(a.service_type.removesuffix(".local."), a.port) for a in group},
            key=lambda service: (service.type, service.port),
        )[:MAX_SERVICES_PER_HOST]
        hosts.append(
            LanHost(
                hostname=hostname.removesuffix(".local"),
                addresses=tuple(sorted({address for a in group for address in a.addresses})),
                services=tuple(services),
                vendor=_first(properties, VENDOR_KEYS),
                model=_first(properties, MODEL_KEYS),
                mac=normalize_mac(_first(properties, MAC_KEYS)),
                friendly_name=_first(properties, NAME_KEYS),
            )
        )
    return hosts


def correlate(
    records: Mapping[str, DeviceRecord], hosts: Iterable[LanHost]
) -> dict[str, DeviceRecord]:
    """Give registry devices what the LAN says of them; add the hosts nobody manages.

    A host belongs to a registry device when they share a MAC address, an IP address, or a
    host name that the device's integration entry holds.
    """
    by_mac: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for ident, record in records.items():
        by_mac.update(dict.fromkeys(record.macs, ident))
        names = (name.casefold().removesuffix(".local") for name in record.hosts)
        by_name.update(dict.fromkeys(names, ident))
    result = dict(records)
    for host in hosts:
        key: str | None = (host.mac and by_mac.get(host.mac)) or next(
            (by_name[name] for name in (host.hostname, *host.addresses) if name in by_name), None
        )
        if key is not None:
            record = result[key]
            result[key] = replace(
                record,
                hosts=tuple(sorted({*record.hosts, *host.addresses})),
                services=tuple(sorted({*record.services, *host.services}, key=_order)),
            )
            continue
        unmanaged = DeviceRecord(
            key=f"lan:{host.hostname}",
            device_ids=(),
            name=host.friendly_name or host.hostname,
            manufacturer=host.vendor,
            model=host.model,
            macs=(host.mac,) if host.mac else (),
            hosts=host.addresses,
            services=host.services,
            managed=False,
        )
        result[unmanaged.key] = unmanaged
    return result


def _order(service: NetService) -> tuple[str, int]:
    return service.type, service.port
