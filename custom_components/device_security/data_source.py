"""Where the database comes from: bundled, improved by cached and refreshed data.

The bundled file always works offline. When the owner turns the daily refresh on, newer
data from endoflife.date and from the project's published file replaces it; the last good
answers are cached in Home Assistant's storage, so a restart without network keeps them.
Any failure keeps the last good data; it is logged once, and it becomes a repair issue only
after several refreshes in a row failed.
"""

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

from aiohttp import ClientSession

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.helpers.storage import Store
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator
from homeassistant.util import dt as dt_util

from .const import CONF_DATA_URL, CONF_ONLINE_REFRESH, DATA_REFRESH_INTERVAL, DOMAIN, LOGGER
from .core.database import endoflife
from .core.database.loader import Database, load_database
from .core.database.model import Product
from .core.database.refresh import (
    FetchLimits,
    RefreshError,
    endoflife_products,
    fetch,
    parse_endoflife,
    parse_project_file,
    redact_url,
    with_endoflife,
)
from .core.database.schema import DatabaseError
from .core.software import SoftwareReleases, load_bundled as load_software
from .core.vulnerabilities import (
    FEED_URL as KEV_FEED_URL,
    Rule,
    VulnerabilityIndex,
    feed_items,
    load_bundled as load_vulnerabilities,
    with_feed,
)

STORAGE_VERSION = 1
STORAGE_KEY = f"{DOMAIN}.data_cache"
FAILURES_BEFORE_REPAIR = 3
ISSUE_REFRESH_FAILING = "refresh_failing"


class DatabaseSource:
    """Holds the database, exploited vulnerabilities and OS release lines; keeps them fresh."""

    database: Database
    vulnerabilities: VulnerabilityIndex
    software: SoftwareReleases

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry) -> None:
        """Prepare; nothing is read until async_load."""
        self.hass = hass
        self.entry = entry
        self._store: Store[dict[str, Any]] = Store(hass, STORAGE_VERSION, STORAGE_KEY)
        self._cache: dict[str, Any] = {}
        self.failures = 0
        self.last_error: str | None = None
        self.limits = FetchLimits()
        self._kev_rules: dict[tuple[str, str], tuple[Rule, ...]] = {}
        self.kev_feed_url = KEV_FEED_URL

    @property
    def enabled(self) -> bool:
        """Tell whether the owner allowed the daily refresh."""
        return bool(self.entry.options.get(CONF_ONLINE_REFRESH))

    async def async_load(self) -> None:
        """Load the bundled database and what earlier refreshes cached, off the event loop."""
        self._cache = await self._store.async_load() or {}
        self.database = await self.hass.async_add_executor_job(self._load, self._cache)
        self.vulnerabilities = await self.hass.async_add_executor_job(self._load_kev, self._cache)
        self.software = await self.hass.async_add_executor_job(load_software)

    def _load_kev(self, cache: dict[str, Any]) -> VulnerabilityIndex:
        """The bundled entries, and those a refresh cached since. Blocking."""
        index, self._kev_rules = load_vulnerabilities()
        items = (cache.get("kev") or {}).get("items")
        if isinstance(items, list):
            try:
                index = with_feed(index, items, self._kev_rules)
            except (DatabaseError, AttributeError, TypeError) as err:
                LOGGER.warning("Ignoring cached vulnerability data: %s", err)
        return index

    @staticmethod
    def _load(cache: dict[str, Any]) -> Database:
        database = load_database()
        project = cache.get("project") or {}
        if isinstance(body := project.get("body"), str):
            try:
                cached = parse_project_file(body.encode(), database.catalogue)
            except RefreshError as err:
                LOGGER.warning("Ignoring the cached project data file: %s", err)
            else:
                if cached.generated > database.generated:
                    database = cached
        fresh = {}
        for slug, entry in (cache.get("endoflife") or {}).items():
            if slug in endoflife.PRODUCTS and isinstance(entry, dict):
                try:
                    fresh[slug] = endoflife_products(slug, entry["records"])
                except (DatabaseError, KeyError, TypeError) as err:
                    LOGGER.warning("Ignoring cached endoflife.date data for %s: %s", slug, err)
        return with_endoflife(database, fresh)

    async def async_refresh(self) -> bool:
        """Fetch newer data from every source; return whether the database changed."""
        if not self.enabled:
            return False
        session = async_get_clientsession(self.hass)
        errors: list[str] = []
        database = self.database
        if url := self.entry.options.get(CONF_DATA_URL):
            try:
                database = await self._refresh_project(session, url, database)
            except RefreshError as err:
                errors.append(f"{redact_url(url)}: {err}")
        endoflife_cache: dict[str, Any] = self._cache.setdefault("endoflife", {})
        today = dt_util.now().date()
        fresh = {}
        for slug in endoflife.PRODUCTS:
            try:
                if products := await self._refresh_endoflife(session, slug, endoflife_cache, today):
                    fresh[slug] = products
            except RefreshError as err:
                errors.append(str(err))
        if fresh:
            database = await self.hass.async_add_executor_job(with_endoflife, database, fresh)
        vulnerabilities = self.vulnerabilities
        try:
            vulnerabilities = await self._refresh_kev(session)
        except RefreshError as err:
            errors.append(f"known exploited vulnerabilities: {err}")
        self._store.async_delay_save(lambda: self._cache, 10)
        self._record_outcome(errors)
        changed = database is not self.database or vulnerabilities is not self.vulnerabilities
        self.database, self.vulnerabilities = database, vulnerabilities
        return changed

    async def _refresh_kev(self, session: ClientSession) -> VulnerabilityIndex:
        """Fetch CISA's feed; keep the entries for products the mapping knows."""
        cached = self._cache.get("kev") or {}
        answer = await fetch(
            session,
            self.kev_feed_url,
            etag=cached.get("etag"),
            last_modified=cached.get("last_modified"),
            limits=self.limits,
        )
        if answer.body is None:
            return self.vulnerabilities
        try:
            items = await self.hass.async_add_executor_job(feed_items, answer.body, self._kev_rules)
            fresh = await self.hass.async_add_executor_job(
                with_feed, self.vulnerabilities, items, self._kev_rules
            )
        except DatabaseError as err:
            raise RefreshError(str(err)) from err
        self._cache["kev"] = {
            "etag": answer.etag,
            "last_modified": answer.last_modified,
            "items": items,
        }
        return fresh

    async def _refresh_project(
        self, session: ClientSession, url: str, database: Database
    ) -> Database:
        cached = self._cache.get("project") or {}
        if cached.get("url") != url:
            cached = {}
        answer = await fetch(
            session,
            url,
            etag=cached.get("etag"),
            last_modified=cached.get("last_modified"),
            limits=self.limits,
        )
        if answer.body is None:
            return database
        fresh = await self.hass.async_add_executor_job(
            parse_project_file, answer.body, database.catalogue
        )
        self._cache["project"] = {
            "url": url,
            "etag": answer.etag,
            "last_modified": answer.last_modified,
            "body": answer.body.decode("utf-8"),  # parse_project_file proved it is UTF-8
        }
        return fresh if fresh.generated > database.generated else database

    async def _refresh_endoflife(
        self, session: ClientSession, slug: str, cache: dict[str, Any], today: date
    ) -> tuple[Product, ...] | None:
        """Fetch one endoflife.date product; None when it has not changed."""
        cached = cache.get(slug) or {}
        answer = await fetch(
            session,
            endoflife.API_URL.format(slug=slug),
            etag=cached.get("etag"),
            last_modified=cached.get("last_modified"),
            limits=self.limits,
        )
        if answer.body is None:
            return None
        records, products = await self.hass.async_add_executor_job(
            parse_endoflife, slug, answer.body, today
        )
        cache[slug] = {
            "etag": answer.etag,
            "last_modified": answer.last_modified,
            "records": records,
        }
        return products

    def _record_outcome(self, errors: list[str]) -> None:
        """Log a failure once, raise a repair after several in a row, clear both on success."""
        if not errors:
            if self.failures:
                LOGGER.info("Support data refresh works again")
            self.failures = 0
            self.last_error = None
            ir.async_delete_issue(self.hass, DOMAIN, ISSUE_REFRESH_FAILING)
            return
        self.failures += 1
        self.last_error = errors[0]
        if self.failures == 1:
            LOGGER.warning(
                "Could not refresh support data (%s); keeping the data of %s",
                "; ".join(errors[:3]),
                self.database.generated,
            )
        if self.failures >= FAILURES_BEFORE_REPAIR:
            ir.async_create_issue(
                self.hass,
                DOMAIN,
                ISSUE_REFRESH_FAILING,
                is_fixable=False,
                severity=ir.IssueSeverity.WARNING,
                translation_key=ISSUE_REFRESH_FAILING,
                translation_placeholders={
                    "failures": str(self.failures),
                    "error": self.last_error[:200],
                    "data_date": self.database.generated.isoformat(),
                },
            )


class DataRefreshCoordinator(DataUpdateCoordinator[bool]):
    """Refreshes the outside data on its own daily schedule; its data: whether it changed.

    The home's assessment has its own coordinator and schedule; this one only tells it to
    re-assess when the data changed. A refresh never fails the coordinator: the source
    keeps the last good data and raises its own Repairs issue after repeated failures.
    """

    def __init__(
        self,
        hass: HomeAssistant,
        entry: ConfigEntry,
        source: DatabaseSource,
        changed: Callable[[], Awaitable[None]],
    ) -> None:
        """Refresh `source` every day; await `changed` when the data changed."""
        super().__init__(
            hass,
            LOGGER,
            config_entry=entry,
            name=f"{DOMAIN} data refresh",
            update_interval=DATA_REFRESH_INTERVAL,
        )
        self.source = source
        self._changed = changed

    async def _async_update_data(self) -> bool:
        if changed := await self.source.async_refresh():
            await self._changed()
        return changed
