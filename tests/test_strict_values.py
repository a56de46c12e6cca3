"""Strict values: numbers in requests and flags are ASCII digits within a range; a spreadsheet
never runs a cell of ours as a formula."""

from __future__ import annotations

import csv
import io

import pytest

from dashboard.app import create_app
from dashboard.cli import main
from dashboard.config import Config
from dashboard.data import fields
from dashboard.data.dataset import load_dataset
from dashboard.data.fields import is_formula, spreadsheet_safe
from dashboard.export import events_csv
from dashboard.urls import whole_number
from dashboard.state import ViewState

from .conftest import edit_cell, make_package
from .test_hardening import CALLBACK, route_body

HOSTILE_NUMBERS = ["²", "①", "٣", "１２", "-1", "0", "1e3", " 12", "12 ", "9" * 40, "", "1.5", "0x10"]


@pytest.mark.parametrize("text", HOSTILE_NUMBERS)
def test_whole_number_takes_only_ascii_digits_in_range(text):
    assert whole_number(text, 1, 10_000) is None


def test_whole_number_reads_plain_digits():
    assert whole_number("640", 1, 10_000) == 640 and whole_number("0010", 1, 99) == 10


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return create_app(Config(data_dir=make_package(tmp_path_factory.mktemp("strict")))).server.test_client()


@pytest.mark.parametrize("name", ["maxwidth", "maxheight"])
@pytest.mark.parametrize("text", HOSTILE_NUMBERS[:-4] + ["100000"])
def test_oembed_sizes_are_400_with_a_message(client, name, text):
    if text == "":
        return  # an empty size is no size: the default applies
    response = client.get("/oembed", query_string={"url": "http://127.0.0.1:8050/", name: text})
    assert response.status_code == 400 and name in response.get_json()["error"]


@pytest.mark.parametrize("text", HOSTILE_NUMBERS)
def test_a_bad_slide_number_is_a_note_and_slide_one(client, text):
    response = client.post(CALLBACK, json=route_body("/present", "?slide=" + text))
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "is not a slide number" in body or text == ""


@pytest.mark.parametrize("text", ["２０２２-01-01", "2022-0٣-01", "²022-01-01"])
def test_view_dates_take_only_ascii_digits(text):
    view, notes = ViewState.from_query(f"from={text}")
    assert view.start in ("", None) and notes


@pytest.mark.parametrize("flag", ["--width", "--height"])
@pytest.mark.parametrize("text", ["²", "①", "-1", "9" * 40])
def test_cli_sizes_are_usage_errors(fixture_dir, tmp_path, flag, text, capsys):
    code = main(["export", "--data", str(fixture_dir), "--format", "png", "--out", str(tmp_path / "x.png"),
                 flag, text])
    assert code == 2 and "is not a size in px" in capsys.readouterr().err


@pytest.mark.parametrize("text, formula", [("=1+1", True), ("+1", True), ("@A1", True), ("\tx", True),
                                           ("\rx", True), ("-x", True), ("-1+1", True), ("-5", False),
                                           ("-2.5", False), ("Talks", False), ("", False), ("a=b", False)])
def test_formula_cells_are_told_apart(text, formula):
    assert is_formula(text) is formula
    assert spreadsheet_safe(text) == ("'" + text if formula else text)


def test_csv_download_neutralises_formulas_and_loads_back(tmp_path, monkeypatch):
    package = make_package(tmp_path / "in")
    edit_cell(package, "events.csv", "e-alpha-session", "title", '=HYPERLINK("https://evil.example","click")')
    edit_cell(package, "events.csv", "e-alpha-session", "summary", "@SUM(A1:A9)")
    with monkeypatch.context() as patched:  # data that bypassed validate, e.g. an older checkout's
        patched.setattr(fields, "_FORMULA_START", ())
        ds = load_dataset(package)
    text = events_csv(ds, ViewState())
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not any(is_formula(cell) for cell in cells)
    assert "'=HYPERLINK(\"https://evil.example\",\"click\")" in cells and "'@SUM(A1:A9)" in cells
    back = make_package(tmp_path / "back")
    rows = list(csv.DictReader(io.StringIO(text)))
    columns = ds.fields["events"]
    with (back / "events.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    reloaded = load_dataset(back)  # the neutralised download is valid data again
    assert reloaded.events.loc["e-alpha-session", "title"].startswith("'=HYPERLINK(")
    assert len(reloaded.events) == len(ds.events)


def test_csv_download_of_valid_data_is_unchanged_and_loads_back(client, tmp_path):
    text = client.get("/download/events.csv").get_data(as_text=True)
    back = make_package(tmp_path / "back")
    rows = list(csv.DictReader(io.StringIO(text)))
    columns = (back / "events.csv").read_text(encoding="utf-8").splitlines()[0].split(",")  # events.csv's own
    with (back / "events.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    assert len(load_dataset(back).events) == len(rows)


def test_no_server_route_renders_with_kaleido():
    """kaleido hangs under gevent's monkey-patching (the production workers): images are made
    in the browser, and only the command line calls figure_image, itself or through the
    picture cache's renderers, which only the command line's publish calls (the server only
    reads the pictures it wrote)."""
    from .conftest import ROOT

    def calling(*names):
        return sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "dashboard").rglob("*.py")
                      if any(name in path.read_text() for name in names))

    assert [p for p in calling("figure_image(") if not p.endswith("export.py")] == ["dashboard/cli.py",
                                                                                    "dashboard/publishing/pictures.py"]
    assert calling("pictures.render(", "pictures.stored(", "pictures.fill(", "image_renderer(") == [
        "dashboard/export.py", "dashboard/publishing/pictures.py", "dashboard/publishing/site.py"]
    assert calling("from dashboard.publishing import site", "dashboard.publishing.site") == ["dashboard/cli.py"]
