"""Fixtures: a real Home Assistant with the integration set up through its config entry."""

from collections.abc import Callable
import json
from typing import Any

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

# Imported before the hass fixture runs, so that our custom_components package is the one
# Home Assistant finds, not the test plugin's own.
from custom_components.device_security.const import (
    CONF_ENDING_SOON_DAYS,
    DEFAULT_ENDING_SOON_DAYS,
    DOMAIN,
)
from homeassistant.core import Event, HomeAssistant
from homeassistant.helpers import device_registry as dr, issue_registry as ir


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Let Home Assistant load the integration from custom_components."""


@pytest.fixture
def config_entry() -> MockConfigEntry:
    """Return the integration's config entry, not yet added."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Device Security",
        unique_id=DOMAIN,
        options={CONF_ENDING_SOON_DAYS: DEFAULT_ENDING_SOON_DAYS},
    )


type AddDevice = Callable[..., dr.DeviceEntry]


@pytest.fixture
def add_device(hass: HomeAssistant) -> AddDevice:
    """Return a function adding a device to the real registry, as another integration would."""
    counter = iter(range(1_000_000))

    def _add(domain: str = "hue", title: str | None = None, **kwargs: object) -> dr.DeviceEntry:
        entry = MockConfigEntry(domain=domain, title=domain if title is None else title)
        entry.add_to_hass(hass)
        kwargs.setdefault("identifiers", {(domain, f"device-{next(counter)}")})
        return dr.async_get(hass).async_get_or_create(config_entry_id=entry.entry_id, **kwargs)  # type: ignore[arg-type]

    return _add


@pytest.fixture
async def setup_integration(hass: HomeAssistant, config_entry: MockConfigEntry) -> MockConfigEntry:
    """Set the integration up through its config entry."""
    config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    return config_entry


async def everything_shown(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    entry: MockConfigEntry,
    log: str,
    events: list[Event[Any]],
) -> str:
    """All that anyone can see: logs, states, repairs, diagnostics, the report, events."""
    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, entry)
    report = await hass.services.async_call(
        DOMAIN, "get_report", blocking=True, return_response=True
    )
    return "\n".join(
        [
            log,
            json.dumps([state.as_dict() for state in hass.states.async_all()], default=str),
            json.dumps([i.to_json() for i in ir.async_get(hass).issues.values()], default=str),
            json.dumps(diagnostics),
            json.dumps(report),
            repr(events),
        ]
    )
