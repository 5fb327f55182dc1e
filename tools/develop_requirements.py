"""What the development instance needs installed, derived from the installed Home Assistant.

The development instance (scripts/develop) runs without network access, so Home Assistant
cannot pip-install anything at start: every requirement it would install must already be
pinned in requirements_develop.txt. This module computes that set the way Home Assistant
does at start:

- the integrations it sets up: its core ones, its default ones and every entity platform
  (homeassistant/bootstrap.py), the top-level keys of config/configuration.yaml, the custom
  integrations in config/custom_components (the demo home creates their config entries),
  and the integrations their code imports;
- then, recursively, their `dependencies`, their `after_dependencies` and the discovery
  integrations their manifests ask for (homeassistant/requirements.py installs the
  requirements of all of these);
- the `requirements` of all those manifests, plus those of the auth providers and
  multi-factor modules (homeassistant/auth/), pinned at the version Home Assistant pins
  (the manifest's `==`, else homeassistant/package_constraints.txt).

    python -m tools.develop_requirements          # print the derived pins
    python -m tools.develop_requirements check    # compare them with requirements_develop.txt
"""

import ast
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
import importlib
import json
from pathlib import Path
import pkgutil
import sys
from typing import Any

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from homeassistant import auth, bootstrap, components, const, requirements as ha_requirements
from homeassistant.util.yaml import load_yaml

ROOT = Path(__file__).resolve().parent.parent
CONFIG_DIR = ROOT / "config"
REQUIREMENTS_DEVELOP = ROOT / "requirements_develop.txt"
HA_DIR = Path(const.__file__).parent
COMPONENTS_DIR = Path(components.__path__[0])
CONSTRAINTS_FILE = HA_DIR / "package_constraints.txt"


@dataclass
class Pin:
    """One requirement at the version Home Assistant pins, and who needs it."""

    name: str
    version: str
    needed_by: set[str] = field(default_factory=set)

    def __str__(self) -> str:
        """Return the requirement line."""
        return f"{self.name}=={self.version}"


def _manifest(domain: str, custom_dir: Path) -> dict[str, Any] | None:
    for base in (custom_dir, COMPONENTS_DIR):
        path = base / domain / "manifest.json"
        if path.is_file():
            manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            return manifest
    return None


def _imported_components(custom_dir: Path) -> set[str]:
    """Return the Home Assistant integrations the custom integrations' code imports."""
    prefix = "homeassistant.components"
    domains: set[str] = set()
    for source in custom_dir.glob("*/**/*.py"):
        for node in ast.walk(ast.parse(source.read_bytes(), str(source))):
            if isinstance(node, ast.ImportFrom) and node.module == prefix:
                domains.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                modules = [node.module or ""]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            domains.update(
                module.split(".")[2] for module in modules if module.startswith(f"{prefix}.")
            )
    return domains


def root_domains(config_dir: Path = CONFIG_DIR) -> dict[str, str]:
    """Return the integrations Home Assistant sets up in the instance, with the reason."""
    custom_dir = config_dir / "custom_components"
    config = load_yaml(config_dir / "configuration.yaml") or {}
    assert isinstance(config, dict)  # noqa: S101
    roots: dict[str, str] = {}
    sources: list[tuple[str, Iterable[str]]] = [
        ("Home Assistant core", bootstrap.CORE_INTEGRATIONS),
        ("Home Assistant default", bootstrap.DEFAULT_INTEGRATIONS),
        ("entity platform", const.BASE_PLATFORMS),
        ("configuration.yaml", (str(key).split(" ", 1)[0] for key in config)),
        ("custom integration", (path.parent.name for path in custom_dir.glob("*/manifest.json"))),
        ("imported by a custom integration", _imported_components(custom_dir)),
    ]
    for reason, domains in sources:
        for domain in domains:
            roots.setdefault(domain, reason)
    return roots


def loaded_domains(config_dir: Path = CONFIG_DIR) -> dict[str, dict[str, Any]]:
    """Return the manifest of every integration whose requirements Home Assistant installs."""
    custom_dir = config_dir / "custom_components"
    manifests: dict[str, dict[str, Any]] = {}
    pending = list(root_domains(config_dir))
    while pending:
        domain = pending.pop()
        if domain in manifests:
            continue
        manifest = _manifest(domain, custom_dir)
        if manifest is None:
            continue  # a platform-less key such as a misspelling; Home Assistant says so
        manifests[domain] = manifest
        pending.extend(manifest.get("dependencies", []))
        pending.extend(manifest.get("after_dependencies", []))
        pending.extend(
            discovery
            for discovery, keys in ha_requirements.DISCOVERY_INTEGRATIONS.items()
            if any(key in manifest for key in keys)
        )
    return manifests


def auth_requirements() -> dict[str, list[str]]:
    """Return the requirements of Home Assistant's auth providers and multi-factor modules."""
    found: dict[str, list[str]] = {}
    for package in ("mfa_modules", "providers"):
        module_path = f"{auth.__name__}.{package}"
        package_dir = Path(auth.__file__).parent / package
        for info in pkgutil.iter_modules([str(package_dir)]):
            module = importlib.import_module(f"{module_path}.{info.name}")
            if requirements := getattr(module, "REQUIREMENTS", None):
                found[f"auth {package} {info.name}"] = list(requirements)
    return found


def _constraints() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in CONSTRAINTS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()  # noqa: PLW2901
        if not line:
            continue
        requirement = Requirement(line)
        if (version := _exact_version(requirement)) is not None:
            pins[canonicalize_name(requirement.name)] = version
    return pins


def _exact_version(requirement: Requirement) -> str | None:
    specifiers = list(requirement.specifier)
    if len(specifiers) == 1 and specifiers[0].operator == "==":
        return specifiers[0].version
    return None


def derive(config_dir: Path = CONFIG_DIR) -> dict[str, Pin]:
    """Return the pins the development instance needs, by canonical package name."""
    needed: dict[str, list[str]] = {
        domain: list(manifest.get("requirements", []))
        for domain, manifest in loaded_domains(config_dir).items()
    }
    needed.update(auth_requirements())
    constraints = _constraints()
    pins: dict[str, Pin] = {}
    for who, lines in needed.items():
        for line in lines:
            requirement = Requirement(line)
            key = canonicalize_name(requirement.name)
            version = _exact_version(requirement) or constraints.get(key)
            if version is None:
                msg = f"{who} needs {line}, which Home Assistant does not pin"
                raise ValueError(msg)
            pin = pins.setdefault(key, Pin(requirement.name, version))
            if pin.version != version:
                msg = f"{requirement.name} is pinned at both {pin.version} and {version}"
                raise ValueError(msg)
            pin.needed_by.add(who)
    return dict(sorted(pins.items()))


def read_pins(path: Path = REQUIREMENTS_DEVELOP) -> dict[str, str]:
    """Return the exact pins of a requirements file, by canonical package name."""
    pins: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        requirement = Requirement(line)
        pins[canonicalize_name(requirement.name)] = _exact_version(requirement) or str(
            requirement.specifier
        )
    return pins


def problems(derived: Mapping[str, Pin], pinned: Mapping[str, str]) -> list[str]:
    """Return what requirements_develop.txt lacks, pins differently, or has in excess."""
    found: list[str] = []
    for key, pin in derived.items():
        needed_by = ", ".join(sorted(pin.needed_by))
        if key not in pinned:
            found.append(f"missing: {pin} (needed by {needed_by})")
        elif pinned[key] != pin.version:
            found.append(
                f"wrong version: {pin.name} {pinned[key]}; Home Assistant pins {pin} "
                f"(needed by {needed_by})"
            )
    found.extend(
        f"not needed by the development instance: {key} {pinned[key]}"
        for key in pinned
        if key not in derived
    )
    return found


def main() -> None:
    """Print the derived pins, or compare them with requirements_develop.txt."""
    derived = derive()
    if sys.argv[1:] == ["check"]:
        if found := problems(derived, read_pins()):
            print("\n".join(found))
            sys.exit(1)
        print(f"{REQUIREMENTS_DEVELOP.name} pins all {len(derived)} requirements")
        return
    for pin in derived.values():
        print(f"{pin}  # {', '.join(sorted(pin.needed_by))}")


if __name__ == "__main__":
    main()
