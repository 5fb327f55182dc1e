"""Load a database document into a ready-to-match Database."""

from dataclasses import dataclass, field
from datetime import date
import json
from pathlib import Path

from .. import DATA_DIR
from .matcher import Matcher
from .model import Manufacturer, Product
from .schema import DatabaseError, parse_document

BUNDLED = DATA_DIR / "database.json"
MAX_DOCUMENT_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Database:
    """A validated database with its match index."""

    generated: date
    attribution: tuple[str, ...]
    manufacturers: tuple[Manufacturer, ...]
    matcher: Matcher = field(repr=False, compare=False)

    @property
    def products(self) -> tuple[Product, ...]:
        """Every product of every manufacturer."""
        return tuple(product for maker in self.manufacturers for product in maker.products)


def parse_database(payload: bytes | str) -> Database:
    """Decode, validate and index a database document. CPU-bound: run it in the executor."""
    size = len(payload) if isinstance(payload, bytes) else len(payload.encode())
    if size > MAX_DOCUMENT_BYTES:
        msg = f"database: larger than {MAX_DOCUMENT_BYTES} bytes"
        raise DatabaseError(msg)
    try:
        raw = json.loads(payload)
    except ValueError as err:
        msg = f"database: not valid JSON ({err})"
        raise DatabaseError(msg) from None
    generated, attribution, manufacturers = parse_document(raw)
    return Database(generated, attribution, manufacturers, Matcher(manufacturers))


def load_database(path: Path = BUNDLED) -> Database:
    """Read and parse a database file. Blocking: run it in the executor."""
    return parse_database(path.read_bytes())
