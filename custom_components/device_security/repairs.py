"""A Repairs issue for every finding the owner can act on, and the flows that fix them.

Issues follow the report: created when an actionable finding appears, deleted when it goes
(fixed, acknowledged, or the device removed). The fix flows offer what fits the finding:
set the support end date by hand, check again after changing a password, or acknowledge.
"""

from collections.abc import Collection
from datetime import date
from typing import Any

import probatio

from homeassistant.components.repairs import RepairsFlow, RepairsFlowResult
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir, selector

from .const import CONF_SUPPORT_OVERRIDES, DOMAIN
from .coordinator import DeviceSecurityConfigEntry, DeviceSecurityCoordinator
from .core.report import CheckId, DeviceAssessment, Finding, SecurityReport
from .data_source import ISSUE_REFRESH_FAILING

SUPPORT_CHECKS = frozenset(
    {CheckId.SUPPORT_ENDED, CheckId.SUPPORT_ENDING_SOON, CheckId.NO_SUPPORT_PERIOD}
)


def issue_id(key: str, check: CheckId) -> str:
    """Name the issue of one finding of one device."""
    return f"{check}.{key}"


def _placeholders(device: DeviceAssessment, finding: Finding) -> dict[str, str]:
    record = device.record
    via = finding.details.get("via")
    return {
        "services": finding.details.get("services", ""),
        "via": f" (the login test got in over {via})" if via else "",
        "device": record.name,
        "manufacturer": record.manufacturer or "?",
        "model": record.model or record.model_id or "?",
        "end": device.support.end.isoformat() if device.support.end else "?",
        "guideline": finding.info.guideline,
        "provision": finding.info.provision,
    }


@callback
def async_sync_issues(hass: HomeAssistant, report: SecurityReport) -> None:
    """Make the Repairs page show exactly the actionable findings of the report."""
    wanted: set[str] = set()
    for key, device in report.devices.items():
        for finding in device.active:
            if not finding.info.repairable:
                continue
            wanted.add(name := issue_id(key, finding.check))
            ir.async_create_issue(
                hass,
                DOMAIN,
                name,
                is_fixable=True,
                is_persistent=False,
                severity=ir.IssueSeverity.CRITICAL
                if finding.check is CheckId.DEFAULT_PASSWORD_CONFIRMED
                else ir.IssueSeverity.WARNING,
                translation_key=str(finding.check),
                translation_placeholders=_placeholders(device, finding),
                data={"key": key, "check": str(finding.check), "fingerprint": finding.fingerprint},
            )
    async_delete_issues(hass, keep=wanted)


@callback
def async_delete_issues(hass: HomeAssistant, keep: Collection[str] = ()) -> None:
    """Delete this integration's finding issues, but those in `keep`."""
    registry = ir.async_get(hass)
    stale = [
        name
        for (domain, name) in registry.issues
        if domain == DOMAIN and name != ISSUE_REFRESH_FAILING and name not in keep
    ]
    for name in stale:
        ir.async_delete_issue(hass, DOMAIN, name)


class FindingRepairFlow(RepairsFlow):
    """Fix one finding of one device."""

    def __init__(self, coordinator: DeviceSecurityCoordinator, data: dict[str, Any]) -> None:
        """Remember which finding this flow is about."""
        self.coordinator = coordinator
        self.key: str = data["key"]
        self.check = CheckId(data["check"])
        self.fingerprint: str = data["fingerprint"]

    def _device_name(self) -> str:
        device = self.coordinator.data.devices.get(self.key)
        return device.record.name if device else self.key

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> RepairsFlowResult:
        """Offer what fits the finding."""
        first = "set_support_end" if self.check in SUPPORT_CHECKS else "recheck"
        return self.async_show_menu(
            step_id="init",
            menu_options=[first, "acknowledge"],
            description_placeholders={"device": self._device_name()},
        )

    async def async_step_set_support_end(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Set the device's support end date by hand; it wins over the database."""
        if user_input is None:
            return self.async_show_form(
                step_id="set_support_end",
                data_schema=probatio.Schema({probatio.Required("end"): selector.DateSelector()}),
                description_placeholders={"device": self._device_name()},
            )
        end = date.fromisoformat(user_input["end"])
        entry = self.coordinator.config_entry
        overrides = {**(entry.options.get(CONF_SUPPORT_OVERRIDES) or {}), self.key: end.isoformat()}
        self.hass.config_entries.async_update_entry(
            entry, options={**entry.options, CONF_SUPPORT_OVERRIDES: overrides}
        )
        # After this flow ends and its issue goes; a finding that remains comes back.
        await self.coordinator.async_request_refresh()
        return self.async_create_entry(data={})

    async def async_step_recheck(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Assess again, reading the credentials Home Assistant now holds."""
        if user_input is None:
            return self.async_show_form(
                step_id="recheck", description_placeholders={"device": self._device_name()}
            )
        if self.coordinator.login_tester is not None:
            await self.coordinator.async_run_login_tests({self.key})
        else:
            await self.coordinator.async_refresh()
        device = self.coordinator.data.devices.get(self.key)
        if device is not None and device.counts(self.check):
            return self.async_abort(
                reason="still_found", description_placeholders={"device": self._device_name()}
            )
        return self.async_create_entry(data={})

    async def async_step_acknowledge(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Keep the finding out of the counts until it changes."""
        if user_input is None:
            return self.async_show_form(
                step_id="acknowledge", description_placeholders={"device": self._device_name()}
            )
        await self.coordinator.async_acknowledge(self.key, self.fingerprint)
        return self.async_create_entry(data={})


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, Any] | None
) -> RepairsFlow:
    """Create the fix flow of a finding's issue."""
    entry: DeviceSecurityConfigEntry = hass.config_entries.async_entries(DOMAIN)[0]
    assert data is not None  # noqa: S101 - every fixable issue of ours carries its data
    return FindingRepairFlow(entry.runtime_data, data)
