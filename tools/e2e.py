"""The end-to-end check's browser part: what a newcomer sees, in headless Chromium.

scripts/e2e starts the development instance (scripts/develop) from a clean copy of its
configuration, then runs this:

    python -m tools.e2e URL CONFIG_DIR OUT_DIR DEVELOP_PID

It waits for Home Assistant to answer, logs in as the owner through the real login page,
checks that the first screen is the dashboard (no dialog), opens the Device Security
service device's page (the security score sensor) and the Repairs page (our issues, no one
else's, only critical and high ones), the report panel (filter, download, dark theme) and
the card (added through the card picker, light and dark, its first row opening the
device), and saves a screenshot of each in OUT_DIR. Every wait is bounded and
says what it waited for. Driven by Playwright with Debian's Chromium: the browser is never
downloaded.
"""

from collections.abc import Callable
import contextlib
from dataclasses import dataclass
import json
import os
from pathlib import Path
import re
import shutil
import sys
import tempfile
import time
from typing import Any
from urllib.parse import urlsplit
import urllib.request

from playwright.sync_api import ConsoleMessage, Error as PlaywrightError, Page, sync_playwright

from tools.develop_instance import OWNER_LOGIN_FILE, USERNAME

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "custom_components" / "device_security" / "translations" / "en.json"
DOMAIN = "device_security"
# Chromium refuses connections without the background-networking flags in this sandbox.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
START_TIMEOUT = 240.0  # Home Assistant answering, from a cold start
READY_TIMEOUT = 120.0  # the demo home assessed, its Repairs issues raised
PAGE_TIMEOUT = 30.0  # one page showing what it should
HTTP_DIALOG = "Confirm new HTTP server configuration"
DIALOG_GRACE_MS = 2000
DASHBOARD_PATHS = ("/home/", "/lovelace/")
CARD = "custom:device-security-card"
E2E_DASHBOARD = "security-check"
PANEL = "device-security"


class CheckFailedError(Exception):
    """What the user would see is not what the check expects."""


@dataclass(frozen=True)
class Target:
    """The instance under test and where the evidence goes."""

    url: str
    config_dir: Path
    out_dir: Path
    develop_pid: int


def _log(message: str) -> None:
    print(f"e2e: {message}", flush=True)


def _wait[T](what: str, timeout: float, probe: Callable[[], T | None], interval: float = 1) -> T:
    """Return probe()'s first non-None answer; fail after timeout seconds, saying what."""
    deadline = time.monotonic() + timeout
    while True:
        if (answer := probe()) is not None:
            return answer
        if time.monotonic() > deadline:
            msg = f"gave up after {timeout:.0f} s waiting for {what}"
            raise CheckFailedError(msg)
        time.sleep(interval)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_for_http(target: Target) -> None:
    """Wait until Home Assistant serves its frontend, or scripts/develop has exited."""

    def probe() -> bool | None:
        if not _process_alive(target.develop_pid):
            msg = "scripts/develop exited before Home Assistant answered"
            raise CheckFailedError(msg)
        try:
            with urllib.request.urlopen(f"{target.url}/manifest.json", timeout=5) as answer:  # noqa: S310
                return True if answer.status == 200 else None  # noqa: PLR2004
        except OSError:  # refused, reset, or an HTTP error (URLError)
            return None

    _wait(f"Home Assistant to answer on {target.url}", START_TIMEOUT, probe)


def _call_ws(page: Page, message: dict[str, Any]) -> Any:
    """Send one websocket command through the frontend's own authenticated connection."""
    return page.evaluate(
        "message => document.querySelector('home-assistant').hass.callWS(message)", message
    )


def log_in(page: Page, target: Target) -> None:
    """Log in as the owner through the login page, as a person would."""
    password = (target.config_dir / OWNER_LOGIN_FILE).read_text(encoding="utf-8").strip()
    page.goto(target.url)
    page.wait_for_url("**/auth/authorize**")
    page.locator("input[name='username']").fill(USERNAME)
    page.locator("input[name='password']").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/auth/" not in url)
    page.wait_for_function(
        "() => document.querySelector('home-assistant')?.hass?.connected === true"
    )


def check_dashboard(page: Page, target: Target) -> None:
    """The first screen is the dashboard, without a dialog in front of it."""
    # The default dashboard: Overview (/home/overview since 2026.10; /lovelace before).
    page.wait_for_url(lambda url: urlsplit(url).path.startswith(DASHBOARD_PATHS))
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(DIALOG_GRACE_MS)  # a dialog opens once the connection is up
    if page.get_by_text(HTTP_DIALOG).count():
        msg = f"the first screen shows the dialog {HTTP_DIALOG!r}"
        raise CheckFailedError(msg)
    page.screenshot(path=target.out_dir / "dashboard.png")
    _log(f"dashboard shown at {page.url}")


def _service_device_id(page: Page) -> str | None:
    devices = _call_ws(page, {"type": "config/device_registry/list"})
    for device in devices:
        if device.get("entry_type") == "service" and any(
            domain == DOMAIN for domain, _ in device["identifiers"]
        ):
            return str(device["id"])
    return None


def check_device_page(page: Page, target: Target) -> None:
    """The Device Security service device's page shows the security score sensor."""
    device_id = _wait(
        "the Device Security service device", READY_TIMEOUT, lambda: _service_device_id(page)
    )
    _wait("the security score", READY_TIMEOUT, lambda: _score(page, device_id), interval=0.5)
    page.goto(f"{target.url}/config/devices/device/{device_id}")
    # The sensor's entity row: its name, and its value as a percentage (which changes as
    # the demo LAN shows up).
    name = page.get_by_text("Security score", exact=True)
    row = page.locator("hui-generic-entity-row").filter(has=name).first
    row.wait_for(state="visible")
    # The value is the row's own (slotted) text; the name is in its shadow root.
    value = _wait(
        "the security score's value on the page",
        PAGE_TIMEOUT,
        lambda: _percentage(row.evaluate("row => row.textContent")),
        interval=0.5,
    )
    shown = f"Security score {value}"
    page.wait_for_load_state("networkidle")
    page.screenshot(path=target.out_dir / "device.png", full_page=True)
    _log(f"device page shows {shown!r}")


def _percentage(text: str) -> str | None:
    match = re.fullmatch(r"\s*(\d+)\s?%\s*", text)
    return f"{match[1]}%" if match else None


def _score(page: Page, device_id: str) -> str | None:
    """Return the security score sensor's state as the frontend has it, once it is a number."""
    state = page.evaluate(
        """([deviceId, domain]) => {
            const hass = document.querySelector('home-assistant').hass;
            const entity = Object.values(hass.entities).find(
                (e) => e.device_id === deviceId && e.platform === domain
                    && e.translation_key === 'score');
            return entity ? hass.states[entity.entity_id]?.state ?? null : null;
        }""",
        [device_id, DOMAIN],
    )
    return state if isinstance(state, str) and state.isdigit() else None


def _issues(page: Page) -> list[dict[str, Any]] | None:
    issues: list[dict[str, Any]] = _call_ws(page, {"type": "repairs/list_issues"})["issues"]
    return issues if any(issue["domain"] == DOMAIN for issue in issues) else None


def _title(issue: dict[str, Any], titles: dict[str, str]) -> str | None:
    template = titles.get(issue.get("translation_key") or "")
    if template is None:
        return None
    try:
        return template.format_map(issue.get("translation_placeholders") or {})
    except KeyError:
        return None


def check_repairs(page: Page, target: Target) -> None:
    """Repairs lists our issues, and no one else's."""
    issues = _wait("a Repairs issue of Device Security", READY_TIMEOUT, lambda: _issues(page))
    active = [issue for issue in issues if not issue.get("ignored")]
    if foreign := [issue for issue in active if issue["domain"] != DOMAIN]:
        described = "; ".join(
            f"{issue['domain']}.{issue['issue_id']} {issue.get('translation_placeholders') or ''}"
            for issue in foreign
        )
        msg = f"Repairs shows issues that are not ours: {described}"
        raise CheckFailedError(msg)
    issue_titles = json.loads(TRANSLATIONS.read_text(encoding="utf-8"))["issues"]
    titles = {key: value["title"] for key, value in issue_titles.items()}
    shown = [title for issue in active if (title := _title(issue, titles))]
    if not shown:
        msg = "none of our Repairs issues has a title to look for"
        raise CheckFailedError(msg)
    page.goto(f"{target.url}/config/repairs")
    page.get_by_text(shown[0], exact=True).first.wait_for(state="visible")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=target.out_dir / "repairs.png", full_page=True)
    _log(f"Repairs lists {len(active)} issues of ours, e.g. {shown[0]!r}")


def _report(page: Page) -> dict[str, Any]:
    """The integration's report, through the action the card and the panel use."""
    answer = _call_ws(
        page,
        {
            "type": "call_service",
            "domain": DOMAIN,
            "service": "get_report",
            "return_response": True,
        },
    )
    report: dict[str, Any] = answer["response"]
    return report


def check_repairs_are_quiet(page: Page, target: Target) -> None:
    """Every Repairs issue of ours is a critical or high finding: the rest stay off it."""
    del target
    severe = {
        f"{finding['check']}.{device['device_id']}"
        for device in _report(page)["devices"]
        for finding in device["findings"]
        if finding["severity"] in {"critical", "high"}
    }
    issues = _call_ws(page, {"type": "repairs/list_issues"})["issues"]
    findings = [i for i in issues if i["domain"] == DOMAIN and "." in i["issue_id"]]
    if quiet := [i["issue_id"] for i in findings if i["issue_id"] not in severe]:
        msg = f"Repairs shows findings below high: {quiet}"
        raise CheckFailedError(msg)
    _log(f"Repairs shows {len(findings)} findings, all critical or high")


def _shadow_text(page: Page, selector: str) -> str:
    return str(page.locator(selector).first.evaluate("node => node.textContent")).strip()


def check_card(page: Page, target: Target) -> None:
    """The card is offered by the card picker, shows the score and the first device, links to it."""
    listed = page.evaluate("() => (window.customCards || []).map((card) => card.type)")
    if "device-security-card" not in listed:
        msg = f"the card picker does not offer the card; it offers {listed}"
        raise CheckFailedError(msg)
    # A dashboard of its own, empty; the card goes on it through the picker, as a user adds it.
    _call_ws(
        page,
        {
            "type": "lovelace/dashboards/create",
            "url_path": E2E_DASHBOARD,
            "title": "Security check",
            "mode": "storage",
            "show_in_sidebar": False,
            "require_admin": False,
        },
    )
    _call_ws(
        page,
        {
            "type": "lovelace/config/save",
            "url_path": E2E_DASHBOARD,
            "config": {"views": [{"title": "Security", "cards": []}]},
        },
    )
    page.goto(f"{target.url}/{E2E_DASHBOARD}/0?edit=1")
    page.get_by_role("button", name="Add card").first.click()
    page.get_by_role("tab", name="By card").click()
    page.locator("hui-card-picker").get_by_placeholder(re.compile("search", re.IGNORECASE)).fill(
        "Device Security"
    )
    page.locator("hui-card-picker .card").filter(has_text="Device Security").first.click()
    page.get_by_role("button", name="Save").click()
    _wait(
        "the card in the dashboard's saved configuration",
        PAGE_TIMEOUT,
        lambda: any(
            card.get("type") == CARD
            for view in _call_ws(page, {"type": "lovelace/config", "url_path": E2E_DASHBOARD})[
                "views"
            ]
            for card in view.get("cards", [])
        ),
        interval=0.5,
    )
    page.goto(f"{target.url}/{E2E_DASHBOARD}/0")
    score = _wait(
        "the card's score",
        PAGE_TIMEOUT,
        lambda: (
            (text := _shadow_text(page, "device-security-card .score-value")).isdigit() and text
        ),
    )
    first = page.locator("device-security-card li.device a").first
    device = " ".join(str(first.evaluate("node => node.textContent")).split())
    page.wait_for_load_state("networkidle")
    page.screenshot(path=target.out_dir / "card-light.png")
    _follows_dark_theme(page, "device-security-card ha-card", target.out_dir / "card-dark.png")
    first.click()
    page.wait_for_url(lambda url: "/config/" in urlsplit(url).path)
    _log(f"card shows score {score}, first row {device!r}, which opens {urlsplit(page.url).path}")


def _follows_dark_theme(page: Page, selector: str, screenshot: Path) -> None:
    """Switch the browser to dark, as a user's system would; the element's colours follow."""
    element = page.locator(selector).first
    colours = "node => getComputedStyle(node).backgroundColor + getComputedStyle(node).color"
    light = element.evaluate(colours)
    page.emulate_media(color_scheme="dark")
    page.wait_for_timeout(DIALOG_GRACE_MS)
    page.screenshot(path=screenshot, full_page=True)
    dark = element.evaluate(colours)
    page.emulate_media(color_scheme="light")
    if dark == light:
        msg = f"{selector} keeps its light colours in the dark theme: {light}"
        raise CheckFailedError(msg)


def check_panel(page: Page, target: Target) -> None:
    """The sidebar panel lists every device, filters by state, and downloads the report."""
    panels = page.evaluate(
        "() => Object.keys(document.querySelector('home-assistant').hass.panels)"
    )
    if PANEL not in panels:
        msg = f"no {PANEL!r} panel in the sidebar"
        raise CheckFailedError(msg)
    page.goto(f"{target.url}/{PANEL}")
    rows = page.locator("device-security-panel tbody tr")
    total = _wait("the panel's rows", PAGE_TIMEOUT, lambda: rows.count() or None, interval=0.5)
    page.locator("device-security-panel select[name='state']").select_option("ended")
    shown = _wait(
        "the state filter",
        PAGE_TIMEOUT,
        lambda: ((count := rows.count()) < total and count) or None,
        interval=0.5,
    )
    states = page.locator("device-security-panel tbody td.support").evaluate_all(
        "cells => cells.map((cell) => cell.className)"
    )
    if any("state-ended" not in classes for classes in states):
        msg = f"the filter 'ended' shows other states: {states}"
        raise CheckFailedError(msg)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=target.out_dir / "panel.png", full_page=True)
    _follows_dark_theme(page, "device-security-panel table", target.out_dir / "panel-dark.png")
    with page.expect_download() as download:
        page.locator("device-security-panel button.download-json").click()
    saved = target.out_dir / "report.json"
    download.value.save_as(saved)
    report = json.loads(saved.read_text(encoding="utf-8"))
    if len(report["devices"]) != total:
        msg = f"the download has {len(report['devices'])} devices, the table {total}"
        raise CheckFailedError(msg)
    _log(f"panel lists {total} devices, {shown} with support ended; the download has them all")


def run(target: Target) -> None:
    """Wait for the instance, then look at it as a newcomer would."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    wait_for_http(target)
    _log(f"Home Assistant answers on {target.url}")
    with (
        tempfile.TemporaryDirectory(prefix="e2e-chromium-") as profile,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=chromium,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
            timeout=PAGE_TIMEOUT * 1000,
        )
        page = browser.new_page()
        page.set_default_timeout(PAGE_TIMEOUT * 1000)
        console = target.out_dir / "browser-console.log"
        with console.open("w", encoding="utf-8") as console_log:

            def _record(message: ConsoleMessage) -> None:
                console_log.write(f"{message.type}: {message.text}\n")

            page.on("console", _record)
            try:
                for step in (
                    log_in,
                    check_dashboard,
                    check_device_page,
                    check_repairs,
                    check_repairs_are_quiet,
                    check_panel,
                    check_card,
                ):
                    try:
                        step(page, target)
                    except PlaywrightError as err:
                        msg = f"{step.__doc__ or step.__name__}\n{err.message}"
                        raise CheckFailedError(msg) from err
            except CheckFailedError:
                with contextlib.suppress(PlaywrightError):
                    page.screenshot(path=target.out_dir / "failure.png", full_page=True)
                raise
            finally:
                browser.close()


def main() -> None:
    """Run the check; exit 1 with the reason if it fails."""
    url, config_dir, out_dir, pid = sys.argv[1:5]
    target = Target(url, Path(config_dir), Path(out_dir), int(pid))
    target.out_dir.mkdir(parents=True, exist_ok=True)
    try:
        run(target)
    except (CheckFailedError, PlaywrightError) as err:
        _log(f"FAILED: {err}")
        sys.exit(1)


if __name__ == "__main__":
    main()
