"""Devices on the LAN that no Home Assistant integration manages: the owner may not know them."""

from collections.abc import Iterable

from ..database.matcher import Match
from ..device_record import DeviceRecord
from ..report import CheckId, Finding
from .context import AssessmentContext


def check(record: DeviceRecord, match: Match, context: AssessmentContext) -> Iterable[Finding]:
    """Note a host that is on the network but not in Home Assistant."""
    if not record.managed:
        yield Finding(CheckId.UNMANAGED_DEVICE)
