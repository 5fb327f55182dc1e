"""Import, build and check the bundled database.

    python -m tools.dataset import [REFERENCE_DIR]   # open data sets -> dataset/imported/
    python -m tools.dataset build                    # dataset/ -> the integration's data/
    python -m tools.dataset check                    # validate, compare, print statistics
    python -m tools.dataset assess FILE              # what the integration says of devices

The sources are `dataset/manufacturers/*.json` (researched by hand, every fact cited) and
`dataset/imported/` (derived from open data sets, with their attribution). The build is
deterministic, so a test can tell whether the shipped file is the build of its sources.
"""

from collections import Counter
import csv
from datetime import date
import gzip
import json
from pathlib import Path
import re
import statistics
import sys
from typing import Any

import yaml

from custom_components.device_security.core import software
from custom_components.device_security.core.catalogue.index import (
    SCHEMA_VERSION as CATALOGUE_SCHEMA_VERSION,
)
from custom_components.device_security.core.database import endoflife
from custom_components.device_security.core.database.loader import (
    Database,
    load_database,
    parse_database,
)
from custom_components.device_security.core.database.model import (
    Manufacturer,
    RuleStart,
    SupportKind,
)
from custom_components.device_security.core.database.schema import (
    SCHEMA_VERSION,
    DatabaseError,
    parse_manufacturer,
)
from tools import assess

ROOT = Path(__file__).resolve().parent.parent
DATASET = ROOT / "dataset"
DATA = ROOT / "custom_components" / "device_security" / "data"
DATABASE_FILE = DATA / "database.json"
CATALOGUE_FILE = DATA / "catalogue.json.gz"
CATALOGUE_IMPORT = DATASET / "imported" / "catalogue"
KEV_IMPORT = DATASET / "imported" / "kev.json"
INTEGRATIONS_FILE = DATASET / "integrations.json"
KEV_FILE = DATA / "kev.json"
SYSTEMS_IMPORT = DATASET / "imported" / "operating-systems.json"
SYSTEMS_FILE = DATA / "operating_systems.json"
CREDENTIALS_FILE = DATA / "default_credentials.json"
ENDOFLIFE_FILE = DATASET / "imported" / "endoflife-date.json"
CREDENTIALS_IMPORT = DATASET / "imported" / "default-credentials.json"
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference"

ENDOFLIFE = {
    "snapshot": "a70eca33",
    "read": "2026-08-22",
    "attribution": (
        "Support periods of phones, tablets, watches, e-readers and computers: endoflife.date "
        "(https://github.com/endoflife-date/endoflife.date), MIT licence, "
        "snapshot a70eca33 of 2026-08-22."
    ),
}
# endoflife.date pages of the systems devices report as their software version.
SYSTEMS = {
    "ios": "iOS",
    "ipados": "iPadOS",
    "apple-tvos": "tvOS",
    "watchos": "watchOS",
    "android": "Android",
    "openwrt": "OpenWrt",
    "routeros": "RouterOS",
    "opnsense": "OPNsense",
}
SYSTEM_IDS = {"apple-tvos": "tvos"}
CREDENTIALS = {
    "attribution": (
        "Default credentials: DefaultCreds-cheat-sheet "
        "(https://github.com/ihebski/DefaultCreds-cheat-sheet), MIT licence, "
        "commit 2e48382f of 2026-07-09."
    ),
}


def _front_matter(path: Path) -> dict[str, Any]:
    _, front, _ = path.read_text(encoding="utf-8").split("---", 2)
    data: dict[str, Any] = yaml.safe_load(front)
    return data


def import_reference(reference: Path) -> None:
    """Convert the open data sets in `reference` into dataset/imported/."""
    by_manufacturer: dict[str, list[dict[str, Any]]] = {}
    read = date.fromisoformat(ENDOFLIFE["read"])
    for slug, spec in endoflife.PRODUCTS.items():
        releases = endoflife.releases_from_page(
            _front_matter(reference / "endoflife-date" / f"{slug}.md")
        )
        by_manufacturer.setdefault(spec.manufacturer, []).extend(
            endoflife.product_records(slug, releases, read)
        )
    _write(ENDOFLIFE_FILE, {**ENDOFLIFE, "manufacturers": by_manufacturer})
    systems = {
        SYSTEM_IDS.get(slug, slug): {
            "name": name,
            "source": endoflife.PAGE_URL.format(slug=slug),
            "read": ENDOFLIFE["read"],
            "lines": software.lines_from_page(
                _front_matter(reference / "endoflife-date" / f"{slug}.md")
            ),
        }
        for slug, name in SYSTEMS.items()
    }
    _write(SYSTEMS_IMPORT, {"attribution": ENDOFLIFE["attribution"], "systems": systems})

    rows: dict[str, list[dict[str, str]]] = {}
    with (reference / "default-credentials" / "DefaultCreds-Cheat-Sheet.csv").open(
        encoding="utf-8"
    ) as handle:
        for row in csv.DictReader(handle):
            vendor = (row.get("productvendor") or "").strip()
            if vendor:
                rows.setdefault(vendor, []).append(
                    {key: _blank(row.get(key)) for key in ("username", "password")}
                )
    _write(CREDENTIALS_IMPORT, {**CREDENTIALS, "vendors": rows})


def _blank(value: str | None) -> str:
    value = (value or "").strip()
    return "" if value == "<blank>" else value


def _service(vendor: str) -> str | None:
    """The service a vendor string's hint names, e.g. 'Hikvision (ssh)' -> 'ssh'."""
    hint = re.search(r"\(([^)]*)\)\s*$", vendor)
    return hint.group(1).strip().casefold() if hint else None


def _add_years(start: date, years: int) -> date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28)


def _derive_rule_dates(record: dict[str, Any]) -> None:
    """Fill in support_end of 'rule' products from the manufacturer's published minimum."""
    policy = record.get("support_policy") or {}
    rule = policy.get("rule")
    for product in record.get("products", []):
        if product.get("support") != SupportKind.RULE:
            continue
        if rule is None:
            msg = (
                f"manufacturer '{record['id']}', product '{product['name']}': "
                "support is 'rule' but the manufacturer publishes no rule"
            )
            raise DatabaseError(msg)
        if "until" in rule:  # one dated minimum for all products
            product["support_end"] = rule["until"]
            continue
        start = {
            RuleStart.RELEASE: product.get("released"),
            RuleStart.END_OF_SALE: product.get("end_of_sale"),
        }.get(RuleStart(rule["from"]))
        product["support_end"] = (
            _add_years(date.fromisoformat(start), rule["years"]).isoformat() if start else None
        )


def _add_model_codes(record: dict[str, Any], name: str) -> None:
    """Give products the model codes devices report, each list with its own sources.

    Imported products (endoflife.date) carry marketing names; an Android phone reports its
    model code ("CPH2449" for the OnePlus 11). `model_codes` names the product a code list
    belongs to, so the record stays the import's and the codes stay cited.
    """
    products = {product["name"]: product for product in record.get("products", [])}
    for codes in record.pop("model_codes", []):
        product = products.get(codes.get("product"))
        if product is None:
            msg = f"{name}: model_codes name {codes.get('product')!r}, which is not a product"
            raise DatabaseError(msg)
        product["models"] = [*product.get("models", []), *codes["models"]]
        product["sources"] = [*product["sources"], *codes["sources"]]


def _check_research(record: dict[str, Any], name: str) -> None:
    """A hand-researched record says when it was checked, and where a missing fact was sought."""
    if not record.get("checked"):
        msg = f"{name}: 'checked' (the date the record was last checked) is missing"
        raise DatabaseError(msg)
    missing = [
        field
        for field in ("security_contact", "support_policy", "psti_statement")
        if record.get(field) is None
    ]
    if missing and not record.get("looked_at"):
        msg = f"{name}: {', '.join(missing)} not found, but 'looked_at' names no page"
        raise DatabaseError(msg)


def build_documents() -> tuple[dict[str, Any], dict[str, Any]]:
    """Build the database document and the default-credentials document from dataset/."""
    imported = json.loads(ENDOFLIFE_FILE.read_text(encoding="utf-8"))["manufacturers"]
    vendors = json.loads(CREDENTIALS_IMPORT.read_text(encoding="utf-8"))["vendors"]
    manufacturers = []
    credentials: dict[str, list[dict[str, str | None]]] = {}
    for path in sorted((DATASET / "manufacturers").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("id") != path.stem:
            msg = f"{path.name}: id {record.get('id')!r} is not the file name"
            raise DatabaseError(msg)
        _check_research(record, path.name)
        record["products"] = [*record.get("products", []), *imported.pop(path.stem, [])]
        _add_model_codes(record, path.name)
        _derive_rule_dates(record)
        parse_manufacturer(record, f"{path.name}")
        for vendor in record.get("default_credential_vendors", []):
            if vendor not in vendors:
                msg = f"{path.name}: vendor {vendor!r} is not in the default-credentials list"
                raise DatabaseError(msg)
            credentials.setdefault(record["id"], []).extend(
                {**row, "service": _service(vendor)} for row in vendors[vendor]
            )
        manufacturers.append(record)
    if imported:
        msg = f"imported products of {sorted(imported)} have no manufacturer file"
        raise DatabaseError(msg)
    generated = max(
        (source["read"] for record in manufacturers for source in _all_sources(record)),
        default=ENDOFLIFE["read"],
    )
    database = {
        "schema_version": SCHEMA_VERSION,
        "generated": generated,
        "attribution": [ENDOFLIFE["attribution"]],
        "manufacturers": manufacturers,
    }
    return database, {"attribution": [CREDENTIALS["attribution"]], "manufacturers": credentials}


def _all_sources(record: dict[str, Any]) -> list[dict[str, str]]:
    found = list((record.get("security_contact") or {}).get("sources", []))
    found += (record.get("support_policy") or {}).get("sources", [])
    found += [record["psti_statement"]] if record.get("psti_statement") else []
    for product in record.get("products", []):
        found += product.get("sources", [])
    return found


def build_catalogue(database: Database) -> dict[str, Any]:
    """Compile the imported device libraries into the compact catalogue the integration ships.

    An entry is kept when a key reaches it; it is linked to the database product that lists
    one of its strings or its model code, so identification leads to the support record.
    """
    sources: list[dict[str, str]] = []
    entries: list[list[Any]] = []
    keys: set[tuple[str, str, str, str, int]] = set()
    makers = {maker.id: maker for maker in database.manufacturers}
    for path in sorted(CATALOGUE_IMPORT.glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        source = document["source"]
        sources.append({key: source[key] for key in ("name", "version", "url", "licence")})
        for item in document["entries"]:
            reachable = [key for key in item["keys"] if key.get("model") or key.get("model_id")]
            if not reachable:
                continue
            index = len(entries)
            entries.append(
                [
                    item["manufacturer"],
                    item["product"],
                    item["category"],
                    item.get("code"),
                    len(sources) - 1,
                    _linked_product(makers.get(item["manufacturer"]), item, reachable),
                ]
            )
            keys.update(
                (
                    key.get("integration") or "",
                    key.get("manufacturer") or "",
                    key.get("model") or "",
                    key.get("model_id") or "",
                    index,
                )
                for key in reachable
            )
    evidence = json.loads(INTEGRATIONS_FILE.read_text(encoding="utf-8"))
    return {
        "schema_version": CATALOGUE_SCHEMA_VERSION,
        "sources": sources,
        "integrations": {
            domain: [
                item["manufacturer"] if item["manufacturer"] in makers else None,
                item["family"],
                item["category"],
                item["community_firmware"],
                item["documentation"],
            ]
            for domain, item in sorted(evidence.items())
            if not domain.startswith("_")
        },
        "entries": entries,
        "keys": [list(key) for key in sorted(keys, key=lambda key: (key[4], key[:4]))],
    }


def _linked_product(
    maker: Manufacturer | None, item: dict[str, Any], keys: list[dict[str, Any]]
) -> str | None:
    """The database product that lists one of the entry's strings, if exactly one does."""
    if maker is None:
        return None
    strings = {item.get("code"), *(key.get("model") for key in keys)}
    strings |= {key.get("model_id") for key in keys}
    wanted = {text.casefold() for text in strings if text}
    found = {
        product.id
        for product in maker.products
        if wanted & {text.casefold() for text in (*product.models, *product.model_ids)}
    }
    return found.pop() if len(found) == 1 else None


def _dump(document: object) -> str:
    return json.dumps(document, indent=1, ensure_ascii=False, sort_keys=False) + "\n"


def _write(path: Path, document: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_dump(document), encoding="utf-8")


def _compressed(document: object) -> bytes:
    """Compact JSON, gzip-compressed the same way every time (no file name, no time)."""
    text = json.dumps(document, separators=(",", ":"), ensure_ascii=False)
    return gzip.compress(text.encode(), compresslevel=9, mtime=0)


# Imported files the integration ships as they are.
_COPIED = ((KEV_IMPORT, KEV_FILE), (SYSTEMS_IMPORT, SYSTEMS_FILE))


def build() -> Database:
    """Write the shipped files; return the database as the integration will load it."""
    database, credentials = build_documents()
    _write(DATABASE_FILE, database)
    _write(CREDENTIALS_FILE, credentials)
    parsed = parse_database(DATABASE_FILE.read_bytes())
    CATALOGUE_FILE.write_bytes(_compressed(build_catalogue(parsed)))
    for source, target in _COPIED:
        _write(target, json.loads(source.read_text(encoding="utf-8")))
    return load_database()


def is_current() -> bool:
    """Tell whether the shipped files are the build of the sources."""
    database, credentials = build_documents()
    if DATABASE_FILE.read_text(encoding="utf-8") != _dump(database):
        return False
    if CREDENTIALS_FILE.read_text(encoding="utf-8") != _dump(credentials):
        return False
    catalogue = build_catalogue(parse_database(_dump(database)))
    return CATALOGUE_FILE.read_bytes() == _compressed(catalogue) and all(
        target.read_text(encoding="utf-8") == _dump(json.loads(source.read_text(encoding="utf-8")))
        for source, target in _COPIED
    )


def statistics_of(database: Database, today: date) -> dict[str, Any]:
    """Figures about the database that say how much it can answer, and on whose word."""
    products = database.products
    sources = [
        source
        for maker in database.manufacturers
        for source in (
            *(maker.security_contact.sources if maker.security_contact else ()),
            *(maker.support_policy.sources if maker.support_policy else ()),
            *((maker.psti_statement,) if maker.psti_statement else ()),
            *(source for product in maker.products for source in product.sources),
        )
    ]
    ages = [(today - source.read).days for source in sources]
    model_strings = Counter(
        (product.manufacturer_id, text)
        for product in products
        for text in {*product.models, *product.model_ids}
    )
    return {
        "manufacturers": len(database.manufacturers),
        "manufacturers_with_security_contact": sum(
            1 for m in database.manufacturers if m.security_contact
        ),
        "manufacturers_with_support_policy": sum(
            1 for m in database.manufacturers if m.support_policy
        ),
        "manufacturers_with_psti_statement": sum(
            1 for m in database.manufacturers if m.psti_statement
        ),
        "products": len(products),
        "products_with_end_date": sum(1 for product in products if product.support_end),
        "products_by_support": dict(
            Counter(str(product.support) for product in products).most_common()
        ),
        "products_by_category": dict(
            Counter(product.category for product in products).most_common()
        ),
        "dates_without_source": sum(
            1 for product in products if product.support_end and not product.sources
        ),
        "sources": len({source.url for source in sources}),
        "source_age_days": {
            "newest": min(ages, default=0),
            "median": int(statistics.median(ages)) if ages else 0,
            "oldest": max(ages, default=0),
        },
        "model_strings_on_two_products": sum(1 for count in model_strings.values() if count > 1),
    }


def main(argv: list[str]) -> int:
    """Run a command; exit 1 with the reason when the data is not valid or not current."""
    command = argv[0] if argv else "check"
    try:
        if command == "import":
            import_reference(Path(argv[1]) if len(argv) > 1 else DEFAULT_REFERENCE)
            database = build()
        elif command == "build":
            database = build()
        elif command == "assess" and len(argv) == 2:  # noqa: PLR2004
            return assess.main(Path(argv[1]))
        elif command == "check":
            database = load_database()
            if not is_current():
                print(
                    "The shipped database is not the build of dataset/: run scripts/dataset build"
                )
                return 1
        else:
            print(__doc__)
            return 2
    except DatabaseError as err:
        print(f"Invalid data: {err}")
        return 1
    print(json.dumps(statistics_of(database, date.today()), indent=2))  # noqa: DTZ011
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
