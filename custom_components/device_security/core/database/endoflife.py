"""endoflife.date device products as database products.

One conversion serves two inputs: the project's build reads the product pages' front
matter, the online refresh reads API v1 (`https://endoflife.date/api/v1/products/<slug>`).
Both are first reduced to `Release`.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
import re
from typing import Any

API_URL = "https://endoflife.date/api/v1/products/{slug}"
PAGE_URL = "https://endoflife.date/{slug}"
NOTE = "From endoflife.date (MIT licence)."


@dataclass(frozen=True, slots=True)
class EndoflifeProduct:
    """Where one endoflife.date product goes in the database."""

    manufacturer: str
    category: str
    prefix: str = ""  # put before labels that do not already start with it
    # The page's "eol" is a production guarantee, not the end of security updates.
    production_only: bool = False


# The device products of endoflife.date found in homes; operating systems, GPUs,
# processors and firewalls are not devices in a home registry.
PRODUCTS = {
    "iphone": EndoflifeProduct("apple", "phone", "iPhone "),
    "ipad": EndoflifeProduct("apple", "tablet", "iPad "),
    "apple-watch": EndoflifeProduct("apple", "watch", "Apple Watch "),
    "pixel": EndoflifeProduct("google", "phone", "Pixel "),
    "pixel-watch": EndoflifeProduct("google", "watch", "Pixel Watch "),
    "google-nexus": EndoflifeProduct("google", "phone", "Nexus "),
    "samsung-mobile": EndoflifeProduct("samsung_mobile", "phone"),
    "samsung-galaxy-tab": EndoflifeProduct("samsung_mobile", "tablet"),
    "samsung-galaxy-watch": EndoflifeProduct("samsung_mobile", "watch"),
    "kindle": EndoflifeProduct("amazon", "e_reader", "Kindle "),
    "fairphone": EndoflifeProduct("fairphone", "phone", "Fairphone "),
    "motorola-mobility": EndoflifeProduct("motorola", "phone"),
    "nokia": EndoflifeProduct("hmd_nokia", "phone", "Nokia "),
    "oneplus": EndoflifeProduct("oneplus", "phone", "OnePlus "),
    "sony-xperia": EndoflifeProduct("sony_mobile", "phone", "Xperia "),
    "surface": EndoflifeProduct("microsoft", "computer", "Surface "),
    "raspberry-pi": EndoflifeProduct(
        "raspberry_pi", "computer", "Raspberry Pi ", production_only=True
    ),
}
PRODUCTION_NOTE = (
    "endoflife.date lists Raspberry Pi's production guarantee for this board, which is not "
    "a security-update period; none is published for the board itself."
)
# Releases whose label names another model than the one its dates and link are for: the
# "3rd" and "4th generation" 11-inch iPad Pro rows carry the 2018 and 2020 models' dates
# and Apple pages (the 12.9-inch generation numbers), duplicating those models' rows.
MISLABELLED = frozenset({("ipad", "pro-3-11"), ("ipad", "pro-4-11")})
_SAMSUNG_CODE = re.compile(r"doc\.samsungmobile\.com/(SM-[A-Z]+\d+)[A-Z0-9]*/", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Release:
    """One release (a device model) of an endoflife.date product."""

    cycle: str
    label: str | None
    released: date | None
    eol: date | bool | None
    discontinued: date | None
    link: str | None


def _date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def releases_from_page(front: Mapping[str, Any]) -> list[Release]:
    """Read the releases of a product page's front matter."""
    template = str(front.get("releaseLabel") or "__RELEASE_CYCLE__")
    releases = []
    for item in front.get("releases") or []:
        cycle = str(item["releaseCycle"])
        eol = item.get("eol")
        releases.append(
            Release(
                cycle=cycle,
                label=str(item.get("releaseLabel") or template).replace("__RELEASE_CYCLE__", cycle),
                released=_date(item.get("releaseDate")),
                eol=eol if isinstance(eol, bool) else _date(eol),
                discontinued=_date(item.get("discontinued")),
                link=item.get("link") if isinstance(item.get("link"), str) else None,
            )
        )
    return releases


def releases_from_api(payload: Mapping[str, Any]) -> list[Release]:
    """Read the releases of an API v1 product answer; raise ValueError if it is not one."""
    result = payload.get("result") if isinstance(payload, Mapping) else None
    if not isinstance(result, Mapping) or not isinstance(result.get("releases"), list):
        msg = "not an endoflife.date API v1 product answer"
        raise ValueError(msg)  # noqa: TRY004 - a malformed answer, whatever its type
    releases = []
    for item in result["releases"]:
        if not isinstance(item, Mapping) or not isinstance(item.get("name"), str):
            msg = "a release without a name"
            raise ValueError(msg)  # noqa: TRY004
        eol_from = _date(item.get("eolFrom"))
        releases.append(
            Release(
                cycle=item["name"],
                label=item.get("label") if isinstance(item.get("label"), str) else None,
                released=_date(item.get("releaseDate")),
                eol=eol_from
                or (item.get("isEol") if isinstance(item.get("isEol"), bool) else None),
                discontinued=_date(item.get("discontinuedFrom")),
                link=None,
            )
        )
    return releases


def product_records(slug: str, releases: Iterable[Release], read: date) -> list[dict[str, Any]]:
    """Turn releases into product records of the database document."""
    spec = PRODUCTS[slug]
    products: list[dict[str, Any]] = []
    names: set[str] = set()
    for release in releases:
        if release.eol is None or (slug, release.cycle) in MISLABELLED:
            continue  # says nothing about support, or about the model it names
        label = release.label or release.cycle
        name = label if label.startswith(spec.prefix) else spec.prefix + label
        if name in names:
            name = f"{name} ({release.cycle})"
        names.add(name)
        note = NOTE
        if spec.production_only:
            support, support_end, note = "none", None, f"{NOTE} {PRODUCTION_NOTE}"
        elif isinstance(release.eol, date):
            support, support_end = "date", release.eol.isoformat()
        else:
            support, support_end = ("ended" if release.eol is True else "supported"), None
        sources = [{"url": PAGE_URL.format(slug=slug), "read": read.isoformat()}]
        patterns = []
        if release.link and release.link.startswith("http"):
            sources.append({"url": release.link, "read": read.isoformat()})
            if code := _SAMSUNG_CODE.search(release.link):
                patterns.append(re.escape(code.group(1).upper()) + "[A-Z0-9/]{0,6}")
        products.append(
            {
                "name": name,
                "category": spec.category,
                "models": [name],
                "patterns": patterns,
                "released": release.released and release.released.isoformat(),
                "end_of_sale": release.discontinued and release.discontinued.isoformat(),
                "support": support,
                "support_end": support_end,
                "sources": sources,
                "note": note,
            }
        )
    return products
