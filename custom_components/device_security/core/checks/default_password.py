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
from ..database.matcher import Match
from ..device_record import DeviceRecord
from ..report import CheckId, Finding
from .context import AssessmentContext


def check(record: DeviceRecord, match: Match, context: AssessmentContext) -> Iterable[Finding]:
    """Find default passwords, confirmed or likely."""
    name = match.manufacturer.name if match.manufacturer else record.manufacturer or "?"
    if record.default_login_services:
        via = ", ".join(record.default_login_services)
        yield Finding(CheckId.DEFAULT_PASSWORD_CONFIRMED, {"manufacturer": name, "via": via})
        return
    if match.manufacturer is None:
        return
    defaults = context.default_credentials.get(match.manufacturer.id)
    if not defaults:
        return
    if record.credential_digests & defaults:
        yield Finding(CheckId.DEFAULT_PASSWORD_CONFIRMED, {"manufacturer": match.manufacturer.name})
    elif (
        not record.credential_digests
        and not record.default_login_refused
        and (match.product.category in LOGIN_CATEGORIES if match.product else bool(record.hosts))
    ):
        yield Finding(CheckId.DEFAULT_PASSWORD_RISK, {"manufacturer": match.manufacturer.name})
