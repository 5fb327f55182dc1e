"""Help identify this device: a prefilled issue form that carries only what names a model.

The form gets the integration, manufacturer, model, model id and software version, the
strings every unit of a model shares; never a device's name, serial number, MAC or
address, which would say something about its owner.
"""

from urllib.parse import urlencode

from .device_record import DeviceRecord

REPOSITORY_URL = "https://github.com/device-security/device-security"
TEMPLATE = "device.yml"  # .github/ISSUE_TEMPLATE/device.yml; its field ids are FIELDS
FIELDS = ("integration", "manufacturer", "model", "model_id", "sw_version")
MAX_FIELD = 100  # a model string is short; a longer one is cut, never sent whole


def identifying_strings(record: DeviceRecord) -> dict[str, str]:
    """The strings a report may carry, those the device has, each cut to a sane length."""
    values = {
        "integration": ",".join(record.integrations),
        "manufacturer": record.manufacturer,
        "model": record.model,
        "model_id": record.model_id,
        "sw_version": record.sw_version,
    }
    return {field: value[:MAX_FIELD] for field, value in values.items() if value}


def help_identify_url(record: DeviceRecord) -> str:
    """The new-issue address of the form, prefilled with the device's identifying strings."""
    query = [("template", TEMPLATE), *identifying_strings(record).items()]
    return f"{REPOSITORY_URL}/issues/new?{urlencode(query)}"
