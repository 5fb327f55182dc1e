"""Firmware version strings as vendors write them, parsed and compared.

A check that says "your firmware has the fix" must never say so by accident: every string
that cannot be read with certainty parses to None, and None means "unknown", never "fixed".
Only two versions of the same scheme are compared; anything else is unknown too.

Understood forms (the vendor that writes each is in the tests):

- dotted numbers, with an optional ``v``/``V`` and an optional leading label that names
  the system: ``17.6.1``, ``iOS 17.6.1``, ``v3.0.0.136_20121102``, ``4.3.4.20``;
- a build after the number: ``_20121102``, ``_build_210917``, `` Build 20230210 rel.57941``,
  `` build 20230721``, `` (build 54321)``, ``-69057 Update 5``, ``B03`` (``1.02B03``);
- Dahua's trailing release mark: ``V2.800.0000000.5.R``;
- Zyxel's model-coded builds: ``V5.21(AAZF.14)C0``, comparable only within one model code;
- QNAP QuTS hero's ``h5.1.0.2424``, a numbering of its own;
- security patch levels written as dates: ``2024-11-01``.
"""

from dataclasses import dataclass
import re

# Real version strings are short; anything longer is junk and is not even scanned.
MAX_LENGTH = 80
_MAX_PARTS = 8
_MAX_DIGITS = 12
# No product line numbers its major releases past this; a bigger first number is a date
# or a serial, not a release.
_MAX_MAJOR = 9999

# Every pattern is anchored and has no nested repetition, so matching is linear in the
# (already capped) input.
_RELEASE = re.compile(r"[0-9]{1,12}(?:\.[0-9]{1,12}){0,7}", re.ASCII)
_ZYXEL = re.compile(
    r"[Vv]?([0-9]{1,4})\.([0-9]{1,4})\(([A-Z]{4})\.([0-9]{1,4})\)C([0-9]{1,4})", re.ASCII
)
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", re.ASCII)
_SEPARATORS = re.compile(r"[ _.()\-/,:;]+", re.ASCII)
_BUILD_B = re.compile(r"[Bb]([0-9]{1,12})", re.ASCII)
_DIGITS = re.compile(r"[0-9]{1,12}", re.ASCII)

# Words naming the system or the field before the number; they say nothing about order.
_LABELS = (
    "firmware version", "software version", "firmware", "software", "version", "ver",
    "ipados", "ios", "tvos", "watchos", "visionos", "macos", "android", "routeros",
    "dsm", "qts", "adm", "fw",
)  # fmt: skip
_QUTS_HERO = "quts hero"
# Words that introduce a build number, and marks that carry no order at all.
_BUILD_WORDS = frozenset({"build", "rel", "release", "update", "r"})


@dataclass(frozen=True, slots=True)
class Version:
    """A parsed version: its scheme, its release numbers and its build numbers.

    ``scheme`` is "" for plain dotted numbers; versions of different schemes do not compare.
    ``build`` holds the numbers after the release (build, rel, update), most significant first.
    """

    scheme: str
    release: tuple[int, ...]
    build: tuple[int, ...] = ()


def _strip_label(text: str) -> tuple[str, str]:
    """Remove a leading system or field name; return (scheme, rest)."""
    lowered = text.lower()
    if lowered.startswith(_QUTS_HERO):
        rest = text[len(_QUTS_HERO) :].lstrip(" _:")
        return "quts_hero", rest[1:] if rest[:1] in {"h", "H"} else rest
    for label in _LABELS:
        if lowered.startswith(label):
            rest = text[len(label) :]
            # A label is a whole word: "fw_1.20" and "iOS 17" yes, "fwx1" no.
            if rest[:1] in {" ", "_", ":", "-"}:
                return "", rest.lstrip(" _:-")
            if label == "fw" and rest[:1].isdigit():
                return "", rest
    if text[:1] in {"h", "H"} and text[1:2].isdigit():
        return "quts_hero", text[1:]
    return "", text


def _parse_build(rest: str) -> tuple[int, ...] | None:
    """Read the numbers after the release; None when an unknown word makes it uncertain."""
    numbers: list[int] = []
    for token in _SEPARATORS.split(rest):
        if not token or token.lower() in _BUILD_WORDS:
            continue
        if _DIGITS.fullmatch(token):
            numbers.append(int(token))
        elif match := _BUILD_B.fullmatch(token):
            numbers.append(int(match.group(1)))
        else:
            return None
        if len(numbers) > _MAX_PARTS:
            return None
    return tuple(numbers)


def _parse_coded(text: str) -> Version | None:
    """Read the two forms with a shape of their own: Zyxel's coded builds and dates."""
    if match := _ZYXEL.fullmatch(text):
        major, minor, code, patch, candidate = match.groups()
        return Version(f"zyxel:{code}", (int(major), int(minor), int(patch), int(candidate)))
    if match := _DATE.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:  # noqa: PLR2004 - calendar bounds
            return Version("date", (year, month, day))
    return None


def _parse_dotted(text: str) -> Version | None:
    """Read a dotted release with an optional label, ``v`` and build numbers after it."""
    scheme, text = _strip_label(text)
    if text[:1] in {"v", "V"}:
        text = text[1:]
    match = _RELEASE.match(text)
    if match is None:
        return None
    release = tuple(int(part) for part in match.group().split("."))
    rest = text[match.end() :]
    # A first number too big for a release, more dotted numbers than any vendor writes, or
    # a number running straight into letters ("1.2abc") is a form we do not know.
    too_long = rest[:1] == "." and rest[1:2].isdigit()
    glued = rest[:1].isalpha() and _BUILD_B.match(rest) is None
    if release[0] > _MAX_MAJOR or too_long or glued:
        return None
    build = _parse_build(rest)
    return None if build is None else Version(scheme, release, build)


def parse_version(text: str | None) -> Version | None:
    """Parse a vendor's version string, or return None when it cannot be read with certainty."""
    if not isinstance(text, str) or len(text) > MAX_LENGTH or not text.isascii():
        return None
    text = text.strip()
    if not text:
        return None
    if _ZYXEL.fullmatch(text) or _DATE.fullmatch(text):
        return _parse_coded(text)
    return _parse_dotted(text)


def _sign(left: tuple[int, ...], right: tuple[int, ...]) -> int:
    """Compare two number tuples, the shorter padded with zeros: -1, 0 or 1."""
    width = max(len(left), len(right))
    a = left + (0,) * (width - len(left))
    b = right + (0,) * (width - len(right))
    return (a > b) - (a < b)


def compare(installed: Version | str | None, fixed: Version | str | None) -> int | None:
    """Order two versions: -1, 0 or 1, or None when they cannot be compared with certainty.

    Releases decide first. On equal releases the build decides, and an installed string
    that carries less build detail than the fixed one is unknown rather than equal.
    """
    left = parse_version(installed) if not isinstance(installed, Version) else installed
    right = parse_version(fixed) if not isinstance(fixed, Version) else fixed
    if left is None or right is None or left.scheme != right.scheme:
        return None
    if order := _sign(left.release, right.release):
        return order
    if not right.build:
        return 0
    common = min(len(left.build), len(right.build))
    if order := _sign(left.build[:common], right.build[:common]):
        return order
    return 0 if len(left.build) >= len(right.build) else None


def is_fixed(installed: str | None, fixed: str | None) -> bool | None:
    """Say whether the installed version has the fix: True, False, or None when unknown."""
    order = compare(installed, fixed)
    return None if order is None else order >= 0
