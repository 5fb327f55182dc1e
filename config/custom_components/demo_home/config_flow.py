"""The demo home is created from configuration.yaml only."""

from typing import Any

from homeassistant.config_entries import ConfigFlow, ConfigFlowResult


class DemoHomeConfigFlow(ConfigFlow, domain="demo_home"):
    """Create the demo entry."""

    async def async_step_import(self, import_data: dict[str, Any]) -> ConfigFlowResult:
        """Create the one demo entry."""
        await self.async_set_unique_id("demo_home")
        self._abort_if_unique_id_configured()
        return self.async_create_entry(title="Demo home", data={})
