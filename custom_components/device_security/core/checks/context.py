"""What every check may consult besides the device itself."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from ..database.loader import Database
from ..software import NO_SOFTWARE, SoftwareReleases
from ..vulnerabilities import EMPTY, VulnerabilityIndex


@dataclass(frozen=True, slots=True)
class AssessmentContext:
    """The day, the owner's settings and the data an assessment rests on."""

    today: date
    ending_soon_days: int
    database: Database
    default_credentials: Mapping[str, frozenset[str]] = field(default_factory=dict)
    support_overrides: Mapping[str, date] = field(default_factory=dict)  # registry device id
    vulnerabilities: VulnerabilityIndex = EMPTY
    software: SoftwareReleases = NO_SOFTWARE
