"""Hostile requests: no 500, no traceback, a clear 4xx; every route answers any query."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.app import VIEWS, create_app
from dashboard.config import Config
from dashboard.web.guards import MAX_BODY

from .conftest import make_package

CALLBACK = "/_dash-update-component"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return create_app(Config(data_dir=make_package(tmp_path_factory.mktemp("hard")))).server.test_client()


def route_body(path: str, search: str) -> dict:
    """The router callback's request, as the browser sends it when the URL changes."""
    return {"output": "page.children", "outputs": {"id": "page", "property": "children"},
            "inputs": [{"id": "url", "property": "pathname", "value": path},
                       {"id": "url", "property": "search", "value": search},
                       {"id": "viewport", "property": "data", "value": "wide"}],
            "changedPropIds": ["url.search"], "state": []}


def assert_clean(response, allowed=(200, 204, 400, 404, 413, 501)):
    text = response.get_data(as_text=True)
    assert response.status_code in allowed, (response.status_code, text[:300])
    assert "Traceback" not in text and 'File "' not in text


def test_router_answers_every_page(client):
    for path in VIEWS:
        response = client.post(CALLBACK, json=route_body(path, ""))
        assert response.status_code == 200
        assert "page" in response.get_json()["response"]


def test_unknown_route_is_a_friendly_404(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)
    assert_clean(response, allowed=(404,))


def test_healthz_reports_the_data_version(client):
    body = client.get("/healthz").get_json()
    assert body["status"] == "ok" and len(body["data_version"]) == 12 and body["events"] == 8


@pytest.mark.parametrize("body", [b"not json", b"[]", b'{"output": 1}', b'{"inputs": []}', b"\xff\xfe",
                                  json.dumps({"output": "nope.children", "inputs": []}).encode()])
def test_malformed_callback_bodies_are_400(client, body):
    response = client.post(CALLBACK, data=body, content_type="application/json")
    assert response.status_code == 400
    assert_clean(response, allowed=(400,))


def test_oversized_bodies_are_refused(client):
    response = client.post(CALLBACK, data=b"x" * (MAX_BODY + 1), content_type="application/json")
    assert response.status_code == 413
    assert_clean(response, allowed=(413,))


@pytest.mark.parametrize("path", [*VIEWS, "/nowhere", "/healthz"])
@given(search=st.text(max_size=400))
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_fuzzed_queries_never_fail(client, path, search):
    assert_clean(client.post(CALLBACK, json=route_body(path, "?" + search)))
    assert_clean(client.get(path + "?" + quote(search, safe="=&,;%+")))


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                           max_leaves=12)


@given(body=st.one_of(
    json_values,
    st.fixed_dictionaries({"output": st.text(max_size=30), "inputs": st.lists(json_values, max_size=4)}),
    st.builds(lambda v: {**route_body("/", "?"), "inputs": v}, st.lists(json_values, max_size=3)),
))
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_fuzzed_callback_bodies_never_fail(client, body):
    assert_clean(client.post(CALLBACK, data=json.dumps(body), content_type="application/json"))


def test_a_callback_that_fails_on_a_well_formed_request_is_a_500_logged_with_its_id(caplog):
    from dash import Dash, Input, Output, dcc, html

    from dashboard.web import guards

    app = Dash(__name__)
    app.layout = html.Div([dcc.Input(id="a"), html.Div(id="b")])

    @app.callback(Output("b", "children"), Input("a", "value"))
    def broken(value):
        return 1 / 0

    guards.install(app, ("/",))
    body = {"output": "b.children", "outputs": {"id": "b", "property": "children"},
            "inputs": [{"id": "a", "property": "value", "value": "x"}], "changedPropIds": ["a.value"], "state": []}
    response = app.server.test_client().post(CALLBACK, json=body, headers={"X-Request-ID": "bug-1"})
    assert response.status_code == 500 and "bug-1" in response.get_json()["error"]
    assert response.headers["X-Request-ID"] == "bug-1"
    assert "request bug-1 failed: POST /_dash-update-component" in caplog.text
    wrong = {**body, "inputs": [{"id": "other", "property": "value", "value": "x"}]}
    assert app.server.test_client().post(CALLBACK, json=wrong).status_code == 400  # malformed: still 400


def test_error_pages_escape_what_they_show(client):
    response = client.get("/oembed", headers={"Host": "<script>.example"})
    assert response.status_code == 400 and "<script>" not in response.get_data(as_text=True)
