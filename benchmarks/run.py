"""Performance benchmark: prints a table and writes JSON; budgets are read from its output.

    python benchmarks/run.py [--quick] [--json FILE]

Each figure is measured several times (min and median): cold start against a bare
``import dash, plotly, pandas``; the main timeline's build (+ JSON) against px.timeline on the
shipped data and synthetic 1k/10k/100k events; filter-change callback latency through Dash's
HTTP endpoint; bytes, requests, POSTs and the times to the first picture and to the first interactive chart
in headless Chromium (the explore page, the live static /embed with the picture publish --cache
keeps, our plotly.js bundle against the full one, and a published embed page served as static
files); JSON bytes per event; the offline export against write_html; the
peak RSS of a gunicorn worker. ``--tiny`` (for the smoke test) shrinks everything to seconds.
Traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import threading
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import date, timedelta
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

import pagemetrics  # noqa: E402
import plotly.express as px  # noqa: E402
import plotly.io as pio  # noqa: E402
from dash_client import DashClient  # noqa: E402
from load import FILTERS, percentile  # noqa: E402
from synthetic import write_package  # noqa: E402

from dashboard.config import DEFAULT_DATA_DIR  # noqa: E402
from dashboard.data.dataset import load_dataset  # noqa: E402
from dashboard.export import standalone_html  # noqa: E402
from dashboard.tabs import build_figure  # noqa: E402
from dashboard.figures.assembly import figure_json  # noqa: E402
from dashboard.figures.theme import get_theme  # noqa: E402
from dashboard.figures.timeline import place_in_lanes, timeline_figure  # noqa: E402
from tests.harness import chromium, free_port, wait_for  # noqa: E402
from dashboard.state import ViewState  # noqa: E402

# (repetitions, synthetic sizes, callback requests, events for the "at scale" callback row)
SETTINGS = {"full": (5, (1_000, 10_000, 100_000), 60, 10_000),
            "quick": (3, (1_000, 10_000, 100_000), 12, 10_000),
            "tiny": (1, (300,), 3, 300)}


def stats(samples: list[float]) -> dict:
    return {"min": min(samples), "median": statistics.median(samples), "n": len(samples)}


def timed(function, repeat: int) -> dict:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return stats(samples)


def start_server(data: Path, *extra: str) -> tuple[subprocess.Popen, str, float]:
    """``negotiation-timeline serve`` on a free port: (process, base URL, seconds to first 200 on /)."""
    port = free_port()
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "dashboard", "serve", "--port", str(port),
                                "--data", str(data), *extra], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    wait_for(base + "/", process=process)
    return process, base, time.perf_counter() - started


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=20)


def cold_start(repeat: int) -> dict:
    bare, app = [], []
    for _ in range(repeat):  # interleaved, so both see the same machine load
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import dash, plotly, pandas"], check=True)
        bare.append(time.perf_counter() - started)
        process, _, seconds = start_server(DEFAULT_DATA_DIR)
        stop(process)
        app.append(seconds)
    return {"app_s": stats(app), "bare_import_s": stats(bare),
            "ratio": statistics.median(app) / statistics.median(bare)}


def figure_builds(datasets: dict, repeat: int) -> dict:
    """Our timeline (build + JSON) against px.timeline (build + JSON) on the same events."""
    rows, theme, view = {}, get_theme("light"), ViewState()
    for label, ds in datasets.items():
        events = place_in_lanes(ds, ds.events, "round")
        events = events.assign(until=events["until"].fillna(events["anchor"]))
        json_sizes: list[int] = []
        ours = timed(lambda: json_sizes.append(len(figure_json(timeline_figure(ds, view, theme)))), repeat)
        baseline = timed(lambda: px.timeline(events, x_start="anchor", x_end="until", y="lane", color="kind",
                                              hover_name="title", custom_data=["id"]).to_json(), repeat)
        rows[label] = {"events": len(ds.events), "ours_s": ours, "px_timeline_s": baseline,
                       "ratio": ours["median"] / baseline["median"],
                       "json_bytes_per_event": json_sizes[0] / max(1, len(ds.events))}
    return rows


def callback_latency(base: str, requests: int) -> dict:
    """Each request comes from a view of its own (its own zoom), so no kept figure answers it."""
    client, samples = DashClient(base), []
    for number in range(requests):
        query = f"start={date(2022, 1, 1) + timedelta(days=number)}"
        status, _, seconds = client.post(client.callback_body("graph.figure", {
            "tab.value": "timeline", "lanes.value": "round", "gap.value": "compress", "theme.value": "light",
            "sides.value": FILTERS[number % len(FILTERS)], "view-query.data": query}, "sides.value"))
        if status != 200:
            raise RuntimeError(f"filter callback answered {status}")
        samples.append(seconds)
    return {"p50_s": percentile(samples, .5), "p95_s": percentile(samples, .95), "n": len(samples)}


def worker_peak_rss(master: subprocess.Popen) -> int:
    """Largest VmHWM (peak resident set, bytes) among the gunicorn master's workers."""
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    peaks = []
    for pid in children or [str(master.pid)]:
        status = Path(f"/proc/{pid}/status").read_text()
        peaks.append(int(next(line for line in status.splitlines() if line.startswith("VmHWM")).split()[1]) * 1024)
    return max(peaks)


# Measured once on this machine (issue 18: medians of 5 cold loads, loopback, headless Chromium):
# the first paint of the same story in TimelineJS and in vis-timeline, and the Dash /embed's first
# chart before the static embed (the interactive budget is 0.75x that).
REFERENCE_S = {"TimelineJS first paint": 0.73, "vis-timeline first paint": 0.59, "Dash /embed first chart": 1.81}
INTERACTIVE_BUDGET = 0.75


def published_site(folder: Path, pictures: Path) -> Path:
    """The default view published (``publish --cache`` also fills the app's picture folder, so
    the live /embed has its first picture): the static page measured beside the live one."""
    site = folder / "site"
    subprocess.run([sys.executable, "-m", "dashboard", "publish", "--out", str(site), "--view", "",
                    "--cache"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "NEGOTIATION_TIMELINE_PICTURES": str(pictures)})
    return site


@contextmanager
def static_server(folder: Path):
    """``folder`` served as a static host would (python -m http.server), on a free port."""
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


def page_weight(base: str, repeat: int, site: str) -> dict:
    out = {}
    with chromium() as browser:
        for name, url, default in (("/", base + "/", False), ("/embed", base + "/embed", False),
                                   ("/embed default plotly.js", base + "/embed", True),
                                   ("/embed published", site + "/embed/default.html", False)):
            loads = [pagemetrics.load(browser, url, default) for _ in range(repeat)]
            out[name] = {"raw_bytes": loads[-1].raw, "transferred_bytes": loads[-1].transferred,
                         "requests": len(loads[-1].urls), "posts": loads[-1].posts,
                         "csp_violations": loads[-1].csp_violations,
                         "dash_plotly_fetched": loads[-1].full_plotly,
                         "first_picture_s": stats([pl.first_paint_ms / 1000 for pl in loads]),
                         "first_chart_s": stats([pl.painted_ms / 1000 for pl in loads])}
    embed, default = out["/embed"], out["/embed default plotly.js"]
    out["embed_ratio"] = embed["transferred_bytes"] / default["transferred_bytes"]
    return out


def export_size(ds) -> dict:
    view = ViewState()
    ours = len(standalone_html(ds, view).encode())
    default = len(pio.to_html(build_figure(ds, view), include_plotlyjs=True, full_html=True).encode())
    return {"ours_bytes": ours, "write_html_bytes": default, "ratio": ours / default}


def run(mode: str) -> dict:
    repeat, sizes, requests, scale = SETTINGS[mode]
    # Static files are served as `make` leaves them: precompressed (a no-op once done).
    subprocess.run([sys.executable, "-m", "dashboard", "precompress"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    results: dict = {"mode": mode, "cold_start": cold_start(repeat)}
    with tempfile.TemporaryDirectory() as tmp:
        packages = {n: write_package(n, Path(tmp) / f"events-{n}") for n in sorted({*sizes, scale})}
        datasets = {"shipped": load_dataset(DEFAULT_DATA_DIR)}
        datasets.update({f"{n:,} events": load_dataset(packages[n]) for n in sizes})
        results["figure_build"] = figure_builds(datasets, repeat)
        results["export"] = export_size(datasets["shipped"])
        datasets.clear()  # free the large frames before the servers start
        pictures = Path(tmp) / "pictures"
        site = published_site(Path(tmp), pictures)
        os.environ["NEGOTIATION_TIMELINE_PICTURES"] = str(pictures)  # the servers' picture folder
        for label, data in (("shipped", DEFAULT_DATA_DIR), (f"{scale:,} events", packages[scale])):
            server, base, _ = start_server(data, "--prod", "--workers", "1")
            try:
                results.setdefault("callback", {})[label] = callback_latency(base, requests)
                if label == "shipped":
                    with static_server(site) as site_url:
                        results["pages"] = page_weight(base, repeat, site_url)
                results.setdefault("worker_peak_rss_bytes", {})[label] = worker_peak_rss(server)
            finally:
                stop(server)
    return results


def table(r: dict) -> str:
    ms, kb = (lambda s: f"{s['median'] * 1000:.0f} ms (min {s['min'] * 1000:.0f})"), (lambda b: f"{b / 1000:,.0f} kB")
    cold, pages, export = r["cold_start"], r["pages"], r["export"]
    lines = [("cold start: first 200 on /", f"{cold['app_s']['median']:.2f} s (min {cold['app_s']['min']:.2f})",
              f"{cold['ratio']:.2f}x bare import ({cold['bare_import_s']['median']:.2f} s)")]
    for label, row in r["figure_build"].items():
        lines.append((f"timeline build+JSON, {label}", ms(row["ours_s"]),
                      f"{row['ratio']:.2f}x px.timeline ({row['px_timeline_s']['median'] * 1000:.0f} ms)"))
    for label, row in r["callback"].items():
        lines.append((f"filter callback, {label}", f"p50 {row['p50_s'] * 1000:.0f} ms",
                      f"p95 {row['p95_s'] * 1000:.0f} ms (n={row['n']})"))
    for name in ("/", "/embed", "/embed default plotly.js", "/embed published"):
        page = pages[name]
        lines.append((f"bytes {name}", f"{kb(page['transferred_bytes'])} transferred",
                      f"{kb(page['raw_bytes'])} raw, {page['requests']} requests, {page['posts']} POSTs, "
                      f"CSP violations {len(page['csp_violations'])}"))
    lines.append(("/embed vs default plotly.js", f"{pages['embed_ratio']:.2f}x transferred", ""))
    reference = " · ".join(f"{name} {s:.2f} s" for name, s in REFERENCE_S.items() if "first paint" in name)
    for name in ("/embed", "/embed published"):
        lines.append((f"first picture {name}", ms(pages[name]["first_picture_s"]), f"vs {reference}"))
    budget = INTERACTIVE_BUDGET * REFERENCE_S["Dash /embed first chart"]
    for name in ("/", "/embed", "/embed published"):
        lines.append((f"first chart painted {name}", ms(pages[name]["first_chart_s"]),
                      "headless Chromium, loopback" + ("" if name == "/" else f"; budget {budget:.2f} s")))
    for label, row in r["figure_build"].items():
        lines.append((f"figure JSON per event, {label}", f"{row['json_bytes_per_event']:,.0f} B",
                      f"{row['events']:,} events"))
    lines.append(("offline HTML export", kb(export["ours_bytes"]),
                  f"{export['ratio']:.2f}x write_html ({kb(export['write_html_bytes'])})"))
    for label, rss in r["worker_peak_rss_bytes"].items():
        lines.append((f"worker peak RSS, {label}", f"{rss / 1e6:.0f} MB", "gunicorn worker, after the runs above"))
    width = max(len(a) for a, _, _ in lines)
    return "\n".join(f"{a:<{width}}  {b:<24}  {c}".rstrip() for a, b, c in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (< 3 minutes)")
    parser.add_argument("--tiny", action="store_true", help="smoke setting: one repetition, 300 events")
    parser.add_argument("--json", type=Path, default=Path("benchmark.json"), help="write results here")
    args = parser.parse_args(argv)
    results = run("tiny" if args.tiny else "quick" if args.quick else "full")
    print(table(results))
    args.json.write_text(json.dumps(results, indent=2))
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
