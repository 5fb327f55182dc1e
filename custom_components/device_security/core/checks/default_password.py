"""Guideline 1 (PSTI req. 1): no universal default passwords.

Confirmed when the credentials Home Assistant itself uses for the device are one of the
manufacturer's published defaults, or when the owner's opt-in login test got in with one.
A risk when the manufacturer has shipped such defaults, Home Assistant holds no other
credentials for the device, no login test saw the defaults refused, and the device has a
local login: its product is a router, camera, NAS, hub and the like, or, if the product is
unknown, Home Assistant reaches it at a network address. Only digests and test outcomes are
compared.
"""

from collections.abc import Iterable

from ..credentials import LOGIN_CATEGORIES
from ..findings import Finding, FindingKind, RepairKind, Severity
from .base import Check, Subject
from .context import AssessmentContext

CONFIRMED = FindingKind(
    "default_password_confirmed", Severity.CRITICAL, "1", "PSTI req. 1 / EN 303 645 5.1-1, 5.1-2",
    "The device accepts a login its manufacturer publishes as a default.",
    repair=RepairKind.RECHECK, counted_by="default_password_risks",
)  # fmt: skip
RISK = FindingKind(
    "default_password_risk", Severity.MEDIUM, "1", "PSTI req. 1 / EN 303 645 5.1-1",
    "The manufacturer has shipped devices with a universal default password.",
    repair=RepairKind.RECHECK, counted_by="default_password_risks",
)  # fmt: skip


def _run(subject: Subject, context: AssessmentContext) -> Iterable[Finding]:
    """Find default passwords, confirmed or likely."""
    record, match = subject.record, subject.match
    name = match.manufacturer.name if match.manufacturer else record.manufacturer or "?"
    if record.default_login_services:
        via = ", ".join(record.default_login_services)
        yield Finding(CONFIRMED, {"manufacturer": name, "via": via})
        return
    if match.manufacturer is None:
        return
    defaults = context.default_credentials.get(match.manufacturer.id)
    if not defaults:
        return
    if record.credential_digests & defaults:
        yield Finding(CONFIRMED, {"manufacturer": match.manufacturer.name})
    elif (
        not record.credential_digests
        and not record.default_login_refused
        and (match.product.category in LOGIN_CATEGORIES if match.product else bool(record.hosts))
    ):
        yield Finding(RISK, {"manufacturer": match.manufacturer.name})


CHECK = Check("default_password", (CONFIRMED, RISK), _run)
