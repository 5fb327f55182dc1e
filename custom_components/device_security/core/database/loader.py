"""Load a database document into a ready-to-match Database."""

from dataclasses import dataclass, field
from datetime import date
import gzip
import json
from pathlib import Path
from typing import Any

from .. import DATA_DIR
from ..catalogue.index import Catalogue, CatalogueError, parse_catalogue
from .matcher import Matcher
from .model import Manufacturer, Product
from .schema import DatabaseError, parse_document

BUNDLED = DATA_DIR / "database.json"
CATALOGUE = DATA_DIR / "catalogue.json.gz"
MAX_DOCUMENT_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Database:
    """A validated database with its match index."""

    generated: date
    attribution: tuple[str, ...]
    manufacturers: tuple[Manufacturer, ...]
    matcher: Matcher = field(repr=False, compare=False)

    @property
    def catalogue(self) -> Catalogue | None:
        """The identification catalogue the matcher uses."""
        return self.matcher.catalogue

    @property
    def products(self) -> tuple[Product, ...]:
        """Every product of every manufacturer."""
        return tuple(product for maker in self.manufacturers for product in maker.products)


def decode_json(payload: bytes | str, what: str = "database") -> Any:
    """Decode a UTF-8 JSON document; anything else is a DatabaseError, never a crash.

    Other encodings, invalid bytes and nesting too deep for the parser all count as
    malformed data, so every caller handles them the way it handles a bad record.
    """
    try:
        text = payload.decode("utf-8") if isinstance(payload, bytes) else payload
        return json.loads(text)
    except (ValueError, RecursionError) as err:  # UnicodeDecodeError is a ValueError
        msg = f"{what}: not valid UTF-8 JSON ({type(err).__name__})"
        raise DatabaseError(msg) from None


def parse_database(payload: bytes | str, catalogue: Catalogue | None = None) -> Database:
    """Decode, validate and index a database document. CPU-bound: run it in the executor."""
    size = len(payload) if isinstance(payload, bytes) else len(payload.encode())
    if size > MAX_DOCUMENT_BYTES:
        msg = f"database: larger than {MAX_DOCUMENT_BYTES} bytes"
        raise DatabaseError(msg)
    generated, attribution, manufacturers = parse_document(decode_json(payload))
    return Database(generated, attribution, manufacturers, Matcher(manufacturers, catalogue))


def load_catalogue(path: Path = CATALOGUE) -> Catalogue:
    """Read the bundled identification catalogue (gzip-compressed JSON). Blocking."""
    try:
        document = decode_json(gzip.decompress(path.read_bytes()), "catalogue")
    except (OSError, EOFError, DatabaseError) as err:
        msg = f"catalogue: cannot be read ({type(err).__name__})"
        raise CatalogueError(msg) from None
    if not isinstance(document, dict):
        msg = "catalogue: not a JSON object"
        raise CatalogueError(msg)
    return parse_catalogue(document)


def load_database(path: Path = BUNDLED, catalogue: Path | None = CATALOGUE) -> Database:
    """Read and parse the database and its catalogue. Blocking: run it in the executor."""
    return parse_database(path.read_bytes(), load_catalogue(catalogue) if catalogue else None)
