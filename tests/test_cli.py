"""The CLI: exit codes 0 ok / 1 invalid data / 2 usage, and its printed output."""

from __future__ import annotations

import subprocess
import sys

from dashboard.cli import main

from .conftest import DATA, edit_cell


def test_validate_ok_prints_counts(fixture_dir, capsys):
    assert main(["validate", "--data", str(fixture_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK ") and "8 events" in out and "4 sources" in out


def test_validate_bundled_data_ok(capsys):
    assert main(["validate", "--data", str(DATA)]) == 0


def test_validate_invalid_prints_one_line_per_problem_and_exits_1(fixture_dir, capsys):
    first = edit_cell(fixture_dir, "events.csv", "e-alpha-session", "kind", "party")
    second = edit_cell(fixture_dir, "sources.csv", "src-gazette", "url", "ftp://example.org/x")
    assert main(["validate", "--data", str(fixture_dir)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines == [
        f"events.csv:{first}:kind: bad-enum: 'party' is not one of "
        "session, meeting, statement, proposal, agreement, exchange, military, territorial, diplomatic",
        f"sources.csv:{second}:url: bad-url: 'ftp://example.org/x' is not an http(s) URL",
    ]


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main(["validate", "--data", str(tmp_path / "nowhere")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["frobnicate"]) == 2
    assert main(["serve", "--port", "not-a-number"]) == 2


def test_python_dash_m_has_the_same_cli():
    run = subprocess.run([sys.executable, "-m", "dashboard", "--help"], capture_output=True, text=True)
    assert run.returncode == 0
    assert "serve" in run.stdout and "validate" in run.stdout


def test_serve_refuses_invalid_data_without_a_traceback(fixture_dir):
    edit_cell(fixture_dir, "events.csv", "e-alpha-session", "kind", "party")
    run = subprocess.run([sys.executable, "-m", "dashboard", "serve", "--data", str(fixture_dir)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert "events.csv:2:kind: bad-enum" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout
