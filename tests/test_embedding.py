"""Embedding on the server: oEmbed 1.0, discovery, which scripts load where, CSV download, embed code."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest

from dashboard.app import create_app
from dashboard.config import Config
from dashboard.views.embed_code import embed_height, frame_size, iframe_code, script_code
from dashboard.figures.size import Size
from dashboard.state import ViewState

from .conftest import ROOT, make_package

BASE = "https://timeline.example"  # the configured public URL (the test client sends Host: localhost)
REQUIRED = {"type", "version", "html", "width", "height"}  # oEmbed 1.0 §2.3.4 + §2.3.4.4 (rich)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return create_app(Config(data_dir=make_package(tmp_path_factory.mktemp("e")), public_url=BASE))


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str, name: str) -> list[dict]:
    parser = _Tags()
    parser.feed(html)
    return [attrs for tag, attrs in parser.tags if tag == name]


def test_oembed_is_a_valid_rich_response_for_the_same_view(client, app):
    response = client.get("/oembed", query_string={"url": f"{BASE}/?tab=schedule&side=turkey", "format": "json"})
    assert response.status_code == 200 and response.mimetype == "application/json"
    body = response.get_json()
    assert REQUIRED <= set(body)
    assert body["type"] == "rich" and body["version"] == "1.0"
    assert isinstance(body["width"], int) and isinstance(body["height"], int)
    assert body["provider_name"] == "negotiation-timeline" and body["provider_url"] == f"{BASE}/"
    assert body["title"].startswith("Russia–Ukraine peace talks")
    [frame] = tags(body["html"], "iframe")
    assert frame["src"] == f"{BASE}/embed?tab=schedule&side=turkey"
    assert frame["title"] == body["title"] and frame["loading"] == "lazy"
    assert (int(frame["width"]), int(frame["height"])) == (body["width"], body["height"])


def test_oembed_answers_for_embed_urls_and_drops_what_the_page_would(client):
    body = client.get("/oembed", query_string={"url": f"{BASE}/embed?event=e-beta-session&bogus=1"}).get_json()
    assert tags(body["html"], "iframe")[0]["src"] == f"{BASE}/embed?event=e-beta-session"


@pytest.mark.parametrize("maxwidth, maxheight", [(300, 200), (1000, 5000), (320, None), (None, 150)])
def test_oembed_honours_maxwidth_and_maxheight(client, maxwidth, maxheight):
    query = {"url": f"{BASE}/", "maxwidth": maxwidth, "maxheight": maxheight}
    body = client.get("/oembed", query_string={k: v for k, v in query.items() if v is not None}).get_json()
    free = client.get("/oembed", query_string={"url": f"{BASE}/"}).get_json()
    unbounded = client.get("/oembed", query_string={"url": f"{BASE}/", "maxwidth": maxwidth or ""}).get_json()
    assert body["width"] == min(free["width"], maxwidth or free["width"])
    assert body["height"] == min(unbounded["height"], maxheight or unbounded["height"])
    frame = tags(body["html"], "iframe")[0]
    assert (int(frame["width"]), int(frame["height"])) == (body["width"], body["height"])


def test_oembed_heights_follow_the_form_of_the_iframe_width(client, fixture_dataset):
    def height(maxwidth: int) -> int:
        return client.get("/oembed", query_string={"url": f"{BASE}/", "maxwidth": maxwidth}).get_json()["height"]

    # The figure's box is the iframe less the embed page's padding: 504 px holds a column, 503 a
    # phone; each is as tall as the page lays that form out (at its narrowest width).
    assert height(504) == embed_height(fixture_dataset, ViewState(), size=Size.of_form("column")) \
        == height(800) == embed_height(fixture_dataset, ViewState(), size=frame_size(640))
    assert height(503) == embed_height(fixture_dataset, ViewState(), size=Size.of_form("phone")) > height(504)
    assert frame_size(1000) == Size.of_form("wide")


@pytest.mark.parametrize("url", ["http://elsewhere.example/?tab=schedule", "https://localhost.evil.example/",
                                 f"{BASE}/present", f"{BASE}/download/events.csv", "javascript:alert(1)",
                                 "ftp://localhost/", "not a url"])
def test_oembed_404_for_a_url_that_is_not_a_page_of_this_app(client, url):
    response = client.get("/oembed", query_string={"url": url})
    assert response.status_code == 404 and "error" in response.get_json()


def test_oembed_501_for_xml_and_400_for_missing_or_bad_parameters(client):
    assert client.get("/oembed", query_string={"url": f"{BASE}/", "format": "xml"}).status_code == 501
    assert client.get("/oembed").status_code == 400
    assert client.get("/oembed", query_string={"url": f"{BASE}/", "maxwidth": "-5"}).status_code == 400
    assert client.get("/oembed", query_string={"url": f"{BASE}/", "maxheight": "tall"}).status_code == 400


def test_pages_carry_oembed_discovery(client):
    for path in ("/", "/embed?tab=compare"):
        [link] = [a for a in tags(client.get(path).get_data(as_text=True), "link") if a.get("rel") == "alternate"]
        assert link["type"] == "application/json+oembed"
        href = urlsplit(link["href"])
        assert href.path == "/oembed"
        assert parse_qs(href.query) == {"url": [f"{BASE}{path}"], "format": ["json"]}
        assert client.get(link["href"]).status_code == 200
    assert "json+oembed" not in client.get("/present").get_data(as_text=True)


def test_child_script_only_on_embed_and_parent_script_on_no_page(client):
    def scripts(path):
        return [a.get("src", "") for a in tags(client.get(path).get_data(as_text=True), "script")]

    assert any("/assets/embed-child.js" in src for src in scripts("/embed"))
    for path in ("/", "/present"):
        assert not any("embed-child.js" in src for src in scripts(path))
    for path in ("/", "/embed", "/present"):
        assert not any(re.search(r"/embed\.js", src) for src in scripts(path))
    parent = client.get("/assets/embed.js")
    assert parent.status_code == 200 and "xPYMx" in parent.get_data(as_text=True)


def test_embed_leaves_out_what_it_never_uses(client):
    """The static embed loads our plotly.js bundle and its two scripts, nothing of Dash's and no
    other page's files (its styles are inlined); the explore page keeps what it uses."""
    def loaded(path):
        html = client.get(path).get_data(as_text=True)
        return [a.get("src") or a.get("href", "") for a in tags(html, "script") + tags(html, "link")
                if a.get("rel") != "alternate" and a.get("type") != "application/json"]

    unused = ("/assets/present.js", "/assets/event-keys.js", "/assets/share.css", "dash_core_components",
              "dash_renderer", "_dash-")
    kept = ("plotly-timeline.min.js", "dash_core_components", "dash_renderer", "/assets/present.css")
    for name in unused[:3] + kept:
        assert any(name in url for url in loaded("/")), name
    for path, plotly in (("/embed", ["/assets/plotly-timeline.min.js"]), ("/embed?tab=table", [])):
        assert not [url for url in loaded(path) if any(name in url for name in unused)], path
        assert sorted(url.split("?")[0] for url in loaded(path)) == sorted(
            ["/assets/embed-child.js", "/assets/embed-page.js", *plotly, "data:,"])
    for path in ("/", "/embed", "/present"):  # no page loads the DataTable, and it is not served
        assert not [url for url in loaded(path) if "dash_table" in url], path
    assert client.get("/_dash-component-suites/dash/dash_table/bundle.v6_0_0m1.js").status_code == 404


def test_no_page_renders_a_datatable():
    """No page loads Dash's DataTable bundle (dashboard/web/oembed.py)."""
    uses = re.compile(r"dash_table(?!/)|DataTable\(")  # an import or a use; not the bundle's URL
    assert not [p.name for p in (ROOT / "dashboard").rglob("*.py") if uses.search(p.read_text(encoding="utf-8"))]


def test_csv_download_is_the_view_as_a_file(client):
    response = client.get("/download/events.csv?side=turkey")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == 'attachment; filename="negotiation-timeline-side-turkey.csv"'
    frame = pd.read_csv(io.StringIO(response.get_data(as_text=True)))
    assert sorted(frame["id"]) == ["e-beta-session", "e-beta-trilateral"]


@pytest.mark.parametrize("query", ["side=atlantis&bogus=%ff%fe", "tab=%3Cscript%3E", "q=" + "x" * 5000])
def test_csv_download_falls_back_on_a_bad_query(client, query):
    response = client.get("/download/events.csv?" + query)
    assert response.status_code == 200
    assert len(pd.read_csv(io.StringIO(response.get_data(as_text=True)))) == 8


def test_iframe_code_is_accessible_lazy_and_escaped():
    code = iframe_code('https://x.example/embed?q="a"&b', 'A "quoted" title', 640)
    [frame] = tags(code, "iframe")
    assert frame["src"] == 'https://x.example/embed?q="a"&b' and frame["title"] == 'A "quoted" title'
    assert (frame["width"], frame["height"], frame["loading"]) == ("100%", "640", "lazy")
    assert "width:100%" in frame["style"]
    fixed = tags(iframe_code("https://x.example/embed", "t", 500, "400"), "iframe")[0]
    assert fixed["width"] == "400" and "width:400px" in fixed["style"]


def test_script_code_is_a_placeholder_with_a_link_and_the_parent_script():
    code = script_code("https://x.example", "https://x.example/embed?tab=table", "https://x.example/?tab=table",
                       "T", 700, "640")
    [box] = tags(code, "div")
    assert box["data-negotiation-timeline"] == "https://x.example/embed?tab=table"
    assert (box["data-height"], box["data-width"], box["data-title"]) == ("700", "640", "T")
    assert tags(code, "a")[0]["href"] == "https://x.example/?tab=table"  # without JavaScript: a link
    assert tags(code, "script")[0]["src"] == "https://x.example/assets/embed.js"


def test_embed_height_is_the_figure_plus_the_chrome(fixture_dataset):
    timeline, schedule = embed_height(fixture_dataset, ViewState()), embed_height(fixture_dataset, ViewState(tab="schedule"))
    assert timeline != schedule
    assert embed_height(fixture_dataset, ViewState(), 500) == embed_height(fixture_dataset, ViewState(tab="compare"), 500)
    assert embed_height(fixture_dataset, ViewState(tab="table", sides=("turkey",))) < \
        embed_height(fixture_dataset, ViewState(tab="table"))
