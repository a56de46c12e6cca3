"""Framing and basic security headers, per route."""

from __future__ import annotations

import pytest

from dashboard.app import create_app
from dashboard.config import Config


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from .conftest import make_package

    app = create_app(Config(data_dir=make_package(tmp_path_factory.mktemp("h"))))
    return app.server.test_client()


@pytest.mark.parametrize("path", ["/", "/present", "/nowhere", "/_dash-layout"])
def test_other_routes_are_same_origin_only(client, path):
    headers = client.get(path).headers
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    csp = headers["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in csp
    script_src = next(d for d in csp.split("; ") if d.startswith("script-src "))
    assert script_src.split()[1] == "'self'" and "unsafe" not in script_src
    assert all(source.startswith("'sha256-") for source in script_src.split()[2:])
    assert "object-src 'none'" in csp and "default-src 'self'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_embed_may_be_framed_by_any_origin(client):
    headers = client.get("/embed?tab=table").headers
    assert "X-Frame-Options" not in headers
    assert "frame-ancestors *" in headers["Content-Security-Policy"]


def test_frame_ancestors_is_configurable(tmp_path):
    from .conftest import make_package

    app = create_app(Config(data_dir=make_package(tmp_path / "p"), frame_ancestors="https://news.example"))
    headers = app.server.test_client().get("/embed").headers
    assert "frame-ancestors https://news.example" in headers["Content-Security-Policy"]
