"""Fetch newer data over HTTP, safely: bounded in time and size, conditional, validated.

Core code: it takes the caller's aiohttp session (Home Assistant's shared one) and knows
nothing of Home Assistant. A failure of any kind is a RefreshError; the caller keeps the
last good data.
"""

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from ..catalogue.index import Catalogue
from . import endoflife
from .loader import MAX_DOCUMENT_BYTES, Database, decode_json, parse_database
from .matcher import Matcher
from .model import Manufacturer, Product
from .schema import DatabaseError, parse_manufacturer


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """How long an answer may take and how large it may be."""

    seconds: float = 30.0
    max_bytes: int = MAX_DOCUMENT_BYTES


class RefreshError(Exception):
    """An outside source could not give valid data this time."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """An HTTP answer: the body, or None when the server said it has not changed."""

    body: bytes | None
    etag: str | None = None
    last_modified: str | None = None


async def fetch(
    session: aiohttp.ClientSession,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    limits: FetchLimits = FetchLimits(),
) -> Fetched:
    """GET `url`, conditionally; refuse answers that are slow, failed or too large."""
    headers = {"Accept": "application/json"}
    # A redirect could lead anywhere, http or another host: it is not followed.
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        async with (
            asyncio.timeout(limits.seconds),
            session.get(url, headers=headers, allow_redirects=False) as response,
        ):
            if response.status == 304:  # noqa: PLR2004 - HTTP Not Modified
                return Fetched(None, etag, last_modified)
            if response.status != 200:  # noqa: PLR2004 - HTTP OK
                moved = " (a redirect, not followed)" if 300 <= response.status < 400 else ""  # noqa: PLR2004
                msg = f"HTTP {response.status}{moved}"
                raise RefreshError(msg)
            if (response.content_length or 0) > limits.max_bytes:
                msg = f"answer larger than {limits.max_bytes} bytes"
                raise RefreshError(msg)
            body = bytearray()
            async for chunk in response.content.iter_chunked(64 * 1024):
                body += chunk
                if len(body) > limits.max_bytes:
                    msg = f"answer larger than {limits.max_bytes} bytes"
                    raise RefreshError(msg)
            return Fetched(
                bytes(body), response.headers.get("ETag"), response.headers.get("Last-Modified")
            )
    except TimeoutError as err:
        msg = f"no answer within {limits.seconds:g} s"
        raise RefreshError(msg) from err
    except aiohttp.ClientError as err:
        msg = f"connection failed ({type(err).__name__})"
        raise RefreshError(msg) from err


def redact_url(url: str) -> str:
    """The URL as it may be shown and logged: scheme and host; a path or query may hold a key."""
    parsed = urlsplit(url)
    host = parsed.hostname or "?"
    return (
        f"{parsed.scheme}://{host}/…"
        if parsed.path.strip("/") or parsed.query
        else f"{parsed.scheme}://{host}"
    )


def parse_project_file(body: bytes, catalogue: Catalogue | None = None) -> Database:
    """Validate the project's published database file; identification stays the bundled one."""
    try:
        return parse_database(body, catalogue)
    except DatabaseError as err:
        raise RefreshError(str(err)) from err


def endoflife_products(slug: str, records: list[dict[str, Any]]) -> tuple[Product, ...]:
    """Validate an endoflife.date product's records exactly as the bundled data is validated."""
    manufacturer = endoflife.PRODUCTS[slug].manufacturer
    document = {"id": manufacturer, "name": manufacturer, "products": records}
    return parse_manufacturer(document, f"endoflife.date {slug}").products


def parse_endoflife(
    slug: str, body: bytes, read: date
) -> tuple[list[dict[str, Any]], tuple[Product, ...]]:
    """Validate an endoflife.date API v1 answer; return its records (to cache) and products."""
    try:
        payload = decode_json(body, "answer")
        if not isinstance(payload, dict):
            msg = "not a JSON object"
            raise TypeError(msg)  # noqa: TRY301
        if not (releases := endoflife.releases_from_api(payload)):
            # An empty answer would erase the devices of that product; it is an error.
            msg = "no releases"
            raise ValueError(msg)  # noqa: TRY301
        records = endoflife.product_records(slug, releases, read)
        products = endoflife_products(slug, records)
    except (ValueError, TypeError, DatabaseError) as err:
        msg = f"endoflife.date {slug}: {err}"
        raise RefreshError(msg) from err
    return records, products


def with_endoflife(database: Database, updates: Mapping[str, tuple[Product, ...]]) -> Database:
    """Return the database with these endoflife.date products' devices replaced.

    The match index is built once, whatever the number of products replaced.
    """
    if not updates:
        return database
    pages = {endoflife.PAGE_URL.format(slug=slug) for slug in updates}
    fresh: dict[str, list[Product]] = {}
    for slug, products in updates.items():
        fresh.setdefault(endoflife.PRODUCTS[slug].manufacturer, []).extend(products)
    manufacturers: list[Manufacturer] = []
    for manufacturer in database.manufacturers:
        if added := fresh.get(manufacturer.id):
            kept = tuple(p for p in manufacturer.products if p.sources[0].url not in pages)
            names = {product.name for product in kept}
            manufacturer = replace(  # noqa: PLW2901
                manufacturer, products=kept + tuple(p for p in added if p.name not in names)
            )
        manufacturers.append(manufacturer)
    return replace(
        database,
        manufacturers=tuple(manufacturers),
        matcher=Matcher(manufacturers, database.catalogue),
    )
