"""Bounded loopback load test: N concurrent readers against `serve --prod` with 2 workers.

    .venv/bin/python benchmarks/load.py [--clients 50] [--rounds 4] [--workers 2]

Each client loads the explore page as a browser does (HTML, layout, router callback) and
changes a filter (the explore callback), ``--rounds`` times. Prints errors, p50 and p95.
By default every reader opens the same link (a burst on one embed or shared view); with
``--distinct`` each page load has its own view (a zoom of its own), so no kept page or figure
can answer it. Traffic goes to 127.0.0.1 only; the run is bounded by clients × rounds requests.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
from datetime import date, timedelta
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]
from dash_client import DashClient, fetch  # noqa: E402

from dashboard.config import DEFAULT_DATA_DIR  # noqa: E402
from tests.harness import free_port, wait_for  # noqa: E402

FILTERS = [["ukraine"], ["russia"], ["turkey"], ["belarus"], ["united-states"]]  # each a change


def reader(client: DashClient, rounds: int, number: int, distinct: bool) -> list[tuple[str, int, float]]:
    results = []
    for index in range(rounds):
        query = f"start={date(2022, 1, 1) + timedelta(days=number * rounds + index)}" if distinct else ""
        for name, (status, _, seconds) in (
            ("GET /", fetch(client.base + "/" + (f"?{query}" if query else ""))),
            ("GET /_dash-layout", fetch(client.base + "/_dash-layout")),
            ("router callback", client.post(client.route("/", f"?{query}" if query else ""))),
            ("filter callback", client.post(client.callback_body("graph.figure", {
                "tab.value": "timeline", "lanes.value": "round", "gap.value": "compress",
                "theme.value": "light", "sides.value": FILTERS[(number + index) % len(FILTERS)],
                "view-query.data": query}, "sides.value"))),
        ):
            results.append((name, status, seconds))
    return results


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100)[int(share * 100) - 1] if len(values) > 1 else values[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--distinct", action="store_true", help="a view of its own for every page load")
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "dashboard", "serve", "--prod", "--port", str(port),
                               "--workers", str(args.workers), "--data", str(args.data)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/healthz", process=server)
        client = DashClient(base)
        with ThreadPoolExecutor(max_workers=args.clients) as pool:
            runs = pool.map(lambda n: reader(client, args.rounds, n, args.distinct), range(args.clients))
            results = [item for run in runs for item in run]
    finally:
        server.terminate()
        server.wait(timeout=20)
    print(f"{args.clients} clients x {args.rounds} rounds against {args.workers} gunicorn workers"
          f"{', a view of its own per page load' if args.distinct else ', one shared link'}")
    print(f"{'request':<22}{'count':>7}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}")
    names = sorted({name for name, _, _ in results}) + ["all"]
    for name in names:
        rows = [r for r in results if name in ("all", r[0])]
        seconds = [s for _, _, s in rows]
        errors = sum(1 for _, status, _ in rows if status != 200)
        print(f"{name:<22}{len(rows):>7}{errors:>8}{percentile(seconds, .5) * 1000:>9.0f}"
              f"{percentile(seconds, .95) * 1000:>9.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
