"""The card and panel bundle: current with its sources, served, loaded, and its panel added."""

from hashlib import sha256
from pathlib import Path
import re

import pytest
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.device_security import frontend_panel
from homeassistant.components.frontend import DATA_EXTRA_MODULE_URL, DATA_PANELS
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component

REPO = Path(__file__).parent.parent
SOURCES = REPO / "frontend" / "src"
HEADER = re.compile(
    rb"^/\*! Device Security card and panel\. .*source-sha256: ([0-9a-f]{64}) \*/\n"
)


def source_hash(folder: Path) -> str:
    """Hash the sources as frontend/build.mjs does: by path, each path, NUL, content, NUL."""
    digest = sha256()
    files = sorted(
        (path.relative_to(folder).as_posix(), path) for path in folder.rglob("*") if path.is_file()
    )
    for name, path in files:
        digest.update(name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def test_bundle_is_built_from_the_current_sources() -> None:
    """The shipped bundle is not older than frontend/src (rebuild: `scripts/frontend --build`)."""
    bundle = frontend_panel.BUNDLE_PATH.read_bytes()
    header = HEADER.match(bundle)
    assert header, "the bundle has no source hash header; run scripts/frontend --build"
    assert header.group(1).decode() == source_hash(SOURCES), (
        "custom_components/device_security/frontend/device-security.js is older than "
        "frontend/src; run scripts/frontend --build"
    )


def test_source_hash_changes_with_any_source(tmp_path: Path) -> None:
    """A changed, added or renamed source file changes the hash."""
    (tmp_path / "a.ts").write_text("one")
    first = source_hash(tmp_path)
    (tmp_path / "a.ts").write_text("two")
    second = source_hash(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.json").write_text("{}")
    third = source_hash(tmp_path)
    (tmp_path / "a.ts").rename(tmp_path / "c.ts")
    assert len({first, second, third, source_hash(tmp_path)}) == 4


def test_bundle_is_one_minified_module_defining_the_elements() -> None:
    """One file, minified, defining the card, its editor and the panel."""
    bundle = frontend_panel.BUNDLE_PATH.read_text(encoding="utf-8")
    code = bundle.split("\n")[1]  # the header comment, then the code on one line
    assert len(code) > 0.9 * (len(bundle) - bundle.rfind("/*", 1))  # legal notices at the end
    for name in ("device-security-card", "device-security-card-editor", "device-security-panel"):
        assert f'"{name}"' in bundle
    assert "customCards" in bundle
    assert list(frontend_panel.BUNDLE_PATH.parent.iterdir()) == [frontend_panel.BUNDLE_PATH]


@pytest.fixture
async def http(hass: HomeAssistant) -> None:
    """Home Assistant's web server and frontend, as a running instance has them."""
    assert await async_setup_component(hass, "http", {})
    assert await async_setup_component(hass, "frontend", {})
    await hass.async_block_till_done()


@pytest.mark.usefixtures("http")
async def test_register_serves_the_bundle_and_adds_the_panel(
    hass: HomeAssistant, hass_client: ClientSessionGenerator
) -> None:
    """The bundle is served and loaded on every page, and the panel is in the sidebar."""
    await frontend_panel.async_register_frontend(hass, panel=True)

    version = sha256(frontend_panel.BUNDLE_PATH.read_bytes()).hexdigest()[:16]
    url = f"/device_security/device-security.js?v={version}"
    assert url in hass.data[DATA_EXTRA_MODULE_URL].urls
    client = await hass_client()
    response = await client.get(url)
    assert response.status == 200
    assert response.content_type in {"text/javascript", "application/javascript"}
    assert await response.read() == frontend_panel.BUNDLE_PATH.read_bytes()

    panel = hass.data["frontend_panels"]["device-security"].to_response()
    assert panel["title"] == "Device Security"
    assert panel["icon"] == "mdi:shield-check"
    assert panel["require_admin"] is False
    assert panel["config"]["_panel_custom"] == {
        "name": "device-security-panel",
        "embed_iframe": False,
        "trust_external": False,
        "handle_safe_area": False,
        "module_url": url,
    }


@pytest.mark.usefixtures("http")
async def test_register_again_and_unregister(hass: HomeAssistant) -> None:
    """A reload serves nothing twice; unloading takes the panel out, and only the panel."""
    await frontend_panel.async_register_frontend(hass, panel=True)
    urls = hass.data[DATA_EXTRA_MODULE_URL].urls
    await frontend_panel.async_register_frontend(hass, panel=True)  # already served, already there
    assert hass.data[DATA_EXTRA_MODULE_URL].urls == urls

    await frontend_panel.async_unregister_frontend(hass)
    assert "device-security" not in hass.data[DATA_PANELS]
    assert hass.data[DATA_EXTRA_MODULE_URL].urls == urls  # the card stays
    await frontend_panel.async_unregister_frontend(hass)  # nothing left to remove: no error

    await frontend_panel.async_register_frontend(hass, panel=False)  # turned off in the options
    assert "device-security" not in hass.data[DATA_PANELS]
    await frontend_panel.async_register_frontend(hass, panel=True)
    assert "device-security" in hass.data[DATA_PANELS]


@pytest.mark.usefixtures("http")
async def test_without_the_panel_the_card_is_still_served(
    hass: HomeAssistant, hass_client: ClientSessionGenerator
) -> None:
    """The panel turned off: no sidebar entry, the card still works."""
    await frontend_panel.async_register_frontend(hass, panel=False)
    assert "device-security" not in hass.data.get(DATA_PANELS, {})
    client = await hass_client()
    response = await client.get("/device_security/device-security.js")
    assert response.status == 200


@pytest.mark.usefixtures("http")
async def test_missing_bundle_is_logged_and_skipped(
    hass: HomeAssistant,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A broken install logs why, and set-up goes on without the card and panel."""
    monkeypatch.setattr(frontend_panel, "BUNDLE_PATH", tmp_path / "missing.js")
    await frontend_panel.async_register_frontend(hass, panel=True)
    assert "The card and panel are missing" in caplog.text
    assert "device-security" not in hass.data.get(DATA_PANELS, {})
    assert not any("device_security" in url for url in hass.data[DATA_EXTRA_MODULE_URL].urls)
