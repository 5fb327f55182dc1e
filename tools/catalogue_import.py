"""Import the device identification catalogue from open device libraries.

    python -m tools.catalogue_import [OUT_DIR]   # default dataset/imported/catalogue/

Downloads pinned versions of permissively licensed device libraries from npm and PyPI into a
temporary folder (node dumps the one JavaScript library that must be loaded to be read, with
tools/catalogue_dump.cjs) and writes one file per library into OUT_DIR: the products it
names, each with the exact (manufacturer, model, model_id) strings that a Home Assistant
integration puts in the device registry for it. A string tuple that two products share
identifies neither and is left out. The output is sorted and carries no date, so the same
pins give the same files. Standard library only; imports nothing from the integration.
"""

import ast
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
import json
from pathlib import Path
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from typing import Any
import unicodedata
import zipfile

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "dataset" / "imported" / "catalogue"
DUMP_SCRIPT = Path(__file__).resolve().parent / "catalogue_dump.cjs"

ZHC = ("zigbee-herdsman-converters", "26.112.0")
# Its definitions load zigbee-herdsman; pinned too, so that the exposes (categories) are stable.
ZHC_DEPENDENCIES = ("zigbee-herdsman@10.9.5",)
ZWAVE = ("@zwave-js/config", "15.29.0")
AIOSHELLY = ("aioshelly", "13.35.0")
PYATV = ("pyatv", "0.18.0")
DEVICE_INFO = ("react-native-device-info", "15.0.2")

PERMISSIVE = frozenset({"MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC", "0BSD"})
# The npm package of @zwave-js/config ships no LICENSE file; its package.json says MIT, and
# the LICENSE of its repository (github.com/zwave-js/zwave-js) holds this line.
ZWAVE_COPYRIGHT = "Copyright (c) 2018-2024 AlCalzone"

CATEGORIES = (
    "hub", "speaker", "display", "camera", "doorbell", "thermostat", "plug", "light", "sensor",
    "lock", "router", "mesh_wifi", "nas", "tv", "streamer", "phone", "tablet", "watch",
    "e_reader", "computer", "appliance", "other",
)  # fmt: skip

# Library vendor names (normalised by _plain) that are a company of our manufacturer records.
VENDOR_SLUGS = {
    "aeon_labs": "aeotec",
    "aeotec": "aeotec",
    "aqara": "aqara",
    "lumi": "aqara",
    "arlo_technologies": "arlo",
    "august_home": "yale_august",
    "yale": "yale_august",
    "axis_communications": "axis",
    "axis": "axis_gear",
    "develco": "frient",
    "frient": "frient",
    "d_link": "dlink",
    "enbrighten": "jasco",
    "ge": "jasco",
    "ge_enbrighten": "jasco",
    "jasco_products": "jasco",
    "eaton_halo_led": "eaton",
    "eurotronics": "eurotronic",
    "fibargroup": "fibaro",
    "honeywell": "resideo_honeywell",
    "resideo": "resideo_honeywell",
    "huawei_technologies": "huawei",
    "lg_electronics": "lg",
    "muller_licht": "muller_licht",
    "neo_coolcam": "neo",
    "shenzhen_neo_electronics": "neo",
    "osram": "ledvance",
    "philips": "signify",
    "popp_co": "popp",
    "samsung_electronics": "samsung_smartthings",
    "smartthings": "samsung_smartthings",
    "schneider": "schneider_electric",
    "shelly_europe": "shelly",
    "shenzhen_heiman_technology": "heiman",
    "shenzhen_sunricher_technology": "sunricher",
    "silvercrest": "lidl",
    "sony_mobile_communications": "sony_mobile",
    "tp_link_technologies": "tp_link",
    "tuyatec": "tuya",
    "z_wave_me": "z_wave_me",
    "zyxel": "zyxel",
}
# Company-form words dropped from the end of a vendor name before it becomes a slug.
COMPANY_SUFFIXES = frozenset({
    "ab", "ag", "as", "b_v", "bv", "co", "company", "corp", "corporation", "gmbh", "inc", "kg",
    "limited", "llc", "ltd", "oy", "pte", "pty", "s_p_a", "sa", "sas", "spa", "srl",
})  # fmt: skip

# Zigbee model ids that many Tuya products share: a key with one of them needs the
# manufacturer code (_TZ3000_..., _TZE200_...) too.
TUYA_GENERIC = re.compile(r"^TS\d{3,4}[A-Z]?$")

CATEGORY_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("doorbell", re.compile(r"doorbell|door bell", re.IGNORECASE)),
    ("camera", re.compile(r"\bcamera\b", re.IGNORECASE)),
    ("lock", re.compile(r"\b(door ?lock|deadbolt|smart lock|lever lock|lock)\b", re.IGNORECASE)),
    (
        "thermostat",
        re.compile(r"thermostat|radiator|\btrv\b|heating controller", re.IGNORECASE),
    ),
    ("plug", re.compile(r"\b(plug|socket|outlet|power strip)\b", re.IGNORECASE)),
    # Wall switches, remotes and keypads have no category of their own.
    ("other", re.compile(r"\b(switch|remote|keypad|button|scene controller)\b", re.IGNORECASE)),
    (
        "hub",
        re.compile(
            r"\b(gateway|hub|bridge|controller stick|usb stick|coordinator)\b", re.IGNORECASE
        ),
    ),
    (
        "light",
        re.compile(r"\b(bulb|lamp|light|led|spot|downlight|luminaire|strip)\b", re.IGNORECASE),
    ),
    (
        "sensor",
        re.compile(
            r"sensor|detector|\bmeter\b|smoke|leak|contact|motion|presence|occupancy|weather",
            re.IGNORECASE,
        ),
    ),
    ("speaker", re.compile(r"\bspeaker\b", re.IGNORECASE)),
    ("display", re.compile(r"\b(display|screen)\b", re.IGNORECASE)),
)
SENSOR_EXPOSES = frozenset({
    "name:occupancy", "name:presence", "name:contact", "name:water_leak", "name:smoke",
    "name:temperature", "name:humidity", "name:illuminance", "name:co2", "name:pm25",
    "name:vibration", "name:gas", "name:carbon_monoxide", "name:soil_moisture", "name:voc",
})  # fmt: skip
ACTUATOR_EXPOSES = frozenset({"type:switch", "type:light", "type:cover", "type:fan"})


@dataclass(frozen=True, order=True)
class Key:
    """Strings that Home Assistant shows for a device; None where a key does not need one."""

    integration: str | None
    manufacturer: str | None
    model: str | None
    model_id: str | None


@dataclass(frozen=True, order=True)
class Product:
    """A product the way a library names it."""

    manufacturer: str
    vendor: str
    product: str
    code: str | None
    category: str


@dataclass
class Source:
    """One library: its identity, licence and products with their keys."""

    name: str
    version: str
    url: str
    licence: str
    copyright: str
    products: dict[Product, set[Key]] = field(default_factory=dict)

    def add(self, product: Product, keys: Iterable[Key]) -> None:
        """Record a product with keys (a product named twice gathers the keys of both)."""
        self.products.setdefault(product, set()).update(keys)


@dataclass
class Result:
    """A source after ambiguous keys are dropped."""

    source: Source
    entries: list[dict[str, Any]]
    ambiguous: list[Key]


# --- downloads -------------------------------------------------------------------------------


def _run(arguments: list[str], cwd: Path | None = None) -> str:
    executable = shutil.which(arguments[0])
    if executable is None:
        message = f"{arguments[0]} is not installed"
        raise SystemExit(message)
    completed = subprocess.run(  # noqa: S603 - fixed commands with pinned package names
        [executable, *arguments[1:]], cwd=cwd, check=True, capture_output=True, text=True
    )
    return completed.stdout


def _npm_pack(name: str, version: str, work: Path) -> Path:
    """Download an npm package and unpack it; return its folder."""
    output = _run(["npm", "pack", f"{name}@{version}", "--silent", "--pack-destination", str(work)])
    archive = work / output.strip().splitlines()[-1]
    target = work / archive.name.removesuffix(".tgz")
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    return target / "package"


def _npm_install(work: Path, *specs: str) -> Path:
    """Install npm packages with their dependencies; return the node_modules folder."""
    _run(
        ["npm", "install", "--ignore-scripts", "--no-audit", "--no-fund", "--no-save", *specs],
        cwd=work,
    )
    return work / "node_modules"


def _pip_download(name: str, version: str, work: Path) -> Path:
    """Download a wheel from PyPI and unpack it; return its folder."""
    target = work / f"{name}-{version}"
    _run([
        sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
        "--ignore-requires-python", "--dest", str(work), f"{name}=={version}",
    ])  # fmt: skip
    wheel = next(work.glob(f"{name.replace('-', '_')}-{version}-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        for member in archive.namelist():
            if member.startswith("/") or ".." in Path(member).parts:
                message = f"unsafe path {member} in {wheel.name}"
                raise SystemExit(message)
        archive.extractall(target)  # noqa: S202 - every member checked above
    return target


# --- licences --------------------------------------------------------------------------------


def _copyright_line(licence_text: str) -> str:
    for line in licence_text.splitlines():
        stripped = line.strip()
        if stripped.lower().startswith("copyright") and "owner" not in stripped.lower():
            return stripped
    message = "no copyright line in the licence"
    raise ValueError(message)


def _check_licence(name: str, licence: str) -> None:
    if licence not in PERMISSIVE:
        message = f"{name}: licence {licence} is not one this catalogue may use"
        raise SystemExit(message)


def _npm_source(package: Path, licence_file: Path | None, copyright_line: str | None) -> Source:
    meta = json.loads((package / "package.json").read_text(encoding="utf-8"))
    name, version, licence = str(meta["name"]), str(meta["version"]), str(meta["license"])
    _check_licence(name, licence)
    if licence_file is not None:
        copyright_line = _copyright_line(licence_file.read_text(encoding="utf-8"))
    if copyright_line is None:
        message = f"{name}: no licence file"
        raise SystemExit(message)
    url = f"https://www.npmjs.com/package/{name}/v/{version}"
    return Source(name, version, url, licence, copyright_line)


def _wheel_source(folder: Path) -> Source:
    info = next(folder.glob("*.dist-info"))
    fields: dict[str, str] = {}
    for line in (info / "METADATA").read_text(encoding="utf-8").splitlines():
        if not line:
            break
        key, _, value = line.partition(": ")
        fields.setdefault(key, value)
    name, version, licence = fields["Name"], fields["Version"], fields["License-Expression"]
    _check_licence(name, licence)
    licence_file = info / "licenses" / fields["License-File"]
    copyright_line = _copyright_line(licence_file.read_text(encoding="utf-8"))
    url = f"https://pypi.org/project/{name}/{version}/"
    return Source(name, version, url, licence, copyright_line)


# --- names -----------------------------------------------------------------------------------


def _plain(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")


def manufacturer_slug(vendor: str) -> str:
    """Return the manufacturer id of a library vendor name."""
    plain = _plain(vendor)
    words = plain.split("_")
    while len(words) > 1 and words[-1] in COMPANY_SUFFIXES:
        words.pop()
    if len(words) > 1 and words[-2:] == ["s", "p"]:
        words = words[:-2]
    plain = "_".join(words)
    return VENDOR_SLUGS.get(plain, plain or "unknown")


def category_of(text: str, exposes: Iterable[str] = ()) -> str:
    """Choose a category from a product's description and, for Zigbee, its exposes."""
    exposed = set(exposes)
    if "type:lock" in exposed:
        return "lock"
    if "type:climate" in exposed:
        return "thermostat"
    if "type:light" in exposed:
        return "light"
    for category, pattern in CATEGORY_WORDS:
        if pattern.search(text):
            return category
    if exposed & SENSOR_EXPOSES and not exposed & ACTUATOR_EXPOSES:
        return "sensor"
    return "other"


# --- zigbee-herdsman-converters --------------------------------------------------------------


def _zigbee_keys(pairs: Iterable[tuple[str | None, str]], vendor: str) -> set[Key]:
    """Keys of ZHA and deCONZ (the Zigbee basic cluster strings) and of the Hue bridge."""
    keys: set[Key] = set()
    for manufacturer_name, model_id in pairs:
        if not model_id or (manufacturer_name is None and TUYA_GENERIC.match(model_id)):
            continue
        for integration in ("zha", "deconz"):
            keys.add(Key(integration, manufacturer_name, model_id, None))
        if vendor == "Philips":
            # The Hue bridge reports the Zigbee model id of Signify's own devices as model_id.
            keys.add(Key("hue", None, None, model_id))
    return keys


def _plain_fingerprints(fingerprints: list[dict[str, Any]]) -> list[tuple[str | None, str]]:
    return [
        (fp["manufacturerName"], fp["modelID"]) for fp in fingerprints if fp["modelID"] is not None
    ]


def _white_label_pairs(
    definition: dict[str, Any], label: dict[str, Any]
) -> list[tuple[str | None, str]]:
    """(manufacturerName, modelID) pairs that zigbee-herdsman-converters gives a white label."""
    own = _plain_fingerprints(definition["fingerprint"])
    pairs: list[tuple[str | None, str]] = []
    for fingerprint in label["fingerprint"] or []:
        name, model_id = fingerprint["manufacturerName"], fingerprint["modelID"]
        if model_id is not None:
            pairs.append((name, model_id))
        elif name is not None:
            # Matched by manufacturer name once the definition matched by model id.
            pairs.extend((name, own_model) for own_name, own_model in own if own_name == name)
            pairs.extend((name, model) for model in definition["zigbeeModel"])
    return pairs


def _zhc_definition(source: Source, definition: dict[str, Any], models: dict[str, str]) -> None:
    vendor, description, model = (
        definition["vendor"],
        definition["description"],
        definition["model"],
    )
    category = category_of(description, definition["exposes"])
    claimed: set[tuple[str | None, str]] = set()
    for label in definition["whiteLabel"]:
        label_vendor = label["vendor"] or vendor
        maker = models.get(label["whiteLabelOf"] or "", label_vendor)
        product = Product(
            manufacturer_slug(maker),
            label_vendor,
            label["description"] or description,
            label["model"],
            category,
        )
        keys: set[Key] = set()
        if label["fingerprint"] is not None:
            pairs = _white_label_pairs(definition, label)
            claimed.update(pairs)
            keys = _zigbee_keys(pairs, label_vendor)
            # Zigbee2MQTT publishes the white label's own vendor, description and model.
            keys.add(Key("mqtt", label_vendor, product.product, label["model"]))
        source.add(product, keys)
    pairs = [(None, zigbee_model) for zigbee_model in definition["zigbeeModel"]]
    pairs += _plain_fingerprints(definition["fingerprint"])
    keys = _zigbee_keys([pair for pair in pairs if pair not in claimed], vendor)
    keys.add(Key("mqtt", vendor, description, model))
    source.add(Product(manufacturer_slug(vendor), vendor, description, model, category), keys)


def import_zhc(work: Path) -> Source:
    """Read zigbee-herdsman-converters: every definition and white label."""
    modules = _npm_install(work, f"{ZHC[0]}@{ZHC[1]}", *ZHC_DEPENDENCIES)
    package = modules / ZHC[0]
    source = _npm_source(package, package / "LICENSE", None)
    if source.version != ZHC[1]:
        message = f"installed {source.name} {source.version}, pinned {ZHC[1]}"
        raise SystemExit(message)
    definitions: list[dict[str, Any]] = json.loads(
        _run(["node", str(DUMP_SCRIPT), "zhc", str(modules)])
    )
    models = {definition["model"]: definition["vendor"] for definition in definitions}
    for definition in definitions:
        _zhc_definition(source, definition, models)
    return source


# --- Z-Wave JS -------------------------------------------------------------------------------


def _strip_json_comments(text: str) -> str:
    """Remove // and /* */ comments and trailing commas (the config files are JSON5-like)."""
    out: list[str] = []
    index, in_string = 0, False
    while index < len(text):
        char = text[index]
        if in_string:
            out.append(char)
            if char == "\\":
                out.append(text[index + 1])
                index += 1
            elif char == '"':
                in_string = False
            index += 1
        elif char == '"':
            in_string = True
            out.append(char)
            index += 1
        elif text.startswith("//", index):
            end = text.find("\n", index)
            index = len(text) if end < 0 else end
        elif text.startswith("/*", index):
            index = text.index("*/", index) + 2
        else:
            out.append(char)
            index += 1
    return re.sub(r",(\s*[}\]])", r"\1", "".join(out))


def _conditional_values(value: Any) -> list[str]:
    """All values a possibly conditional ($if) string field can take."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [
            item if isinstance(item, str) else str(item["value"])
            for item in value
            if isinstance(item, str) or "value" in item
        ]
    return []


def import_zwave(work: Path) -> Source:
    """Read @zwave-js/config: one product per device label of a manufacturer."""
    package = _npm_pack(*ZWAVE, work)
    source = _npm_source(package, None, ZWAVE_COPYRIGHT)
    manufacturers = json.loads(
        _strip_json_comments((package / "config" / "manufacturers.json").read_text("utf-8"))
    )
    for path in sorted((package / "config" / "devices").rglob("*.json")):
        if "templates" in path.parts:
            continue
        config = json.loads(_strip_json_comments(path.read_text(encoding="utf-8")))
        # Home Assistant's zwave_js: manufacturer = the config's manufacturer, model = its label.
        manufacturer = config.get("manufacturer") or manufacturers.get(config["manufacturerId"])
        labels = _conditional_values(config.get("label"))
        descriptions = _conditional_values(config.get("description"))
        if not manufacturer or not labels:
            continue
        description = descriptions[-1] if descriptions else labels[-1]
        product = Product(
            manufacturer_slug(manufacturer),
            manufacturer,
            description,
            labels[-1],
            category_of(description),
        )
        source.add(product, (Key("zwave_js", manufacturer, label, None) for label in labels))
    return source


# --- aioshelly -------------------------------------------------------------------------------


def _shelly_call(call: ast.expr, strings: dict[str, str]) -> tuple[str, str] | None:
    """(model, name) of one ShellyDevice(model=MODEL_X, name="...") call."""
    if not isinstance(call, ast.Call):
        return None
    arguments = {keyword.arg: keyword.value for keyword in call.keywords}
    model, name = arguments.get("model"), arguments.get("name")
    if isinstance(model, ast.Name) and isinstance(name, ast.Constant):
        return strings[model.id], str(name.value)
    return None


def _shelly_devices(const_py: str) -> list[tuple[str, str]]:
    """(model code, name) of every device in aioshelly's DEVICES, read without importing it."""
    strings: dict[str, str] = {}
    devices: list[tuple[str, str]] = []
    for node in ast.parse(const_py).body:
        if not isinstance(node, ast.Assign) or not isinstance(node.targets[0], ast.Name):
            continue
        target, value = node.targets[0].id, node.value
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            strings[target] = value.value
        elif target == "DEVICES" and isinstance(value, ast.Dict):
            found = (_shelly_call(call, strings) for call in value.values)
            devices.extend(device for device in found if device is not None)
        elif target == "BLU_TRV_MODEL_NAME" and isinstance(value, ast.Dict):
            devices.extend(
                (str(key.value), str(name.value))
                for key, name in zip(value.keys, value.values, strict=True)
                if isinstance(key, ast.Constant) and isinstance(name, ast.Constant)
            )
    return devices


def _shelly_category(name: str) -> str:
    rules = (
        ("thermostat", r"\bTRV\b|Thermostat"),
        ("plug", r"Plug|Outlet"),
        ("display", r"Wall Display"),
        ("light", r"Bulb|Duo|Vintage|RGBW|Dimmer|LED"),
        ("sensor", r"H&T|Door|Window|Flood|Motion|Smoke|Gas|Sense|Presence|Button|Distance"),
        ("hub", r"Gateway"),
    )
    for category, pattern in rules:
        if re.search(pattern, name):
            return category
    return "other"


def import_aioshelly(work: Path) -> Source:
    """Read aioshelly: Shelly model codes and names."""
    folder = _pip_download(*AIOSHELLY, work)
    source = _wheel_source(folder)
    const_py = (folder / "aioshelly" / "const.py").read_text(encoding="utf-8")
    for code, name in _shelly_devices(const_py):
        product = Product("shelly", "Shelly", name, code, _shelly_category(name))
        # Home Assistant's shelly: manufacturer "Shelly", model = name, model_id = code.
        source.add(product, [Key("shelly", "Shelly", name, code)])
    return source


# --- pyatv -----------------------------------------------------------------------------------


def _dict_literal(module: ast.Module, name: str) -> ast.Dict:
    for node in ast.walk(module):
        target = None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        elif isinstance(node, ast.AnnAssign):
            target = node.target
        value = getattr(node, "value", None)
        if isinstance(target, ast.Name) and target.id == name and isinstance(value, ast.Dict):
            return value
    message = f"{name} not found"
    raise ValueError(message)


def _enum_member(node: ast.expr | None) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    message = "expected DeviceModel.<member>"
    raise ValueError(message)


def import_pyatv(work: Path) -> Source:
    """Read pyatv: Apple TV, HomePod and AirPort Express identifiers and names."""
    folder = _pip_download(*PYATV, work)
    source = _wheel_source(folder)
    device_info = ast.parse((folder / "pyatv" / "support" / "device_info.py").read_text("utf-8"))
    convert = ast.parse((folder / "pyatv" / "convert.py").read_text(encoding="utf-8"))
    model_list = _dict_literal(device_info, "_MODEL_LIST")
    identifiers: dict[str, list[str]] = defaultdict(list)
    for key, value in zip(model_list.keys, model_list.values, strict=True):
        if isinstance(key, ast.Constant):
            identifiers[_enum_member(value)].append(str(key.value))
    names: dict[str, str] = {}
    for node in ast.walk(convert):
        if isinstance(node, ast.FunctionDef) and node.name == "model_str":
            table = next(child for child in ast.walk(node) if isinstance(child, ast.Dict))
            for key, value in zip(table.keys, table.values, strict=True):
                if isinstance(value, ast.Constant):
                    names[_enum_member(key)] = str(value.value)
    for member, codes in identifiers.items():
        name = names[member]
        category = "speaker" if "HomePod" in name else "router" if "AirPort" in name else "streamer"
        product = Product("apple", "Apple", name, ", ".join(sorted(codes)), category)
        # Home Assistant's apple_tv: manufacturer "Apple", model = pyatv's model_str, no model_id.
        source.add(product, [Key("apple_tv", "Apple", name, None)])
    return source


# --- react-native-device-info ----------------------------------------------------------------

IOS_NAME = re.compile(r'@"((?:iPhone|iPad|iPod)\d+,\d+)"\s*:\s*@"([^"]+)"')


def import_device_info(work: Path) -> Source:
    """Read react-native-device-info: iPhone, iPad and iPod hardware identifiers and names."""
    package = _npm_pack(*DEVICE_INFO, work)
    source = _npm_source(package, package / "LICENSE", None)
    objc = (package / "ios" / "RNDeviceInfo" / "RNDeviceInfo.m").read_text(encoding="utf-8")
    by_name: dict[str, list[str]] = defaultdict(list)
    for identifier, name in IOS_NAME.findall(objc):
        by_name[name].append(identifier)
    for name, codes in by_name.items():
        category = "phone" if name.startswith("iPhone") else "tablet" if "iPad" in name else "other"
        product = Product("apple", "Apple", name, ", ".join(sorted(set(codes))), category)
        # Home Assistant's mobile_app: manufacturer and model as the companion app registers
        # them, "Apple" and the hardware identifier (uname machine).
        source.add(product, (Key("mobile_app", "Apple", code, None) for code in codes))
    return source


# --- output ----------------------------------------------------------------------------------


def _sort_key(key: Key) -> tuple[str, ...]:
    return (
        key.integration or "",
        key.manufacturer or "",
        key.model or "",
        key.model_id or "",
    )


def resolve(source: Source) -> Result:
    """Drop every key that two products share; build the sorted entries."""
    owners: dict[Key, set[Product]] = defaultdict(set)
    for product, product_keys in source.products.items():
        for key in product_keys:
            owners[key].add(product)
    ambiguous = sorted(
        (key for key, products in owners.items() if len(products) > 1), key=_sort_key
    )
    dropped = set(ambiguous)
    entries: list[dict[str, Any]] = []
    for product in sorted(source.products, key=lambda p: (p.manufacturer, p.product, p.code or "")):
        if product.category not in CATEGORIES:
            message = f"unknown category {product.category}"
            raise ValueError(message)
        keys = sorted(source.products[product] - dropped, key=_sort_key)
        entries.append(
            {
                "manufacturer": product.manufacturer,
                "vendor": product.vendor,
                "product": product.product,
                "code": product.code,
                "category": product.category,
                "keys": [
                    {
                        "integration": key.integration,
                        "manufacturer": key.manufacturer,
                        "model": key.model,
                        "model_id": key.model_id,
                    }
                    for key in keys
                ],
            }
        )
    return Result(source, entries, ambiguous)


def render(result: Result) -> str:
    """The file of one source: one entry a line, so that a diff shows what changed."""
    source = result.source
    head = {
        "name": source.name,
        "version": source.version,
        "url": source.url,
        "licence": source.licence,
        "copyright": source.copyright,
    }
    lines = [
        "{" + f'"source": {json.dumps(head, ensure_ascii=False)},',
        ' "entries": [',
    ]
    rows = [
        "  " + json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
        for entry in result.entries
    ]
    lines.append(",\n".join(rows))
    lines.append(" ]}")
    return "\n".join(lines) + "\n"


def file_name(source: Source) -> str:
    """The output file of a source: its package name without the npm scope."""
    return source.name.replace("@", "").replace("/", "-") + ".json"


IMPORTERS = (import_zhc, import_zwave, import_aioshelly, import_pyatv, import_device_info)


def main(argv: list[str]) -> int:
    """Download, convert and write every source; print what was dropped."""
    out = Path(argv[0]) if argv else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="catalogue-") as temporary:
        for number, importer in enumerate(IMPORTERS):
            work = Path(temporary) / str(number)
            work.mkdir()
            result = resolve(importer(work))
            (out / file_name(result.source)).write_text(render(result), encoding="utf-8")
            keys = sum(len(entry["keys"]) for entry in result.entries)
            print(
                f"{result.source.name} {result.source.version}: {len(result.entries)} entries, "
                f"{keys} keys, {len(result.ambiguous)} ambiguous keys dropped"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
