"""Turn the device registry into DeviceRecords, one per physical device.

Since Home Assistant 2026.8 a device belongs to one config entry, so a device that two
integrations know (a Hue bulb in Hue and in HomeKit, a router in UniFi and in Nmap) has
two registry entries. They are merged here by MAC address, serial number, or the
composite device they were split from by the 2026.8 migration. Child devices are parts
of their parent (a hub's channels) and are not monitored on their own.
"""

from collections.abc import Iterable
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


def _identity_keys(device: dr.DeviceEntry) -> Iterable[str]:
    """Yield the keys that identify the physical device across integrations."""
    if device.composite_device_id:
        yield "composite:" + device.composite_device_id
    for kind, value in device.connections:
        if kind in _MAC_CONNECTIONS and (mac := clip(value)):
            yield "mac:" + re.sub(r"[^0-9a-f]", "", mac.lower())
    serial = clip(device.serial_number)
    if serial and len(serial) >= MIN_SERIAL_LENGTH and not _PLACEHOLDER_SERIAL.match(serial):
        yield "serial:" + serial.casefold()


def group_physical_devices(devices: list[dr.DeviceEntry]) -> list[list[dr.DeviceEntry]]:
    """Group registry entries that share a MAC or serial number (union-find)."""
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
            device.created_at,
            device.id,
        ),
    )


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
    hass: HomeAssistant, group: list[dr.DeviceEntry], cloud: set[str], digester: CredentialDigester
) -> DeviceRecord:
    main = _representative(group)
    group = [main, *(device for device in group if device is not main)]
    entries = _entries(hass, group)
    domains = sorted({entry.domain for entry in entries})
    name = clip(main.name_by_user) or _first(group, "name")
    return DeviceRecord(
        key=main.id,
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
    hass: HomeAssistant, digester: CredentialDigester
) -> dict[str, DeviceRecord]:
    """Return every monitored physical device by its key."""
    devices = monitored_devices(hass)
    cloud = await async_cloud_domains(hass, {entry.domain for entry in _entries(hass, devices)})
    records = (_record(hass, group, cloud, digester) for group in group_physical_devices(devices))
    return {record.key: record for record in records}
