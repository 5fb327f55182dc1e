"""One physical device as the checks see it: plain data, no Home Assistant types."""

from dataclasses import dataclass


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
    cloud_integrations: tuple[str, ...] = ()
    pending_updates: tuple[PendingUpdate, ...] = ()
    # Keyed digests of the logins Home Assistant holds for the device; never the secrets.
    credential_digests: frozenset[str] = frozenset()
