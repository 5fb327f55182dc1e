"""Benchmarks of the integration in a real Home Assistant: set-up and assessment.

A Home Assistant instance (the test plugin's, in memory) gets N registry devices with
real manufacturer and model strings; the integration is set up through its config entry.
Event-loop time of a full assessment is its wall time less the time its work spent in the
executor, which is where the matching and the checks run.
"""

import asyncio
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
import gc
import math
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
from custom_components.device_security.sensor import SUMMARY_SENSORS
from custom_components.device_security.unique_id import summary_unique_id
from homeassistant import loader
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.setup import async_setup_component

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


class LoopLag:
    """The longest stretch the event loop could not run a waiting callback.

    A probe asks to wake every millisecond; how late it wakes is how long the loop was busy
    with something else. Its maximum bounds the longest single step of the loop. CPython's
    full garbage collections pause whatever step they fall in, for a time that grows with
    the whole process's heap: the longest collection is measured, and each step is also
    measured without the collections that fell in it, which is the code's own step.
    """

    INTERVAL = 0.001

    def __init__(self) -> None:
        """Not running until started."""
        self.longest = self.longest_gc = self.longest_own = 0.0
        # Collections as [start, end], end infinite while one runs: one started by an
        # executor thread may report its end only after the loop has woken.
        self._collections: list[list[float]] = []

    def _gc(self, phase: str, _: dict[str, int]) -> None:
        now = time.perf_counter()
        if phase == "start":
            self._collections.append([now, math.inf])
        elif self._collections:
            last = self._collections[-1]
            last[1] = now
            self.longest_gc = max(self.longest_gc, now - last[0])

    def _collecting(self, begin: float, end: float) -> float:
        """How long collections ran between `begin` and `end`."""
        return sum(
            max(0.0, min(stop, end) - max(start, begin)) for start, stop in self._collections
        )

    async def _probe(self) -> None:
        while True:
            asked = time.perf_counter()
            await asyncio.sleep(self.INTERVAL)
            woke = time.perf_counter()
            late = woke - asked - self.INTERVAL
            self.longest = max(self.longest, late)
            self.longest_own = max(self.longest_own, late - self._collecting(asked, woke))
            del self._collections[:-1]  # the last may still be running

    @contextmanager
    def measuring(self) -> Iterator[None]:
        """Probe while the block runs."""
        self.longest = self.longest_gc = self.longest_own = 0.0
        self._collections = []
        task = asyncio.get_running_loop().create_task(self._probe())
        gc.callbacks.append(self._gc)
        try:
            yield
        finally:
            gc.callbacks.remove(self._gc)
            task.cancel()


def _full_collection_ms() -> float:
    """How long one full collection of the whole process takes now: the pause it costs."""
    start = time.perf_counter()
    gc.collect()
    return round((time.perf_counter() - start) * 1000, 1)


async def _settle(hass: HomeAssistant) -> None:
    await hass.async_block_till_done(wait_background_tasks=True)


async def _home(synthetic: Synthetic, devices: int, config_dir: str) -> dict[str, Any]:
    lag = LoopLag()
    async with async_test_home_assistant(config_dir=config_dir) as hass:
        hass.data.pop(loader.DATA_CUSTOM_COMPONENTS, None)  # allow custom integrations
        _add_devices(hass, synthetic(devices), 0)
        entry = MockConfigEntry(domain=DOMAIN, unique_id=DOMAIN, options={"ending_soon_days": 180})
        entry.add_to_hass(hass)
        # Home Assistant sets these up at start, before any integration that needs them.
        for component in ("http", "frontend", "panel_custom", "repairs"):
            assert await async_setup_component(hass, component, {})  # noqa: S101
        await _settle(hass)
        # What the collector walks in a full collection: Home Assistant's heap, then ours too.
        tracked_before = len(gc.get_objects())
        full_before = _full_collection_ms()
        with lag.measuring():
            start = time.perf_counter()
            assert await hass.config_entries.async_setup(entry.entry_id)  # noqa: S101
            await _settle(hass)
            setup_s = time.perf_counter() - start
            await asyncio.sleep(0.01)
        setup_lag, setup_gc, setup_own = lag.longest, lag.longest_gc, lag.longest_own
        tracked_after = len(gc.get_objects())
        full_after = _full_collection_ms()
        coordinator: DeviceSecurityCoordinator = entry.runtime_data
        registry = dr.async_get(hass)
        device = next(d for d in registry.devices if d.config_entry_id != entry.entry_id)
        with lag.measuring():
            start = time.perf_counter()
            registry.async_update_device(device.id, name_by_user="Renamed")
            await coordinator.async_refresh()
            await _settle(hass)
            reassess_ms = (time.perf_counter() - start) * 1000
            await asyncio.sleep(0.01)
        reassess_lag, reassess_gc, reassess_own = lag.longest, lag.longest_gc, lag.longest_own
        entities = er.async_entries_for_config_entry(er.async_get(hass), entry.entry_id)
        unique_ids = {entity.unique_id for entity in entities}
        wanted = {summary_unique_id(entry.entry_id, d.key) for d in SUMMARY_SENSORS}
        wanted.add(summary_unique_id(entry.entry_id, "support_calendar"))
        figures = {
            "devices": coordinator.data.monitored,
            "entities": len(entities),
            "setup_s": round(setup_s, 2),
            "reassess_ms": round(reassess_ms, 1),
            "longest_loop_step_ms": round(1000 * max(setup_lag, reassess_lag), 1),
            "longest_loop_step_setup_ms": round(1000 * setup_lag, 1),
            "longest_loop_step_reassess_ms": round(1000 * reassess_lag, 1),
            "longest_loop_step_without_collections_ms": round(
                1000 * max(setup_own, reassess_own), 1
            ),
            "longest_gc_pause_ms": round(1000 * max(setup_gc, reassess_gc), 1),
            "gc": gc.isenabled(),
            "tracked_objects_before_setup": tracked_before,
            "tracked_objects_after_setup": tracked_after,
            "full_collection_before_setup_ms": full_before,
            "full_collection_after_setup_ms": full_after,
            "summary_entities_ok": wanted <= unique_ids,
        }
        await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_stop(force=True)
    return figures


def bench_home_devices(
    synthetic: Synthetic, devices: int, *, collect: bool = True
) -> dict[str, Any]:
    """Set up with `devices` registry devices, then re-assess after one rename."""
    if not collect:
        gc.disable()
    try:
        with tempfile.TemporaryDirectory() as config_dir:
            return asyncio.run(_home(synthetic, devices, config_dir))
    finally:
        gc.enable()
