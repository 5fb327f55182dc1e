"""Guidelines 5 and 6: communicate securely, minimise exposed attack surface.

From what the device announces on the LAN, and, with the owner's consent to login tests,
from what its services answered.
"""

from collections.abc import Iterable

from ..database.matcher import Match
from ..device_record import DeviceRecord
from ..report import CheckId, Finding
from .context import AssessmentContext

CLEARTEXT_ADMIN = {"_telnet._tcp": "telnet", "_ftp._tcp": "ftp"}


def check(record: DeviceRecord, match: Match, context: AssessmentContext) -> Iterable[Finding]:
    """Find cleartext management services and services open without a login."""
    types = {service.type for service in record.services}
    cleartext = {name for kind, name in CLEARTEXT_ADMIN.items() if kind in types}
    if cleartext:
        yield Finding(CheckId.INSECURE_REMOTE_ACCESS, {"services": ", ".join(sorted(cleartext))})
    if record.open_services:
        yield Finding(CheckId.NO_LOGIN_REQUIRED, {"services": ", ".join(record.open_services)})
    if "_http._tcp" in types and "_https._tcp" not in types:
        ports = sorted({str(s.port) for s in record.services if s.type == "_http._tcp"})
        yield Finding(CheckId.UNENCRYPTED_WEB_ADMIN, {"ports": ", ".join(ports)})
