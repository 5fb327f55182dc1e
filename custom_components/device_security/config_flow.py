"""Config flow (one instance per home) and options flow."""

from typing import Any
from urllib.parse import urlparse

import probatio

from homeassistant.config_entries import ConfigFlow, ConfigFlowResult, OptionsFlowWithReload
from homeassistant.const import CONF_DEVICE_ID
from homeassistant.core import callback
from homeassistant.helpers import selector

from .const import (
    CONF_DATA_URL,
    CONF_ENDING_SOON_DAYS,
    CONF_IGNORED_DEVICES,
    CONF_LAN_DISCOVERY,
    CONF_LOGIN_TESTS,
    CONF_ONLINE_REFRESH,
    CONF_PANEL,
    CONF_PER_DEVICE_ENTITIES,
    CONF_REPAIR_SEVERITY,
    CONF_SUPPORT_OVERRIDES,
    DEFAULT_ENDING_SOON_DAYS,
    DEFAULT_REPAIR_SEVERITY,
    DOMAIN,
    MAX_DEVICES_WITH_ENTITIES,
    MAX_ENDING_SOON_DAYS,
    MIN_ENDING_SOON_DAYS,
)
from .coordinator import DeviceSecurityConfigEntry
from .inventory import monitored_devices

CONF_SUPPORT_END = "support_end"
CONF_CONSENT = "i_own_these_devices"


class DeviceSecurityConfigFlow(ConfigFlow, domain=DOMAIN):
    """Add Device Security; it assesses the whole home, so once is enough."""

    VERSION = 1

    async def async_step_user(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Confirm, then create the one entry."""
        await self.async_set_unique_id(DOMAIN)
        self._abort_if_unique_id_configured()
        if user_input is None:
            # A home too large for entities on every device is told so before it starts.
            devices = len(monitored_devices(self.hass))
            default = devices <= MAX_DEVICES_WITH_ENTITIES
            return self.async_show_form(
                step_id="user",
                data_schema=probatio.Schema(
                    {probatio.Required(CONF_PER_DEVICE_ENTITIES, default=default): bool}
                ),
                description_placeholders={
                    "devices": f"{devices:,}",
                    "limit": f"{MAX_DEVICES_WITH_ENTITIES:,}",
                },
            )
        return self.async_create_entry(
            title="Device Security",
            data={},
            options={
                CONF_ENDING_SOON_DAYS: DEFAULT_ENDING_SOON_DAYS,
                CONF_PER_DEVICE_ENTITIES: user_input.get(CONF_PER_DEVICE_ENTITIES, True),
            },
        )

    @staticmethod
    @callback
    def async_get_options_flow(
        config_entry: DeviceSecurityConfigEntry,
    ) -> DeviceSecurityOptionsFlow:
        """Return the options flow."""
        return DeviceSecurityOptionsFlow()


class DeviceSecurityOptionsFlow(OptionsFlowWithReload):
    """Change how the home is assessed; the entry reloads with the new options."""

    _settings: dict[str, Any]

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Choose what to change."""
        return self.async_show_menu(step_id="init", menu_options=["settings", "support_date"])

    async def async_step_settings(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """General settings."""
        errors: dict[str, str] = {}
        if user_input is not None:
            url = (user_input.get(CONF_DATA_URL) or "").strip()
            days = _whole_days(user_input.get(CONF_ENDING_SOON_DAYS))
            if days is None:
                errors[CONF_ENDING_SOON_DAYS] = "invalid_days"
            if url and not _is_acceptable_data_url(url):
                errors[CONF_DATA_URL] = "invalid_data_url"
            if not errors:
                self._settings = {
                    **self.config_entry.options,
                    CONF_ENDING_SOON_DAYS: days,
                    CONF_PER_DEVICE_ENTITIES: bool(user_input.get(CONF_PER_DEVICE_ENTITIES, True)),
                    CONF_PANEL: bool(user_input.get(CONF_PANEL, True)),
                    CONF_IGNORED_DEVICES: list(user_input.get(CONF_IGNORED_DEVICES) or []),
                    CONF_ONLINE_REFRESH: bool(user_input.get(CONF_ONLINE_REFRESH)),
                    CONF_DATA_URL: url,
                    CONF_LAN_DISCOVERY: bool(user_input.get(CONF_LAN_DISCOVERY)),
                    CONF_LOGIN_TESTS: bool(user_input.get(CONF_LOGIN_TESTS)),
                    CONF_REPAIR_SEVERITY: user_input.get(
                        CONF_REPAIR_SEVERITY, DEFAULT_REPAIR_SEVERITY
                    ),
                }
                if self._settings[CONF_LOGIN_TESTS] and not self.config_entry.options.get(
                    CONF_LOGIN_TESTS
                ):
                    return await self.async_step_consent()
                return self.async_create_entry(data=self._settings)
        schema = probatio.Schema(
            {
                probatio.Required(CONF_ENDING_SOON_DAYS): selector.NumberSelector(
                    selector.NumberSelectorConfig(
                        min=MIN_ENDING_SOON_DAYS,
                        max=MAX_ENDING_SOON_DAYS,
                        step=1,
                        mode=selector.NumberSelectorMode.BOX,
                        unit_of_measurement="days",
                    )
                ),
                probatio.Optional(
                    CONF_PER_DEVICE_ENTITIES, default=True
                ): selector.BooleanSelector(),
                probatio.Optional(CONF_PANEL, default=True): selector.BooleanSelector(),
                probatio.Optional(CONF_IGNORED_DEVICES): selector.DeviceSelector(
                    selector.DeviceSelectorConfig(multiple=True)
                ),
                probatio.Optional(CONF_ONLINE_REFRESH): selector.BooleanSelector(),
                probatio.Optional(CONF_DATA_URL): selector.TextSelector(
                    selector.TextSelectorConfig(type=selector.TextSelectorType.URL)
                ),
                probatio.Optional(CONF_LAN_DISCOVERY): selector.BooleanSelector(),
                probatio.Optional(CONF_LOGIN_TESTS): selector.BooleanSelector(),
                probatio.Optional(
                    CONF_REPAIR_SEVERITY, default=DEFAULT_REPAIR_SEVERITY
                ): selector.SelectSelector(
                    selector.SelectSelectorConfig(
                        options=["critical", "high", "medium", "low"],
                        translation_key=CONF_REPAIR_SEVERITY,
                        mode=selector.SelectSelectorMode.DROPDOWN,
                    )
                ),
            }
        )
        return self.async_show_form(
            step_id="settings",
            data_schema=self.add_suggested_values_to_schema(
                schema, user_input or self.config_entry.options
            ),
            errors=errors,
        )

    async def async_step_consent(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Login tests touch devices: the owner must say they own them and allow it."""
        errors: dict[str, str] = {}
        if user_input is not None:
            if user_input.get(CONF_CONSENT) is True:
                return self.async_create_entry(data=self._settings)
            errors[CONF_CONSENT] = "consent_required"
        return self.async_show_form(
            step_id="consent",
            data_schema=probatio.Schema(
                {probatio.Required(CONF_CONSENT, default=False): selector.BooleanSelector()}
            ),
            errors=errors,
        )

    async def async_step_support_date(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Set a device's security support end date by hand, or clear it."""
        if user_input is not None:
            overrides = dict(self.config_entry.options.get(CONF_SUPPORT_OVERRIDES) or {})
            device_id = user_input[CONF_DEVICE_ID]
            if end := user_input.get(CONF_SUPPORT_END):
                overrides[device_id] = end
            else:
                overrides.pop(device_id, None)
            return self.async_create_entry(
                data={**self.config_entry.options, CONF_SUPPORT_OVERRIDES: overrides}
            )
        return self.async_show_form(
            step_id="support_date",
            data_schema=probatio.Schema(
                {
                    probatio.Required(CONF_DEVICE_ID): selector.DeviceSelector(),
                    probatio.Optional(CONF_SUPPORT_END): selector.DateSelector(),
                }
            ),
        )


def _whole_days(value: object) -> int | None:
    """A whole number of days within the allowed range, or None (NaN, 1.5, true...)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not (isinstance(value, int) or value.is_integer()):  # NaN and infinity are not
        return None
    days = int(value)
    return days if MIN_ENDING_SOON_DAYS <= days <= MAX_ENDING_SOON_DAYS else None


def _is_acceptable_data_url(url: str) -> bool:
    """Accept https, and http only to this machine: support data decides findings.

    A user name or password in the URL is refused: it would end up in logs and storage.
    """
    try:
        parsed = urlparse(url)
        hostname, username, password = parsed.hostname, parsed.username, parsed.password
        _ = parsed.port  # raises on a port out of range
    except ValueError:  # an invalid port or bracketed host
        return False
    if not hostname or username is not None or password is not None:
        return False
    if parsed.scheme == "https":
        return True
    return parsed.scheme == "http" and parsed.hostname in {"localhost", "127.0.0.1", "::1"}
