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

    @property
    def monitored(self) -> int:
        """How many physical devices are monitored."""
        return len(self.devices)

    def with_findings(self, checks: Collection[str]) -> list[DeviceAssessment]:
        """The devices with an active finding of one of these kinds (by id)."""
        return [
            device
            for device in self.devices.values()
            if any(finding.check in checks for finding in device.active)
        ]

    def count(self, *checks: str) -> int:
        """How many devices have an active finding of one of these kinds (by id)."""
        return len(self.with_findings(set(checks)))

    @property
    def score(self) -> int:
        """The mean device score, rounded half up; 100 for an empty home."""
        if not self.devices:
            return 100
        mean = sum(device.score for device in self.devices.values()) / len(self.devices)
        return math.floor(mean + 0.5)
