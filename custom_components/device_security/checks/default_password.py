"""Guideline 1 (PSTI req. 1): no universal default passwords.

Confirmed when the credentials Home Assistant itself uses for the device are one of the
manufacturer's published defaults, or when the owner's opt-in login test logged in with
one; a risk when the manufacturer has shipped such defaults and Home Assistant holds no
other credentials for the device. Only digests and test outcomes are compared.
"""

from collections.abc import Iterable

from ..credentials import PERSONAL_CATEGORIES
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
    elif not record.credential_digests and (
        match.product is None or match.product.category not in PERSONAL_CATEGORIES
    ):
        yield Finding(CheckId.DEFAULT_PASSWORD_RISK, {"manufacturer": match.manufacturer.name})
