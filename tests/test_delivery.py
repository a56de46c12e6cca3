"""Compression and cache lifetimes (dashboard/delivery.py) and the plotly.js bundle in assets."""

from __future__ import annotations

import pytest

from dashboard.app import create_app
from dashboard.config import Config

from .conftest import make_package

BUNDLE = "/assets/plotly-timeline.min.js"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return create_app(Config(data_dir=make_package(tmp_path_factory.mktemp("d")))).server.test_client()


def test_the_page_loads_our_plotly_bundle(client):
    assert BUNDLE + "?m=" in client.get("/embed").get_data(as_text=True)


@pytest.mark.parametrize("path, accepted, encoding", [
    (BUNDLE, "gzip, deflate, br", "br"), ("/", "gzip, deflate, br", "br"), ("/", "gzip", "gzip")])
def test_responses_are_compressed_when_the_client_accepts_it(client, path, accepted, encoding):
    response = client.get(path, headers={"Accept-Encoding": accepted})
    assert response.headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in response.headers["Vary"]
    assert client.get(path).headers.get("Content-Encoding") is None  # nothing accepted, nothing encoded


def test_fingerprinted_assets_are_cached_for_a_year_and_others_are_not(client):
    cached = client.get(BUNDLE + "?m=123").headers["Cache-Control"]
    assert "max-age=31536000" in cached and "immutable" in cached
    assert "max-age=31536000" not in client.get(BUNDLE).headers.get("Cache-Control", "")
    assert "max-age=31536000" not in client.get("/").headers.get("Cache-Control", "")
