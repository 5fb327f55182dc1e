"""A catalogue entry: what a product is, and on whose word."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CatalogueSource:
    """An open device library the catalogue was built from."""

    name: str
    version: str
    url: str
    licence: str


@dataclass(frozen=True, slots=True)
class IntegrationEvidence:
    """What a Home Assistant integration says of every device it creates."""

    domain: str
    manufacturer_id: str | None  # set when all its devices are one maker's
    family: str | None  # set when all its devices are one kind of product
    category: str | None
    community_firmware: bool
    documentation: str


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    """One product as a device library describes it."""

    manufacturer_id: str
    name: str
    category: str
    code: str | None  # the maker's model code, where the library gives one
    source: CatalogueSource
    product_id: str | None = None  # its support record in the database, if there is one
