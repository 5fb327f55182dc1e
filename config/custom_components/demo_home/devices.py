"""The demo devices as devices.json describes them, and the config entries they belong to.

Most devices belong to the main entry. A device whose item names an `entry` belongs to a
config entry of its own: a second integration reporting a device the main entry already
has, or a device whose integration stores credentials (`credentials`, kept in the entry's
data under the username and password keys, as real integrations keep them) or the address
it connects to (`host`).
"""

import json
from pathlib import Path
from typing import NotRequired, TypedDict, cast

from homeassistant.const import CONF_HOST, CONF_PASSWORD, CONF_USERNAME
from homeassistant.core import HomeAssistant
from homeassistant.util import slugify

DOMAIN = "demo_home"
MAIN_ENTRY = DOMAIN  # the unique id of the main entry
MAIN_TITLE = "Demo home"
DEVICES_FILE = Path(__file__).with_name("devices.json")
CONF_TITLE = "title"
CONF_UNIQUE_ID = "unique_id"


class Credentials(TypedDict):
    """A login the device's integration stores."""

    username: str
    password: str


class DemoDevice(TypedDict):
    """One item of devices.json: registry fields, and how the fixture presents them."""

    integration: str  # the integration that really reports these strings
    name: str
    entry: NotRequired[str]  # unique id of the device's own config entry
    credentials: NotRequired[Credentials]
    host: NotRequired[str]  # the address its integration connects to, kept in the entry
    manufacturer: NotRequired[str]
    model: NotRequired[str]
    model_id: NotRequired[str]
    sw_version: NotRequired[str]
    update_to: NotRequired[str]  # the latest firmware: the device gets an update entity
    mac: NotRequired[str]
    serial_number: NotRequired[str]
    suggested_area: NotRequired[str]


async def async_load_devices(hass: HomeAssistant) -> list[DemoDevice]:
    """Read devices.json off the event loop."""
    text = await hass.async_add_executor_job(DEVICES_FILE.read_text, "utf-8")
    return cast("list[DemoDevice]", json.loads(text))


def entry_unique_id(device: DemoDevice) -> str:
    """Return the unique id of the config entry the device is registered under."""
    return device.get("entry", MAIN_ENTRY)


def device_identifier(device: DemoDevice) -> str:
    """Return the device's identifier, stable across starts and unique in its entry."""
    return f"{device['integration']}-{slugify(device['name'])}"


def entry_import_data(devices: list[DemoDevice]) -> list[dict[str, str]]:
    """Return the import data of every config entry the devices need, the main one first."""
    entries: dict[str, dict[str, str]] = {
        MAIN_ENTRY: {CONF_UNIQUE_ID: MAIN_ENTRY, CONF_TITLE: MAIN_TITLE}
    }
    for device in devices:
        unique_id = entry_unique_id(device)
        data = entries.setdefault(
            unique_id, {CONF_UNIQUE_ID: unique_id, CONF_TITLE: f"{MAIN_TITLE}: {unique_id}"}
        )
        if credentials := device.get("credentials"):
            data[CONF_USERNAME] = credentials["username"]
            data[CONF_PASSWORD] = credentials["password"]
        if host := device.get("host"):
            data[CONF_HOST] = host
    return list(entries.values())
