"""The loader: strict validation with every problem named by file, row and column."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from dashboard.data.dataset import load_dataset
from dashboard.tabs import load
from dashboard.data.problems import DatasetError

from .conftest import edit_cell, make_package


def problems_of(package) -> list:
    """Every problem the app's loader (slides' views checked against the tab registry) finds."""
    with pytest.raises(DatasetError) as info:
        load(package)
    return list(info.value.problems)


# (file, row id, column, bad value, expected code)
BAD_CELLS = [
    ("events.csv", "e-alpha-session", "kind", "party", "bad-enum"),
    ("events.csv", "e-alpha-session", "title", "", "blank-required"),
    ("events.csv", "e-alpha-session", "start", "2022-03-29T07:30+00:00", "bad-datetime"),
    ("events.csv", "e-alpha-session", "start", "2022-02-30T07:30:00+00:00", "bad-datetime"),
    ("events.csv", "e-alpha-session", "start", "2022-03-29T10:30:00+03:00", "not-utc"),
    ("events.csv", "e-alpha-session", "start", "2022-03-29", "precision-mismatch"),
    ("events.csv", "e-alpha-statement", "start", "2022-03-30T00:00:00+00:00", "precision-mismatch"),
    ("events.csv", "e-proposal", "start", "2025-05-10T22:30:00+00:00", "precision-mismatch"),
    ("events.csv", "e-alpha-session", "end", "2022-03-29T07:00:00+00:00", "end-before-start"),
    ("events.csv", "e-alpha-session", "source_ids", "src-gazette;src-nowhere", "unknown-reference"),
    ("events.csv", "e-alpha-session", "round_id", "r-missing", "unknown-reference"),
    ("events.csv", "e-alpha-session", "sides", "russia;atlantis", "bad-enum"),
    ("events.csv", "e-alpha-session", "local_tz", "Mars/Olympus", "bad-timezone"),
    ("events.csv", "e-alpha-session", "approximate", "maybe", "bad-boolean"),
    ("events.csv", "e-proposal", "id", "e-alpha-session", "duplicate-id"),
    ("events.csv", "e-alpha-statement", "start", "", "no-time"),
    ("events.csv", "e-beta-trilateral", "end", "2025-05-16T08:45:00+00:00", "end-without-start"),
    ("events.csv", "e-context-month", "start", "2022-13", "bad-date"),
    ("sources.csv", "src-gazette", "url", "javascript:alert(1)", "bad-url"),
    ("sources.csv", "src-gazette", "url", "https://example.org/<script>", "bad-url"),
    ("sources.csv", "src-gazette", "url", "https://example.org/\u202egpj.exe", "bad-url"),  # bidi override
    ("sources.csv", "src-gazette", "url", "https://example.org/a\x00b", "bad-url"),
    ("sources.csv", "src-gazette", "url", "https://user:pw@example.org/", "bad-url"),
    ("sources.csv", "src-gazette", "url", "https://news.example@evil.example/", "bad-url"),
    ("sources.csv", "src-gazette", "published", "yesterday", "bad-date"),
    ("sources.csv", "src-gazette", "published", "２０２２-01-01", "bad-date"),  # fullwidth digits
    ("events.csv", "e-alpha-session", "title", '=HYPERLINK("https://evil.example","x")', "formula-cell"),
    ("events.csv", "e-alpha-session", "summary", "+cmd|' /C calc'!A0", "formula-cell"),
    ("events.csv", "e-alpha-session", "note", "@SUM(1+1)", "formula-cell"),
    ("events.csv", "e-alpha-session", "title", "\tTab first", "formula-cell"),
    ("events.csv", "e-alpha-session", "title", "-2+3", "formula-cell"),
    ("territory.csv", "2022-02-23", "percent", "²", "bad-number"),
    ("rounds.csv", "r-alpha", "end_date", "2022-03-28", "end-before-start"),
    ("rounds.csv", "r-alpha", "format", "telepathy", "bad-enum"),
    ("territory.csv", "2022-02-23", "percent", "101", "out-of-range"),
    ("territory.csv", "2022-02-23", "percent", "seven", "bad-number"),
    ("territory.csv", "2022-02-23", "source_ids", "src-nowhere", "unknown-reference"),
    ("events.csv", "e-alpha-statement", "verification", "verified", "uncorroborated"),
    ("territory.csv", "2026-01-01", "verification", "verified", "uncorroborated"),
    ("territory.csv", "2022-03-28", "includes_crimea", "false", "mixed-series"),  # Monitor A counts it
    ("rounds.csv", "r-gamma", "head_ids", "p-north;p-south", "head-not-present"),  # South sat at no r-gamma event
    ("rounds.csv", "r-alpha", "source_ids", "src-gazette;src-nowhere", "unknown-reference"),
    ("rounds.csv", "r-alpha", "head_ids", "p-north;p-nobody", "unknown-reference"),
    ("participants.csv", "p-north", "source_ids", "src-nowhere", "unknown-reference"),
    ("events.csv", "e-alpha-session", "participant_ids", "p-north;p-nobody", "unknown-reference"),
    ("slides.csv", "testport-story", "deck_id", "no-such-deck", "unknown-reference"),
    ("slides.csv", "testport-story", "event_ids", "e-nowhere", "unknown-reference"),
    ("slides.csv", "testport-story", "source_ids", "src-nowhere", "unknown-reference"),
]

# positions.csv, by the same rules: its descriptor's enums, occasion key, source list and corroboration
BAD_POSITIONS = [
    ("positions.csv", "pos-beta-south-ceasefire", "topic", "weather", "bad-enum"),
    ("positions.csv", "pos-beta-south-ceasefire", "side", "atlantis", "bad-enum"),
    ("positions.csv", "pos-beta-south-ceasefire", "moved", "sideways", "bad-enum"),
    ("positions.csv", "pos-beta-south-ceasefire", "status", "rumoured", "bad-enum"),
    ("positions.csv", "pos-beta-south-ceasefire", "verification", "likely", "bad-enum"),
    ("positions.csv", "pos-beta-south-ceasefire", "quote", "perhaps", "bad-boolean"),
    ("positions.csv", "pos-beta-south-ceasefire", "position", "", "blank-required"),
    ("positions.csv", "pos-beta-south-ceasefire", "occasion", "e-nowhere", "unknown-reference"),
    ("positions.csv", "pos-beta-south-ceasefire", "source_ids", "src-courier;src-nowhere", "unknown-reference"),
    ("positions.csv", "pos-beta-south-ceasefire", "verification", "verified", "uncorroborated"),  # Courier only
    ("positions.csv", "pos-beta-north-neutrality", "id", "pos-beta-south-ceasefire", "duplicate-id"),
    ("positions.csv", "pos-beta-south-ceasefire", "position", "=1+1", "formula-cell"),
]


@pytest.mark.parametrize("file, row_id, column, value, code", BAD_CELLS + BAD_POSITIONS)
def test_each_bad_cell_is_named_by_file_row_column_and_code(fixture_dir, file, row_id, column, value, code):
    row = edit_cell(fixture_dir, file, row_id, column, value)
    found = [(p.file, p.row, p.column, p.code) for p in problems_of(fixture_dir)]
    assert (file, row, column, code) in found


def test_several_errors_in_one_file_are_all_reported(fixture_dir):
    rows = {
        edit_cell(fixture_dir, "events.csv", "e-alpha-session", "kind", "party"),
        edit_cell(fixture_dir, "events.csv", "e-proposal", "verification", "rumour"),
        edit_cell(fixture_dir, "events.csv", "e-gamma-session", "status", "maybe"),
    }
    problems = problems_of(fixture_dir)
    assert {p.row for p in problems if p.code == "bad-enum"} == rows


def test_problem_prints_as_file_row_column_code_message(fixture_dir):
    row = edit_cell(fixture_dir, "events.csv", "e-alpha-session", "kind", "party")
    [problem] = problems_of(fixture_dir)
    assert str(problem).startswith(f"events.csv:{row}:kind: bad-enum: 'party' is not one of")


def test_missing_file_is_reported(fixture_dir):
    (fixture_dir / "territory.csv").unlink()
    problems = problems_of(fixture_dir)
    assert [(p.file, p.code) for p in problems] == [("territory.csv", "missing-file")]


def test_missing_and_unknown_columns_and_ragged_rows(fixture_dir):
    path = fixture_dir / "sources.csv"
    lines = path.read_text().splitlines()
    lines[0] = lines[0].replace("accessed", "visited")
    lines.append("src-short,Only two cells")
    path.write_text("\n".join(lines) + "\n")
    codes = {(p.row, p.column, p.code) for p in problems_of(fixture_dir)}
    assert (1, "accessed", "missing-column") in codes
    assert (1, "visited", "unknown-column") in codes
    assert (len(lines), None, "ragged-row") in codes


def test_bad_package_json(fixture_dir):
    (fixture_dir / "datapackage.json").write_text("{not json")
    assert [p.code for p in problems_of(fixture_dir)] == ["bad-json"]


def test_bom_and_crlf_still_load(fixture_dir, fixture_dataset):
    for path in fixture_dir.glob("*.csv"):
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    dataset = load_dataset(fixture_dir)
    assert dataset.counts() == fixture_dataset.counts()
    assert list(dataset.sources.columns)[0] == "id"


def test_times_are_utc_and_day_precision_is_the_local_day(fixture_dataset):
    events = fixture_dataset.events
    assert str(events["start"].dt.tz) == "UTC"
    session = events.loc["e-beta-session"]
    assert session["start"] == pd.Timestamp("2025-05-16T10:35:00Z")
    # A day-precision date is the start of that day in the venue's zone (Istanbul, UTC+3).
    statement = events.loc["e-alpha-statement"]
    assert statement["precision"] == "day"
    assert statement["start"].tz_convert("Europe/Istanbul") == pd.Timestamp("2022-03-30", tz="Europe/Istanbul")
    # Sorted by the first known time; a scheduled-only meeting is anchored on its schedule.
    assert list(events["anchor"]) == sorted(events["anchor"])
    assert events.loc["e-beta-trilateral", "anchor"] == pd.Timestamp("2025-05-16T07:45:00Z")


def test_lists_are_tuples_and_frames_are_indexed_by_id(fixture_dataset):
    assert fixture_dataset.events.loc["e-gamma-session", "source_ids"] == ("src-courier", "src-gazette")
    assert fixture_dataset.rounds.loc["r-beta", "series"] == "testport-2025"


DUMP = """
import json, sys
from dashboard.data.dataset import load_dataset
ds = load_dataset(sys.argv[1])
print(json.dumps({n: getattr(ds, n).astype(str).to_dict("records") for n in ds.counts()}))
"""


def test_loader_ignores_the_machine_time_zone(fixture_dir):
    dumps = []
    for zone in ("America/New_York", "Asia/Tokyo"):
        env = {**os.environ, "TZ": zone}
        out = subprocess.run([sys.executable, "-c", DUMP, str(fixture_dir)], env=env,
                             capture_output=True, text=True, check=True).stdout
        dumps.append(json.loads(out))
    assert dumps[0] == dumps[1]
    assert dumps[0]["events"][0]["start"].endswith("+00:00")


def edit_descriptor(package, change) -> None:
    """Apply ``change(resources by name)`` to the package's datapackage.json."""
    path = package / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change({r["name"]: r for r in descriptor["resources"]})
    path.write_text(json.dumps(descriptor), encoding="utf-8")


def field_of(resource: dict, name: str) -> dict:
    return next(f for f in resource["schema"]["fields"] if f["name"] == name)


def codes_of(package) -> set:
    try:
        load_dataset(package)
    except DatasetError as error:
        return {(p.file, p.row, p.column, p.code) for p in error.problems}
    return set()


def undeclare_round_key(resources):
    resources["events"]["schema"]["foreignKeys"] = [
        k for k in resources["events"]["schema"]["foreignKeys"] if k["fields"] != ["round_id"]]


def undeclare_source_list_key(resources):
    del field_of(resources["events"], "source_ids")["x-references"]


@pytest.mark.parametrize("column, value, undeclare", [
    ("round_id", "r-missing", undeclare_round_key),  # a standard foreignKeys entry
    ("source_ids", "src-gazette;src-nowhere", undeclare_source_list_key),  # a list's x-references
])
def test_the_validator_checks_the_keys_the_descriptor_declares(fixture_dir, column, value, undeclare):
    row = edit_cell(fixture_dir, "events.csv", "e-alpha-session", column, value)
    assert ("events.csv", row, column, "unknown-reference") in codes_of(fixture_dir)
    edit_descriptor(fixture_dir, undeclare)
    assert ("events.csv", row, column, "unknown-reference") not in codes_of(fixture_dir)


def test_which_fields_are_lists_and_their_separator_come_from_the_descriptor(fixture_dir):
    def change(resources):
        source_ids = field_of(resources["events"], "source_ids")
        del source_ids["x-separator"], source_ids["x-references"]
        field_of(resources["participants"], "role")["x-separator"] = " of "

    edit_descriptor(fixture_dir, change)
    dataset = load_dataset(fixture_dir)
    assert dataset.events.loc["e-gamma-session", "source_ids"] == "src-courier;src-gazette"
    assert dataset.participants.loc["p-north", "role"] == ("Head", "delegation")
    assert dataset.separators["participants"] == {"source_ids": ";", "role": " of "}


@pytest.mark.parametrize("reference", [{"resource": "publishers", "field": "id"}, {"resource": "sources"}])
def test_a_key_to_no_resource_and_field_is_a_descriptor_problem(fixture_dir, reference):
    edit_descriptor(fixture_dir, lambda resources: field_of(resources["events"], "source_ids").update(
        {"x-references": reference}))
    assert ("datapackage.json", None, None, "bad-foreign-key") in codes_of(fixture_dir)


def test_bundled_data_is_valid():
    from .conftest import DATA

    dataset = load_dataset(DATA)
    counts = dataset.counts()
    assert counts["rounds"] >= 8 and counts["events"] >= 45 and counts["sources"] >= 25
    assert counts["territory"] >= 12 and counts["positions"] >= 100
    assert all(len(ids) >= 1 for ids in dataset.events["source_ids"])


def test_bundled_package_passes_frictionless():
    from frictionless import Package, system

    from .conftest import DATA

    with system.use_context(trusted=True):
        report = Package(str(DATA / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_make_package_is_a_copy(tmp_path):
    assert (make_package(tmp_path / "p") / "datapackage.json").is_file()


def test_two_copies_of_one_original_story_do_not_corroborate(fixture_dir):
    """A reprint counts as the outlet that wrote it: the Herald here is a copy of the Courier."""
    row = edit_cell(fixture_dir, "sources.csv", "src-herald", "publisher", "Example Courier (Wire)")
    edit_cell(fixture_dir, "sources.csv", "src-herald", "via", "Example Herald")
    found = {(p.file, p.row, p.column, p.code) for p in problems_of(fixture_dir)}
    assert row and ("events.csv", 7, "verification", "uncorroborated") in found  # e-beta-session
    assert ("events.csv", 9, "verification", "uncorroborated") not in found  # courier and gazette


def test_the_shipped_data_has_no_uncorroborated_verified_row(shipped_dataset):
    for frame, column in ((shipped_dataset.events, "source_ids"), (shipped_dataset.territory, "source_ids"),
                          (shipped_dataset.positions, "source_ids")):
        for ids in frame.loc[frame["verification"] == "verified", column]:
            assert len(set(shipped_dataset.sources.loc[list(ids), "publisher"])) >= 2, ids
