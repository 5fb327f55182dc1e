"""Only private, link-local and loopback addresses may be probed."""

import ipaddress
import re

# RFC 1918, RFC 3927 and RFC 4193 ranges, link-local and loopback. Loopback is allowed so
# that tests and the demo can run against servers on this machine.
ALLOWED_NETWORKS = tuple(
    ipaddress.ip_network(network)
    for network in (
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "169.254.0.0/16",
        "127.0.0.0/8",
        "fc00::/7",
        "fe80::/10",
        "::1/128",
    )
)

type IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# An interface name or number, the only thing that may follow "%" (IPv6 link-local only).
_ZONE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


class AddressRefusedError(ValueError):
    """The address is not one the probes may touch."""


def parse_address(text: str) -> IPAddress | None:
    """The IP address a host string names exactly, or None for anything else.

    A zone id ("%eth0") is accepted on an IPv6 link-local address and nowhere else, so
    that nothing can ride after the address into a URL or a resolver.
    """
    try:
        parsed = ipaddress.ip_address(text)
    except ValueError:
        return None
    zone = parsed.scope_id if isinstance(parsed, ipaddress.IPv6Address) else None
    if zone is not None and not (parsed.is_link_local and _ZONE.match(zone)):
        return None
    return parsed


def check_target(address: IPAddress) -> IPAddress:
    """Return the address if it may be probed; raise AddressRefusedError otherwise.

    The probes take the parsed address, never a host string: a name is resolved only
    when it is too late to check what it resolved to.
    """
    plain = address.ipv4_mapped if isinstance(address, ipaddress.IPv6Address) else None
    if not any((plain or address) in network for network in ALLOWED_NETWORKS):
        msg = f"{address} is not a private, link-local or loopback address"
        raise AddressRefusedError(msg)
    return address


def allowed_address(text: str) -> IPAddress | None:
    """The address a host string names, if it may be probed."""
    if (parsed := parse_address(text)) is None:
        return None
    try:
        return check_target(parsed)
    except AddressRefusedError:
        return None
