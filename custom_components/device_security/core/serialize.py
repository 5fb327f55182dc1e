"""The report as plain data: the `get_report` action's answer and the diagnostics.

Credential digests are never included; serial numbers and MAC addresses are, for the
owner's own use, and the diagnostics redact them.
"""

from typing import Any

from .findings import Finding, Severity
from .help_identify import help_identify_url, identifying_strings
from .report import DeviceAssessment, SecurityReport


def finding_as_dict(finding: Finding, *, repairs_issue: bool) -> dict[str, Any]:
    """One finding, with what the baseline says about it and whether Repairs shows it."""
    kind = finding.kind
    return {
        "check": finding.check,
        "severity": str(finding.severity),
        "guideline": kind.guideline,
        "provision": kind.provision,
        "summary": kind.summary,
        "details": dict(finding.details),
        "repairs_issue": repairs_issue,
    }


def assessment_as_dict(device: DeviceAssessment, least: Severity) -> dict[str, Any]:
    """One device's assessment; `least`, the least severity that gets a Repairs issue."""
    record, match, contact = device.record, device.match, device.contact
    product = match.product
    return {
        "device_id": record.key,
        "registry_device_ids": list(record.device_ids),
        "name": record.name,
        "manufacturer": record.manufacturer,
        "model": record.model,
        "model_id": record.model_id,
        "sw_version": record.sw_version,
        "serial_number": record.serial_number,
        "macs": list(record.macs),
        "integrations": list(record.integrations),
        "identified_as": product
        and {"id": product.id, "name": product.name, "category": product.category},
        "identified_by": str(match.method),
        "help_identify": None if match.identified else help_identify_url(record),
        "manufacturer_record": match.manufacturer and match.manufacturer.id,
        "support": {
            "state": str(device.support.state),
            "end": device.support.end and device.support.end.isoformat(),
            "basis": device.support.basis,
            "sources": list(device.support.sources),
        },
        "security_contact": contact
        and {"url": contact.url, "email": contact.email, "security_txt": contact.security_txt},
        "score": device.score,
        "findings": [
            finding_as_dict(finding, repairs_issue=finding.raises_issue(least))
            for finding in device.active
        ],
        "acknowledged": [
            finding_as_dict(finding, repairs_issue=False)
            for finding in device.findings
            if finding not in device.active
        ],
    }


def report_as_dict(report: SecurityReport, least: Severity) -> dict[str, Any]:
    """The whole report; `least`, the least severity that gets a Repairs issue."""
    return {
        "generated": report.generated.isoformat(),
        "database_date": report.database_date.isoformat(),
        "score": report.score,
        "devices_monitored": report.monitored,
        "devices": [assessment_as_dict(device, least) for device in report.devices.values()],
        "unidentified": unidentified(report),
    }


def unidentified(report: SecurityReport) -> list[dict[str, str]]:
    """The models not identified, once each, with the link that helps identify them."""
    found: dict[tuple[tuple[str, str], ...], dict[str, str]] = {}
    for device in report.devices.values():
        if device.match.identified or not device.record.managed:
            continue
        strings = identifying_strings(device.record)
        found.setdefault(
            tuple(strings.items()), {**strings, "help_identify": help_identify_url(device.record)}
        )
    return [found[key] for key in sorted(found)]
