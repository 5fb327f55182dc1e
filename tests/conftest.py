"""Fixtures: a real Home Assistant with the integration set up through its config entry."""

from collections.abc import Callable

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

# Imported before the hass fixture runs, so that our custom_components package is the one
# Home Assistant finds, not the test plugin's own.
from custom_components.device_security.const import (
    CONF_ENDING_SOON_DAYS,
    DEFAULT_ENDING_SOON_DAYS,
    DOMAIN,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr


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
