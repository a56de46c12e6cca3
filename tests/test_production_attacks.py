"""The production server (gunicorn, gevent workers) on loopback under the attacks of issue 17:
slow clients, forged Host headers, hostile numbers, unknown bundle paths, request ids, and a
data update by SIGHUP. Every loop is bounded in count and time; traffic goes to 127.0.0.1 only."""

from __future__ import annotations

import http.client
import json
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

import pytest

from tests.harness import free_port, wait_for

from .conftest import edit_cell, make_package
from .test_hardening import route_body

SLOW_CLIENTS = 50


@contextmanager
def gunicorn(data_dir, workers: int = 2):
    """`serve --prod` on a free port; yields (base URL, process, a function reading its log so far)."""
    port, log = free_port(), tempfile.NamedTemporaryFile(suffix=".log")
    process = subprocess.Popen(
        [sys.executable, "-m", "dashboard", "serve", "--prod", "--workers", str(workers), "--port", str(port),
         "--data", str(data_dir)], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/healthz", process=process)
        yield base, process, lambda: open(log.name, encoding="utf-8", errors="replace").read()
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with gunicorn(make_package(tmp_path_factory.mktemp("attacks"))) as running:
        yield running


def get(base: str, path: str, headers: dict | None = None, timeout: float = 10):
    """(status, headers, body text) of a GET, errors included."""
    request = urllib.request.Request(base + path, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")


def raw_request(base: str, method: str, path: str, host: str, body: bytes | None = None, headers=None):
    """A request whose Host header is ``host`` (urllib would write the real one)."""
    port = int(base.rsplit(":", 1)[1])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest(method, path, skip_host=True)
        connection.putheader("Host", host)
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        if body is not None:
            connection.putheader("Content-Type", "application/json")
            connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def test_normal_readers_are_answered_while_50_clients_trickle_headers(server):
    base, _, _ = server
    port = int(base.rsplit(":", 1)[1])
    sockets = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(SLOW_CLIENTS)]
    header = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 64
    stop = threading.Event()

    def trickle():  # one byte a second on every socket, until the readers are done (at most 30 s)
        for byte in range(min(len(header), 30)):
            for sock in sockets:
                sock.send(header[byte:byte + 1])
            if stop.wait(1):
                return

    trickler = threading.Thread(target=trickle, daemon=True)
    trickler.start()
    try:
        time.sleep(1.5)  # every slow socket has been accepted and is waiting for its header
        for number in range(10):
            status, _, body = get(base, f"/oembed?url={base}/&maxwidth={300 + number}", timeout=2)
            assert status == 200 and '"width": ' in body
    finally:
        stop.set()
        trickler.join(timeout=5)
        for sock in sockets:
            sock.close()


PATHS = ["/", "/embed", "/present", "/healthz", "/download/events.csv", "/oembed?url=http://evil.example/",
         "/assets/style.css", "/nowhere"]


@pytest.mark.parametrize("host", ["evil.example", "evil.example:80", "127.0.0.1.evil.example"])
def test_a_forged_host_is_400_and_never_in_a_response(server, host):
    base, _, _ = server
    for path in PATHS:
        status, body = raw_request(base, "GET", path, host)
        assert status == 400 and "evil" not in body, (path, status, body[:200])
    status, body = raw_request(base, "POST", "/_dash-update-component", host,
                               json.dumps(route_body("/", "")).encode())
    assert status == 400 and "evil" not in body


def test_forwarded_headers_from_an_untrusted_peer_build_no_link(server):
    base, _, _ = server
    forged = {"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https", "Forwarded": "host=evil.example"}
    for path in ("/", "/embed", f"/oembed?url={base}/"):
        status, _, body = get(base, path, forged)
        assert status == 200 and "evil" not in body
    status, _, body = get(base, f"/oembed?url={base}/", forged)
    assert json.loads(body)["provider_url"] == base + "/"


@pytest.mark.parametrize("text", ["%C2%B2", "%E2%91%A0", "-1", "0", "9" * 30, "%EF%BC%91"])
def test_hostile_numbers_are_4xx_or_a_note_never_5xx(server, text):
    base, _, _ = server
    for name in ("maxwidth", "maxheight"):
        status, _, body = get(base, f"/oembed?url={base}/&{name}={text}")
        assert status == 400 and name in json.loads(body)["error"]
    status, _, _ = get(base, f"/present?slide={text}")
    assert status == 200
    answer = post(base, route_body("/present", f"?slide={text}"))
    assert "is not a slide number" in answer


def post(base: str, body: dict) -> str:
    request = urllib.request.Request(base + "/_dash-update-component", data=json.dumps(body).encode(),
                                     method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read().decode()


@pytest.mark.parametrize("path", ["/_dash-component-suites/dash/__init__.py",
                                  "/_dash-component-suites/nopackage/x.js",
                                  "/_dash-component-suites/plotly/package_data/plotly.min.js",
                                  "/assets/nothing-here.js", "/assets/../dashboard/app.py"])
def test_unknown_bundle_and_asset_paths_are_404_without_a_traceback(server, path):
    base, _, log = server
    status, _, body = get(base, path)
    assert status == 404 and "Traceback" not in body
    assert "Traceback" not in log()


@pytest.mark.parametrize("sent, echoed", [("req-42.a_b", True), ("<script>alert(1)</script>", False),
                                          ("x" * 65, False), ("id with space", False), ("", False)])
def test_request_ids_are_sanitised_returned_and_logged(server, sent, echoed):
    base, _, log = server
    status, headers, body = get(base, "/healthz", {"X-Request-ID": sent} if sent else {})
    rid = headers["X-Request-ID"]
    assert status == 200 and (rid == sent) is echoed and len(rid) <= 64
    assert headers["Cache-Control"] == "no-store"
    deadline = time.monotonic() + 5
    while f"rid={rid}" not in log() and time.monotonic() < deadline:
        time.sleep(0.1)
    line = next(line for line in log().splitlines() if f"rid={rid}" in line)
    assert '"GET /healthz' in line and "<script>" not in log()


def data_version(base: str) -> str:
    return json.loads(get(base, "/healthz", timeout=5)[2])["data_version"]


def test_sighup_reloads_valid_data_and_keeps_serving_on_invalid(tmp_path):
    package = make_package(tmp_path / "data")
    with gunicorn(package) as (base, process, log):
        old = data_version(base)
        failures, stop = [], threading.Event()

        def readers():  # requests all along the reloads; bounded by the stop event and a count
            for _ in range(2000):
                if stop.is_set():
                    return
                try:
                    get(base, "/healthz", timeout=10)[0] == 200 or failures.append("status")
                except OSError as error:
                    failures.append(repr(error))

        load = threading.Thread(target=readers, daemon=True)
        load.start()
        edit_cell(package, "events.csv", "e-alpha-session", "title", "Testport session, revised")
        process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 60
        new = data_version(base)
        while new == old and time.monotonic() < deadline:
            time.sleep(0.2)
            new = data_version(base)
        assert new != old, log()[-3000:]
        while time.monotonic() < deadline and any(data_version(base) == old for _ in range(10)):
            time.sleep(0.2)  # the old workers finish what they were answering, then stop
        edit_cell(package, "events.csv", "e-alpha-session", "precision", "century")
        process.send_signal(signal.SIGHUP)
        while "data reload refused" not in log() and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(2)  # the new workers (on the data loaded before) have taken over
        assert data_version(base) == new
        stop.set()
        load.join(timeout=20)
        assert failures == []
        text = log()
        assert "data reload refused" in text and "events.csv:2:precision: bad-enum" in text
