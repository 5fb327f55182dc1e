"""Only private, link-local and loopback addresses may be probed."""

import ipaddress

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


class AddressRefusedError(ValueError):
    """The address is not one the probes may touch."""


def check_target(address: str) -> IPAddress:
    """Return the address if it may be probed; raise AddressRefusedError otherwise.

    Host names are refused too: what they resolve to is not known until it is too late.
    """
    try:
        parsed = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        msg = f"{address[:100]!r} is not an IP address"
        raise AddressRefusedError(msg) from None
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped:
        parsed = parsed.ipv4_mapped
    if not any(parsed in network for network in ALLOWED_NETWORKS):
        msg = f"{parsed} is not a private, link-local or loopback address"
        raise AddressRefusedError(msg)
    return parsed


def is_allowed(address: str) -> bool:
    """Tell whether the address may be probed."""
    try:
        check_target(address)
    except AddressRefusedError:
        return False
    return True
