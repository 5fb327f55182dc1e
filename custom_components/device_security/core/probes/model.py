"""What a probe works with and what it reports."""

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

import aiohttp

from .address_guard import IPAddress


@dataclass(frozen=True, slots=True)
class Service:
    """A service on a device: the protocol it speaks (its `Protocol.kind`), on which port."""

    kind: str
    port: int
    tls: bool = False


@dataclass(frozen=True, slots=True)
class Login:
    """A published default login. The password never shows in a repr."""

    username: str
    password: str = field(repr=False)
    service: str | None = None  # the reference list's hint: "web", "telnet", "ssh"...


class Outcome(StrEnum):
    """How a login test of one service ended."""

    ACCEPTED = "accepted"  # a published default login works
    REJECTED = "rejected"  # every login tried was refused
    NO_LOGIN = "no_login"  # the service let us in without asking
    UNSUPPORTED = "unsupported"  # it asks for a login the probes do not speak (a web form)
    LOCKED_OUT = "locked_out"  # the device signalled too many attempts; we stopped
    UNREACHABLE = "unreachable"  # no answer, or an answer we do not understand
    REFUSED = "refused"  # the address guard refused the target


type Attempt = Callable[
    [aiohttp.ClientSession, IPAddress, Service, Login, float], Awaitable[Outcome]
]


@dataclass(frozen=True, slots=True)
class Protocol:
    """A login protocol the probes speak, declared once by the module that speaks it.

    A module `<name>_login.py` in this package that defines `PROTOCOL = Protocol(...)` is
    found by the prober and the login tests by itself; nothing else registers it.
    """

    kind: str  # "http", "telnet"...
    attempt: Attempt  # try one login within the timeout; never raises for the device's sake
    default_port: int  # where to look when a device announces nothing
    zeroconf_types: Mapping[str, bool]  # announced service types, and whether over TLS
    hints: frozenset[str]  # the default-login list's service hints that name it


@dataclass(frozen=True, slots=True)
class ProbeResult:
    """The outcome for one service of one address, and how many logins it cost."""

    address: IPAddress
    service: Service
    outcome: Outcome
    attempts: int = 0


@dataclass(frozen=True, slots=True)
class ProbeLimits:
    """The bounds every sweep keeps."""

    attempts_per_service: int = 3
    concurrency: int = 16
    timeout: float = 3.0  # one connection or answer
    pause: float = 0.5  # between two logins on the same service
    deadline: float = 120.0  # the whole sweep
