"""Assess one device from its registry strings, as the core does, for tests of one check."""

from collections.abc import Collection

from custom_components.device_security.core.checks import AssessmentContext, assess
from custom_components.device_security.core.device_record import DeviceRecord
from custom_components.device_security.core.findings import Finding


def findings_of(
    context: AssessmentContext, checks: Collection[str], **strings: str | None
) -> list[Finding]:
    """The findings of these kinds for a device with these registry strings."""
    record = DeviceRecord(key="d", device_ids=("d",), name="device", **strings)  # type: ignore[arg-type]
    return [finding for finding in assess(record, context).findings if finding.check in checks]
