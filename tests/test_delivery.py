"""Compression and cache lifetimes (dashboard/web/compression.py) and the plotly.js bundle in assets."""

from __future__ import annotations

import re

import brotli
import pytest

from dashboard.app import create_app
from dashboard.config import Config
from dashboard.web.compression import (
    DYNAMIC_BR_LEVEL,
    ENCODINGS,
    PRECOMPRESSED,
    precompress,
    static_urls,
    stored_name,
)

from .conftest import ROOT, make_package

BUNDLE = "/assets/plotly-timeline.min.js"
BR = {"Accept-Encoding": "gzip, deflate, br"}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return create_app(Config(data_dir=make_package(tmp_path_factory.mktemp("d"))))


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


def test_the_page_loads_our_plotly_bundle(client):
    assert BUNDLE + "?m=" in client.get("/embed").get_data(as_text=True)


@pytest.mark.parametrize("path, accepted, encoding", [
    (BUNDLE, "gzip, deflate, br", "br"), ("/", "gzip, deflate, br", "br"), ("/", "gzip", "gzip")])
def test_responses_are_compressed_when_the_client_accepts_it(client, path, accepted, encoding):
    response = client.get(path, headers={"Accept-Encoding": accepted})
    assert response.headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in response.headers["Vary"]
    assert client.get(path).headers.get("Content-Encoding") is None  # nothing accepted, nothing encoded


def suite_url(client) -> str:
    return re.search(r'src="(/_dash-component-suites/[^"]*prop-types[^"]*)"',
                     client.get("/").get_data(as_text=True)).group(1)


@pytest.fixture(scope="module")
def stored(app, client, tmp_path_factory):
    """Two static files precompressed into a folder of their own, which the app serves from."""
    folder = tmp_path_factory.mktemp("precompressed")
    urls = ["/assets/style.css", suite_url(client)]
    assert precompress(app, folder, urls) == 4  # br and gzip of each
    client.application.config["PRECOMPRESSED"] = folder
    yield folder
    client.application.config["PRECOMPRESSED"] = PRECOMPRESSED


@pytest.mark.parametrize("accepted, encoding", [("gzip, deflate, br", "br"), ("gzip", "gzip")])
def test_static_files_go_out_precompressed_and_pages_at_the_fast_level(client, stored, accepted, encoding):
    for path in ("/assets/style.css?m=1", suite_url(client)):
        raw = client.get(path).data
        response = client.get(path, headers={"Accept-Encoding": accepted})
        assert response.headers["Content-Encoding"] == encoding and "Accept-Encoding" in response.headers["Vary"]
        assert response.data == (stored / stored_name(raw, encoding)).read_bytes()
        assert response.data == ENCODINGS[encoding](raw), path  # brotli 11 or gzip 9, made once
        assert int(response.headers["Content-Length"]) == len(response.data)
    page = client.get("/", headers=BR).data
    assert page == brotli.compress(brotli.decompress(page), quality=DYNAMIC_BR_LEVEL)


def test_a_file_not_stored_is_compressed_as_it_goes_out(client, stored):
    response = client.get("/assets/embed.css", headers=BR)
    raw = (ROOT / "assets" / "embed.css").read_bytes()
    assert not (stored / stored_name(raw, "br")).exists()
    assert response.headers["Content-Encoding"] == "br" and brotli.decompress(response.data) == raw


def test_a_static_br_body_has_its_own_etag_and_revalidates(client, stored):
    etag = client.get("/assets/style.css", headers=BR).headers["ETag"]
    assert etag.endswith(':br"') and etag != client.get("/assets/style.css").headers["ETag"]
    again = client.get("/assets/style.css", headers={**BR, "If-None-Match": etag})
    assert again.status_code == 304 and not again.data


def test_precompress_covers_every_bundle_a_page_loads_and_never_the_full_plotly(app, client):
    urls = static_urls(app)
    page = client.get("/").get_data(as_text=True)
    for src in re.findall(r'src="(/_dash-component-suites/[^"?]*)', page):
        assert any(src.split("/")[-1].split(".")[0] in url for url in urls), src
    assert "/assets/plotly-timeline.min.js" in urls
    assert not any(url.startswith("/_dash-component-suites/plotly/") for url in urls)


def test_the_full_plotly_bundle_is_not_served(client):
    assert client.get("/_dash-component-suites/plotly/package_data/plotly.min.js").status_code == 404
    versioned = client.get("/_dash-component-suites/plotly/package_data/plotly.min.v6_0_0m1.js")
    assert versioned.status_code == 404


def test_the_package_starts_no_thread_of_its_own():
    sources = [path.read_text() for path in (ROOT / "dashboard").rglob("*.py")]
    assert not any(re.search(r"^\s*(import|from) threading\b", text, re.M) for text in sources)


def test_fingerprinted_assets_are_cached_for_a_year_and_others_are_not(client):
    cached = client.get(BUNDLE + "?m=123").headers["Cache-Control"]
    assert "max-age=31536000" in cached and "immutable" in cached and "no-cache" not in cached
    assert "max-age=31536000" not in client.get(BUNDLE).headers.get("Cache-Control", "")
    assert "max-age=31536000" not in client.get("/").headers.get("Cache-Control", "")
