"""Guideline 3 (PSTI req. 3): is the device still getting security updates, and until when."""

from datetime import date, timedelta

from ..database.matcher import Match
from ..database.model import SupportKind
from ..device_record import DeviceRecord
from ..report import CheckId, Finding, Support, SupportState
from .context import AssessmentContext


def _by_date(end: date, context: AssessmentContext) -> SupportState:
    if end < context.today:
        return SupportState.ENDED
    if end <= context.today + timedelta(days=context.ending_soon_days):
        return SupportState.ENDING_SOON
    return SupportState.SUPPORTED


def _support(record: DeviceRecord, match: Match, context: AssessmentContext) -> Support:
    """Decide the support status: the owner's date first, then the database."""
    for device_id in record.device_ids:
        if (end := context.support_overrides.get(device_id)) is not None:
            return Support(_by_date(end, context), end, basis="owner")
    product = match.product
    if product is None:
        return Support(SupportState.UNKNOWN)
    sources = tuple(source.url for source in product.sources)
    if product.support_end is not None:
        basis = "policy" if product.support is SupportKind.RULE else "database"
        return Support(_by_date(product.support_end, context), product.support_end, sources, basis)
    state = {
        SupportKind.ENDED: SupportState.ENDED,
        SupportKind.SUPPORTED: SupportState.SUPPORTED,
        SupportKind.NONE: SupportState.NO_PUBLISHED_PERIOD,
    }.get(product.support, SupportState.UNKNOWN)  # a rule without a start date: unknown
    return Support(
        state, None, sources, "policy" if product.support is SupportKind.RULE else "database"
    )


def support_status(
    record: DeviceRecord, match: Match, context: AssessmentContext
) -> tuple[Support, list[Finding]]:
    """Return the device's support status and the finding it makes, if any."""
    support = _support(record, match, context)
    details = {"end": support.end.isoformat()} if support.end else {}
    check = {
        SupportState.ENDED: CheckId.SUPPORT_ENDED,
        SupportState.ENDING_SOON: CheckId.SUPPORT_ENDING_SOON,
        SupportState.NO_PUBLISHED_PERIOD: CheckId.NO_SUPPORT_PERIOD,
        SupportState.UNKNOWN: CheckId.UNKNOWN_SUPPORT,
    }.get(support.state)
    return support, [Finding(check, details)] if check else []
