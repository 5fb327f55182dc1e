"""Diagnostics: the report and the data's state, with identifying details redacted."""

from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.core import HomeAssistant

from .coordinator import DeviceSecurityConfigEntry
from .core.serialize import report_as_dict

TO_REDACT = {"serial_number", "macs", "data_url"}


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: DeviceSecurityConfigEntry
) -> dict[str, Any]:
    """Return what a bug report needs, and nothing secret."""
    coordinator = entry.runtime_data
    source = coordinator.source
    tester = coordinator.login_tester
    return async_redact_data(
        {
            "options": dict(entry.options),
            "database": {
                "generated": source.database.generated.isoformat(),
                "manufacturers": len(source.database.manufacturers),
                "products": len(source.database.products),
                "refresh_enabled": source.enabled,
                "refresh_failures": source.failures,
                "last_error": source.last_error,
            },
            "network": {
                "discovery": coordinator.discovery is not None,
                "hosts_announced": len(coordinator.discovery.hosts) if coordinator.discovery else 0,
                "login_tests": tester is not None,
                "login_test_outcomes": {
                    key: sorted(f"{r.service.kind}:{r.outcome}" for r in results.values())
                    for key, results in (tester.results.items() if tester else ())
                },
            },
            "report": report_as_dict(coordinator.data, coordinator.repair_severity),
        },
        TO_REDACT,
    )
