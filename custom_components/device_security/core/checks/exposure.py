"""Guidelines 5 and 6: communicate securely, minimise exposed attack surface.

From what the device announces on the LAN, and, with the owner's consent to login tests,
from what its services answered.
"""

from collections.abc import Iterable

from ..findings import Finding, FindingKind, RepairKind, Severity
from .base import Check, Subject
from .context import AssessmentContext

CLEARTEXT_ADMIN = {"_telnet._tcp": "telnet", "_ftp._tcp": "ftp"}
CLEARTEXT = FindingKind(
    "insecure_remote_access", Severity.HIGH, "5, 6", "EN 303 645 5.5-1, 5.6-1",
    "A cleartext management service (telnet or FTP) is open on the network.",
    repair=RepairKind.RECHECK, counted_by="exposed_services",
)  # fmt: skip
NO_LOGIN = FindingKind(
    "no_login_required", Severity.HIGH, "5, 6", "EN 303 645 5.5-4, 5.6-1",
    "A service lets anyone on the network in without a login.",
    repair=RepairKind.RECHECK, counted_by="exposed_services",
)  # fmt: skip
HTTP_ONLY = FindingKind(
    "unencrypted_web_admin", Severity.MEDIUM, "5", "EN 303 645 5.5-1",
    "The web interface is offered over http without https.", counted_by="exposed_services",
)  # fmt: skip


def _run(subject: Subject, context: AssessmentContext) -> Iterable[Finding]:
    """Find cleartext management services and services open without a login."""
    record = subject.record
    types = {service.type for service in record.services}
    if cleartext := {name for kind, name in CLEARTEXT_ADMIN.items() if kind in types}:
        yield Finding(CLEARTEXT, {"services": ", ".join(sorted(cleartext))})
    if record.open_services:
        yield Finding(NO_LOGIN, {"services": ", ".join(record.open_services)})
    if "_http._tcp" in types and "_https._tcp" not in types:
        ports = sorted({str(s.port) for s in record.services if s.type == "_http._tcp"})
        yield Finding(HTTP_ONLY, {"ports": ", ".join(ports)})


CHECK = Check("exposure", (CLEARTEXT, NO_LOGIN, HTTP_ONLY), _run)
