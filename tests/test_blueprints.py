"""The blueprints run in a real Home Assistant, on the integration's real sensors and events."""

from datetime import datetime, timedelta
from pathlib import Path
import shutil

from freezegun.api import FrozenDateTimeFactory
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)

from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util

from .conftest import AddDevice

BLUEPRINTS = Path(__file__).parent.parent / "blueprints" / "automation" / "device_security"
ALERT = "test_blueprint_alert"


async def _automation(hass: HomeAssistant, blueprint: str, inputs: dict[str, object]) -> None:
    """Install the blueprint where Home Assistant looks for it, and use it."""
    target = Path(hass.config.path("blueprints", "automation", "device_security"))
    await hass.async_add_executor_job(lambda: target.mkdir(parents=True, exist_ok=True))
    await hass.async_add_executor_job(shutil.copy, BLUEPRINTS / blueprint, target / blueprint)
    actions = [{"event": ALERT, "event_data": {"text": inputs.pop("say")}}]
    assert await async_setup_component(
        hass,
        "automation",
        {
            "automation": {
                "use_blueprint": {
                    "path": f"device_security/{blueprint}",
                    "input": {**inputs, "actions": actions},
                }
            }
        },
    )
    await hass.async_block_till_done()


async def _set_up(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


async def test_an_exploited_vulnerability_alerts_once_with_its_cves(
    hass: HomeAssistant, add_device: AddDevice, config_entry: MockConfigEntry
) -> None:
    await _automation(
        hass,
        "known_exploited.yaml",
        {"say": "{{ device_name }}: {{ cves }} ({{ severity }})", "include_os": True},
    )
    alerts = async_capture_events(hass, ALERT)
    await _set_up(hass, config_entry)
    add_device("reolink", manufacturer="Reolink", model="RLC-410W", name="Drive camera")
    add_device("mobile_app", manufacturer="Google", model="Pixel 7", sw_version="13", name="Old")
    add_device("hue", manufacturer="Signify Netherlands B.V.", model_id="RWL021", name="Dimmer")
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=5))
    await hass.async_block_till_done()
    texts = sorted(event.data["text"] for event in alerts)
    assert len(texts) == 2, texts
    assert texts[0].startswith("Drive camera: CVE-")
    assert "CVE-2021-40407" in texts[0].split()
    assert texts[0].endswith("(high)")
    assert texts[1] == "Old:  (high)"  # Android 13: no CVE, its line has ended

    alerts.clear()
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(days=1, seconds=5))
    await hass.async_block_till_done()
    assert alerts == []  # a finding that stays is not news


async def test_support_ending_alerts_on_the_chosen_day(
    hass: HomeAssistant,
    add_device: AddDevice,
    config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    # Google Pixel 7's updates are guaranteed until 2027-10: be 90 days before, at 08:59.
    add_device("mobile_app", manufacturer="Google", model="Pixel 7", name="Phone")
    await _set_up(hass, config_entry)
    ends = hass.states.get("sensor.phone_security_support_ends")
    assert ends is not None
    end = datetime.fromisoformat(ends.state).replace(tzinfo=dt_util.get_default_time_zone())
    freezer.move_to(end - timedelta(days=90) + timedelta(hours=8, minutes=59))
    await _automation(
        hass,
        "support_ending.yaml",
        {"say": "{{ device_name }} {{ support_end }} {{ days_left }}", "days_before": 90},
    )
    alerts = async_capture_events(hass, ALERT)
    freezer.tick(timedelta(minutes=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert [event.data["text"] for event in alerts] == [f"Phone {ends.state} 90"]
    # Its daily time trigger goes with it, not with the test's end.
    await hass.services.async_call("automation", "turn_off", {"entity_id": "all"}, blocking=True)
