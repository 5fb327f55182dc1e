"""The demo entries are created from configuration.yaml only, one per unique id."""

from typing import Any

from homeassistant.config_entries import ConfigFlow, ConfigFlowResult
from homeassistant.const import CONF_HOST, CONF_PASSWORD, CONF_USERNAME

from .devices import CONF_TITLE, CONF_UNIQUE_ID, DOMAIN, MAIN_ENTRY, MAIN_TITLE


class DemoHomeConfigFlow(ConfigFlow, domain=DOMAIN):
    """Create the demo entries."""

    async def async_step_import(self, import_data: dict[str, Any]) -> ConfigFlowResult:
        """Create one demo entry, or bring its stored credentials and host up to date."""
        await self.async_set_unique_id(import_data.get(CONF_UNIQUE_ID, MAIN_ENTRY))
        data: dict[str, Any] = {
            key: import_data[key]
            for key in (CONF_USERNAME, CONF_PASSWORD, CONF_HOST)
            if key in import_data
        }
        self._abort_if_unique_id_configured(updates=data)
        return self.async_create_entry(title=import_data.get(CONF_TITLE, MAIN_TITLE), data=data)
