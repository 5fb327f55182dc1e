"""Compare credentials without keeping them: keyed digests, a fresh key every run.

Home Assistant's stored credentials for a device and the manufacturers' published defaults
are both reduced to HMAC digests under a random key that lives only in memory, so the
records, reports, diagnostics and logs can never show a password, and a digest seen
anywhere cannot be tested against a guess after a restart.
"""

from collections.abc import Iterable, Mapping
import hashlib
import hmac
import json
from pathlib import Path
import secrets

from . import DATA_DIR
from .probes.model import Login

DEFAULT_CREDENTIALS_FILE = DATA_DIR / "default_credentials.json"
# Products that have a local login of their own: a router's or a camera's web page, a NAS.
# A speaker, a bulb or a phone has none (or the owner's own account), so a vendor's default
# password from its routers says nothing about it.
LOGIN_CATEGORIES = frozenset({"router", "mesh_wifi", "nas", "camera", "doorbell", "hub", "other"})


class CredentialDigester:
    """Turns a username and password into a digest that only this run can reproduce."""

    def __init__(self, key: bytes | None = None) -> None:
        """Use a random key unless a test gives one."""
        self._key = key or secrets.token_bytes(32)

    def digest(self, username: str | None, password: str) -> str:
        """Digest a login; without a username only the password counts."""
        message = (
            "\0".join(("login", (username or "").casefold(), password)) if username else password
        )
        return hmac.new(
            self._key, message.encode(errors="surrogatepass"), hashlib.sha256
        ).hexdigest()[:32]


def load_default_credentials(
    digester: CredentialDigester, path: Path = DEFAULT_CREDENTIALS_FILE
) -> Mapping[str, frozenset[str]]:
    """Return, by manufacturer id, the digests of its published defaults. Blocking."""
    document = json.loads(path.read_text(encoding="utf-8"))
    return {
        manufacturer: frozenset(_digests(digester, rows))
        for manufacturer, rows in document["manufacturers"].items()
    }


def load_default_logins(path: Path = DEFAULT_CREDENTIALS_FILE) -> Mapping[str, tuple[Login, ...]]:
    """Return, by manufacturer id, its published default logins. Blocking.

    Only the opt-in login tests need the logins themselves; they stay in memory, are sent
    only to the device under test, and never show in a repr.
    """
    document = json.loads(path.read_text(encoding="utf-8"))
    logins: dict[str, tuple[Login, ...]] = {}
    for manufacturer, rows in document["manufacturers"].items():
        # In the reference list's order, each login once.
        logins[manufacturer] = tuple(
            dict.fromkeys(
                Login(row.get("username") or "", password, row.get("service"))
                for row in rows
                if (password := row.get("password"))
            )
        )
    return logins


def _digests(
    digester: CredentialDigester, rows: Iterable[Mapping[str, str | None]]
) -> Iterable[str]:
    for row in rows:
        if password := row.get("password"):
            yield digester.digest(row.get("username"), password)
            yield digester.digest(None, password)
