"""Guideline 9 (resilience to outages): devices that work through a cloud service."""

from collections.abc import Iterable

from ..findings import Finding, FindingKind, Severity
from .base import Check, Subject
from .context import AssessmentContext

CLOUD_DEPENDENT = FindingKind(
    "cloud_dependent", Severity.INFO, "9", "EN 303 645 5.9",
    "The device is used through a cloud service; it may stop working in an outage.",
)  # fmt: skip


def _run(subject: Subject, context: AssessmentContext) -> Iterable[Finding]:
    """Note, for information, which integrations depend on a cloud service."""
    if integrations := subject.record.cloud_integrations:
        yield Finding(CLOUD_DEPENDENT, {"integrations": ", ".join(integrations)})


CHECK = Check("cloud", (CLOUD_DEPENDENT,), _run)
