"""Benchmarks of the integration in a real Home Assistant: set-up and assessment.

A Home Assistant instance (the test plugin's, in memory) gets N registry devices with
real manufacturer and model strings; the integration is set up through its config entry.
Event-loop time of a full assessment is its wall time less the time its work spent in the
executor, which is where the matching and the checks run.
"""

import asyncio
from collections.abc import Callable, Sequence
import random
import tempfile
import time
from typing import Any

from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_test_home_assistant,
)

# Ours first, so that Home Assistant finds this package and not the test plugin's.
from custom_components.device_security.const import DOMAIN
from custom_components.device_security.coordinator import DeviceSecurityCoordinator
from homeassistant import loader
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr

SEED = 20261122
RUNS = 5
SETUP_DEVICES = 500
ASSESS_DEVICES = 2_000
DOMAINS = ("hue", "zha", "sonos", "cast", "mobile_app", "fritz", "shelly", "mqtt", "esphome")

type Synthetic = Callable[[int], Sequence[tuple[str | None, str | None, str | None]]]


def _add_devices(
    hass: HomeAssistant, devices: Sequence[tuple[str | None, str | None, str | None]], first: int
) -> None:
    """Register devices numbered from `first`, each under a random integration's entry."""
    rng = random.Random(SEED + first)  # noqa: S311 - reproducible test data, not secrets
    entries = {}
    for domain in DOMAINS:
        entries[domain] = MockConfigEntry(domain=domain, title=domain)
        entries[domain].add_to_hass(hass)
    registry = dr.async_get(hass)
    for index, (manufacturer, model, model_id) in enumerate(devices, start=first):
        domain = rng.choice(DOMAINS)
        registry.async_get_or_create(
            config_entry_id=entries[domain].entry_id,
            identifiers={(domain, f"device-{index}")},
            connections={
                (
                    dr.CONNECTION_NETWORK_MAC,
                    f"02:00:00:{index >> 16:02x}:{index >> 8 & 255:02x}:{index & 255:02x}",
                )
            },
            manufacturer=manufacturer,
            model=model,
            model_id=model_id,
            name=f"Device {index}",
        )


async def _measure(synthetic: Synthetic) -> dict[str, float]:
    figures: dict[str, float] = {}
    # A fresh configuration folder: registries saved by an earlier run must not grow this one.
    with tempfile.TemporaryDirectory() as config_dir:
        return await _measure_in(synthetic, config_dir, figures)


async def _measure_in(
    synthetic: Synthetic, config_dir: str, figures: dict[str, float]
) -> dict[str, float]:
    async with async_test_home_assistant(config_dir=config_dir) as hass:
        hass.data.pop(loader.DATA_CUSTOM_COMPONENTS, None)  # allow custom integrations
        _add_devices(hass, synthetic(SETUP_DEVICES), 0)
        entry = MockConfigEntry(domain=DOMAIN, unique_id=DOMAIN, options={"ending_soon_days": 180})
        entry.add_to_hass(hass)
        start = time.perf_counter()
        assert await hass.config_entries.async_setup(entry.entry_id)  # noqa: S101
        await hass.async_block_till_done()
        figures["setup_ms"] = (time.perf_counter() - start) * 1000

        _add_devices(hass, synthetic(ASSESS_DEVICES)[SETUP_DEVICES:], SETUP_DEVICES)
        coordinator: DeviceSecurityCoordinator = entry.runtime_data
        executor = 0.0
        original = coordinator._assess_all  # noqa: SLF001 - measure the executor part

        def timed(*args: Any) -> Any:
            nonlocal executor
            begin = time.perf_counter()
            try:
                return original(*args)
            finally:
                executor += time.perf_counter() - begin

        coordinator._assess_all = timed  # type: ignore[method-assign,assignment]  # noqa: SLF001
        for label, reset in (("cold", True), ("warm", False)):
            best_loop = best_wall = float("inf")
            for _ in range(RUNS):
                if reset:
                    coordinator._cache_key = ()  # noqa: SLF001 - force a full re-assessment
                executor = 0.0
                begin = time.perf_counter()
                await coordinator.async_refresh()
                wall = time.perf_counter() - begin
                best_wall = min(best_wall, wall)
                best_loop = min(best_loop, wall - executor)
            figures[f"{label}_wall_ms"] = best_wall * 1000
            figures[f"{label}_loop_ms"] = best_loop * 1000
        figures["devices"] = coordinator.data.monitored
        await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_stop(force=True)
    return figures


def bench_home(
    synthetic: Synthetic, table: Callable[[Sequence[str], Sequence[Sequence[str]]], str]
) -> str:
    """Set up with 500 devices; assess 2,000, fully and with nothing changed."""
    figures = asyncio.run(_measure(synthetic))
    rows = [
        [
            f"set-up of the integration, {SETUP_DEVICES} devices",
            "-",
            f"{figures['setup_ms']:.0f} ms",
            "< 1,000 ms",
        ],
        [
            f"full assessment, {int(figures['devices']):,} devices",
            f"{figures['cold_loop_ms']:.0f} ms",
            f"{figures['cold_wall_ms']:.0f} ms",
            "loop <= 200 ms",
        ],
        [
            f"re-assessment, nothing changed, {int(figures['devices']):,} devices",
            f"{figures['warm_loop_ms']:.0f} ms",
            f"{figures['warm_wall_ms']:.0f} ms",
            "-",
        ],
    ]
    return "### Home Assistant: set-up and assessment (best of 5)\n\n" + table(
        ["what", "event-loop time", "wall time", "target"], rows
    )
