"""Prepare the development instance: its owner account, and a network of loopback only.

There is no default password, not even for the demo: on the first start the owner gets a
random password, printed once and kept in a file only root can read. Onboarding is marked
done, so the dashboard is reachable without the wizard. Home Assistant's network adapters
are limited to loopback, which in the instance's own network namespace (scripts/develop)
carries the private address its zeroconf binds to.
"""

import asyncio
from pathlib import Path
import secrets
import sys

from homeassistant.auth import auth_manager_from_config
from homeassistant.auth.const import GROUP_ID_ADMIN
from homeassistant.auth.providers import homeassistant as hass_auth
from homeassistant.components.onboarding.const import STEPS
from homeassistant.config_entries import ConfigEntries
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.helpers.storage import Store

USERNAME = "owner"
OWNER_LOGIN_FILE = ".owner-password"


async def prepare(config_dir: Path) -> str | None:
    """Create the owner if there is none (return its password) and keep mDNS on loopback."""
    hass = HomeAssistant(str(config_dir))
    hass.config_entries = ConfigEntries(hass, {})
    # The auth store reads the registries, which wait for the config entries.
    await hass.config_entries.async_initialize()
    dr.async_setup(hass)
    await asyncio.gather(dr.async_load(hass), er.async_load(hass))
    hass.auth = await auth_manager_from_config(hass, [{"type": "homeassistant"}], [])
    provider = hass.auth.auth_providers[0]
    assert isinstance(provider, hass_auth.HassAuthProvider)  # noqa: S101
    await provider.async_initialize()
    password = None
    if not any(user.is_owner for user in await hass.auth.async_get_users()):
        password = secrets.token_urlsafe(18)
        # The first user Home Assistant creates is its owner.
        user = await hass.auth.async_create_user("Owner", group_ids=[GROUP_ID_ADMIN])
        assert provider.data is not None  # noqa: S101
        provider.data.add_auth(USERNAME, password)
        await provider.data.async_save()
        credentials = await provider.async_get_or_create_credentials({"username": USERNAME})
        await hass.auth.async_link_user(user, credentials)
        onboarding: Store[dict[str, list[str]]] = Store(hass, 4, "onboarding", private=True)
        await onboarding.async_save({"done": list(STEPS)})
    network: Store[dict[str, list[str]]] = Store(hass, 1, "core.network")
    if await network.async_load() is None:
        await network.async_save({"configured_adapters": ["lo"]})
    await hass.async_stop(force=True)
    return password


def main() -> None:
    """Prepare the instance and tell the developer how to log in."""
    config_dir = Path(sys.argv[1]).resolve()
    password_file = config_dir / OWNER_LOGIN_FILE
    password = asyncio.run(prepare(config_dir))
    if password is not None:
        password_file.write_text(password + "\n", encoding="utf-8")
        password_file.chmod(0o600)
        print(f"Created the owner account: user '{USERNAME}', password {password}")
        print(f"(shown once; kept in {password_file}, readable by root only)")
    elif password_file.exists():
        print(f"Log in as '{USERNAME}'; the password is in {password_file}")


if __name__ == "__main__":
    main()
