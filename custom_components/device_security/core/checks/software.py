"""Guideline 3 (EN 303 645 5.3): an operating system release that is finished or behind.

A phone on a release line that no longer gets security updates stays open to every hole
found since, whatever its maker's support period says; one behind the latest release of
its own line misses fixes it could install today.
"""

from collections.abc import Iterable

from ..findings import Finding, FindingKind, RepairKind, Severity
from ..software import system_of
from .base import Check, Subject
from .context import AssessmentContext

RELEASE_UNSUPPORTED = FindingKind(
    "os_release_unsupported", Severity.HIGH, "3", "EN 303 645 5.3-2, 5.3-13",
    "The operating system release it runs no longer gets security updates.",
    repair=RepairKind.UPDATE, counted_by="outdated_software",
)  # fmt: skip
RELEASE_BEHIND = FindingKind(
    "os_release_behind", Severity.MEDIUM, "3", "EN 303 645 5.3-8",
    "A newer release of its operating system's line is out and not installed.",
    counted_by="outdated_software",
)  # fmt: skip


def _run(subject: Subject, context: AssessmentContext) -> Iterable[Finding]:
    record, match = subject.record, subject.match
    found = system_of(
        record.integration,
        match.manufacturer.id if match.manufacturer else None,
        match.category,
        (record.model_id, record.model),
        record.sw_version,
    )
    if found is None or (running := context.software.running(*found)) is None:
        return
    line = running.line
    details = {
        "system": running.system.name,
        "version": running.version,
        "line": line.cycle,
        "source": running.system.source,
    }
    if line.has_ended(context.today):
        ended = line.security_end.isoformat() if line.security_end else ""
        yield Finding(RELEASE_UNSUPPORTED, {**details, "ended": ended})
    elif running.behind():
        released = line.latest_date.isoformat() if line.latest_date else ""
        yield Finding(
            RELEASE_BEHIND, {**details, "latest": line.latest or "", "released": released}
        )


CHECK = Check("software", (RELEASE_UNSUPPORTED, RELEASE_BEHIND), _run)
