"""``negotiation-timeline export``: exit 0 written, 1 failed (one-line reason), 2 bad --view or flag."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.cli import main
from dashboard.data.dataset import load_dataset
from dashboard.export import events_csv
from dashboard.data.positions import positions_csv
from dashboard.state import ViewState

from .conftest import edit_cell


def test_csv_export_writes_the_page_csv_and_exits_0(fixture_dir, tmp_path, capsys):
    out = tmp_path / "turkey.csv"
    assert main(["export", "--data", str(fixture_dir), "--view", "http://example.org/?side=turkey",
                 "--format", "csv", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == events_csv(load_dataset(fixture_dir), ViewState(sides=("turkey",)))
    assert len(pd.read_csv(out)) == 2
    assert capsys.readouterr().out.startswith(f"wrote {out} (csv, ")


@pytest.mark.parametrize("view", ["side=turkey", "?side=turkey", "/?side=turkey", "/embed?side=turkey#x"])
def test_view_takes_a_query_or_a_link(fixture_dir, tmp_path, view):
    out = tmp_path / "v.csv"
    assert main(["export", "--data", str(fixture_dir), "--view", view, "--format", "csv", "--out", str(out)]) == 0
    assert len(pd.read_csv(out)) == 2


@pytest.mark.parametrize("view", ["tab=nope", "side=atlantis", "bogus=1", "event=missing", "from=2022-99-01"])
def test_bad_view_exits_2_and_names_the_parameter(fixture_dir, tmp_path, capsys, view):
    out = tmp_path / "x.csv"
    assert main(["export", "--data", str(fixture_dir), "--view", view, "--format", "csv", "--out", str(out)]) == 2
    assert "error: --view:" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("flags", [
    ["--format", "pdf"], ["--format", "png", "--width", "0"], ["--format", "png", "--height", "wide"],
    ["--format", "csv", "--width", "800"], ["--format"], ["--format", "svg", "--scale", "2"],
    ["--format", "png", "--scale", "4"],
])
def test_bad_flags_exit_2(fixture_dir, tmp_path, flags):
    assert main(["export", "--data", str(fixture_dir), "--out", str(tmp_path / "x"), *flags]) == 2


def test_missing_out_exits_2(fixture_dir):
    assert main(["export", "--data", str(fixture_dir), "--format", "csv"]) == 2


def test_unwritable_out_exits_1_with_one_line(fixture_dir, tmp_path, capsys):
    assert main(["export", "--data", str(fixture_dir), "--format", "csv",
                 "--out", str(tmp_path / "no" / "such" / "dir.csv")]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "cannot write" in err


def test_no_browser_for_images_exits_1_with_one_line(fixture_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium"))
    assert main(["export", "--data", str(fixture_dir), "--format", "png", "--out", str(tmp_path / "x.png")]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "export failed: no browser found" in err
    assert not (tmp_path / "x.png").exists()


def test_invalid_data_exits_1(fixture_dir, tmp_path, capsys):
    edit_cell(fixture_dir, "events.csv", "e-alpha-session", "kind", "party")
    assert main(["export", "--data", str(fixture_dir), "--format", "csv", "--out", str(tmp_path / "x.csv")]) == 1
    assert "events.csv:2:kind: bad-enum" in capsys.readouterr().err


def test_csv_export_of_the_positions_tab_writes_its_positions(fixture_dir, tmp_path):
    out = tmp_path / "positions.csv"
    assert main(["export", "--data", str(fixture_dir), "--view", "tab=positions&side=ukraine",
                 "--format", "csv", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == positions_csv(load_dataset(fixture_dir), sides=("ukraine",))
    assert list(pd.read_csv(out)["id"]) == ["pos-alpha-south-guarantees", "pos-beta-south-ceasefire"]
