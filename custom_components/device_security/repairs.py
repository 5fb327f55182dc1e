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
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir, selector

from .const import CONF_SUPPORT_OVERRIDES, DOMAIN, ISSUE_TOO_MANY_DEVICES
from .coordinator import DeviceSecurityConfigEntry, DeviceSecurityCoordinator
from .core.checks import KINDS
from .core.findings import Finding, Severity
from .core.report import DeviceAssessment, SecurityReport
from .data_source import ISSUE_REFRESH_FAILING
from .unique_id import issue_id

# This integration's issues that are not about a finding.
_NOT_FINDINGS = frozenset({ISSUE_REFRESH_FAILING, ISSUE_TOO_MANY_DEVICES})


def _placeholders(device: DeviceAssessment, finding: Finding) -> dict[str, str]:
    record = device.record
    via = finding.details.get("via")
    return {
        **{key: value or "—" for key, value in finding.details.items()},
        "services": finding.details.get("services", ""),
        "via": f" (the login test got in over {via})" if via else "",
        "device": record.name,
        "manufacturer": record.manufacturer or "?",
        "model": record.model or record.model_id or "?",
        "end": device.support.end.isoformat() if device.support.end else "?",
        "guideline": finding.kind.guideline,
        "provision": finding.kind.provision,
    }


@callback
def async_sync_issues(
    hass: HomeAssistant,
    entry_id: str,
    report: SecurityReport,
    least: Severity = Severity.HIGH,
    before: SecurityReport | None = None,
) -> None:
    """Make the Repairs page show exactly the actionable findings at least this severe.

    The rest stay in the sensors, the report and the events: Repairs is for what the owner
    must act on. Issues of devices whose assessment is the one of `before` (the report
    synced last time) are already right and are not written again.
    """
    wanted: set[str] = set()
    for key, device in report.devices.items():
        unchanged = before is not None and before.devices.get(key) is device
        for finding in device.active:
            if not finding.raises_issue(least):
                continue
            wanted.add(name := issue_id(key, finding.check))
            if unchanged:
                continue
            ir.async_create_issue(
                hass,
                DOMAIN,
                name,
                is_fixable=True,
                is_persistent=False,
                severity=ir.IssueSeverity.CRITICAL
                if finding.severity is Severity.CRITICAL
                else ir.IssueSeverity.WARNING,
                translation_key=finding.check,
                translation_placeholders=_placeholders(device, finding),
                data={
                    "entry_id": entry_id,
                    "key": key,
                    "check": finding.check,
                    "fingerprint": finding.fingerprint,
                },
            )
    async_delete_issues(hass, keep=wanted | _NOT_FINDINGS)


@callback
def async_delete_issues(hass: HomeAssistant, keep: Collection[str] = ()) -> None:
    """Delete this integration's issues, but those in `keep`."""
    registry = ir.async_get(hass)
    stale = [name for (domain, name) in registry.issues if domain == DOMAIN and name not in keep]
    for name in stale:
        ir.async_delete_issue(hass, DOMAIN, name)


class FindingRepairFlow(RepairsFlow):
    """Fix one finding of one device: explain it first, then offer its fix or acknowledge."""

    def __init__(self, entry: DeviceSecurityConfigEntry, data: dict[str, Any]) -> None:
        """Remember which finding this flow is about."""
        self.entry = entry
        self.key: str = data["key"]
        self.kind = KINDS[data["check"]]
        self.fingerprint: str = data["fingerprint"]

    @property
    def coordinator(self) -> DeviceSecurityCoordinator:
        """The assessment of the loaded entry."""
        return self.entry.runtime_data

    def _device_name(self) -> str:
        device = self.coordinator.data.devices.get(self.key)
        return device.record.name if device else self.key

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> RepairsFlowResult:
        """Say what was found and why it matters, then offer what fits the finding."""
        if self.entry.state is not ConfigEntryState.LOADED:
            return self.async_abort(reason="not_loaded")
        issue = ir.async_get(self.hass).async_get_issue(DOMAIN, issue_id(self.key, self.kind.id))
        placeholders = dict(issue.translation_placeholders or {}) if issue else {}
        placeholders.setdefault("device", self._device_name())
        assert self.kind.repair is not None  # noqa: S101 - only repairable kinds raise issues
        return self.async_show_menu(
            step_id="init",
            menu_options=[str(self.kind.repair), "acknowledge"],
            description_placeholders=placeholders,
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
        overrides = {
            **(self.entry.options.get(CONF_SUPPORT_OVERRIDES) or {}),
            self.key: end.isoformat(),
        }
        self.hass.config_entries.async_update_entry(
            self.entry, options={**self.entry.options, CONF_SUPPORT_OVERRIDES: overrides}
        )
        # After this flow ends and its issue goes; a finding that remains comes back.
        await self.coordinator.async_request_refresh()
        return self.async_create_entry(data={})

    async def async_step_recheck(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Assess again: the login tests (if on) and what Home Assistant now knows."""
        if user_input is None:
            return self.async_show_form(
                step_id="recheck", description_placeholders={"device": self._device_name()}
            )
        if self.coordinator.login_tester is not None:
            await self.coordinator.async_run_login_tests({self.key})
        else:
            await self.coordinator.async_refresh()
        if self.entry.state is not ConfigEntryState.LOADED:
            return self.async_abort(reason="not_loaded")
        device = self.coordinator.data.devices.get(self.key)
        if device is not None and device.counts(self.kind.id):
            return self.async_abort(
                reason="still_found", description_placeholders={"device": self._device_name()}
            )
        return self.async_create_entry(data={})

    async def async_step_update(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Install the fixed firmware (or replace the device), then assess again."""
        if user_input is None:
            return self.async_show_form(
                step_id="update", description_placeholders={"device": self._device_name()}
            )
        return await self.async_step_recheck({})

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


class NotLoadedRepairFlow(RepairsFlow):
    """The issue outlived its entry: say so instead of failing."""

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> RepairsFlowResult:
        """Explain that Device Security must be loaded to fix this."""
        return self.async_abort(reason="not_loaded")


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, Any] | None
) -> RepairsFlow:
    """Create the fix flow of a finding's issue, if its entry is still loaded."""
    data = data or {}
    entry: DeviceSecurityConfigEntry | None = hass.config_entries.async_get_entry(
        str(data.get("entry_id", ""))
    )
    if (
        entry is None
        or entry.state is not ConfigEntryState.LOADED
        or data.get("check") not in KINDS
        or not KINDS[str(data["check"])].repairable
    ):
        return NotLoadedRepairFlow()
    return FindingRepairFlow(entry, data)
