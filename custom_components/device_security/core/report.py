"""Findings, per-device assessments and the home's report, with the scoring rules.

Scoring, reproducible from the findings alone: a device starts at 100 and loses the
penalty of each active (not acknowledged) finding's severity, down to 0. The home's score
is the mean of its devices' scores, rounded half up; a home with no devices scores 100.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum, StrEnum
import json
import math

from .database.matcher import Match
from .database.model import SecurityContact
from .device_record import DeviceRecord


class Severity(IntEnum):
    """How much a finding matters; the value is its score penalty."""

    INFO = 0
    LOW = 5
    MEDIUM = 15
    HIGH = 40
    CRITICAL = 60

    def __str__(self) -> str:
        """Name it in lower case, as events and reports do."""
        return self.name.lower()


class CheckId(StrEnum):
    """What a finding is about."""

    SUPPORT_ENDED = "support_ended"
    SUPPORT_ENDING_SOON = "support_ending_soon"
    NO_SUPPORT_PERIOD = "no_support_period"
    UNKNOWN_SUPPORT = "unknown_support"
    DEFAULT_PASSWORD_CONFIRMED = "default_password_confirmed"  # noqa: S105 - a name
    DEFAULT_PASSWORD_RISK = "default_password_risk"  # noqa: S105 - a name
    NO_DISCLOSURE_CONTACT = "no_disclosure_contact"
    UPDATE_AVAILABLE = "update_available"
    CLOUD_DEPENDENT = "cloud_dependent"
    INSECURE_REMOTE_ACCESS = "insecure_remote_access"
    NO_LOGIN_REQUIRED = "no_login_required"
    UNENCRYPTED_WEB_ADMIN = "unencrypted_web_admin"
    UNMANAGED_DEVICE = "unmanaged_device"
    CHECK_FAILED = "check_failed"


@dataclass(frozen=True, slots=True)
class CheckInfo:
    """What the baseline says about a kind of finding."""

    severity: Severity
    guideline: str  # UK Code of Practice guideline(s)
    provision: str  # PSTI requirement / ETSI EN 303 645 provision
    summary: str  # one plain sentence, for attributes and the machine-readable report
    repairable: bool  # worth a Repairs issue: the owner can act on it


CHECKS: Mapping[CheckId, CheckInfo] = {
    CheckId.SUPPORT_ENDED: CheckInfo(
        Severity.HIGH, "3", "PSTI req. 3 / EN 303 645 5.3-13",
        "Security updates have ended.", repairable=True,
    ),
    CheckId.SUPPORT_ENDING_SOON: CheckInfo(
        Severity.MEDIUM, "3", "PSTI req. 3 / EN 303 645 5.3-13",
        "Security updates end soon.", repairable=True,
    ),
    CheckId.NO_SUPPORT_PERIOD: CheckInfo(
        Severity.MEDIUM, "3", "PSTI req. 3 / EN 303 645 5.3-13",
        "The manufacturer publishes no security-update period.", repairable=True,
    ),
    CheckId.UNKNOWN_SUPPORT: CheckInfo(
        Severity.LOW, "3", "PSTI req. 3 / EN 303 645 5.3-13",
        "The security-update period of this model is not known.", repairable=False,
    ),
    CheckId.DEFAULT_PASSWORD_CONFIRMED: CheckInfo(
        Severity.CRITICAL, "1", "PSTI req. 1 / EN 303 645 5.1-1, 5.1-2",
        "Home Assistant logs in with the manufacturer's published default password.",
        repairable=True,
    ),
    CheckId.DEFAULT_PASSWORD_RISK: CheckInfo(
        Severity.MEDIUM, "1", "PSTI req. 1 / EN 303 645 5.1-1",
        "The manufacturer has shipped devices with a universal default password.",
        repairable=True,
    ),
    CheckId.NO_DISCLOSURE_CONTACT: CheckInfo(
        Severity.LOW, "2", "PSTI req. 2 / EN 303 645 5.2-1",
        "No vulnerability disclosure contact of the manufacturer is on record.",
        repairable=False,
    ),
    CheckId.UPDATE_AVAILABLE: CheckInfo(
        Severity.MEDIUM, "3", "EN 303 645 5.3-8",
        "A firmware update is available and not installed.", repairable=False,
    ),
    CheckId.CLOUD_DEPENDENT: CheckInfo(
        Severity.INFO, "9", "EN 303 645 5.9",
        "The device is used through a cloud service; it may stop working in an outage.",
        repairable=False,
    ),
    CheckId.INSECURE_REMOTE_ACCESS: CheckInfo(
        Severity.HIGH, "5, 6", "EN 303 645 5.5-1, 5.6-1",
        "A cleartext management service (telnet or FTP) is open on the network.",
        repairable=True,
    ),
    CheckId.NO_LOGIN_REQUIRED: CheckInfo(
        Severity.HIGH, "5, 6", "EN 303 645 5.5-4, 5.6-1",
        "A service lets anyone on the network in without a login.", repairable=True,
    ),
    CheckId.UNENCRYPTED_WEB_ADMIN: CheckInfo(
        Severity.MEDIUM, "5", "EN 303 645 5.5-1",
        "The web interface is offered over http without https.", repairable=False,
    ),
    CheckId.UNMANAGED_DEVICE: CheckInfo(
        Severity.LOW, "-", "-",
        "Seen on the network, but not managed by Home Assistant.", repairable=False,
    ),
    CheckId.CHECK_FAILED: CheckInfo(
        Severity.LOW, "-", "-", "A check could not assess this device.", repairable=False
    ),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the owner should know about one device."""

    check: CheckId
    details: Mapping[str, str] = field(default_factory=dict)

    @property
    def info(self) -> CheckInfo:
        """The baseline's view of this kind of finding."""
        return CHECKS[self.check]

    @property
    def fingerprint(self) -> str:
        """Changes when the finding changes, so an acknowledgement lapses with it."""
        return json.dumps([self.check, self.details], sort_keys=True, ensure_ascii=False)


class SupportState(StrEnum):
    """Where a device stands on security updates."""

    SUPPORTED = "supported"
    ENDING_SOON = "ending_soon"
    ENDED = "ended"
    NO_PUBLISHED_PERIOD = "no_published_period"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Support:
    """A device's security-support status and the word it rests on."""

    state: SupportState
    end: date | None = None
    sources: tuple[str, ...] = ()
    basis: str = "database"  # or "owner" when set by hand, "policy" when from a rule


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
        object.__setattr__(self, "score", max(0, 100 - sum(f.info.severity for f in active)))
        object.__setattr__(
            self, "has_problem", any(f.info.severity > Severity.INFO for f in active)
        )

    def counts(self, check: CheckId) -> bool:
        """Tell whether an active finding of this kind is present."""
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

    def count(self, *checks: CheckId) -> int:
        """How many devices have an active finding of one of these kinds."""
        wanted = set(checks)
        return sum(
            1
            for device in self.devices.values()
            if any(finding.check in wanted for finding in device.active)
        )

    @property
    def score(self) -> int:
        """The mean device score, rounded half up; 100 for an empty home."""
        if not self.devices:
            return 100
        mean = sum(device.score for device in self.devices.values()) / len(self.devices)
        return math.floor(mean + 0.5)
