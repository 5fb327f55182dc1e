"""Guideline 3: software updates Home Assistant knows of and that are not installed."""

from collections.abc import Iterable

from ..findings import Finding, FindingKind, Severity
from .base import Check, Subject
from .context import AssessmentContext

UPDATE_AVAILABLE = FindingKind(
    "update_available", Severity.MEDIUM, "3", "EN 303 645 5.3-8",
    "A firmware update is available and not installed.", counted_by="updates_pending",
)  # fmt: skip


def _run(subject: Subject, context: AssessmentContext) -> Iterable[Finding]:
    """Find pending firmware updates, one finding per update entity."""
    for update in subject.record.pending_updates:
        yield Finding(
            UPDATE_AVAILABLE,
            {
                "entity_id": update.entity_id,
                "installed": update.installed or "",
                "latest": update.latest or "",
                "since": update.since or "",
            },
        )


CHECK = Check("updates", (UPDATE_AVAILABLE,), _run)
