"""The unique-id scheme, in one place.

- The service device's entities: `{entry_id}_{key}` (`key` the entity's description key).
- A monitored device's helper entities: `{entry_id}-{device key}-{kind}`, where the device
  key is a registry device id (hex, no dashes) and `kind` is `support_end` or `problem`.
- A finding's Repairs issue: `{finding kind}.{device key}`.
"""


def summary_unique_id(entry_id: str, key: str) -> str:
    """Name an entity of the service device."""
    return f"{entry_id}_{key}"


def device_unique_id(entry_id: str, device_key: str, kind: str) -> str:
    """Name a per-device helper entity."""
    return f"{entry_id}-{device_key}-{kind}"


def parse_device_unique_id(unique_id: str) -> tuple[str, str] | None:
    """The device key and kind of a per-device helper entity's unique id, else None."""
    parts = unique_id.split("-")
    return (parts[1], parts[2]) if len(parts) == 3 else None  # noqa: PLR2004


def issue_id(device_key: str, kind: str) -> str:
    """Name the Repairs issue of one finding of one device."""
    return f"{kind}.{device_key}"
