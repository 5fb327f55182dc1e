"""Devices on the LAN that no Home Assistant integration manages: the owner may not know them."""

from collections.abc import Iterable

from ..findings import Finding, FindingKind, Severity
from .base import Check, Subject
from .context import AssessmentContext

UNMANAGED = FindingKind(
    "unmanaged_device", Severity.LOW, "-", "-",
    "Seen on the network, but not managed by Home Assistant.", counted_by="unmanaged_devices",
)  # fmt: skip


def _run(subject: Subject, context: AssessmentContext) -> Iterable[Finding]:
    """Note a host that is on the network but not in Home Assistant."""
    if not subject.record.managed:
        yield Finding(UNMANAGED)


CHECK = Check("unmanaged", (UNMANAGED,), _run)
