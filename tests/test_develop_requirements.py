"""requirements_develop.txt pins everything the development instance would install at start."""

from pathlib import Path

import pytest

from tools import develop_requirements


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """Override the package-wide fixture: these tests need no Home Assistant instance."""


def test_requirements_develop_pins_what_the_instance_loads() -> None:
    derived = develop_requirements.derive()
    found = develop_requirements.problems(derived, develop_requirements.read_pins())
    assert not found, "requirements_develop.txt:\n" + "\n".join(found)


def test_derivation_follows_dependencies_and_core_modules() -> None:
    roots = develop_requirements.root_domains()
    # configuration.yaml, the demo home and Home Assistant's own defaults.
    assert {"history", "demo_home", "device_security", "backup", "camera"} <= set(roots)
    loaded = develop_requirements.loaded_domains()
    # history -> recorder (dependency); backup -> hassio (after_dependency).
    assert {"recorder", "hassio", "assist_pipeline"} <= set(loaded)
    derived = develop_requirements.derive()
    assert derived["pyotp"].needed_by >= {"auth mfa_modules totp"}
    assert derived["pyturbojpeg"].needed_by == {"camera"}


def test_problems_name_missing_wrong_and_extra_pins(tmp_path: Path) -> None:
    derived = {
        "pyotp": develop_requirements.Pin("pyotp", "2.10.0", {"auth"}),
        "mutagen": develop_requirements.Pin("mutagen", "1.48.1", {"tts"}),
    }
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("# comment\nmutagen==1.0  # old\nextra-package==1\n")
    assert develop_requirements.problems(derived, develop_requirements.read_pins(requirements)) == [
        "missing: pyotp==2.10.0 (needed by auth)",
        "wrong version: mutagen 1.0; Home Assistant pins mutagen==1.48.1 (needed by tts)",
        "not needed by the development instance: extra-package 1",
    ]
