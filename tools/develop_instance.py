"""Prepare the development instance: its owner account, and a network of loopback only.

There is no default password, not even for the demo: on the first start the owner gets a
random password, printed once and kept in a file only root can read. Onboarding is marked
done, so the dashboard is reachable without the wizard. Home Assistant's network adapters
are limited to loopback, which in the instance's own network namespace (scripts/develop)
carries the private address its zeroconf binds to. Its HTTP server listens on 127.0.0.1,
port 8123, stored as the confirmed configuration: an `http:` block in configuration.yaml
would be a deprecated YAML import awaiting confirmation, shown to every newcomer. Home
Assistant's Repairs issue about its installation method (a Python environment, "Core",
which is what a development instance is) is dismissed, as the owner would: Repairs then
shows only what Device Security raises.
"""

import asyncio
from pathlib import Path
import secrets
import sys

from homeassistant.auth import auth_manager_from_config
from homeassistant.auth.const import GROUP_ID_ADMIN
from homeassistant.auth.providers import homeassistant as hass_auth
from homeassistant.components.http.config import (
    HTTP_CONFIG_CREATED_AT,
    HTTP_CONFIG_ERROR,
    HTTP_CONFIG_ERROR_MESSAGE,
    HTTP_STORAGE_SCHEMA,
    HTTPConfigStore,
)
from homeassistant.components.http.const import CONF_SERVER_HOST, CONF_SERVER_PORT
from homeassistant.components.onboarding.const import STEPS
from homeassistant.config_entries import ConfigEntries
from homeassistant.const import SERVER_PORT
from homeassistant.core import HomeAssistant
from homeassistant.helpers import (
    device_registry as dr,
    entity_registry as er,
    issue_registry as ir,
)
from homeassistant.helpers.storage import Store

USERNAME = "owner"
OWNER_LOGIN_FILE = ".owner-password"
HTTP_BINDING = {CONF_SERVER_HOST: ["127.0.0.1"], CONF_SERVER_PORT: SERVER_PORT}


async def _bind_http_to_loopback(hass: HomeAssistant) -> None:
    """Make 127.0.0.1:8123 the confirmed HTTP configuration, leaving other settings as they are.

    Stored as pending and promoted at once, the way the owner confirms a change in the
    frontend: the instance starts on it with no "confirm or revert" dialog.
    """
    store = HTTPConfigStore(hass)
    await store.async_load()
    if all(store.stable.get(key) == value for key, value in HTTP_BINDING.items()):
        return
    metadata = {HTTP_CONFIG_CREATED_AT, HTTP_CONFIG_ERROR, HTTP_CONFIG_ERROR_MESSAGE}
    settings = {key: value for key, value in store.stable.items() if key not in metadata}
    await store.async_set_pending(HTTP_STORAGE_SCHEMA({**settings, **HTTP_BINDING}))
    await store.async_promote_pending()


async def _dismiss_installation_method_issue(hass: HomeAssistant) -> None:
    """Dismiss "Unsupported installation method": it is raised after start, then stays hidden.

    Home Assistant keeps a dismissed issue's dismissal when it raises the issue again.
    """
    domain, issue_id = "homeassistant", "deprecated_method"
    registry = ir.async_get(hass)
    issue = registry.async_get_issue(domain, issue_id)
    if issue is not None and issue.dismissed_version is not None:
        return
    ir.async_create_issue(
        hass,
        domain,
        issue_id,
        is_fixable=False,
        severity=ir.IssueSeverity.WARNING,
        translation_key=issue_id,
        translation_placeholders={"installation_type": "Core", "arch": ""},
    )
    ir.async_ignore_issue(hass, domain, issue_id, ignore=True)


async def prepare(config_dir: Path) -> str | None:
    """Create the owner if there is none (return its password) and keep mDNS on loopback."""
    hass = HomeAssistant(str(config_dir))
    hass.config_entries = ConfigEntries(hass, {})
    # The auth store reads the registries, which wait for the config entries.
    await hass.config_entries.async_initialize()
    dr.async_setup(hass)
    await asyncio.gather(dr.async_load(hass), er.async_load(hass), ir.async_load(hass))
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
    await _bind_http_to_loopback(hass)
    await _dismiss_installation_method_issue(hass)
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
