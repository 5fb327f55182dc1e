"""What a finding is: its kind, declared once by the check that makes it, and its details.

A kind carries everything every surface needs: its severity (the score penalty), the
baseline provisions it comes from, a one-line summary, whether it raises a Repairs issue
and with which fix, and which summary sensor counts it. The checks declare kinds; the
report, the repairs, the sensors and the translations' structure are derived from them.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
import json


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


class RepairKind(StrEnum):
    """The fix a Repairs issue offers besides "acknowledge"; also its flow step's id."""

    SET_SUPPORT_END = "set_support_end"  # the owner knows the date better
    RECHECK = "recheck"  # the owner changed something: look again
    UPDATE = "update"  # install the fixed firmware, or replace the device


@dataclass(frozen=True, slots=True)
class FindingKind:
    """One kind of finding, as the baseline sees it."""

    id: str  # also the translation key of its Repairs issue
    severity: Severity
    guideline: str  # UK Code of Practice guideline(s)
    provision: str  # PSTI requirement / ETSI EN 303 645 provision
    summary: str  # one plain sentence, for attributes and the machine-readable report
    repair: RepairKind | None = None  # a Repairs issue with this fix; None: no issue
    counted_by: str | None = None  # the summary sensor counting devices with this finding

    @property
    def repairable(self) -> bool:
        """Whether the owner can act on it from the Repairs page."""
        return self.repair is not None


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the owner should know about one device."""

    kind: FindingKind
    details: Mapping[str, str] = field(default_factory=dict)
    # Some kinds weigh more in some cases (an affected firmware, an ended product).
    severity_override: Severity | None = None

    @property
    def check(self) -> str:
        """The kind's id, as events, reports and issue ids name it."""
        return self.kind.id

    @property
    def severity(self) -> Severity:
        """How much this finding matters."""
        return self.kind.severity if self.severity_override is None else self.severity_override

    def raises_issue(self, least: Severity) -> bool:
        """Whether it gets a Repairs issue, when the owner wants those at least this severe."""
        return self.kind.repairable and self.severity >= least

    @property
    def fingerprint(self) -> str:
        """Changes when the finding changes, so an acknowledgement lapses with it."""
        facts: list[object] = [self.check, self.details]
        if self.severity_override is not None:
            facts.append(int(self.severity_override))
        return json.dumps(facts, sort_keys=True, ensure_ascii=False)
