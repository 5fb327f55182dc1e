"""Turn the device registry into DeviceRecords, one per physical device.

Since Home Assistant 2026.8 a device belongs to one config entry, so a device that two
integrations know (a Hue bulb in Hue and in HomeKit, a router in UniFi and in Nmap) has
two registry entries. They are merged here by a well-formed MAC address, serial number, or
the composite device they were split from by the 2026.8 migration. A child device that is
a part of its parent (a channel of a multi-switch: same make and model, or none of its own)
is merged into the parent; a child that is a device of its own (a bulb behind its bridge)
is monitored on its own.

A device's key is the registry id of one of its entries, and it sticks: once in use, it
stays the key for as long as that entry is part of the device, whichever entries join.
"""

import asyncio
from collections.abc import Collection, Iterable
import re

from homeassistant.components.update import ATTR_INSTALLED_VERSION, ATTR_LATEST_VERSION
from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_HOST, CONF_PASSWORD, CONF_USERNAME, STATE_ON, Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.loader import IntegrationNotFound, async_get_integration

from .const import DOMAIN
from .core.credentials import CredentialDigester
from .core.device_record import DeviceRecord, PendingUpdate

# Registry strings are free text from other integrations; a record keeps at most this
# much of each, enough to identify and display, never enough to bloat a state.
MAX_TEXT = 255
UNNAMED = "Unnamed device"
_MAC_CONNECTIONS = frozenset(
    {dr.CONNECTION_NETWORK_MAC, dr.CONNECTION_BLUETOOTH, dr.CONNECTION_ZIGBEE}
)
# Serial numbers that integrations report as placeholders; merging on them would merge
# unrelated devices.
_PLACEHOLDER_SERIAL = re.compile(r"^(0+|1234.*|unknown|none|null|n/?a|-+|serial.*)$", re.IGNORECASE)
MIN_SERIAL_LENGTH = 6
# Records built per event-loop step: a home of thousands of devices never stalls the loop.
RECORDS_PER_STEP = 500
# Six or eight bytes of hex, separated by ":", "-" or "." consistently, or not at all.
_HARDWARE_ADDRESS = re.compile(
    r"^(?:[0-9a-f]{2}(?:([:-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}(?:(?:\1[0-9a-f]{2}){2})?)"
    r"|[0-9a-f]{12}|[0-9a-f]{16}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4})$",
    re.IGNORECASE,
)


def clip(value: object) -> str | None:
    """Return a registry string made safe to keep: None or blank as None, long ones cut."""
    if not isinstance(value, str) or not (text := value.strip()):
        return None
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def monitored_devices(hass: HomeAssistant) -> list[dr.DeviceEntry]:
    """Return the registry entries the integration watches: enabled, not services, not ours."""
    return [
        device
        for device in dr.async_get(hass).devices
        if device.entry_type is not dr.DeviceEntryType.SERVICE
        and device.disabled_by is None
        and not any(domain == DOMAIN for domain, _ in device.identifiers)
    ]


def hardware_address(value: object) -> str | None:
    """A MAC (EUI-48) or Zigbee (EUI-64) address as bare hex, or None for placeholders.

    "unknown", "-", "00:00:00:00:00:00", "ff:ff:...", "zz:..." and the like identify no
    device, and merging on them would merge unrelated devices.
    """
    if not isinstance(value, str) or not _HARDWARE_ADDRESS.match(value.strip()):
        return None
    digits = re.sub(r"[^0-9a-f]", "", value.casefold())
    return None if len(set(digits)) == 1 else digits


def _identity_keys(device: dr.DeviceEntry) -> Iterable[str]:
    """Yield the keys that identify the physical device across integrations."""
    if device.composite_device_id:
        yield "composite:" + device.composite_device_id
    for kind, value in device.connections:
        if kind in _MAC_CONNECTIONS and (mac := hardware_address(value)):
            yield "mac:" + mac
    serial = clip(device.serial_number)
    if serial and len(serial) >= MIN_SERIAL_LENGTH and not _PLACEHOLDER_SERIAL.match(serial):
        yield "serial:" + serial.casefold()


def _is_part_of(child: dr.DeviceEntry, parent: dr.DeviceEntry) -> bool:
    """A child with the parent's make and model, or none of its own, is a part of it."""
    own = (clip(child.model), clip(child.model_id))
    return own == (None, None) or (
        own == (clip(parent.model), clip(parent.model_id))
        and clip(child.manufacturer) in {None, clip(parent.manufacturer)}
    )


def group_physical_devices(devices: list[dr.DeviceEntry]) -> list[list[dr.DeviceEntry]]:
    """Group registry entries of one physical device (union-find)."""
    parent = list(range(len(devices)))

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    owner: dict[str, int] = {}
    for index, device in enumerate(devices):
        for key in _identity_keys(device):
            if (other := owner.setdefault(key, index)) != index:
                parent[find(index)] = find(other)
    position = {device.id: index for index, device in enumerate(devices)}
    for index, device in enumerate(devices):
        hub = position.get(device.via_device_id or "")
        if hub is not None and _is_part_of(device, devices[hub]):
            parent[find(index)] = find(hub)

    groups: dict[int, list[dr.DeviceEntry]] = {}
    for index, device in enumerate(devices):
        groups.setdefault(find(index), []).append(device)
    return list(groups.values())


def _representative(group: list[dr.DeviceEntry]) -> dr.DeviceEntry:
    """Pick the entry that describes the device best, the same one every time."""
    return min(
        group,
        key=lambda device: (
            device.model is None and device.model_id is None,
            device.manufacturer is None,
            device.via_device_id is not None,  # the whole device rather than a part
            device.created_at,
            device.id,
        ),
    )


def _key(group: list[dr.DeviceEntry], keys_in_use: Collection[str]) -> str:
    """The device's key: one already in use if it has one, else its oldest entry's id."""
    oldest_first = sorted(group, key=lambda device: (device.created_at, device.id))
    return next((d.id for d in oldest_first if d.id in keys_in_use), oldest_first[0].id)


def _first(group: list[dr.DeviceEntry], attribute: str) -> str | None:
    """Return the first usable value of an attribute across a group, best entry first."""
    for device in group:
        if value := clip(getattr(device, attribute)):
            return value
    return None


def _pending_updates(hass: HomeAssistant, group: list[dr.DeviceEntry]) -> tuple[PendingUpdate, ...]:
    """Return the device's update entities that offer an update."""
    registry = er.async_get(hass)
    pending = []
    for device in group:
        for entity in er.async_entries_for_device(registry, device.id):
            state = hass.states.get(entity.entity_id)
            if entity.domain != Platform.UPDATE or state is None or state.state != STATE_ON:
                continue
            pending.append(
                PendingUpdate(
                    entity_id=entity.entity_id,
                    installed=clip(state.attributes.get(ATTR_INSTALLED_VERSION)),
                    latest=clip(state.attributes.get(ATTR_LATEST_VERSION)),
                    since=state.last_changed.isoformat(),
                )
            )
    return tuple(sorted(pending, key=lambda update: update.entity_id))


def _entries(hass: HomeAssistant, devices: Iterable[dr.DeviceEntry]) -> list[ConfigEntry]:
    """The integration entries that provide these registry entries."""
    return [
        entry
        for device in devices
        if (entry := hass.config_entries.async_get_entry(device.config_entry_id))
    ]


def _credential_digests(entries: list[ConfigEntry], digester: CredentialDigester) -> frozenset[str]:
    """Digest the logins Home Assistant stores in the device's integration entries."""
    digests = set()
    for entry in entries:
        if isinstance(password := entry.data.get(CONF_PASSWORD), str):
            username = entry.data.get(CONF_USERNAME)
            digests.add(digester.digest(username if isinstance(username, str) else None, password))
    return frozenset(digests)


def _hosts(entries: list[ConfigEntry]) -> tuple[str, ...]:
    """The addresses or host names the device's integration entries connect to."""
    return tuple(sorted({host for entry in entries if (host := clip(entry.data.get(CONF_HOST)))}))


def _record(
    hass: HomeAssistant,
    group: list[dr.DeviceEntry],
    cloud: set[str],
    digester: CredentialDigester,
    keys_in_use: Collection[str],
) -> DeviceRecord:
    main = _representative(group)
    group = [main, *(device for device in group if device is not main)]
    entries = _entries(hass, group)
    domains = sorted({entry.domain for entry in entries})
    name = clip(main.name_by_user) or _first(group, "name")
    return DeviceRecord(
        key=_key(group, keys_in_use),
        device_ids=tuple(sorted(device.id for device in group)),
        name=name or clip(main.model) or clip(main.manufacturer) or UNNAMED,
        manufacturer=_first(group, "manufacturer"),
        model=_first(group, "model"),
        model_id=_first(group, "model_id"),
        sw_version=_first(group, "sw_version"),
        hw_version=_first(group, "hw_version"),
        serial_number=_first(group, "serial_number"),
        macs=tuple(
            sorted(
                {key[4:] for device in group for key in _identity_keys(device) if key[:4] == "mac:"}
            )
        ),
        integrations=tuple(domains),
        integration=entry.domain
        if (entry := hass.config_entries.async_get_entry(main.config_entry_id))
        else None,
        cloud_integrations=tuple(domain for domain in domains if domain in cloud),
        pending_updates=_pending_updates(hass, group),
        credential_digests=_credential_digests(entries, digester),
        hosts=_hosts(entries),
    )


async def async_cloud_domains(hass: HomeAssistant, domains: Iterable[str]) -> set[str]:
    """Return the integrations among `domains` that need a cloud service to work."""
    cloud = set()
    for domain in set(domains):
        try:
            integration = await async_get_integration(hass, domain)
        except IntegrationNotFound:
            continue
        if (integration.iot_class or "").startswith("cloud"):
            cloud.add(domain)
    return cloud


async def async_build_inventory(
    hass: HomeAssistant, digester: CredentialDigester, keys_in_use: Collection[str] = ()
) -> dict[str, DeviceRecord]:
    """Return every monitored physical device by its key.

    `keys_in_use` are the keys entities, issues and acknowledgements already hang off:
    a device keeps its key while the entry it names is part of it.
    """
    devices = monitored_devices(hass)
    cloud = await async_cloud_domains(hass, {entry.domain for entry in _entries(hass, devices)})
    records: dict[str, DeviceRecord] = {}
    for number, group in enumerate(group_physical_devices(devices), start=1):
        record = _record(hass, group, cloud, digester, keys_in_use)
        records[record.key] = record
        if number % RECORDS_PER_STEP == 0:
            # The entries read are immutable: a change meanwhile is seen by the next run.
            await asyncio.sleep(0)
    return records
