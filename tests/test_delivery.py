"""Compression and cache lifetimes (dashboard/delivery.py) and the plotly.js bundle in assets."""

from __future__ import annotations

import re
import time

import brotli
import pytest

from dashboard.app import create_app
from dashboard.config import Config
from dashboard.web.compression import DYNAMIC_BR_LEVEL, STATIC_BR_LEVEL, StaticBrotli

from .conftest import ROOT, make_package

BUNDLE = "/assets/plotly-timeline.min.js"
BR = {"Accept-Encoding": "gzip, deflate, br"}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return create_app(Config(data_dir=make_package(tmp_path_factory.mktemp("d")))).server.test_client()


def static_br(client, path: str, raw: bytes, timeout: float = 30):
    """The br response for ``path`` once its quality-11 body (made in the background) is ready."""
    expected, deadline = brotli.compress(raw, quality=STATIC_BR_LEVEL), time.monotonic() + timeout
    while True:
        response = client.get(path, headers=BR)
        assert brotli.decompress(response.data) == raw  # every response decodes to the file
        if response.data == expected or time.monotonic() > deadline:
            return response
        time.sleep(0.05)


def test_the_page_loads_our_plotly_bundle(client):
    assert BUNDLE + "?m=" in client.get("/embed").get_data(as_text=True)


@pytest.mark.parametrize("path, accepted, encoding", [
    (BUNDLE, "gzip, deflate, br", "br"), ("/", "gzip, deflate, br", "br"), ("/", "gzip", "gzip")])
def test_responses_are_compressed_when_the_client_accepts_it(client, path, accepted, encoding):
    response = client.get(path, headers={"Accept-Encoding": accepted})
    assert response.headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in response.headers["Vary"]
    assert client.get(path).headers.get("Content-Encoding") is None  # nothing accepted, nothing encoded


def test_static_files_go_out_at_quality_11_and_pages_at_the_fast_level(client):
    suite = re.search(r'src="(/_dash-component-suites/[^"]*prop-types[^"]*)"',
                      client.get("/").get_data(as_text=True)).group(1)
    for path, raw in (("/assets/style.css?m=1", (ROOT / "assets" / "style.css").read_bytes()),
                      (suite, client.get(suite).data)):
        response = static_br(client, path, raw)
        assert response.data == brotli.compress(raw, quality=STATIC_BR_LEVEL), path
        assert response.headers["Content-Encoding"] == "br" and "Accept-Encoding" in response.headers["Vary"]
        assert int(response.headers["Content-Length"]) == len(response.data)
    page = client.get("/", headers=BR).data
    assert page == brotli.compress(brotli.decompress(page), quality=DYNAMIC_BR_LEVEL)


def test_a_static_br_body_has_its_own_etag_and_revalidates(client):
    raw = (ROOT / "assets" / "style.css").read_bytes()
    etag = static_br(client, "/assets/style.css", raw).headers["ETag"]
    assert etag.endswith(':br"') and etag != client.get("/assets/style.css").headers["ETag"]
    again = client.get("/assets/style.css", headers={**BR, "If-None-Match": etag})
    assert again.status_code == 304 and not again.data


def test_static_brotli_compresses_once_per_path_and_again_when_the_file_changes():
    cache = StaticBrotli(quality=5)

    def settled(raw):
        deadline = time.monotonic() + 10
        while (body := cache.get("/assets/x.js", raw)) is None and time.monotonic() < deadline:
            time.sleep(0.01)
        return body

    first, second = b"var a = 1;\n" * 500, b"var b = 2;\n" * 500
    assert cache.get("/assets/x.js", first) is None  # the first request does not wait
    assert brotli.decompress(settled(first)) == first
    assert cache.get("/assets/x.js", first) is cache.get("/assets/x.js", first)  # kept, not redone
    assert brotli.decompress(settled(second)) == second


def test_fingerprinted_assets_are_cached_for_a_year_and_others_are_not(client):
    cached = client.get(BUNDLE + "?m=123").headers["Cache-Control"]
    assert "max-age=31536000" in cached and "immutable" in cached and "no-cache" not in cached
    assert "max-age=31536000" not in client.get(BUNDLE).headers.get("Cache-Control", "")
    assert "max-age=31536000" not in client.get("/").headers.get("Cache-Control", "")
