"""Guideline 2 (PSTI req. 2): a public point of contact for vulnerability reports."""

from collections.abc import Iterable

from ..database.matcher import Match
from ..device_record import DeviceRecord
from ..report import CheckId, Finding
from .context import AssessmentContext


def check(record: DeviceRecord, match: Match, context: AssessmentContext) -> Iterable[Finding]:
    """Find a known manufacturer with no disclosure contact on record."""
    if match.manufacturer is not None and match.manufacturer.security_contact is None:
        yield Finding(CheckId.NO_DISCLOSURE_CONTACT, {"manufacturer": match.manufacturer.name})
