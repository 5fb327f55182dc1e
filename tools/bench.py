"""Benchmarks of the integration's core on the bundled database.

    python -m tools.bench                 # every benchmark
    python -m tools.bench matcher         # only the named ones:
                                          # database, matcher, assessment, sweep
    python -m tools.bench home --devices 10000 --json   # one home, one JSON object
                                          # (--no-gc: without CPython's garbage collector)

Each benchmark is a function returning a Markdown section, registered in BENCHMARKS; the
machine is described first. Synthetic data is drawn from the real database with a fixed
seed, so two runs on one machine measure the same work.
"""

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
import gc
import gzip
import json
import os
from pathlib import Path
import platform
import random
import sys
import time
import tracemalloc

from custom_components.device_security.core.catalogue.index import Catalogue, parse_catalogue
from custom_components.device_security.core.database.loader import (
    BUNDLED,
    CATALOGUE,
    Database,
    load_database,
)
from custom_components.device_security.core.database.matcher import (
    Matcher,
    normalize_manufacturer,
    normalize_model,
)
from custom_components.device_security.core.database.model import Manufacturer, Product

SEED = 20261122
RUNS = 5
SIZES = (1_000, 10_000)
TARGET = (10_000, 100.0)  # devices, milliseconds
# What a synthetic registry is made of, in parts per hundred.
MIX = {"listed": 60, "respelled": 10, "unknown_model": 15, "unknown_manufacturer": 15}

type Device = tuple[str | None, str | None, str | None]  # manufacturer, model, model_id

# Manufacturer strings of devices the database does not know, as integrations report them.
UNKNOWN_MAKERS = (
    "Tuya",
    "Espressif",
    "Generic",
    "Zigbee2MQTT",
    "Sonoff",
    "Xiaomi",
    "Aqara Home Co., Ltd.",
    "Home Assistant",
    "ESPHome",
    "Shenzhen Unknown Technology Co., Ltd.",
    "Eve Systems GmbH",
    "Govee",
)
CORPORATE_SUFFIXES = (" Inc.", " B.V.", " GmbH", " LLC", " Co., Ltd.", ", Inc", " Ltd")


def machine() -> str:
    """Describe where the figures were measured."""
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            key, _, value = line.partition(":")
            if key.strip() in {"model name", "Model", "Hardware", "cpu model"} and value.strip():
                cpu = value.strip()
                break
    lines = [
        f"- Platform: {platform.platform()}",
        f"- CPU: {cpu}",
        f"- Cores: {os.process_cpu_count()} available of {os.cpu_count()}",
        f"- Python: {platform.python_implementation()} {platform.python_version()}",
    ]
    if label := os.environ.get("DEVICE_SECURITY_BENCH_MACHINE"):
        lines.insert(0, f"- Machine: {label}")
    return "## Machine\n\n" + "\n".join(lines)


def best_of(function: Callable[[], object], runs: int = RUNS) -> float:
    """Return the fastest of `runs` calls, in seconds."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


@cache
def database() -> Database:
    """Return the bundled database, loaded once for all benchmarks."""
    return load_database()


def bench_database() -> str:
    """Time reading, validating and indexing the bundled file; measure its memory."""
    load = best_of(load_database)
    manufacturers = database().manufacturers
    index = best_of(lambda: Matcher(manufacturers))
    tracemalloc.start()
    loaded = load_database()
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rows = [
        ("file size", f"{BUNDLED.stat().st_size / 1024:,.0f} KiB"),
        ("manufacturers / products", f"{len(loaded.manufacturers)} / {len(loaded.products)}"),
        (f"load: read, validate, index (best of {RUNS})", f"{load * 1000:.1f} ms"),
        (f"of which the match index (best of {RUNS})", f"{index * 1000:.1f} ms"),
        ("peak memory while loading (tracemalloc)", f"{peak / 2**20:.1f} MiB"),
        ("memory kept by the loaded database", f"{retained / 2**20:.1f} MiB"),
    ]
    return "## Database\n\n" + _table(("measure", "value"), rows)


def _variant(rng: random.Random, text: str) -> str:
    """Return `text` as another integration might spell it."""
    change = rng.choice((str.upper, str.lower, str.title))
    spelled = change(text)
    old, new = rng.choice((("-", " "), (" ", "-"), (" ", "")))
    return spelled.replace(old, new)


def synthetic_devices(
    count: int, seed: int = SEED, manufacturers: Sequence[Manufacturer] | None = None
) -> list[Device]:
    """Registry-like devices drawn from the database's strings, with realistic misses."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    listed = [
        (maker, product)
        for maker in manufacturers or database().manufacturers
        for product in maker.products
        if product.models or product.model_ids
    ]
    devices: list[Device] = []
    for number in range(count):
        maker, product = rng.choice(listed)
        name = rng.choice((maker.name, *maker.aliases))
        model = rng.choice(product.models) if product.models else None
        model_id = rng.choice(product.model_ids) if product.model_ids else None
        match rng.choices(tuple(MIX), weights=tuple(MIX.values()))[0]:
            case "listed":
                devices.append((name, model, model_id))
            case "respelled":
                devices.append(
                    (
                        _variant(rng, name) + rng.choice(("", *CORPORATE_SUFFIXES)),
                        model and _variant(rng, model),
                        model_id and _variant(rng, model_id),
                    )
                )
            case "unknown_model":
                devices.append((name, f"Model {rng.choice('ABCXYZ')}{number}", None))
            case _:
                devices.append((rng.choice(UNKNOWN_MAKERS), f"Device {number}", str(number)))
    return devices


def scaled_data(factor: int) -> tuple[tuple[Manufacturer, ...], Catalogue]:
    """The bundled data and factor - 1 renamed copies of it: the same shape, factor times."""
    makers = list(database().manufacturers)
    document = json.loads(gzip.decompress(CATALOGUE.read_bytes()))
    entries, keys = list(document["entries"]), list(document["keys"])
    for copy in range(1, factor):
        for maker in database().manufacturers:
            own = f"{maker.id}_{copy}"
            products = tuple(
                replace(product, id=f"{product.id}_{copy}", manufacturer_id=own)
                for product in maker.products
            )
            aliases = tuple(f"{alias} {copy}" for alias in maker.aliases)
            makers.append(
                replace(maker, id=own, name=f"{maker.name} {copy}", aliases=aliases,
                        alias_prefixes=(), products=products)
            )  # fmt: skip
        offset = len(entries)
        entries += [[f"{row[0]}_{copy}", *row[1:5], None] for row in document["entries"]]
        keys += [
            [integration, maker and f"{maker} {copy}", model and f"{model} {copy}",
             model_id and f"{model_id} {copy}", entry + offset]
            for integration, maker, model, model_id, entry in document["keys"]
        ]  # fmt: skip
    catalogue = parse_catalogue({**document, "entries": entries, "keys": keys})
    return tuple(makers), catalogue


class DictBound:
    """The bound: the device's strings folded as any tolerant look-up must, then one dict get."""

    def __init__(self, manufacturers: Sequence[Manufacturer]) -> None:
        """One key per (manufacturer name, model string) of the data."""
        self._table = {
            (normalize_manufacturer(name), normalize_model(text)): product
            for maker in manufacturers
            for name in (maker.name, *maker.aliases)
            for product in maker.products
            for text in (*product.model_ids, *product.models)
        }

    def match(
        self, manufacturer: str | None, model: str | None, model_id: str | None
    ) -> Product | None:
        """The product listed under exactly these folded strings, if any."""
        key = (normalize_manufacturer(manufacturer), normalize_model(model_id or model))
        return self._table.get(key)


def _over(
    match: Callable[[str | None, str | None, str | None], object], devices: list[Device]
) -> Callable[[], object]:
    """Return a function matching every device."""
    return lambda: [match(*device) for device in devices]


def _new_matcher_per_device(
    manufacturers: Sequence[Manufacturer], catalogue: Catalogue, devices: list[Device]
) -> float:
    """Microseconds per device for a matcher that has answered nothing yet (best of RUNS)."""
    best = float("inf")
    for _ in range(RUNS):
        matcher = Matcher(manufacturers, catalogue)
        gc.collect()
        start = time.perf_counter()
        for device in devices:
            matcher.match(*device)
        best = min(best, time.perf_counter() - start)
    return best / len(devices) * 1e6


def bench_matcher() -> str:
    """Matcher.match beside the dict bound, on today's data and on ten times as much."""
    rows = []
    verdicts = []
    for label, factor in (("today's", 1), ("10x", 10)):
        manufacturers, catalogue = scaled_data(factor)
        bound = DictBound(manufacturers)
        for size in SIZES:
            devices = synthetic_devices(size, manufacturers=manufacturers)
            floor = best_of(_over(bound.match, devices)) / size * 1e6
            # The matcher remembers what it answered: strings never seen, a home assessed
            # from start (homes repeat models), and every later assessment.
            never = _new_matcher_per_device(manufacturers, catalogue, list(dict.fromkeys(devices)))
            home = _new_matcher_per_device(manufacturers, catalogue, devices)
            matcher = Matcher(manufacturers, catalogue)
            identified = sum(1 for device in devices if matcher.match(*device).identified)
            seen = best_of(_over(matcher.match, devices)) / size * 1e6
            per = [floor, never, home, seen]
            rows.append(
                (
                    label, f"{size:,}", f"{per[0]:.2f}",
                    *(f"{value:.2f} ({value / per[0]:.1f}x)" for value in per[1:]),
                    f"{identified / size:.0%}",
                )
            )  # fmt: skip
            if size == TARGET[0]:
                verdicts.append(f"{label} data: {home * size / 1000:.0f} ms for a home of {size:,}")
    header = (
        "data", "devices", "dict bound µs/device", "never seen µs/device", "a home µs/device",
        "seen before µs/device", "identified",
    )  # fmt: skip
    return (
        f"## Matcher (best of {RUNS}, seed {SEED})\n\n"
        + _table(header, rows)
        + f"\n\nTarget: a home of {TARGET[0]:,} devices under {TARGET[1]:.0f} ms: "
        + "; ".join(verdicts)
        + "."
    )


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = [header, ["---"] * len(header), *rows]
    return "\n".join("| " + " | ".join(line) + " |" for line in lines)


def bench_assessment() -> str:
    """Set-up and assessment in a real Home Assistant, on the same synthetic registries."""
    from .bench_home import bench_home  # noqa: PLC0415 - loads Home Assistant only when asked

    return bench_home(synthetic_devices, _table)


def bench_login_sweep() -> str:
    """The opt-in login tests against 254 loopback hosts with 3 services each."""
    from .bench_sweep import bench_sweep  # noqa: PLC0415 - starts 762 servers only when asked

    return bench_sweep(_table)


BENCHMARKS: dict[str, Callable[[], str]] = {
    "database": bench_database,
    "matcher": bench_matcher,
    "assessment": bench_assessment,
    "sweep": bench_login_sweep,
}


def home(argv: Sequence[str]) -> int:
    """`home [--devices N] [--json] [--no-gc]`: one home of N devices, as JSON or a table."""
    from .bench_home import bench_home_devices  # noqa: PLC0415 - loads Home Assistant

    devices = int(argv[argv.index("--devices") + 1]) if "--devices" in argv else 2_000
    figures = bench_home_devices(synthetic_devices, devices, collect="--no-gc" not in argv)
    if "--json" in argv:
        print(json.dumps(figures))
    else:
        print(machine())
        print(_table(["figure", "value"], [[key, str(value)] for key, value in figures.items()]))
    return 0


def main(argv: Sequence[str]) -> int:
    """Run the named benchmarks (all by default); exit 2 on an unknown name."""
    if argv[:1] == ["home"]:
        return home(argv[1:])
    if unknown := [name for name in argv if name not in BENCHMARKS]:
        print(f"Unknown benchmark {', '.join(unknown)}; choose from: {', '.join(BENCHMARKS)}")
        print(__doc__)
        return 2
    print(machine())
    for name in argv or BENCHMARKS:
        print()
        print(BENCHMARKS[name]())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
