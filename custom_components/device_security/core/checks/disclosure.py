"""Guideline 2 (PSTI req. 2): a public point of contact for vulnerability reports."""

from collections.abc import Iterable

from ..findings import Finding, FindingKind, Severity
from .base import Check, Subject
from .context import AssessmentContext

NO_CONTACT = FindingKind(
    "no_disclosure_contact", Severity.LOW, "2", "PSTI req. 2 / EN 303 645 5.2-1",
    "No vulnerability disclosure contact of the manufacturer is on record.",
    counted_by="no_disclosure_contact",
)  # fmt: skip


def _run(subject: Subject, context: AssessmentContext) -> Iterable[Finding]:
    """Find a known manufacturer with no disclosure contact on record."""
    if (maker := subject.match.manufacturer) is not None and maker.security_contact is None:
        yield Finding(NO_CONTACT, {"manufacturer": maker.name})


CHECK = Check("disclosure", (NO_CONTACT,), _run)
