"""Bounded loopback load test: N concurrent readers against `serve --prod` with 2 workers.

    .venv/bin/python benchmarks/load.py [--clients 50] [--rounds 4] [--workers 2]
                                        [--distinct] [--slow-clients N] [--kill-worker SECONDS]

Each client loads the explore page as a browser does (HTML, layout, router callback) and
changes a filter (the explore callback), ``--rounds`` times, after one warm-up pass that is
not measured (the workers' first requests pay for imports and caches). Prints the count,
errors (any status but 200, or a failed connection), p50, p95 and p99 per request.
By default every reader opens the same link (a burst on one embed or shared view); with
``--distinct`` each page load has its own view (a zoom of its own), so no kept page or figure
can answer it. ``--slow-clients N`` holds N more connections that trickle a request header at
1 byte/s all along (the attack gthread workers could not survive). ``--kill-worker S`` is the
fault run: S seconds into the load, one worker is killed by PID with SIGKILL; the errors
column then counts the requests that were lost. ``--proxy`` puts Debian's nginx in front,
with the shipped docs/nginx/proxy.conf, and sends every request through it. Traffic goes to
127.0.0.1 only; the run is bounded by clients × rounds requests and each request by a 30 s
timeout.
"""

from __future__ import annotations

import argparse
from collections import Counter
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from datetime import date, timedelta
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]
from dash_client import DashClient, fetch  # noqa: E402

from dashboard.config import DEFAULT_DATA_DIR  # noqa: E402
from tests.harness import free_port, wait_for  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NGINX = """worker_processes 1; pid {tmp}/nginx.pid; daemon off;
events {{ worker_connections 4096; }}
http {{
  access_log off; client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi; uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
  upstream negotiation_timeline {{  # as docs/nginx/negotiation-timeline.conf, on the app's port
    server 127.0.0.1:{app} max_fails=0; server 127.0.0.1:{app} max_fails=0 backup;
  }}
  server {{ listen 127.0.0.1:{proxy}; server_name 127.0.0.1; include {root}/docs/nginx/proxy.conf; }}
}}
"""
FILTERS = [["ukraine"], ["russia"], ["turkey"], ["belarus"], ["united-states"]]  # each a change
SLOW_HEADER = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 600  # ten minutes at 1 byte/s


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


def trickle(port: int, count: int, stop: threading.Event) -> None:
    """``count`` connections sending SLOW_HEADER a byte a second until ``stop`` (bounded by its length)."""
    sockets = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(count)]
    try:
        for byte in range(len(SLOW_HEADER)):
            for sock in sockets:
                try:
                    sock.send(SLOW_HEADER[byte:byte + 1])
                except OSError:
                    pass  # the server closed it: that is its right
            if stop.wait(1):
                return
    finally:
        for sock in sockets:
            sock.close()


def workers_of(master: subprocess.Popen) -> list[int]:
    """PIDs of the gunicorn master's worker processes (`serve --prod` execs into the master)."""
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    return [int(pid) for pid in children]


def kill_one_worker(master: subprocess.Popen, after: float, stop: threading.Event, killed: list) -> None:
    if not stop.wait(after):
        pid = workers_of(master)[0]
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)


@contextmanager
def nginx(app_port: int):
    """Debian's nginx on a free loopback port in front of the app; yields its port."""
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o755)  # nginx's workers drop root
        conf = Path(tmp) / "nginx.conf"
        conf.write_text(NGINX.format(tmp=tmp, app=app_port, proxy=port, root=ROOT))
        process = subprocess.Popen(["nginx", "-c", str(conf), "-p", tmp, "-e", f"{tmp}/error.log"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for(f"http://127.0.0.1:{port}/healthz", process=process)
            yield port
        finally:
            process.terminate()
            process.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--distinct", action="store_true", help="a view of its own for every page load")
    parser.add_argument("--slow-clients", type=int, default=0, help="connections trickling a header at 1 byte/s")
    parser.add_argument("--proxy", action="store_true", help="through nginx with docs/nginx/proxy.conf")
    parser.add_argument("--kill-worker", type=float, default=None, metavar="SECONDS",
                        help="SIGKILL one worker this many seconds into the load (fault run)")
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "dashboard", "serve", "--prod", "--port", str(port),
                               "--workers", str(args.workers), "--data", str(args.data)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stop, killed, helpers = threading.Event(), [], []
    with ExitStack() as stack:
        stack.callback(server.wait, timeout=30)
        stack.callback(server.terminate)
        wait_for(f"http://127.0.0.1:{port}/healthz", process=server)
        front = stack.enter_context(nginx(port)) if args.proxy else port
        results = measure(args, server, f"http://127.0.0.1:{front}", front, stop, killed, helpers)
    extras = [f"{args.slow_clients} slow clients at 1 byte/s"] if args.slow_clients else []
    if args.kill_worker is not None:
        extras.append(f"worker {killed[0]} SIGKILLed at {args.kill_worker:g} s" if killed
                      else "the load ended before the kill")
    if args.proxy:
        extras.insert(0, "through nginx")
    print(f"{args.clients} clients x {args.rounds} rounds against {args.workers} gunicorn workers"
          f"{', a view of its own per page load' if args.distinct else ', one shared link'}"
          + "".join(f"; {extra}" for extra in extras))
    print(f"{'request':<22}{'count':>7}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    names = sorted({name for name, _, _ in results}) + ["all"]
    for name in names:
        rows = [r for r in results if name in ("all", r[0])]
        seconds = [s for _, _, s in rows]
        errors = sum(1 for _, status, _ in rows if status != 200)
        print(f"{name:<22}{len(rows):>7}{errors:>8}{percentile(seconds, .5) * 1000:>9.0f}"
              f"{percentile(seconds, .95) * 1000:>9.0f}{percentile(seconds, .99) * 1000:>9.0f}")
    failed = Counter("no connection" if status == 0 else str(status) for _, status, _ in results if status != 200)
    if failed:
        print("errors: " + ", ".join(f"{count} x {kind}" for kind, count in sorted(failed.items())))
    return 0


def measure(args, server, base: str, port: int, stop, killed, helpers) -> list[tuple[str, int, float]]:
    """Warm up (not measured: each worker's first requests), start the attackers, run the readers."""
    client = DashClient(base)
    try:
        for number in range(2 * args.workers):
            reader(client, 1, number, args.distinct)
        if args.slow_clients:
            helpers.append(threading.Thread(target=trickle, args=(port, args.slow_clients, stop), daemon=True))
        if args.kill_worker is not None:
            helpers.append(threading.Thread(target=kill_one_worker, args=(server, args.kill_worker, stop, killed),
                                            daemon=True))
        for helper in helpers:
            helper.start()
        with ThreadPoolExecutor(max_workers=args.clients) as pool:
            runs = pool.map(lambda n: reader(client, args.rounds, n, args.distinct), range(args.clients))
            return [item for run in runs for item in run]
    finally:
        stop.set()
        for helper in helpers:
            helper.join(timeout=10)


if __name__ == "__main__":
    raise SystemExit(main())
