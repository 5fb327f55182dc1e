"""Help identify this device: the link carries what names a model, and nothing of the owner."""

from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import yaml

from custom_components.device_security.const import DOMAIN
from custom_components.device_security.core.device_record import DeviceRecord
from custom_components.device_security.core.help_identify import (
    FIELDS,
    MAX_FIELD,
    REPOSITORY_URL,
    TEMPLATE,
    help_identify_url,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er

from .conftest import AddDevice

ROOT = Path(__file__).parent.parent


def _query(url: str) -> dict[str, str]:
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPOSITORY_URL}/issues/new"
    return dict(parse_qsl(parts.query))


def test_the_link_carries_only_the_model_strings() -> None:
    record = DeviceRecord(
        key="k",
        device_ids=("k",),
        name="Anna's bedroom plug",
        manufacturer="Ünïcode GmbH & Co",
        model="Plug " + "x" * 500,
        model_id=None,
        sw_version="1.0.3",
        serial_number="SN123456789",
        macs=("aabbccddeeff",),
        integrations=("tuya", "zha"),
        hosts=("192.168.1.20",),
    )
    query = _query(help_identify_url(record))
    assert query == {
        "template": TEMPLATE,
        "integration": "tuya,zha",
        "manufacturer": "Ünïcode GmbH & Co",
        "model": ("Plug " + "x" * 500)[:MAX_FIELD],
        "sw_version": "1.0.3",
    }


def test_the_issue_form_has_a_field_for_each_string() -> None:
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE" / TEMPLATE).read_text("utf-8"))
    ids = {item.get("id") for item in form["body"]}
    assert set(FIELDS) <= ids
    assert not {"name", "serial_number", "mac", "host"} & ids


@pytest.mark.usefixtures("setup_integration")
async def test_unidentified_devices_link_to_the_form(
    hass: HomeAssistant, add_device: AddDevice, setup_integration: MockConfigEntry
) -> None:
    mystery = add_device("mqtt", manufacturer="Nobody Knows Ltd", model="X1", name="Mystery")
    twin = add_device("mqtt", manufacturer="Nobody Knows Ltd", model="X1", name="Twin")
    known = add_device("hue", manufacturer="Signify Netherlands B.V.", model_id="BSB002")
    await hass.services.async_call(DOMAIN, "scan", blocking=True)
    await hass.async_block_till_done()

    def support_end(device: dr.DeviceEntry) -> dict[str, object]:
        (entity,) = [
            e
            for e in er.async_entries_for_device(er.async_get(hass), device.id)
            if e.unique_id.endswith("-support_end")
        ]
        state = hass.states.get(entity.entity_id)
        assert state is not None
        return dict(state.attributes)

    link = support_end(mystery)["help_identify"]
    assert isinstance(link, str)
    assert _query(link)["model"] == "X1"
    assert "Mystery" not in link
    assert "help_identify" not in support_end(known)

    report = await hass.services.async_call(
        DOMAIN, "get_report", blocking=True, return_response=True
    )
    assert report is not None
    # One entry per model, however many devices share it.
    assert report["unidentified"] == [
        {
            "integration": "mqtt",
            "manufacturer": "Nobody Knows Ltd",
            "model": "X1",
            "help_identify": link,
        }
    ]
    by_id = {device["device_id"]: device for device in report["devices"]}  # type: ignore[union-attr,index]
    assert by_id[twin.id]["help_identify"] == link
    assert by_id[known.id]["help_identify"] is None
