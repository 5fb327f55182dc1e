"""The dataset tool: the shipped files are the build of dataset/, and say enough."""

from datetime import date

import pytest

from custom_components.device_security.core.database.loader import load_database
from tools import dataset


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """Override the package-wide fixture: these tests need no Home Assistant."""


def test_shipped_files_are_the_build_of_dataset() -> None:
    assert dataset.is_current(), "run scripts/dataset build"


def test_statistics() -> None:
    figures = dataset.statistics_of(load_database(dataset.DATABASE_FILE), date(2026, 11, 22))
    assert figures["manufacturers"] >= 40
    assert figures["products"] >= 400
    assert figures["dates_without_source"] == 0
    assert sum(figures["products_by_support"].values()) == figures["products"]
    assert sum(figures["products_by_category"].values()) == figures["products"]
    ages = figures["source_age_days"]
    assert ages["newest"] <= ages["median"] <= ages["oldest"]


def test_check_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert dataset.main(["check"]) == 0
    assert '"manufacturers":' in capsys.readouterr().out


def test_unknown_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert dataset.main(["bogus"]) == 2
    assert "python -m tools.dataset build" in capsys.readouterr().out
