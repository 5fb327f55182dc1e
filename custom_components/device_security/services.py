"""Actions: `device_security.scan` and `device_security.get_report`."""

import probatio

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv

from .const import DOMAIN
from .coordinator import DeviceSecurityCoordinator
from .core.serialize import assessment_as_dict, report_as_dict

SERVICE_SCAN = "scan"
SERVICE_GET_REPORT = "get_report"
ATTR_REFRESH_DATA = "refresh_data"
ATTR_DEVICE_ID = "device_id"


def _coordinator(hass: HomeAssistant) -> DeviceSecurityCoordinator:
    for entry in hass.config_entries.async_entries(DOMAIN):
        if entry.state is ConfigEntryState.LOADED:
            coordinator: DeviceSecurityCoordinator = entry.runtime_data
            return coordinator
    raise ServiceValidationError(translation_domain=DOMAIN, translation_key="not_loaded")


async def _scan(call: ServiceCall) -> None:
    """Assess every device now, after refreshing the data if asked."""
    coordinator = _coordinator(call.hass)
    if call.data[ATTR_REFRESH_DATA]:
        await coordinator.source.async_refresh()
    await coordinator.async_refresh()


async def _get_report(call: ServiceCall) -> ServiceResponse:
    """Return the report, whole or for one device."""
    coordinator = _coordinator(call.hass)
    report = coordinator.data
    least = coordinator.repair_severity
    if (device_id := call.data.get(ATTR_DEVICE_ID)) is None:
        return report_as_dict(report, least)
    for device in report.devices.values():
        if device_id in device.record.device_ids:
            return {"devices": [assessment_as_dict(device, least)]}
    raise ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key="device_not_monitored",
        translation_placeholders={"device_id": str(device_id)},
    )


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    """Register the actions, once for the integration."""
    hass.services.async_register(
        DOMAIN,
        SERVICE_SCAN,
        _scan,
        schema=probatio.Schema({probatio.Optional(ATTR_REFRESH_DATA, default=False): cv.boolean}),
    )
    hass.services.async_register(
        DOMAIN,
        SERVICE_GET_REPORT,
        _get_report,
        schema=probatio.Schema({probatio.Optional(ATTR_DEVICE_ID): cv.string}),
        supports_response=SupportsResponse.ONLY,
    )
