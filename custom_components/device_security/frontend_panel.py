"""The card and the report panel: serve their bundle, load it on every page, add the panel.

The bundle (`frontend/device-security.js`, built from the repository's `frontend/` sources)
defines the `custom:device-security-card` dashboard card and the `device-security-panel`
element. Home Assistant serves it once per run and adds it to every page, so the card needs
no dashboard resource; the sidebar panel is registered while an entry is loaded with the
panel turned on in the options.
"""

from hashlib import sha256
from pathlib import Path
from typing import Final

from homeassistant.components import frontend, panel_custom
from homeassistant.components.http.server import StaticPathConfig
from homeassistant.core import HomeAssistant
from homeassistant.util.hass_dict import HassKey

from .const import DOMAIN, LOGGER

BUNDLE_PATH: Final = Path(__file__).parent / "frontend" / "device-security.js"
BUNDLE_URL: Final = f"/{DOMAIN}/device-security.js"
PANEL_URL_PATH: Final = "device-security"
PANEL_ELEMENT: Final = "device-security-panel"
PANEL_TITLE: Final = "Device Security"
PANEL_ICON: Final = "mdi:shield-check"

# The bundle's URL with its cache buster, once it is served in this run of Home Assistant.
DATA_BUNDLE_URL: HassKey[str] = HassKey(f"{DOMAIN}_bundle_url")


def _bundle_version() -> str:
    """A digest of the bundle: a new build gets a new URL, past any browser cache."""
    return sha256(BUNDLE_PATH.read_bytes()).hexdigest()[:16]


async def _async_serve_bundle(hass: HomeAssistant) -> str | None:
    """Serve the bundle and load it on every page, once per run; return its URL."""
    if (url := hass.data.get(DATA_BUNDLE_URL)) is not None:
        return url
    try:
        version = await hass.async_add_executor_job(_bundle_version)
    except OSError as err:
        LOGGER.warning("The card and panel are missing (%s); reinstall Device Security", err)
        return None
    await hass.http.async_register_static_paths(
        [StaticPathConfig(BUNDLE_URL, str(BUNDLE_PATH), cache_headers=True)]
    )
    url = hass.data[DATA_BUNDLE_URL] = f"{BUNDLE_URL}?v={version}"
    frontend.add_extra_js_url(hass, url)
    return url


async def async_register_frontend(hass: HomeAssistant, *, panel: bool) -> None:
    """Serve the card and panel, and add the sidebar panel if the owner wants it."""
    url = await _async_serve_bundle(hass)
    if url is None or not panel or frontend.async_panel_exists(hass, PANEL_URL_PATH):
        return
    await panel_custom.async_register_panel(
        hass,
        frontend_url_path=PANEL_URL_PATH,
        webcomponent_name=PANEL_ELEMENT,
        sidebar_title=PANEL_TITLE,
        sidebar_icon=PANEL_ICON,
        module_url=url,
        require_admin=False,
    )


async def async_unregister_frontend(hass: HomeAssistant) -> None:
    """Take the panel out of the sidebar; the card stays served until Home Assistant stops."""
    frontend.async_remove_panel(hass, PANEL_URL_PATH, warn_if_unknown=False)
