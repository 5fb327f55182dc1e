"""Default-login test of a web admin page protected by HTTP Basic or Digest auth."""

import asyncio

import aiohttp

from .address_guard import IPAddress
from .model import Login, Outcome, Protocol, Service

# Answers that say "too many attempts": stop at once.
LOCKOUT_STATUSES = frozenset({423, 429, 503})
UNAUTHORIZED = 401


def url_host(address: IPAddress) -> str:
    """The address as a URL's host: IPv6 in brackets, its zone id percent-encoded."""
    text = str(address)
    return f"[{text.replace('%', '%25')}]" if address.version == 6 else text  # noqa: PLR2004


def _url(address: IPAddress, service: Service) -> str:
    host = url_host(address)
    return f"{'https' if service.tls else 'http'}://{host}:{service.port}/"


async def try_http(
    session: aiohttp.ClientSession,
    address: IPAddress,
    service: Service,
    login: Login,
    seconds: float,
) -> Outcome:
    """Try one login; the page must first ask for HTTP authentication."""
    url = _url(address, service)
    try:
        async with asyncio.timeout(seconds):
            async with session.get(url, allow_redirects=False, ssl=False) as challenge:
                scheme = challenge.headers.get("WWW-Authenticate", "").split(" ", 1)[0].lower()
                if challenge.status in LOCKOUT_STATUSES:
                    return Outcome.LOCKED_OUT
                if challenge.status != UNAUTHORIZED:
                    return Outcome.UNSUPPORTED  # an open page or a login form
            headers: dict[str, str] = {}
            middlewares: tuple[aiohttp.DigestAuthMiddleware, ...] = ()
            if scheme == "basic":
                headers["Authorization"] = aiohttp.encode_basic_auth(login.username, login.password)
            elif scheme == "digest":
                middlewares = (aiohttp.DigestAuthMiddleware(login.username, login.password),)
            else:
                return Outcome.UNSUPPORTED
            async with session.get(
                url, allow_redirects=False, ssl=False, headers=headers, middlewares=middlewares
            ) as answer:
                status = answer.status
                locked = "Retry-After" in answer.headers
    except TimeoutError, aiohttp.ClientError, OSError, ValueError:
        return Outcome.UNREACHABLE
    if status in LOCKOUT_STATUSES or locked:
        return Outcome.LOCKED_OUT
    # Only a page served with the login is evidence; a redirect may lead anywhere.
    return Outcome.ACCEPTED if 200 <= status < 300 else Outcome.REJECTED  # noqa: PLR2004


PROTOCOL = Protocol(
    kind="http",
    attempt=try_http,
    default_port=80,
    zeroconf_types={"_http._tcp": False, "_https._tcp": True},
    hints=frozenset({"web", "http", "https", "www", "webui", "web interface"}),
)
