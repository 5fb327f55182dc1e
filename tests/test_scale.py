"""Large homes: entities within Home Assistant's limit, batches, and only what changed."""

from datetime import timedelta

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed

from custom_components.device_security import coordinator as coordinator_module, entity
from custom_components.device_security.const import (
    CONF_PER_DEVICE_ENTITIES,
    DOMAIN,
    ISSUE_TOO_MANY_DEVICES,
)
from custom_components.device_security.coordinator import DeviceSecurityCoordinator
from homeassistant.config_entries import SOURCE_USER
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er, issue_registry as ir
from homeassistant.util import dt as dt_util

from .conftest import AddDevice

LIMIT = 3


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A limit of three devices stands for Home Assistant's 10,000 entities."""
    monkeypatch.setattr(coordinator_module, "MAX_DEVICES_WITH_ENTITIES", LIMIT)
    monkeypatch.setattr(
        "custom_components.device_security.config_flow.MAX_DEVICES_WITH_ENTITIES", LIMIT
    )


async def _settle(hass: HomeAssistant) -> None:
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=5))
    await hass.async_block_till_done()


def _devices_with_entities(hass: HomeAssistant, entry: MockConfigEntry) -> set[str]:
    entities = er.async_entries_for_config_entry(er.async_get(hass), entry.entry_id)
    return {e.device_id for e in entities if e.device_id and e.unique_id.endswith("-problem")}


def _add_home(add_device: AddDevice, count: int) -> list[dr.DeviceEntry]:
    return [
        add_device("zha", manufacturer="IKEA of Sweden", model=f"Lamp {n}", name=f"Lamp {n}")
        for n in range(count)
    ]


@pytest.mark.usefixtures("small_limit")
async def test_past_the_limit_summaries_stay_and_the_owner_is_told(
    hass: HomeAssistant, add_device: AddDevice, config_entry: MockConfigEntry
) -> None:
    devices = _add_home(add_device, 5)
    config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()

    first = _devices_with_entities(hass, config_entry)
    assert len(first) == LIMIT
    assert hass.states.get("sensor.device_security_devices_monitored").state == "5"
    assert hass.states.get("calendar.device_security_security_support_ending_today") is not None
    issue = ir.async_get(hass).async_get_issue(DOMAIN, ISSUE_TOO_MANY_DEVICES)
    assert issue is not None
    assert issue.translation_placeholders == {"devices": "5", "limit": "3"}

    # A device with entities leaves: a waiting one takes its place, the others keep theirs.
    gone = next(d for d in devices if d.id in first)
    dr.async_get(hass).async_remove_device(gone.id)
    await _settle(hass)
    second = _devices_with_entities(hass, config_entry)
    assert len(second) == LIMIT
    assert first - {gone.id} <= second

    # Within the limit again: the notice goes.
    for device in devices:
        if device.id != gone.id and device.id not in second:
            dr.async_get(hass).async_remove_device(device.id)
    await _settle(hass)
    assert ir.async_get(hass).async_get_issue(DOMAIN, ISSUE_TOO_MANY_DEVICES) is None


@pytest.mark.usefixtures("small_limit")
async def test_a_large_home_is_offered_no_per_device_entities_up_front(
    hass: HomeAssistant, add_device: AddDevice
) -> None:
    _add_home(add_device, 4)
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["description_placeholders"] == {"devices": "4", "limit": "3"}
    defaults = {str(key): key.default() for key in result["data_schema"].schema}
    assert defaults == {CONF_PER_DEVICE_ENTITIES: False}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_PER_DEVICE_ENTITIES: False}
    )
    await hass.async_block_till_done()
    entry = result["result"]
    assert _devices_with_entities(hass, entry) == set()
    assert ir.async_get(hass).async_get_issue(DOMAIN, ISSUE_TOO_MANY_DEVICES) is None


async def test_entities_are_added_in_batches(
    hass: HomeAssistant,
    add_device: AddDevice,
    config_entry: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(entity, "ENTITY_BATCH", 2)
    _add_home(add_device, 7)
    config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    assert len(_devices_with_entities(hass, config_entry)) == 7


async def test_only_the_changed_device_is_written_and_our_own_device_is_ignored(
    hass: HomeAssistant, add_device: AddDevice, setup_integration: MockConfigEntry
) -> None:
    devices = _add_home(add_device, 3)
    await _settle(hass)
    coordinator: DeviceSecurityCoordinator = setup_integration.runtime_data
    written: list[str] = []
    for device in devices:
        coordinator.async_add_device_listener(device.id, lambda key=device.id: written.append(key))
    refreshes: list[object] = []
    coordinator.async_add_listener(lambda: refreshes.append(None))

    registry = dr.async_get(hass)
    registry.async_update_device(devices[1].id, sw_version="2.0")
    await _settle(hass)
    assert written == [devices[1].id]
    assert len(refreshes) == 1

    # Renaming our own service device re-assesses nothing.
    entry_id = setup_integration.entry_id
    ours = registry.async_get_device_by_identifier((DOMAIN, entry_id), entry_id)
    assert ours is not None
    registry.async_update_device(ours.id, name_by_user="Security")
    await _settle(hass)
    assert len(refreshes) == 1
