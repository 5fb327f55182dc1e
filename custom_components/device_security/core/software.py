"""Operating-system release lines: which still get security updates, and their latest release.

Phones, tablets, streamers, watches and routers report the release of their operating
system as their software version. endoflife.date lists, per release line, whether it still
gets security updates, since when it no longer does, and its latest release. That is enough
to tell an owner "this release line is finished" or "a newer release of your line is out".

The bundled list is a floor, not the truth of today: a release newer than the list is never
called out of date, and a version that cannot be read says nothing.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
import re
from typing import Any

from . import DATA_DIR
from .database.loader import decode_json
from .database.schema import DatabaseError
from .versions import compare, parse_version

BUNDLED = DATA_DIR / "operating_systems.json"

# (manufacturer id, category) -> the system such a device runs.
OS_OF = {
    ("apple", "phone"): "ios",
    ("apple", "tablet"): "ipados",
    ("apple", "streamer"): "tvos",
    ("apple", "watch"): "watchos",
    ("google", "phone"): "android",
    ("google", "tablet"): "android",
    ("samsung_mobile", "phone"): "android",
    ("samsung_mobile", "tablet"): "android",
    ("mikrotik", "router"): "routeros",
}
# Apple's hardware identifiers, as the companion app and HomeKit report the model.
_APPLE_IDS = (("iphone", "ios"), ("ipad", "ipados"), ("appletv", "tvos"), ("watch", "watchos"))
# Systems that name themselves in the version string, e.g. "OpenWrt 23.05.2 r23630-8429".
_NAMED = re.compile(r"(OpenWrt|OPNsense|RouterOS)[ _-]?v?([0-9]{1,4}(?:\.[0-9]{1,4}){0,3})")
_DOTTED = re.compile(r"[0-9]+(?:\.[0-9]+)*")
# The companion app reports the OS release of the phone it runs on: Apple's or Android.
_COMPANION = "mobile_app"


@dataclass(frozen=True, slots=True)
class ReleaseLine:
    """One release line ("cycle") of a system."""

    cycle: str
    security_end: date | None  # the day its security updates ended, where dated
    ended: bool  # no more security updates, since a day not published
    latest: str | None = None
    latest_date: date | None = None

    def has_ended(self, today: date) -> bool:
        """Whether the line gets no more security updates on this day."""
        if self.security_end is not None:
            return self.security_end <= today
        return self.ended


@dataclass(frozen=True, slots=True)
class OperatingSystem:
    """A system and its release lines, newest first, with the page they come from."""

    id: str
    name: str
    source: str
    lines: tuple[ReleaseLine, ...]

    def line_of(self, version: str) -> ReleaseLine | None:
        """The line a version belongs to: the longest cycle that is a prefix of it."""
        best: ReleaseLine | None = None
        for line in self.lines:
            if (version == line.cycle or version.startswith(line.cycle + ".")) and (
                best is None or len(line.cycle) > len(best.cycle)
            ):
                best = line
        return best


@dataclass(frozen=True, slots=True)
class Running:
    """What a device runs: the system, the version it reports, and that version's line."""

    system: OperatingSystem
    version: str
    line: ReleaseLine

    def behind(self) -> bool:
        """Whether its line's latest release is newer than the running one (never a guess)."""
        if self.line.latest is None:
            return False
        return compare(self.version, self.line.latest) == -1


def system_of(
    integration: str | None,
    manufacturer: str | None,
    category: str | None,
    models: tuple[str | None, ...],
    sw_version: str | None,
) -> tuple[str, str] | None:
    """Which system a device runs and the release it reports, or None when unknown."""
    if not sw_version:
        return None
    if named := _NAMED.search(sw_version):
        return named.group(1).lower(), named.group(2)  # the system's id is its name
    system = OS_OF.get((manufacturer or "", category or ""))
    if system is None and manufacturer == "apple":
        folded = [(model or "").replace(" ", "").casefold() for model in models]
        system = next(
            (apple for prefix, apple in _APPLE_IDS for model in folded if model.startswith(prefix)),
            None,
        )
    elif system is None and integration == _COMPANION:
        system = "android"
    return None if system is None else (system, sw_version)


class SoftwareReleases:
    """The release lines of the systems devices in homes run, looked up by system id."""

    def __init__(self, systems: Mapping[str, OperatingSystem]) -> None:
        """Index the systems by id."""
        self.systems = dict(systems)

    def running(self, system_id: str, version: str) -> Running | None:
        """The line a reported version belongs to, or None when it cannot be placed."""
        system = self.systems.get(system_id)
        # The digits as written: OpenWrt's "23.05" is not "23.5".
        dotted = _DOTTED.search(version)
        if system is None or parse_version(version) is None or dotted is None:
            return None
        plain = dotted.group()
        line = system.line_of(plain)
        return None if line is None else Running(system, plain, line)


NO_SOFTWARE = SoftwareReleases({})


def _day(value: object, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as err:
        msg = f"{where}: not a date: {value!r}"
        raise DatabaseError(msg) from err


def parse_systems(document: object) -> SoftwareReleases:
    """Read the bundled document; raise DatabaseError when it is not one."""
    if not isinstance(document, Mapping) or not isinstance(document.get("systems"), Mapping):
        msg = "operating systems: no 'systems' object"
        raise DatabaseError(msg)
    systems = {}
    for system_id, item in document["systems"].items():
        where = f"operating system {system_id}"
        try:
            lines = tuple(
                ReleaseLine(
                    cycle=str(line["cycle"]),
                    security_end=_day(line.get("security_end"), where),
                    ended=bool(line["ended"]),
                    latest=str(line["latest"]) if line.get("latest") else None,
                    latest_date=_day(line.get("latest_date"), where),
                )
                for line in item["lines"]
            )
            systems[system_id] = OperatingSystem(system_id, item["name"], item["source"], lines)
        except (KeyError, TypeError, AttributeError) as err:
            msg = f"{where}: {err!r}"
            raise DatabaseError(msg) from err
    return SoftwareReleases(systems)


def load_bundled(path: Path = BUNDLED) -> SoftwareReleases:
    """Read the bundled release lines. Blocking."""
    return parse_systems(decode_json(path.read_bytes(), "operating systems"))


def lines_from_page(front: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The release lines of an endoflife.date page's front matter, as the bundled file has them."""
    lines = []
    for release in front.get("releases") or []:
        eol = release.get("eol")
        end = eol if isinstance(eol, date) else None
        latest_date = release.get("latestReleaseDate")
        lines.append(
            {
                "cycle": str(release["releaseCycle"]),
                "security_end": end.isoformat() if end else None,
                "ended": eol is True,
                "latest": str(release["latest"]) if release.get("latest") else None,
                "latest_date": latest_date.isoformat() if isinstance(latest_date, date) else None,
            }
        )
    return lines
