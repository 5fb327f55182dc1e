"""The benchmarks keep running: `scripts/bench` is not part of the test command.

Figures are not asserted (timings belong to the benchmarks, not to tests); what each
benchmark promises to report is.
"""

import asyncio
from collections.abc import Callable
import gc
import time

from tools.bench import DictBound, scaled_data, synthetic_devices
from tools.bench_home import LoopLag, bench_home_devices


def test_home_benchmark_reports_what_it_promises() -> None:
    figures = bench_home_devices(synthetic_devices, 40)
    assert figures["devices"] == 40
    assert figures["entities"] >= 2 * 40
    assert figures["summary_entities_ok"] is True
    for key in ("setup_s", "reassess_ms", "longest_loop_step_ms", "longest_gc_pause_ms"):
        assert figures[key] >= 0
    assert figures["longest_loop_step_without_collections_ms"] <= figures["longest_loop_step_ms"]
    assert figures["tracked_objects_after_setup"] > figures["tracked_objects_before_setup"]


def _busy(seconds: float, work: Callable[[], object]) -> None:
    """Hold the event loop for `seconds`, doing `work` over and over."""
    begin = time.perf_counter()
    while time.perf_counter() - begin < seconds:
        work()


def test_a_collection_is_not_counted_as_the_code_s_own_step() -> None:
    async def measure() -> LoopLag:
        lag = LoopLag()
        with lag.measuring():
            await asyncio.sleep(0.01)
            _busy(0.05, lambda: None)  # the code's own step
            await asyncio.sleep(0.01)
            _busy(0.15, gc.collect)  # a longer step that is all collections
            await asyncio.sleep(0.01)
        return lag

    lag = asyncio.run(measure())
    assert lag.longest >= 0.14  # the probe asked to wake 1 ms later
    assert lag.longest_gc > 0
    assert 0.04 <= lag.longest_own < 0.12


def test_ten_times_the_data_is_the_same_shape() -> None:
    manufacturers, catalogue = scaled_data(3)
    original, original_catalogue = scaled_data(1)
    assert len(manufacturers) == 3 * len(original)
    assert len(catalogue) == 3 * len(original_catalogue)
    devices = synthetic_devices(200, manufacturers=manufacturers)
    bound = DictBound(manufacturers)
    assert sum(bound.match(*device) is not None for device in devices) > 100
