"""The monitored-devices count: real registry, de-duplication, live registry changes."""

from datetime import timedelta

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed

from custom_components.device_security.core.credentials import CredentialDigester
from custom_components.device_security.inventory import UNNAMED, async_build_inventory, clip
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.util import dt as dt_util

from .conftest import AddDevice

MONITORED = "sensor.device_security_devices_monitored"
MAC = (dr.CONNECTION_NETWORK_MAC, "AA:BB:CC:00:11:22")


async def _settle(hass: HomeAssistant) -> None:
    """Let the registry debounce pass and the re-assessment finish."""
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=5))
    await hass.async_block_till_done()


def _count(hass: HomeAssistant) -> int:
    return int(hass.states.get(MONITORED).state)


async def test_count_follows_registry_changes(
    hass: HomeAssistant, setup_integration: MockConfigEntry, add_device: AddDevice
) -> None:
    bridge = add_device("hue", manufacturer="Signify Netherlands B.V.", model="Hue Bridge")
    add_device("sonos", manufacturer="Sonos", model="One")
    await _settle(hass)
    assert _count(hass) == 2

    registry = dr.async_get(hass)
    registry.async_update_device(bridge.id, disabled_by=dr.DeviceEntryDisabler.USER)
    await _settle(hass)
    assert _count(hass) == 1

    registry.async_update_device(bridge.id, disabled_by=None)
    await _settle(hass)
    assert _count(hass) == 2

    registry.async_remove_device(bridge.id)
    await _settle(hass)
    assert _count(hass) == 1


async def test_same_physical_device_in_two_integrations_counts_once(
    hass: HomeAssistant, setup_integration: MockConfigEntry, add_device: AddDevice
) -> None:
    add_device("hue", connections={MAC}, manufacturer="Signify Netherlands B.V.", model="BSB002")
    add_device("homekit_controller", connections={(dr.CONNECTION_NETWORK_MAC, "aabbcc001122")})
    add_device("fritz", serial_number="SN-12345678", manufacturer="AVM", model="FRITZ!Box 7590")
    add_device("upnp", serial_number="sn-12345678", name="Router")
    await _settle(hass)
    assert _count(hass) == 2

    records = await async_build_inventory(hass, CredentialDigester())
    hue = next(
        record
        for record in records.values()
        if record.manufacturer and "Signify" in record.manufacturer
    )
    assert hue.integrations == ("homekit_controller", "hue")
    assert hue.model == "BSB002"
    assert hue.macs == ("aabbcc001122",)
    assert len(hue.device_ids) == 2


async def test_chain_of_shared_identities_merges_transitively(
    hass: HomeAssistant, setup_integration: MockConfigEntry, add_device: AddDevice
) -> None:
    add_device("unifi", connections={MAC})
    add_device("nmap_tracker", connections={MAC}, serial_number="ABCDEF123456")
    add_device("snmp", serial_number="abcdef123456")
    await _settle(hass)
    assert _count(hass) == 1


@pytest.mark.parametrize(
    "serial", ["0000000", "123456789", "unknown", "N/A", "12", "serial-number"]
)
async def test_placeholder_serials_do_not_merge(
    hass: HomeAssistant, setup_integration: MockConfigEntry, add_device: AddDevice, serial: str
) -> None:
    add_device("tuya", serial_number=serial, model="Plug")
    add_device("tuya", serial_number=serial, model="Bulb")
    await _settle(hass)
    assert _count(hass) == 2


async def test_service_devices_and_our_own_are_not_monitored(
    hass: HomeAssistant, setup_integration: MockConfigEntry, add_device: AddDevice
) -> None:
    add_device("met", entry_type=dr.DeviceEntryType.SERVICE, name="Forecast")
    add_device("zha", manufacturer="IKEA of Sweden", model="TRADFRI bulb E27 WS opal 980lm")
    await _settle(hass)
    assert _count(hass) == 1


async def test_device_without_manufacturer_model_or_name(
    hass: HomeAssistant, setup_integration: MockConfigEntry, add_device: AddDevice
) -> None:
    device = add_device("mqtt", title="")
    await _settle(hass)
    assert _count(hass) == 1
    record = (await async_build_inventory(hass, CredentialDigester()))[device.id]
    assert record.name == UNNAMED
    assert record.manufacturer is None
    assert record.model is None
    assert record.integrations == ("mqtt",)


async def test_hostile_registry_strings(
    hass: HomeAssistant, setup_integration: MockConfigEntry, add_device: AddDevice
) -> None:
    huge = "x" * 10_000
    add_device("mqtt", name="", manufacturer="   ", model=None)
    add_device("mqtt", name=huge, manufacturer=huge, model=huge, serial_number=huge)
    add_device("mqtt", name="Wohnzimmer 💡 Lámpara", manufacturer="小米", model="lumi.plug\x00")
    await _settle(hass)
    assert _count(hass) == 3
    records = await async_build_inventory(hass, CredentialDigester())
    assert all(len(record.name) <= 255 for record in records.values())
    assert {record.manufacturer for record in records.values()} >= {None, "小米"}


def test_clip() -> None:
    assert clip(None) is None
    assert clip(42) is None
    assert clip("  ") is None
    assert clip(" Hue ") == "Hue"
    clipped = clip("y" * 300)
    assert clipped is not None
    assert len(clipped) == 255
    assert clipped.endswith("…")


async def test_integration_that_cannot_be_found_is_not_cloud(
    hass: HomeAssistant, setup_integration: MockConfigEntry, add_device: AddDevice
) -> None:
    device = add_device("no_such_integration_anywhere", model="Thing")
    cloud = add_device("ring", model="Doorbell")
    records = await async_build_inventory(hass, CredentialDigester())
    assert records[device.id].cloud_integrations == ()
    assert records[cloud.id].cloud_integrations == ("ring",)


@pytest.mark.parametrize(
    "mac",
    ["unknown", "-", "zz:zz:zz:zz:zz:zz", "00:00:00:00:00:00", "n/a", "0", "ff:ff:ff:ff:ff:ff"],
)
async def test_placeholder_macs_do_not_merge(
    hass: HomeAssistant, setup_integration: MockConfigEntry, add_device: AddDevice, mac: str
) -> None:
    """Regression: placeholder MACs collapsed to one key and a device silently dropped out."""
    add_device("tuya", connections={(dr.CONNECTION_NETWORK_MAC, mac)}, model="Plug")
    add_device("tuya", connections={(dr.CONNECTION_NETWORK_MAC, mac)}, model="Bulb")
    await _settle(hass)
    assert _count(hass) == 2


async def test_parts_merge_into_their_device_and_devices_behind_a_hub_count(
    hass: HomeAssistant, setup_integration: MockConfigEntry, add_device: AddDevice
) -> None:
    """A channel is part of its device; a bulb behind its bridge is a device of its own."""
    bridge = add_device("hue", manufacturer="Signify Netherlands B.V.", model="BSB002")
    add_device(
        "hue",
        manufacturer="Signify Netherlands B.V.",
        model="LCT015",
        via_device_id=bridge.id,
    )
    relay = add_device(
        "shelly", manufacturer="Shelly", model="Shelly Pro 4PM", model_id="SPSW-104PE16EU"
    )
    channel = add_device(
        "shelly",
        manufacturer="Shelly",
        model="Shelly Pro 4PM",
        model_id="SPSW-104PE16EU",
        name="Channel 1",
        via_device_id=relay.id,
    )
    await _settle(hass)
    assert _count(hass) == 3
    records = await async_build_inventory(hass, CredentialDigester())
    assert channel.id in records[relay.id].device_ids


async def test_a_device_keeps_its_key_when_a_better_entry_joins(
    hass: HomeAssistant, setup_integration: MockConfigEntry, add_device: AddDevice
) -> None:
    """Regression: the key followed the best-described entry, moving entities and issues."""
    first = add_device("unifi", connections={MAC}, name="Hallway camera")
    await _settle(hass)
    entities = er.async_entries_for_config_entry(er.async_get(hass), setup_integration.entry_id)
    before = {entity.unique_id for entity in entities if first.id in entity.unique_id}
    assert before
    add_device("reolink", connections={MAC}, manufacturer="Reolink", model="RLC-410W")
    await _settle(hass)
    coordinator = setup_integration.runtime_data
    assert list(coordinator.data.devices) == [first.id]
    assert coordinator.data.devices[first.id].record.model == "RLC-410W"
    entities = er.async_entries_for_config_entry(er.async_get(hass), setup_integration.entry_id)
    assert before <= {entity.unique_id for entity in entities}

    # After a restart the entity registry remembers which key is in use.
    assert await hass.config_entries.async_reload(setup_integration.entry_id)
    await hass.async_block_till_done()
    assert list(setup_integration.runtime_data.data.devices) == [first.id]
