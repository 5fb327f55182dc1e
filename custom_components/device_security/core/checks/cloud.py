"""Guideline 9 (resilience to outages): devices that work through a cloud service."""

from collections.abc import Iterable

from ..database.matcher import Match
from ..device_record import DeviceRecord
from ..report import CheckId, Finding
from .context import AssessmentContext


def check(record: DeviceRecord, match: Match, context: AssessmentContext) -> Iterable[Finding]:
    """Note, for information, which integrations depend on a cloud service."""
    if record.cloud_integrations:
        yield Finding(
            CheckId.CLOUD_DEPENDENT, {"integrations": ", ".join(record.cloud_integrations)}
        )
