"""The optional daily refresh, against a real HTTP server on loopback.

The server stands in for endoflife.date and for the project's published data file; the
integration reaches it through Home Assistant's shared aiohttp session.
"""

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
import json
import logging
from typing import Any

from aiohttp import web
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed

from custom_components.device_security import data_source
from custom_components.device_security.const import (
    CONF_DATA_URL,
    CONF_ENDING_SOON_DAYS,
    CONF_ONLINE_REFRESH,
    DOMAIN,
)
from custom_components.device_security.coordinator import DeviceSecurityCoordinator
from custom_components.device_security.core.database import endoflife
from custom_components.device_security.core.database.loader import BUNDLED
from custom_components.device_security.core.database.refresh import FetchLimits
from custom_components.device_security.data_source import ISSUE_REFRESH_FAILING
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util

PROJECT_PATH = "/project/database.json"
KEV_PATH = "/kev/known_exploited_vulnerabilities.json"
NEW_CVE = "CVE-2099-40407"


def _kev_feed() -> bytes:
    """CISA's feed with one entry the bundled data does not have, for a mapped product."""
    entry = {
        "cveID": NEW_CVE,
        "vendorProject": "Reolink",
        "product": "RLC-410W IP Camera",
        "vulnerabilityName": "Reolink RLC-410W Test Vulnerability",
        "dateAdded": "2099-01-01",
        "shortDescription": "A vulnerability for the test.",
        "requiredAction": "Apply mitigations per vendor instructions.",
        "dueDate": "2099-01-22",
        "knownRansomwareCampaignUse": "Known",
        "notes": "",
        "cwes": [],
    }
    other = {**entry, "cveID": "CVE-2099-00001", "vendorProject": "Acme", "product": "Anvil"}
    return json.dumps({"catalogVersion": "2099.01.01", "vulnerabilities": [entry, other]}).encode()


def _project_document(generated: str) -> bytes:
    """The bundled database, re-dated, with one product added that only it has."""
    document = json.loads(BUNDLED.read_bytes())
    document["generated"] = generated
    signify = next(m for m in document["manufacturers"] if m["id"] == "signify")
    signify["products"].append(
        {
            "name": "Hue Bridge Test Edition",
            "category": "hub",
            "model_ids": ["BSBTEST"],
            "support": "date",
            "support_end": "2031-01-01",
            "sources": [{"url": "https://example.org/hue", "read": "2026-11-01"}],
        }
    )
    return json.dumps(document).encode()


def _endoflife_answer(slug: str) -> bytes:
    releases = [
        {
            "name": f"test-{slug}",
            "label": f"Refreshed {slug}",
            "releaseDate": "2026-01-01",
            "isEol": False,
            "eolFrom": "2033-01-01",
            "isDiscontinued": False,
            "discontinuedFrom": None,
            "isMaintained": True,
            "latest": None,
        }
    ]
    envelope = {
        "schema_version": "1.2.0",
        "generated_at": "2026-11-22T00:00:00Z",
        "last_modified": "2026-11-21T00:00:00Z",
        "result": {"name": slug, "releases": releases},
    }
    return json.dumps(envelope).encode()


async def _slow(request: web.Request) -> web.StreamResponse:
    await asyncio.sleep(1)
    return web.json_response({})


async def _streamed_huge(request: web.Request) -> web.StreamResponse:
    response = web.StreamResponse()
    response.enable_chunked_encoding()
    await response.prepare(request)
    for _ in range(10):
        await response.write(b"x" * 1000)
    await response.write_eof()
    return response


async def _answer(response: web.Response) -> web.Response:
    return response


# The ways an outside source fails, by the name a test gives them.
FAILURES = {
    "error": lambda _: _answer(web.Response(status=500, text="internal error")),
    "slow": _slow,
    "garbage": lambda _: _answer(web.Response(body=b"<html>not json", content_type="text/html")),
    "invalid": lambda _: _answer(
        web.json_response({"schema_version": 1, "generated": "soon", "result": 3})
    ),
    "empty": lambda _: _answer(web.json_response({"result": {"name": "x", "releases": []}})),
    "huge_declared": lambda _: _answer(web.Response(body=b"x" * 5000)),
    "huge_streamed": _streamed_huge,
}


@dataclass
class DataServer:
    """What the loopback server answers, and what it was asked."""

    base: str = ""
    mode: str = "ok"
    project: bytes = field(default_factory=lambda: _project_document("2099-01-01"))
    requests: list[tuple[str, str | None]] = field(default_factory=list)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        self.requests.append((request.path, request.headers.get("If-None-Match")))
        if request.path == PROJECT_PATH:
            body = self.project
        elif request.path == KEV_PATH:
            body = _kev_feed()
        else:
            body = _endoflife_answer(request.path.rsplit("/", 1)[-1])
        if self.mode == "redirect":
            raise web.HTTPFound(location="http://203.0.113.7/elsewhere.json")
        if self.mode == "deep":
            return web.Response(body=b"[" * 100_000, content_type="application/json")
        if self.mode == "utf16":
            return web.Response(body=body.decode().encode("utf-16"), content_type="text/plain")
        etag = f'"{len(body)}"'
        if failure := FAILURES.get(self.mode):
            return await failure(request)
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304)
        return web.Response(body=body, content_type="application/json", headers={"ETag": etag})


@pytest.fixture
async def data_server(
    monkeypatch: pytest.MonkeyPatch, socket_enabled: None
) -> AsyncIterator[DataServer]:
    """Serve on loopback; the test plugin still refuses any other address."""
    server = DataServer()
    app = web.Application()
    app.router.add_get("/{tail:.*}", server.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    server.base = f"http://127.0.0.1:{port}"
    monkeypatch.setattr(endoflife, "API_URL", server.base + "/api/v1/products/{slug}")
    monkeypatch.setattr(data_source, "KEV_FEED_URL", server.base + KEV_PATH)
    yield server
    await runner.cleanup()


@pytest.fixture
def refresh_entry(data_server: DataServer) -> MockConfigEntry:
    return MockConfigEntry(
        domain=DOMAIN,
        unique_id=DOMAIN,
        options={
            CONF_ENDING_SOON_DAYS: 180,
            CONF_ONLINE_REFRESH: True,
            CONF_DATA_URL: data_server.base + PROJECT_PATH,
        },
    )


async def _set_up(hass: HomeAssistant, entry: MockConfigEntry) -> DeviceSecurityCoordinator:
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    coordinator: DeviceSecurityCoordinator = entry.runtime_data
    coordinator.source.limits = FetchLimits(seconds=0.3, max_bytes=4_000_000)
    return coordinator


def _names(coordinator: DeviceSecurityCoordinator) -> set[str]:
    return {product.name for product in coordinator.source.database.products}


async def test_refresh_is_off_unless_the_owner_turns_it_on(
    hass: HomeAssistant, data_server: DataServer, setup_integration: MockConfigEntry
) -> None:
    coordinator: DeviceSecurityCoordinator = setup_integration.runtime_data
    assert await coordinator.source.async_refresh() is False
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(days=2))
    await hass.async_block_till_done()
    assert data_server.requests == []


async def test_refresh_applies_newer_data_then_asks_conditionally(
    hass: HomeAssistant, data_server: DataServer, refresh_entry: MockConfigEntry
) -> None:
    coordinator = await _set_up(hass, refresh_entry)
    names = _names(coordinator)
    assert "Hue Bridge Test Edition" in names
    assert "Refreshed Pixel pixel" not in names  # the prefix is added only where missing
    assert "Pixel Refreshed pixel" in names
    assert str(coordinator.source.database.generated) == "2099-01-01"
    match = coordinator.source.database.matcher.match("Signify Netherlands B.V.", None, "BSBTEST")
    assert match.product is not None
    assert match.product.name == "Hue Bridge Test Edition"

    data_server.requests.clear()
    assert await coordinator.source.async_refresh() is False
    assert data_server.requests
    assert all(etag is not None for _, etag in data_server.requests)


async def test_an_older_project_file_does_not_replace_the_bundled_data(
    hass: HomeAssistant, data_server: DataServer, refresh_entry: MockConfigEntry
) -> None:
    data_server.project = _project_document("2000-01-01")
    coordinator = await _set_up(hass, refresh_entry)
    assert "Hue Bridge Test Edition" not in _names(coordinator)
    assert "Pixel Refreshed pixel" in _names(coordinator)


async def test_refreshed_data_survives_a_restart_without_network(
    hass: HomeAssistant, data_server: DataServer, refresh_entry: MockConfigEntry
) -> None:
    coordinator = await _set_up(hass, refresh_entry)
    assert "Hue Bridge Test Edition" in _names(coordinator)
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=30))  # cache saved
    await hass.async_block_till_done()

    data_server.mode = "error"
    assert await hass.config_entries.async_reload(refresh_entry.entry_id)
    await hass.async_block_till_done()
    coordinator = refresh_entry.runtime_data
    assert {"Hue Bridge Test Edition", "Pixel Refreshed pixel"} <= _names(coordinator)


@pytest.mark.parametrize(
    "mode",
    [
        "error", "slow", "garbage", "invalid", "empty", "huge_declared", "huge_streamed",
        # Regressions: these escaped the refresh's own error handling, or were followed.
        "redirect", "deep", "utf16",
    ],
)  # fmt: skip
async def test_a_failing_source_keeps_the_last_good_data(
    hass: HomeAssistant,
    data_server: DataServer,
    refresh_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
    mode: str,
) -> None:
    coordinator = await _set_up(hass, refresh_entry)
    coordinator.source.limits = FetchLimits(seconds=0.3, max_bytes=4_000)
    good = coordinator.source.database
    data_server.mode = mode
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        assert await coordinator.source.async_refresh() is False
    assert coordinator.source.database is good
    assert coordinator.source.failures == 1
    assert caplog.text.count("Could not refresh support data") == 1
    assert ir.async_get(hass).async_get_issue(DOMAIN, ISSUE_REFRESH_FAILING) is None


async def test_repeated_failures_raise_a_repair_that_success_clears(
    hass: HomeAssistant,
    data_server: DataServer,
    refresh_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    data_server.mode = "error"
    coordinator = await _set_up(hass, refresh_entry)  # the first failure
    await coordinator.async_refresh_database()
    assert ir.async_get(hass).async_get_issue(DOMAIN, ISSUE_REFRESH_FAILING) is None
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(days=1, seconds=1))
    await hass.async_block_till_done(wait_background_tasks=True)  # the daily timer: third
    issue = ir.async_get(hass).async_get_issue(DOMAIN, ISSUE_REFRESH_FAILING)
    assert issue is not None
    assert issue.translation_placeholders is not None
    assert issue.translation_placeholders["failures"] == "3"
    assert caplog.text.count("Could not refresh support data") == 1

    data_server.mode = "ok"
    await coordinator.async_refresh_database()
    assert ir.async_get(hass).async_get_issue(DOMAIN, ISSUE_REFRESH_FAILING) is None
    assert "Support data refresh works again" in caplog.text
    assert coordinator.source.failures == 0


async def test_a_corrupt_cache_is_ignored(
    hass: HomeAssistant,
    hass_storage: dict,
    data_server: DataServer,
    setup_integration: MockConfigEntry,
) -> None:
    hass_storage[f"{DOMAIN}.data_cache"] = {
        "version": 1,
        "key": f"{DOMAIN}.data_cache",
        "data": {
            "project": {"body": "{not json"},
            "endoflife": {"pixel": {"records": [{"name": 3}]}, "unknown-slug": {}},
        },
    }
    assert await hass.config_entries.async_reload(setup_integration.entry_id)
    await hass.async_block_till_done()
    coordinator: DeviceSecurityCoordinator = setup_integration.runtime_data
    assert any(p.name.startswith("Pixel ") for p in coordinator.source.database.products)


async def test_a_new_exploited_vulnerability_reaches_the_devices_within_a_refresh(
    hass: HomeAssistant, data_server: DataServer, refresh_entry: MockConfigEntry, add_device: Any
) -> None:
    camera = add_device(
        "reolink", manufacturer="Reolink", model="RLC-410W", sw_version="v3.0.0.136_20121102"
    )
    coordinator = await _set_up(hass, refresh_entry)
    await coordinator.async_refresh()
    finding = next(
        f
        for f in coordinator.data.devices[camera.id].findings
        if f.check == "known_exploited_vulnerability"
    )
    assert NEW_CVE in finding.details["cves"].split()
    assert "CVE-2021-40407" in finding.details["cves"].split()
    assert finding.details["ransomware"] == "yes"
    # Entries for products the mapping does not know are not kept.
    assert all("Acme" not in v.name for v in coordinator.source.vulnerabilities.vulnerabilities)


async def test_the_data_url_is_never_shown(
    hass: HomeAssistant,
    data_server: DataServer,
    refresh_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Regression: the URL, with its access token, reached last_error, Repairs and the log."""
    secret_url = data_server.base + "/missing/data.json?access_token=hunter2-secret"
    refresh_entry = MockConfigEntry(
        domain=DOMAIN,
        unique_id=DOMAIN,
        options={**refresh_entry.options, CONF_DATA_URL: secret_url},
    )
    with caplog.at_level(logging.WARNING):
        coordinator = await _set_up(hass, refresh_entry)
        for _ in range(3):
            await coordinator.async_refresh_database()
    issue = ir.async_get(hass).async_get_issue(DOMAIN, ISSUE_REFRESH_FAILING)
    assert issue is not None
    shown = " ".join(
        [caplog.text, str(coordinator.source.last_error), str(issue.translation_placeholders)]
    )
    assert "hunter2" not in shown
    assert "access_token" not in shown
    assert "http://127.0.0.1/…" in shown
