"""The benchmark script keeps running (smoke test at its tiny setting; no timing assertions)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_benchmark_runs_and_reports_every_figure(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, "benchmarks/run.py", "--tiny", "--json", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    for row in ("cold start", "timeline build+JSON, shipped", "filter callback, shipped", "bytes /embed",
                "/embed vs default plotly.js", "first chart painted /embed", "figure JSON per event",
                "offline HTML export", "worker peak RSS"):
        assert row in done.stdout
    results = json.loads(out.read_text())
    pages = results["pages"]
    assert not pages["/embed"]["dash_plotly_fetched"] and pages["/embed default plotly.js"]["dash_plotly_fetched"]
    assert pages["/embed"]["csp_violations"] == [] and pages["/"]["csp_violations"] == []
    assert results["export"]["ours_bytes"] < results["export"]["write_html_bytes"]


def load_rows(*args: str) -> tuple[str, dict]:
    done = subprocess.run([sys.executable, "benchmarks/load.py", "--clients", "2", "--rounds", "1", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = {m[1]: m.groups()[1:] for m in re.finditer(r"^(.+?)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)$",
                                                       done.stdout, re.M)}
    return done.stdout, rows


def test_load_script_runs_and_reports_errors_and_percentiles():
    out, rows = load_rows("--distinct", "--slow-clients", "5")
    assert "p99 ms" in out and "5 slow clients at 1 byte/s" in out
    assert rows["all"][:2] == ("8", "0")  # 2 clients x 4 requests, no errors
    assert {"GET /", "router callback", "filter callback"} <= set(rows)


def test_load_script_kills_a_worker_and_counts_what_was_lost():
    out, rows = load_rows("--kill-worker", "0")
    assert re.search(r"worker \d+ SIGKILLed at 0 s", out) and rows["all"][0] == "8"
