"""Findings, per-device assessments and the home's report, with the scoring rules.

Scoring, reproducible from the findings alone: a device starts at 100 and loses the
penalty of each active (not acknowledged) finding's severity, down to 0. The home's score
is the mean of its devices' scores, rounded half up; a home with no devices scores 100.
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
import math

from .database.matcher import Match
from .database.model import SecurityContact
from .device_record import DeviceRecord
from .findings import Finding, Severity


class SupportState(StrEnum):
    """Where a device stands on security updates."""

    SUPPORTED = "supported"  # until `end`, or with no end stated
    ENDING_SOON = "ending_soon"  # the announced end is within the owner's window
    ENDED = "ended"  # the manufacturer announced the end, or a dated end passed
    MINIMUM_PASSED = "minimum_passed"  # the guaranteed period is over; updates may go on
    POLICY = "policy"  # a published period that counts from a date not on record
    COMMUNITY_FIRMWARE = "community_firmware"  # open firmware: the owner updates it
    NO_PUBLISHED_PERIOD = "no_published_period"
    UNKNOWN = "unknown"


class AnswerLevel(StrEnum):
    """Whose word a support answer is: the product's record, its maker's, or the owner's."""

    PRODUCT = "product"
    MANUFACTURER = "manufacturer"
    OWNER = "owner"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Support:
    """A device's security-support status and the word it rests on."""

    state: SupportState
    end: date | None = None
    sources: tuple[str, ...] = ()
    basis: str = "database"  # or "owner" when set by hand, "policy" when from a rule
    level: AnswerLevel = AnswerLevel.NONE
    minimum: bool = False  # `end` is a guaranteed minimum, not an announced end
    policy: str | None = None  # the manufacturer's policy in one sentence, where it decides


@dataclass(frozen=True, slots=True)
class DeviceAssessment:
    """Everything the integration concluded about one device."""

    record: DeviceRecord
    match: Match
    support: Support
    contact: SecurityContact | None
    findings: tuple[Finding, ...]
    acknowledged: frozenset[str] = frozenset()  # fingerprints the owner acknowledged
    # Derived once, since every surface reads them on every update.
    active: tuple[Finding, ...] = field(init=False)  # not acknowledged in their current form
    score: int = field(init=False)  # 100 less the active penalties, not below 0
    has_problem: bool = field(init=False)  # an active finding above information level

    def __post_init__(self) -> None:
        """Work out the active findings and the score."""
        active = tuple(f for f in self.findings if f.fingerprint not in self.acknowledged)
        object.__setattr__(self, "active", active)
        object.__setattr__(self, "score", max(0, 100 - sum(f.severity for f in active)))
        object.__setattr__(self, "has_problem", any(f.severity > Severity.INFO for f in active))

    def counts(self, check: str) -> bool:
        """Tell whether an active finding of this kind (by id) is present."""
        return any(finding.check == check for finding in self.active)


@dataclass(frozen=True, slots=True)
class SecurityReport:
    """The home: every monitored device, by its key."""

    devices: Mapping[str, DeviceAssessment]
    generated: date
    database_date: date
    # Derived once: every summary sensor reads them on every update, in homes of thousands.
    by_check: Mapping[str, tuple[str, ...]] = field(init=False)  # device keys, report order
    score: int = field(init=False)  # the mean device score, rounded half up; 100 if empty

    def __post_init__(self) -> None:
        """Index the devices by their active findings, and work out the score."""
        by_check: dict[str, list[str]] = {}
        for key, device in self.devices.items():
            for check in dict.fromkeys(finding.check for finding in device.active):
                by_check.setdefault(check, []).append(key)
        object.__setattr__(self, "by_check", {c: tuple(keys) for c, keys in by_check.items()})
        total = sum(device.score for device in self.devices.values())
        mean = total / len(self.devices) if self.devices else 100
        object.__setattr__(self, "score", math.floor(mean + 0.5))

    @property
    def monitored(self) -> int:
        """How many physical devices are monitored."""
        return len(self.devices)

    def with_findings(self, checks: Collection[str]) -> list[DeviceAssessment]:
        """The devices with an active finding of one of these kinds (by id), in report order."""
        keys = dict.fromkeys(key for check in checks for key in self.by_check.get(check, ()))
        if len(checks) > 1:
            order = {key: index for index, key in enumerate(self.devices)}
            keys = dict.fromkeys(sorted(keys, key=order.__getitem__))
        return [self.devices[key] for key in keys]

    def count(self, *checks: str) -> int:
        """How many devices have an active finding of one of these kinds (by id)."""
        return len({key for check in checks for key in self.by_check.get(check, ())})
