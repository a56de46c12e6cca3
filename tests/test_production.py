"""Production serving: gunicorn workers, health check, statelessness, refusing bad setups."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from tests.harness import free_port, wait_for

from .conftest import edit_cell, make_package
from .test_hardening import route_body


def run_cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "dashboard", *args], capture_output=True, text=True,
                          timeout=60, env=env)


def test_debug_is_refused_in_production(fixture_dir):
    run = run_cli("serve", "--prod", "--debug", "--data", str(fixture_dir))
    assert run.returncode == 2 and "--debug is never allowed with --prod" in run.stderr


def test_production_refuses_invalid_data_without_a_traceback(fixture_dir):
    edit_cell(fixture_dir, "events.csv", "e-proposal", "precision", "century")
    run = run_cli("serve", "--prod", "--data", str(fixture_dir))
    assert run.returncode == 1
    assert "events.csv:5:precision: bad-enum" in run.stderr and "Traceback" not in run.stderr


def post(url: str, body: dict) -> bytes:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "dashboard", "serve", "--prod", "--workers", "2", "--port", str(port),
         "--data", str(make_package(tmp_path_factory.mktemp("prod")))],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    wait_for(base + "/healthz")
    yield base, process
    process.terminate()
    process.wait(timeout=20)


def test_every_worker_tags_the_embed_alike_and_answers_304(production):
    """A CDN in front of several workers sees one ETag per view (it is made from the data and
    the URL, never from a worker), and a revalidation costs no body."""
    base, _ = production
    tags, bodies = set(), set()
    for _ in range(12):
        request = urllib.request.Request(base + "/embed?tab=schedule", headers={"Accept-Encoding": "br"})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert "public" in response.headers["Cache-Control"] and "stale-while-revalidate" in response.headers[
                "Cache-Control"]
            tags.add(response.headers["ETag"])
            bodies.add(response.read())
    assert len(tags) == 1 and len(bodies) == 1
    request = urllib.request.Request(base + "/embed?tab=schedule",
                                     headers={"Accept-Encoding": "br", "If-None-Match": tags.pop()})
    with pytest.raises(urllib.error.HTTPError) as answer:  # urllib raises for a 304
        urllib.request.urlopen(request, timeout=30)
    assert answer.value.code == 304 and answer.value.read() == b""


def test_two_workers_answer_alike_and_log_each_request(production):
    base, process = production
    with urllib.request.urlopen(base + "/healthz") as response:
        health = json.load(response)
    assert health["status"] == "ok"
    body = route_body("/", "?side=turkey&kind=session")
    answers = {post(base + "/_dash-update-component", body) for _ in range(16)}
    assert len(answers) == 1  # same request, same answer, whichever worker took it
    assert b"1 of 8 events shown" in answers.pop()
    process.terminate()
    log = process.communicate(timeout=20)[0]
    workers = {line.split("pid: ")[1].split(")")[0] for line in log.splitlines() if "Booting worker" in line}
    assert len(workers) == 2
    access = [line for line in log.splitlines() if '"POST /_dash-update-component' in line]
    assert len(access) == 16 and all(" 200 " in line and line.split()[-2].endswith("us") for line in access)


def test_wsgi_server_on_invalid_data_answers_503(fixture_dir):
    edit_cell(fixture_dir, "events.csv", "e-proposal", "precision", "century")
    script = ("from dashboard.wsgi import server\n"
              "c = server.test_client()\n"
              "r = c.get('/healthz'); print(r.status_code, r.get_data(as_text=True).strip())")
    env = {**os.environ, "NEGOTIATION_TIMELINE_DATA": str(fixture_dir)}
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert run.stdout.startswith("503 Service unavailable: the data package has 1 problem(s).")
    assert "events.csv:5:precision: bad-enum" in run.stderr


def test_the_503_page_is_locked_down_and_says_when_to_retry(fixture_dir):
    edit_cell(fixture_dir, "events.csv", "e-proposal", "precision", "century")
    script = ("from dashboard.wsgi import server\n"
              "r = server.test_client().get('/', headers={'X-Request-ID': '<b>'})\n"
              "print(r.status_code, dict(r.headers))")
    env = {**os.environ, "NEGOTIATION_TIMELINE_DATA": str(fixture_dir)}
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    status, headers = run.stdout.split(" ", 1)
    headers = ast.literal_eval(headers)
    assert status == "503" and headers["Retry-After"] == "60" and headers["Cache-Control"] == "no-store"
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["X-Frame-Options"] == "DENY"
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Request-ID"] != "<b>" and len(headers["X-Request-ID"]) == 16
