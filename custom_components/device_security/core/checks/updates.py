"""Guideline 3: software updates Home Assistant knows of and that are not installed."""

from collections.abc import Iterable

from ..database.matcher import Match
from ..device_record import DeviceRecord
from ..report import CheckId, Finding
from .context import AssessmentContext


def check(record: DeviceRecord, match: Match, context: AssessmentContext) -> Iterable[Finding]:
    """Find pending firmware updates, one finding per update entity."""
    for update in record.pending_updates:
        yield Finding(
            CheckId.UPDATE_AVAILABLE,
            {
                "entity_id": update.entity_id,
                "installed": update.installed or "",
                "latest": update.latest or "",
                "since": update.since or "",
            },
        )
