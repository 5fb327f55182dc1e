"""Identification with the bundled catalogue, database and integration evidence.

Real strings as Home Assistant integrations show them; the answers the owner sees.
"""

from datetime import date

import pytest

from custom_components.device_security.core.catalogue.index import CatalogueError, parse_catalogue
from custom_components.device_security.core.checks import AssessmentContext, assess
from custom_components.device_security.core.database.loader import Database, load_database
from custom_components.device_security.core.database.matcher import MatchMethod
from custom_components.device_security.core.device_record import DeviceRecord
from custom_components.device_security.core.report import AnswerLevel, SupportState


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """No Home Assistant here: identification is core code."""


@pytest.fixture(scope="module")
def database() -> Database:
    return load_database()


def _assess(
    database: Database,
    integration: str | None,
    manufacturer: str | None,
    model: str | None,
    model_id: str | None = None,
):
    record = DeviceRecord(
        key="d", device_ids=("d",), name="device", manufacturer=manufacturer, model=model,
        model_id=model_id, integration=integration,
    )  # fmt: skip
    context = AssessmentContext(today=date(2026, 12, 2), ending_soon_days=90, database=database)
    return assess(record, context)


@pytest.mark.parametrize(
    ("integration", "manufacturer", "model", "model_id", "maker", "method"),
    [
        ("zha", "IKEA of Sweden", "TRADFRI bulb E27 WS opal 980lm", None, "ikea", None),
        ("zha", "_TZ3000_j0ktmul1", "TS011F", None, None, None),
        ("hue", "Signify Netherlands B.V.", "Hue color lamp", "LCT015", "signify", None),
        ("samsungtv", "Samsung", "UE55RU7100", None, "samsung_tv", MatchMethod.PATTERN),
        ("mobile_app", "Apple", "iPhone17,1", None, "apple", None),
        ("nut", "EATON", "5E 650i", None, "eaton", MatchMethod.INTEGRATION),
        ("shelly", "Shelly", "Shelly Plus 1PM", "SNSW-001P16EU", "shelly", None),
        # The library spells the maker "GE"; "GE/Jasco" names the same maker.
        ("zwave_js", "GE/Jasco", "14294 / ZW3005", None, "jasco", MatchMethod.CATALOGUE),
        # ...but a maker's many keys for one Tuya model id do not make the device ambiguous.
        ("zha", "_TZ3000_kjfzuycl", "TS004F", None, "moes", MatchMethod.CATALOGUE),
        # The netatmo integration carries its partners' devices.
        ("netatmo", "Legrand", "Plug", None, "legrand", MatchMethod.INTEGRATION),
        # Eve made its older accessories as Elgato's smart-home division.
        ("homekit_controller", "Elgato", "Eve Degree 20EAF9901", None, "eve", MatchMethod.MODEL),
        ("elgato", "Elgato", "Elgato Key Light", None, "elgato", None),
    ],
)
def test_real_strings_are_identified(
    database: Database,
    integration: str,
    manufacturer: str,
    model: str,
    model_id: str | None,
    maker: str | None,
    method: MatchMethod | None,
) -> None:
    match = _assess(database, integration, manufacturer, model, model_id).match
    assert match.identified, match
    if maker:
        assert match.manufacturer is not None
        assert match.manufacturer.id == maker
    if method:
        assert match.method is method


def test_an_ecosystem_family_is_only_its_makers(database: Database) -> None:
    # Plugwise's hub shows a Zigbee plug of another maker: it is not a Plugwise device.
    other = _assess(database, "plugwise", "LUMI", "lumi.plug.unknown").match
    assert other.product_name != "Plugwise climate or energy device"
    own = _assess(database, "plugwise", "Plugwise", "Lisa", "158-01").match
    assert own.identified


def test_a_bridge_passes_the_zigbee_model_through(database: Database) -> None:
    # A Hue bridge seen by HomeKit shows the lamp's own Zigbee model id, under "Philips".
    match = _assess(database, "homekit_controller", "Philips", "RWL021").match
    assert match.product_name == "Hue dimmer switch gen 1"
    assert match.method is MatchMethod.CATALOGUE


def test_the_integration_decides_between_makers_that_share_a_name(database: Database) -> None:
    tv = _assess(database, "philips_js", "Philips", "55OLED806/12").match
    lamp = _assess(database, "hue", "Philips", "Hue go").match
    assert tv.manufacturer is not None
    assert tv.manufacturer.id == "philips_tv"
    assert lamp.manufacturer is not None
    assert lamp.manufacturer.id == "signify"


@pytest.mark.parametrize("brand", ["BOSCH", "SIEMENS", "NEFF"])
def test_home_appliances_are_bsh_s_whatever_the_brand(database: Database, brand: str) -> None:
    """Regression: a Siemens dishwasher pointed its owner at Siemens AG's industrial CERT."""
    appliance = _assess(database, "home_connect", brand, "SN658X06TE").match
    assert appliance.manufacturer is not None
    assert appliance.manufacturer.id == "bsh"
    assert appliance.product_name == "Home appliance"
    # The same names elsewhere are the makers that lead them.
    thermostat = _assess(database, "zha", "Bosch", "RBSH-TRV0-ZB-EU").match
    controller = _assess(database, None, "Siemens", "S7-1200").match
    assert thermostat.manufacturer is not None
    assert thermostat.manufacturer.id == "bosch"
    assert controller.manufacturer is not None
    assert controller.manufacturer.id == "siemens"


def test_a_guaranteed_minimum_that_passed_is_not_an_end(database: Database) -> None:
    """Regression: the Nest Audio was "ended" on the date its 5-year minimum ran out."""
    support = _assess(database, "cast", "Google Inc.", "Nest Audio").support
    assert support.state is SupportState.MINIMUM_PASSED
    assert support.minimum
    assert support.end == date(2025, 10, 5)


def test_sonos_s1_legacy_products_ended(database: Database) -> None:
    """Regression: Sonos legacy (S1) products ended security updates in 2020."""
    support = _assess(database, "sonos", "Sonos", "Connect:Amp", "ZP120").support
    assert support.state is SupportState.ENDED


def test_raspberry_pi_production_is_not_support(database: Database) -> None:
    """Regression: a production guarantee was taken for the end of security support."""
    pis = [p for p in database.products if p.manufacturer_id == "raspberry_pi"]
    assert pis
    assert all(p.support_end is None for p in pis)


def test_ipad_pro_rows_carry_their_own_models_dates(database: Database) -> None:
    """Regression: 3rd/4th generation 11-inch rows had the 2018 and 2020 models' dates."""
    names = {p.name for p in database.products if p.manufacturer_id == "apple"}
    assert "iPad Pro 11-inch (3rd generation)" not in names
    assert "iPad Pro 11-inch (1st generation)" in names


def test_avm_has_its_security_contact(database: Database) -> None:
    """Regression: AVM had none; a published disclosure shows AVM answering at this address."""
    avm = next(m for m in database.manufacturers if m.id == "avm")
    assert avm.security_contact is not None
    assert avm.security_contact.email == "security@avm.de"
    assert avm.security_contact.sources


def test_community_firmware_is_its_own_answer(database: Database) -> None:
    support = _assess(database, "esphome", "Espressif", "esp32dev").support
    assert support.state is SupportState.COMMUNITY_FIRMWARE


def test_manufacturer_level_answers_say_so(database: Database) -> None:
    tuya = _assess(database, "tuya", "Tuya", "Smart Plug-EU", "cuhokdii7ojyw8k2").support
    assert tuya.state is SupportState.NO_PUBLISHED_PERIOD
    assert tuya.level is AnswerLevel.MANUFACTURER
    assert tuya.sources  # the pages looked at
    google = _assess(database, "nest", "Google Nest", "Thermostat").support
    assert google.state is SupportState.POLICY
    assert google.policy


@pytest.mark.parametrize(
    "document",
    [{}, {"schema_version": 2}, {"schema_version": 1, "sources": [], "entries": [[1]]}],
)
def test_a_malformed_catalogue_is_refused(document: dict) -> None:
    with pytest.raises(CatalogueError):
        parse_catalogue(document)
