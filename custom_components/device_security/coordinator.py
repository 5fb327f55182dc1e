"""Keeps the security report of the home current."""

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers import (
    device_registry as dr,
    entity_registry as er,
    issue_registry as ir,
)
from homeassistant.helpers.debounce import Debouncer
from homeassistant.helpers.event import TrackStates, async_track_state_change_filtered
from homeassistant.helpers.storage import Store
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator
from homeassistant.util import dt as dt_util

from .const import (
    CONF_ENDING_SOON_DAYS,
    CONF_IGNORED_DEVICES,
    CONF_LAN_DISCOVERY,
    CONF_LOGIN_TESTS,
    CONF_PER_DEVICE_ENTITIES,
    CONF_REPAIR_SEVERITY,
    CONF_SUPPORT_OVERRIDES,
    DEFAULT_ENDING_SOON_DAYS,
    DEFAULT_REPAIR_SEVERITY,
    DOMAIN,
    EVENT_FINDING,
    FULL_SCAN_INTERVAL,
    ISSUE_TOO_MANY_DEVICES,
    LOGGER,
    MAX_DEVICES_WITH_ENTITIES,
    REGISTRY_DEBOUNCE_SECONDS,
)
from .core.checks import AssessmentContext, assess
from .core.credentials import CredentialDigester, load_default_credentials, load_default_logins
from .core.device_record import DeviceRecord
from .core.findings import Severity
from .core.lan import correlate
from .core.probes.model import Login
from .core.report import DeviceAssessment, SecurityReport
from .data_source import DatabaseSource, DataRefreshCoordinator
from .discovery import LanDiscovery
from .inventory import async_build_inventory
from .login_tests import DefaultLoginTester
from .unique_id import parse_device_unique_id

type DeviceSecurityConfigEntry = ConfigEntry[DeviceSecurityCoordinator]
ACKNOWLEDGED_STORAGE_VERSION = 1


class DeviceSecurityCoordinator(DataUpdateCoordinator[SecurityReport]):
    """Assesses the home once a day and whenever a device or its updates change."""

    config_entry: DeviceSecurityConfigEntry

    def __init__(self, hass: HomeAssistant, entry: DeviceSecurityConfigEntry) -> None:
        """Set up a coordinator for the config entry."""
        super().__init__(
            hass,
            LOGGER,
            config_entry=entry,
            name=DOMAIN,
            update_interval=FULL_SCAN_INTERVAL,
            request_refresh_debouncer=Debouncer(
                hass, LOGGER, cooldown=REGISTRY_DEBOUNCE_SECONDS, immediate=False
            ),
        )
        self.source = DatabaseSource(hass, entry)
        self.data_refresh = DataRefreshCoordinator(
            hass, entry, self.source, self.async_request_refresh
        )
        self.discovery = (
            LanDiscovery(hass, self._changed) if entry.options.get(CONF_LAN_DISCOVERY) else None
        )
        self.login_tester = (
            DefaultLoginTester(hass, entry) if entry.options.get(CONF_LOGIN_TESTS) else None
        )
        self._default_logins: Mapping[str, tuple[Login, ...]] = {}
        self.digester = CredentialDigester()
        self._default_credentials: dict[str, frozenset[str]] = {}
        self._acknowledged_store: Store[dict[str, list[str]]] = Store(
            hass, ACKNOWLEDGED_STORAGE_VERSION, f"{DOMAIN}.acknowledged"
        )
        self.acknowledged: dict[str, set[str]] = {}
        # Assessments of unchanged records are reused while the context stays the same.
        self._cache: dict[DeviceRecord, DeviceAssessment] = {}
        self._known_keys: set[str] = set()
        self._cache_key: tuple[Any, ...] = ()
        # The devices that have entities of their own, and what each entity listens to.
        self.entity_keys: frozenset[str] = frozenset()
        self._device_listeners: dict[str, list[CALLBACK_TYPE]] = {}
        self._published: tuple[bool, SecurityReport | None] = (False, None)

    @property
    def repair_severity(self) -> Severity:
        """The least severity that gets a Repairs issue, as the owner chose."""
        chosen = str(self.config_entry.options.get(CONF_REPAIR_SEVERITY, DEFAULT_REPAIR_SEVERITY))
        return Severity.__members__.get(chosen.upper(), Severity.HIGH)

    async def _async_setup(self) -> None:
        """Load the database, the published defaults and the owner's acknowledgements."""
        await self.source.async_load()
        self._default_credentials = dict(
            await self.hass.async_add_executor_job(load_default_credentials, self.digester)
        )
        # The keys of the last run, as the entity registry remembers them.
        entities = er.async_entries_for_config_entry(
            er.async_get(self.hass), self.config_entry.entry_id
        )
        self._known_keys = {
            parsed[0] for entity in entities if (parsed := parse_device_unique_id(entity.unique_id))
        }
        stored = await self._acknowledged_store.async_load() or {}
        self.acknowledged = {key: set(values) for key, values in stored.items()}
        if self.login_tester is not None:
            self._default_logins = await self.hass.async_add_executor_job(load_default_logins)

    async def async_refresh_database(self) -> None:
        """Refresh the data from outside sources now; re-assess if it changed."""
        await self.data_refresh.async_refresh()

    def _keys_in_use(self) -> set[str]:
        """The device keys entities, issues and acknowledgements hang off: they must not move."""
        return self._known_keys | set(self.acknowledged)

    def _context(self, today: date) -> AssessmentContext:
        options = self.config_entry.options
        overrides = {}
        for device_id, value in (options.get(CONF_SUPPORT_OVERRIDES) or {}).items():
            try:
                overrides[device_id] = date.fromisoformat(value)
            except TypeError, ValueError:
                LOGGER.warning("Ignoring the support date set for device %s: %r", device_id, value)
        return AssessmentContext(
            today=today,
            ending_soon_days=int(options.get(CONF_ENDING_SOON_DAYS, DEFAULT_ENDING_SOON_DAYS)),
            database=self.source.database,
            default_credentials=self._default_credentials,
            support_overrides=overrides,
            vulnerabilities=self.source.vulnerabilities,
            software=self.source.software,
        )

    def _assess_all(
        self, records: dict[str, DeviceRecord], context: AssessmentContext
    ) -> dict[str, DeviceAssessment]:
        """Assess every record, reusing unchanged ones. Runs in the executor."""
        key = (
            context.today,
            context.ending_soon_days,
            id(context.database),
            id(context.vulnerabilities),
            tuple(sorted(context.support_overrides.items())),
        )
        if key != self._cache_key:
            self._cache, self._cache_key = {}, key
        cache = {
            record: self._cache.get(record) or assess(record, context)
            for record in records.values()
        }
        self._cache = cache
        return {record.key: assessment for record, assessment in cache.items()}

    async def async_run_login_tests(self, keys: set[str] | None = None, *_: object) -> None:
        """Run the opt-in login tests on every device, or on those given; then re-assess."""
        if self.data is not None:
            await self._async_test_logins(
                [
                    device.record
                    for key, device in self.data.devices.items()
                    if keys is None or key in keys
                ]
            )

    async def _async_test_logins(self, records: list[DeviceRecord]) -> None:
        if self.login_tester is None:
            return
        await self.login_tester.async_test(
            records, self.source.database.matcher, self._default_logins
        )
        await self.async_refresh()

    async def _async_update_data(self) -> SecurityReport:
        """Take stock of the registry and the LAN, and assess them."""
        ignored = set(self.config_entry.options.get(CONF_IGNORED_DEVICES) or ())
        records = await async_build_inventory(self.hass, self.digester, self._keys_in_use())
        self._known_keys = set(records)
        if self.discovery is not None:
            records = correlate(records, self.discovery.hosts)
        # Devices the owner left out are neither assessed nor tested.
        records = {
            key: record for key, record in records.items() if ignored.isdisjoint(record.device_ids)
        }
        if (tester := self.login_tester) is not None:
            # Devices that appeared or moved are tested now, in the background.
            if (untested := tester.untested(records.values())) and not tester.running:
                self.config_entry.async_create_background_task(
                    self.hass,
                    self._async_test_logins([records[key] for key in sorted(untested)]),
                    "device_security login tests",
                )
            records = {key: tester.apply(record) for key, record in records.items()}
        context = self._context(dt_util.now().date())
        assessments = await self.hass.async_add_executor_job(self._assess_all, records, context)
        report = SecurityReport(
            devices={
                key: replace(assessment, acknowledged=frozenset(self.acknowledged[key]))
                if key in self.acknowledged
                else assessment
                for key, assessment in assessments.items()
            },
            generated=context.today,
            database_date=context.database.generated,
        )
        if self.data is not None:
            self._fire_finding_events(self.data, report)
        self.entity_keys = self._choose_entity_keys(report)
        return report

    def _choose_entity_keys(self, report: SecurityReport) -> frozenset[str]:
        """The devices that get entities: all, or below the cap the ones that had them first.

        New devices fill the room left, least secure first; a device keeps its entities for
        as long as it is monitored, so that entity ids do not come and go with scores.
        """
        if not self.config_entry.options.get(CONF_PER_DEVICE_ENTITIES, True):
            return frozenset()
        # Hosts seen only on the LAN have no device page to show entities on.
        managed = {key for key, device in report.devices.items() if device.record.managed}
        kept = self.entity_keys & managed
        room = MAX_DEVICES_WITH_ENTITIES - len(kept)
        new = sorted(managed - kept, key=lambda key: (report.devices[key].score, key))
        if len(new) > room:
            ir.async_create_issue(
                self.hass,
                DOMAIN,
                ISSUE_TOO_MANY_DEVICES,
                is_fixable=False,
                severity=ir.IssueSeverity.WARNING,
                translation_key=ISSUE_TOO_MANY_DEVICES,
                translation_placeholders={
                    "devices": f"{len(managed):,}",
                    "limit": f"{MAX_DEVICES_WITH_ENTITIES:,}",
                },
            )
        else:
            ir.async_delete_issue(self.hass, DOMAIN, ISSUE_TOO_MANY_DEVICES)
        return frozenset(kept.union(new[: max(room, 0)]))

    @callback
    def async_add_device_listener(self, key: str, update: CALLBACK_TYPE) -> CALLBACK_TYPE:
        """Call `update` when this device's assessment changes; return the remover.

        Per-device entities listen here rather than to every refresh: at thousands of
        devices, waking every entity for a change to one would stall the event loop.
        """
        listeners = self._device_listeners.setdefault(key, [])
        listeners.append(update)

        @callback
        def _remove() -> None:
            listeners.remove(update)
            if not listeners:
                self._device_listeners.pop(key, None)

        return _remove

    @callback
    def async_update_listeners(self) -> None:
        """Tell the summary listeners, then the devices whose assessment changed."""
        super().async_update_listeners()
        (success_before, before), report = self._published, self.data
        self._published = (self.last_update_success, report)
        availability_changed = success_before != self.last_update_success
        for key, listeners in list(self._device_listeners.items()):
            if (
                availability_changed
                or before is None
                or before.devices.get(key) is not report.devices.get(key)
            ):
                for update in list(listeners):
                    update()

    @callback
    def _fire_finding_events(self, before: SecurityReport, after: SecurityReport) -> None:
        """Tell automations which findings appeared and which were resolved."""
        for state, old, new in (("resolved", after, before), ("new", before, after)):
            for key, device in new.devices.items():
                if old.devices.get(key) is device:
                    continue
                known = (
                    {finding.check for finding in old.devices[key].active}
                    if key in old.devices
                    else set()
                )
                for finding in device.active:
                    if finding.check in known:
                        continue
                    self.hass.bus.async_fire(
                        EVENT_FINDING,
                        {
                            "device_id": key,
                            "device_name": device.record.name,
                            "check": finding.check,
                            "severity": str(finding.severity),
                            "guideline": finding.kind.guideline,
                            "state": state,
                            "details": dict(finding.details),
                        },
                    )

    async def async_acknowledge(self, key: str, fingerprint: str) -> None:
        """Keep a finding out of the counts until it changes."""
        self.acknowledged.setdefault(key, set()).add(fingerprint)
        await self._acknowledged_store.async_save(
            {device: sorted(values) for device, values in self.acknowledged.items()}
        )
        await self.async_request_refresh()

    @callback
    def _changed(self, *_: object) -> None:
        """Something a finding depends on changed: re-assess after the debounce."""
        self.hass.async_create_task(self.async_request_refresh(), eager_start=True)

    @callback
    def _not_ours(self, data: dr.EventDeviceRegistryUpdatedData) -> bool:
        """Whether a registry change is about another integration's device, not our own."""
        device = dr.async_get(self.hass).async_get(data["device_id"])
        return device is None or all(domain != DOMAIN for domain, _ in device.identifiers)

    @callback
    def async_track_changes(self) -> None:
        """Re-assess after device registry and update-entity changes, until unload."""
        self.config_entry.async_on_unload(
            self.hass.bus.async_listen(
                dr.EVENT_DEVICE_REGISTRY_UPDATED, self._changed, event_filter=self._not_ours
            )
        )
        tracker = async_track_state_change_filtered(
            self.hass,
            TrackStates(all_states=False, entities=set(), domains={"update"}),
            self._changed,
        )
        self.config_entry.async_on_unload(tracker.async_remove)
