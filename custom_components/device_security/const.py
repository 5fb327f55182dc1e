"""Constants of the Device Security integration."""

from datetime import timedelta
import logging
from typing import Final

DOMAIN: Final = "device_security"
LOGGER = logging.getLogger(__package__)

CONF_ENDING_SOON_DAYS: Final = "ending_soon_days"
DEFAULT_ENDING_SOON_DAYS: Final = 180
MIN_ENDING_SOON_DAYS: Final = 1
MAX_ENDING_SOON_DAYS: Final = 3650
# Off by default: the bundled data works offline, and nothing leaves the home unasked.
CONF_ONLINE_REFRESH: Final = "online_refresh"
CONF_DATA_URL: Final = "data_url"
# Owner overrides: a support end date by registry device id; devices left out entirely.
CONF_SUPPORT_OVERRIDES: Final = "support_overrides"
CONF_IGNORED_DEVICES: Final = "ignored_devices"
# Per-device entities can be turned off for very large homes.
CONF_PER_DEVICE_ENTITIES: Final = "per_device_entities"
# Home Assistant enables at most 10,000 entities per config entry. Each device with entities
# has two; past this many devices the rest get none (the report, calendar, events, actions
# and Repairs still cover them), so that the summary sensors and the calendar always fit.
MAX_DEVICES_WITH_ENTITIES: Final = 4_900
ISSUE_TOO_MANY_DEVICES: Final = "too_many_devices"

# Off by default: LAN discovery, and login tests that need the owner's explicit consent.
CONF_LAN_DISCOVERY: Final = "lan_discovery"
CONF_LOGIN_TESTS: Final = "login_tests"
# The report panel in the sidebar; the dashboard card is always available.
CONF_PANEL: Final = "show_panel"
# The least severe finding that raises a Repairs issue; the rest stay in sensors and events.
CONF_REPAIR_SEVERITY: Final = "repair_severity"
DEFAULT_REPAIR_SEVERITY: Final = "high"
LOGIN_TEST_INTERVAL: Final = timedelta(days=1)

EVENT_FINDING: Final = "device_security_finding"

# A full re-assessment runs this often even when nothing in the registry changed,
# because support end dates pass with time alone.
FULL_SCAN_INTERVAL: Final = timedelta(days=1)
# Registry changes come in bursts (an integration adding its devices); wait this long
# for the burst to end before re-assessing.
REGISTRY_DEBOUNCE_SECONDS: Final = 2.0
DATA_REFRESH_INTERVAL: Final = timedelta(days=1)
