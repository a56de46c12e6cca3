"""Shared fixtures: the fictional test data package, copied beside the real schema."""

from __future__ import annotations

import csv
import os
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests: 100 examples each in the edit loop and in `make test`; a deeper run with
# HYPOTHESIS_PROFILE=deep (1,000 each) when a change touches parsing or the request guards.
settings.register_profile("default", max_examples=100, deadline=None)
settings.register_profile("deep", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIXTURE = Path(__file__).resolve().parent / "data" / "fixture"


def make_package(target: Path) -> Path:
    """Copy the fictional CSVs and the real datapackage.json into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for path in FIXTURE.glob("*.csv"):
        shutil.copy(path, target / path.name)
    shutil.copy(DATA / "datapackage.json", target / "datapackage.json")
    return target


@pytest.fixture
def fixture_dir(tmp_path: Path) -> Path:
    return make_package(tmp_path / "package")


@pytest.fixture(scope="session")
def fixture_dataset(tmp_path_factory):
    from dashboard.data.dataset import load_dataset

    return load_dataset(make_package(tmp_path_factory.mktemp("package")))


@pytest.fixture(scope="session")
def shipped_dataset():
    """The bundled data package, loaded as the app loads it."""
    from dashboard.tabs import load

    return load(DATA)


def edit_cell(package: Path, file: str, row_id: str, column: str, value: str, key: str | None = None) -> int:
    """Set one cell of the row whose first cell (or ``key`` column) is ``row_id``; return its
    spreadsheet row."""
    path = package / file
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    column_index = rows[0].index(column)
    key_index = rows[0].index(key) if key else 0
    for number, row in enumerate(rows[1:], start=2):
        if row[key_index] == row_id:
            row[column_index] = value
            break
    else:
        raise KeyError(row_id)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return number


def make_large_package(target: Path, count: int) -> Path:
    """The fixture package plus ``count`` fictional events, one an hour from 1 May 2022 (same
    round, kind, side and source as the first fixture event), for the many-events paths."""
    make_package(target)
    path = target / "events.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    template = rows[0]
    start = datetime(2022, 5, 1, tzinfo=timezone.utc)
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(template), lineterminator="\n")
        for number in range(count):
            moment = start + timedelta(hours=number)
            writer.writerow({**template, "id": f"e-many-{number:05d}", "title": f"Many {number:05d}",
                             "scheduled_start": "", "start": moment.isoformat(), "end": ""})
    return target
