"""The checks: pure functions from a device record and its context to findings.

Each module checks one guideline of the baseline. `assess` runs them all for one device;
a check that raises is reported as a finding of its own and the others still run.
"""

from collections.abc import Callable, Iterable

from ..database.matcher import Match
from ..device_record import DeviceRecord
from ..report import CheckId, DeviceAssessment, Finding
from . import cloud, default_password, disclosure, exposure, unmanaged, updates
from .context import AssessmentContext
from .support import support_status

type Check = Callable[[DeviceRecord, Match, AssessmentContext], Iterable[Finding]]

CHECKS: tuple[tuple[str, Check], ...] = (
    ("default_password", default_password.check),
    ("disclosure", disclosure.check),
    ("updates", updates.check),
    ("cloud", cloud.check),
    ("exposure", exposure.check),
    ("unmanaged", unmanaged.check),
)

__all__ = ["AssessmentContext", "assess"]


def assess(record: DeviceRecord, context: AssessmentContext) -> DeviceAssessment:
    """Assess one device against every check."""
    match = context.database.matcher.match(record.manufacturer, record.model, record.model_id)
    support, findings = support_status(record, match, context)
    for name, check in CHECKS:
        try:
            findings.extend(check(record, match, context))
        except Exception as err:  # noqa: BLE001 - one broken check must not hide the others
            findings.append(
                Finding(CheckId.CHECK_FAILED, {"check": name, "error": type(err).__name__})
            )
    return DeviceAssessment(
        record=record,
        match=match,
        support=support,
        contact=match.manufacturer.security_contact if match.manufacturer else None,
        findings=tuple(findings),
    )
