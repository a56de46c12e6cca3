"""The CLI: exit codes 0 ok / 1 invalid data / 2 usage, and its printed output."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dashboard.cli import main

from .conftest import DATA, edit_cell


def test_validate_ok_prints_counts(fixture_dir, capsys):
    assert main(["validate", "--data", str(fixture_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK ") and "8 events" in out and "4 sources" in out and "5 positions" in out


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


def test_make_run_honours_host_port_and_public_url():
    root = DATA.parent
    plan = subprocess.run(["make", "-n", "-C", str(root), "run", "HOST=127.0.0.2", "PORT=8061",
                           "PUBLIC_URL=http://laptop.example:8061"], capture_output=True, text=True, timeout=30)
    assert "serve --host 127.0.0.2 --port 8061 --public-url http://laptop.example:8061" in plan.stdout
    assert "negotiation-timeline precompress" in plan.stdout


@pytest.mark.parametrize("args, message", [
    (["--host", "0.0.0.0"], "--host 0.0.0.0 needs --public-url"),
    (["--public-url", "https://user@timeline.example"], "is not a public base URL"),
    (["--public-url", "https://timeline.example/app"], "is not a public base URL"),
    (["--port", "²"], "is not a port"),
    (["--prod", "--workers", "①"], "is not a number of workers"),
])
def test_serve_refuses_a_public_address_without_a_public_url_and_bad_values(fixture_dir, capsys, args, message,
                                                                            monkeypatch):
    monkeypatch.delenv("NEGOTIATION_TIMELINE_PUBLIC_URL", raising=False)
    assert main(["serve", "--data", str(fixture_dir), *args]) == 2
    assert message in capsys.readouterr().err
