"""Guideline 3 (PSTI req. 3): is the device still getting security updates, and until when."""

from collections.abc import Iterable
from datetime import date, timedelta

from ..database.matcher import Match
from ..database.model import MakerKind, Manufacturer, Product, Source, SupportKind
from ..device_record import DeviceRecord
from ..findings import Finding, FindingKind, RepairKind, Severity
from ..report import AnswerLevel, Support, SupportState
from .base import Check, Subject
from .context import AssessmentContext

PROVISION = "PSTI req. 3 / EN 303 645 5.3-13"
ENDED = FindingKind(
    "support_ended", Severity.HIGH, "3", PROVISION, "Security updates have ended.",
    repair=RepairKind.SET_SUPPORT_END, counted_by="support_ended",
)  # fmt: skip
ENDING_SOON = FindingKind(
    "support_ending_soon", Severity.MEDIUM, "3", PROVISION, "Security updates end soon.",
    repair=RepairKind.SET_SUPPORT_END, counted_by="support_ending_soon",
)  # fmt: skip
NO_PERIOD = FindingKind(
    "no_support_period", Severity.MEDIUM, "3", PROVISION,
    "The manufacturer publishes no security-update period.",
    repair=RepairKind.SET_SUPPORT_END, counted_by="no_support_period",
)  # fmt: skip
UNKNOWN = FindingKind(
    "unknown_support", Severity.LOW, "3", PROVISION,
    "The security-update period of this model is not known.", counted_by="unknown_support",
)  # fmt: skip
MINIMUM_PASSED = FindingKind(
    "support_minimum_passed", Severity.LOW, "3", PROVISION,
    "The guaranteed security-update period is over; updates may still come.",
    repair=RepairKind.SET_SUPPORT_END, counted_by="support_minimum_passed",
)  # fmt: skip
FINDING_OF_STATE = {
    SupportState.ENDED: ENDED,
    SupportState.ENDING_SOON: ENDING_SOON,
    SupportState.MINIMUM_PASSED: MINIMUM_PASSED,
    SupportState.NO_PUBLISHED_PERIOD: NO_PERIOD,
    SupportState.UNKNOWN: UNKNOWN,
}


def _by_date(end: date, context: AssessmentContext) -> SupportState:
    """An announced end: ended, ending soon or supported."""
    if end < context.today:
        return SupportState.ENDED
    if end <= context.today + timedelta(days=context.ending_soon_days):
        return SupportState.ENDING_SOON
    return SupportState.SUPPORTED


def _guaranteed(end: date, context: AssessmentContext) -> SupportState:
    """A guaranteed minimum: once it is over, updates may still come, so it is no end."""
    return SupportState.MINIMUM_PASSED if end < context.today else SupportState.SUPPORTED


def _urls(sources: Iterable[Source]) -> tuple[str, ...]:
    return tuple(source.url for source in sources)


def _from_product(
    product: Product, maker: Manufacturer | None, context: AssessmentContext
) -> Support:
    """What the product's own record says."""
    sources = _urls(product.sources)
    end = product.support_end
    policy = maker.support_policy.summary if maker and maker.support_policy else None
    if product.support is SupportKind.DATE and end is not None:
        return Support(_by_date(end, context), end, sources, "database", AnswerLevel.PRODUCT)
    if product.support in {SupportKind.RULE, SupportKind.MINIMUM} and end is not None:
        basis = "policy" if product.support is SupportKind.RULE else "database"
        state = _guaranteed(end, context)
        return Support(state, end, sources, basis, AnswerLevel.PRODUCT, minimum=True, policy=policy)
    if product.support is SupportKind.RULE:  # the rule counts from a date not on record
        return Support(
            SupportState.POLICY, None, sources, "policy", AnswerLevel.PRODUCT, policy=policy
        )
    state = {
        SupportKind.ENDED: SupportState.ENDED,
        SupportKind.SUPPORTED: SupportState.SUPPORTED,
        SupportKind.NONE: SupportState.NO_PUBLISHED_PERIOD,
    }.get(product.support, SupportState.UNKNOWN)
    return Support(state, None, sources, "database", AnswerLevel.PRODUCT)


def _from_manufacturer(maker: Manufacturer, context: AssessmentContext) -> Support:
    """What the manufacturer's policy says of all its products, when the model is not known."""
    level = AnswerLevel.MANUFACTURER
    if (policy := maker.support_policy) is not None:
        sources = _urls(policy.sources)
        if policy.rule is not None and (until := policy.rule.until) is not None:
            state = _guaranteed(until, context)
            return Support(
                state, until, sources, "policy", level, minimum=True, policy=policy.summary
            )
        return Support(SupportState.POLICY, None, sources, "policy", level, policy=policy.summary)
    if maker.looked_at:  # none published, in the pages read on the day they were read
        return Support(
            SupportState.NO_PUBLISHED_PERIOD, None, _urls(maker.looked_at), "database", level
        )
    return Support(SupportState.UNKNOWN)


def support_of(record: DeviceRecord, match: Match, context: AssessmentContext) -> Support:
    """Decide the support status: the owner's date, then the product's, then its maker's."""
    for device_id in record.device_ids:
        if (end := context.support_overrides.get(device_id)) is not None:
            return Support(_by_date(end, context), end, basis="owner", level=AnswerLevel.OWNER)
    maker = match.manufacturer
    if (match.evidence is not None and match.evidence.community_firmware) or (
        maker is not None and maker.kind is MakerKind.COMMUNITY_FIRMWARE
    ):
        return Support(
            SupportState.COMMUNITY_FIRMWARE, basis="integration", level=AnswerLevel.PRODUCT
        )
    if match.product is not None:
        return _from_product(match.product, maker, context)
    return (
        _from_manufacturer(maker, context) if maker is not None else Support(SupportState.UNKNOWN)
    )


def _run(subject: Subject, context: AssessmentContext) -> Iterable[Finding]:
    support = subject.support
    if kind := FINDING_OF_STATE.get(support.state):
        yield Finding(kind, {"end": support.end.isoformat()} if support.end else {})


CHECK = Check("support", (ENDED, ENDING_SOON, MINIMUM_PASSED, NO_PERIOD, UNKNOWN), _run)
