"""How a check is declared: one module, one `CHECK`, found by the registry on its own."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..database.matcher import Match
from ..device_record import DeviceRecord
from ..findings import Finding, FindingKind
from ..report import Support
from .context import AssessmentContext


@dataclass(frozen=True, slots=True)
class Subject:
    """What a check looks at: the device, what it was identified as, its support status."""

    record: DeviceRecord
    match: Match
    support: Support


type Run = Callable[[Subject, AssessmentContext], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Check:
    """A check: its name, the kinds of finding it can make, and the function that makes them.

    The function is pure: a subject and its context in, findings out. A module under
    `checks/` that defines `CHECK = Check(...)` is a check; nothing else needs registering.
    """

    name: str
    kinds: tuple[FindingKind, ...]
    run: Run
