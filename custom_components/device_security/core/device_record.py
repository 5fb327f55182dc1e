"""One physical device as the checks see it: plain data, no Home Assistant types."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NetService:
    """A service a device announces on the LAN: its zeroconf type and its port."""

    type: str  # e.g. "_http._tcp"
    port: int


@dataclass(frozen=True, slots=True)
class PendingUpdate:
    """An update entity of the device that offers an update not yet installed."""

    entity_id: str
    installed: str | None = None
    latest: str | None = None
    since: str | None = None  # ISO time the update became available, where known


@dataclass(frozen=True, slots=True)
class DeviceRecord:
    """A physical device, merged from every registry entry that describes it.

    `key` is the device registry id of the entry chosen to represent the device; it is
    stable for as long as that entry exists, so entities and repairs can hang off it.
    """

    key: str
    device_ids: tuple[str, ...]
    name: str
    manufacturer: str | None = None
    model: str | None = None
    model_id: str | None = None
    sw_version: str | None = None
    hw_version: str | None = None
    serial_number: str | None = None
    macs: tuple[str, ...] = ()
    integrations: tuple[str, ...] = ()
    integration: str | None = None  # the domain of the entry that describes it best
    cloud_integrations: tuple[str, ...] = ()
    pending_updates: tuple[PendingUpdate, ...] = ()
    # Keyed digests of the logins Home Assistant holds for the device; never the secrets.
    credential_digests: frozenset[str] = frozenset()
    # Addresses or host names where the device answers, and the services it announces.
    hosts: tuple[str, ...] = ()
    services: tuple[NetService, ...] = ()
    # False for a host seen on the LAN that no Home Assistant integration manages.
    managed: bool = True
    # Opt-in login tests: services where a published default login worked, where every
    # one tried was refused, and that let anyone in without a login.
    default_login_services: tuple[str, ...] = ()
    default_login_refused: tuple[str, ...] = ()
    open_services: tuple[str, ...] = ()
