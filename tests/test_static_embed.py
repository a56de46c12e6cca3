"""The static embed on the server: a GET-only page with each form's figure, its notes, table,
detail fragments, head tags, first pictures, and the caching a CDN needs (issue 18)."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from dashboard.publishing import pictures
from dashboard.app import create_app
from dashboard.config import Config
from dashboard.figures.assembly import figure_json
from dashboard.figures.size import Size
from dashboard.state import ViewState
from dashboard.tabs import all_tabs, build_figure, tab
from dashboard.views import components as c
from dashboard.views import embed
from dashboard.views.embed_code import TABLE_MAX_PX, embed_height
from dashboard.views.html_text import to_html

from .conftest import make_package
from .test_embedding import tags

BASE = "https://timeline.example"
PIXEL_PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")  # a PNG's head


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    return make_package(tmp_path_factory.mktemp("data")), tmp_path_factory.mktemp("pictures")


@pytest.fixture(scope="module")
def app(folders):
    package, picture_dir = folders
    return create_app(Config(data_dir=package, public_url=BASE, pictures_dir=picture_dir))


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


def embed_data(html: str) -> dict:
    found = re.search(r'<script type="application/json" id="embed-data">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


@pytest.mark.parametrize("query", ["", "tab=schedule", "tab=compare", "side=turkey&event=e-beta-session"])
def test_the_page_holds_the_explore_pages_figure_in_each_form(client, fixture_dataset, query):
    response = client.get(f"/embed?{query}")
    assert response.status_code == 200 and response.mimetype == "text/html"
    view, _ = ViewState.from_query(query)
    drawn = embed_data(response.get_data(as_text=True))["figures"]
    assert list(drawn) == ["phone", "column", "wide"]
    for form, figure in drawn.items():
        expected = json.loads(figure_json(build_figure(fixture_dataset, view, size=Size.of_form(form))))
        assert figure == expected, form


def test_every_tab_of_the_registry_is_embedded(client, fixture_dataset):
    """Each tab shows its figure in every form, or (a tab whose content is HTML) a table."""
    for t in all_tabs():
        html = client.get(f"/embed?tab={t.value}").get_data(as_text=True)
        data = embed_data(html)
        if t.table:
            assert 'class="embed-table"' in html and "events-table" in html
        if data["figures"]:
            assert set(data["figures"]) == set(embed.FORMS) and f'id="{embed.GRAPH}"' in html, t.value
        else:
            assert "<table" in html and f'id="{embed.GRAPH}"' not in html, t.value


def test_embed_is_get_only_and_loads_no_dash(client):
    assert client.post("/embed").status_code == 405
    html = client.get("/embed").get_data(as_text=True)
    assert "_dash-" not in html and "dash_renderer" not in html and "react" not in html.lower()
    inline = [s for s in tags(html, "script") if not s.get("src") and s.get("type") != "application/json"]
    assert inline == []  # nothing for the CSP to allow: every script is a file of this origin


@pytest.mark.parametrize("query", ["side=atlantis&bogus=%ff%fe", "tab=%3Cscript%3E", "q=" + "x" * 5000,
                                   "event=nope", "from=2025-13-45"])
def test_bad_parameters_are_visible_notes_never_an_error(client, query):
    response = client.get("/embed?" + query)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    [notes] = [d for d in tags(html, "div") if d.get("id") == c.NOTES]
    assert "hidden" not in notes and "<script>" not in html  # each note is text, escaped


def test_pym_parameters_are_not_notes(client):
    html = client.get("/embed?tab=schedule&initialWidth=700&childId=x&parentTitle=A&parentUrl=http%3A%2F%2Fx")
    [notes] = [d for d in tags(html.get_data(as_text=True), "div") if d.get("id") == c.NOTES]
    assert "hidden" in notes


def test_an_event_link_renders_its_detail_title_and_description(client, fixture_dataset):
    html = client.get("/embed?event=e-beta-session").get_data(as_text=True)
    detail = embed.detail_html(fixture_dataset, "e-beta-session")
    assert detail in html and "started ≈65 min late" in unescape(detail)
    [aside] = [a for a in tags(html, "aside") if a.get("id") == embed.DETAIL]
    assert "hidden" not in aside
    assert re.search(r"<title>Testport round one session · ", html)
    [back] = [a for a in tags(html, "a") if a.get("id") == embed.BACK]
    assert back["href"] == "/?event=e-beta-session"
    data = embed_data(html)
    assert data["back"] == "/?event=EVENT-ID" and data["plain"] == "/"
    closed = client.get("/embed").get_data(as_text=True)
    assert "hidden" in [a for a in tags(closed, "aside") if a.get("id") == embed.DETAIL][0]


def test_each_event_detail_is_a_fragment_of_its_own(client, fixture_dataset):
    response = client.get("/embed/detail/e-beta-session.html")
    assert response.status_code == 200 and "Testport round one session" in response.get_data(as_text=True)
    assert response.get_data(as_text=True) == embed.detail_html(fixture_dataset, "e-beta-session")
    assert client.get("/embed/detail/nope.html").status_code == 404
    assert client.get("/embed/detail/..%2Fapp.html").status_code == 404


def test_the_keyboard_list_names_every_event_of_the_view(client):
    html = client.get("/embed?side=turkey").get_data(as_text=True)
    buttons = [b["data-event"] for b in tags(html, "button") if "data-event" in b]
    assert sorted(buttons) == ["e-beta-session", "e-beta-trilateral"]


def test_head_tags_say_what_the_view_shows(client, fixture_dataset):
    html = client.get("/embed?tab=schedule").get_data(as_text=True)
    metas = {m.get("name") or m.get("property"): m["content"] for m in tags(html, "meta") if "content" in m}
    assert metas["og:title"] == metas["twitter:title"] == unescape(re.search("<title>(.*?)</title>", html).group(1))
    assert metas["og:title"].startswith(tab("schedule").name)
    assert metas["description"] == metas["og:description"] == embed.page_description(
        fixture_dataset, ViewState(tab="schedule"))
    assert metas["og:url"] == f"{BASE}/embed?tab=schedule"
    assert "og:image" not in metas  # no picture rendered yet: no card image that would 404


def test_a_table_tab_scrolls_in_a_box_of_bounded_height(client, fixture_dataset):
    html = client.get("/embed?tab=table").get_data(as_text=True)
    [box] = [d for d in tags(html, "div") if d.get("class") == "embed-table"]
    assert box["role"] == "region" and box["tabindex"] == "0" and box["aria-label"]
    assert f"max-height: {TABLE_MAX_PX}px" in embed.STYLE_TEXT
    many = ViewState(tab="table")
    assert embed_height(fixture_dataset, many) <= 110 + TABLE_MAX_PX


def test_page_json_detail_and_oembed_are_cacheable_with_304(client):
    for url in ("/embed?tab=schedule", "/embed/figures.json?tab=schedule", "/embed/detail/e-beta-session.html",
                f"/oembed?url={BASE}/%3Ftab%3Dschedule"):
        response = client.get(url)
        assert response.status_code == 200, url
        control = response.cache_control
        assert control.public and control.max_age > 0 and control.stale_while_revalidate > control.max_age, url
        tag = response.headers["ETag"]
        again = client.get(url, headers={"If-None-Match": tag})
        assert again.status_code == 304 and again.get_data() == b"", url
        compressed = client.get(url, headers={"Accept-Encoding": "br"})
        assert client.get(url, headers={"Accept-Encoding": "br", "If-None-Match": compressed.headers["ETag"]}
                          ).status_code == 304, url
    one, other = (client.get(f"/embed?tab={t}").headers["ETag"] for t in ("schedule", "compare"))
    assert one != other


def test_a_data_change_changes_every_tag(tmp_path, client):
    package = make_package(tmp_path / "changed")
    events = package / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("Testport session", "Testport first session"),
                      encoding="utf-8")
    changed = create_app(Config(data_dir=package, public_url=BASE, pictures_dir=tmp_path / "p")).server.test_client()
    for url in ("/embed", "/embed/figures.json", "/embed/detail/e-beta-session.html", f"/oembed?url={BASE}/"):
        assert client.get(url).headers["ETag"] != changed.get(url).headers["ETag"], url
        assert changed.get(url, headers={"If-None-Match": client.get(url).headers["ETag"]}).status_code == 200


def test_a_cached_picture_is_the_first_picture_and_the_thumbnail(app, client, folders, fixture_dataset):
    _, picture_dir = folders
    view = ViewState(tab="compare")
    before = client.get("/embed?tab=compare")
    assert "embed-picture" not in before.get_data(as_text=True).split("<body>")[1]
    assert client.get("/embed/thumbnail.png?tab=compare").status_code == 404
    assert "thumbnail_url" not in client.get(f"/oembed?url={BASE}/%3Ftab%3Dcompare").get_json()
    for form in embed.FORMS:
        target = pictures.path(picture_dir, fixture_dataset, view, form, "svg")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f'<svg xmlns="http://www.w3.org/2000/svg" id="pic-{form}"></svg>', encoding="utf-8")
    pictures.path(picture_dir, fixture_dataset, view, "wide", "png").write_bytes(PIXEL_PNG)
    after = client.get("/embed?tab=compare")
    html = after.get_data(as_text=True)
    for form in embed.FORMS:
        assert f'<div class="embed-picture embed-picture-{form}" aria-hidden="true"><svg' in html
        assert f'id="pic-{form}"' in html
    assert after.headers["ETag"] != before.headers["ETag"]  # a page cached without it is replaced
    metas = {m.get("property") or m.get("name"): m["content"] for m in tags(html, "meta") if "content" in m}
    assert metas["og:image"] == metas["twitter:image"] == f"{BASE}/embed/thumbnail.png?tab=compare"
    png = client.get("/embed/thumbnail.png?tab=compare")
    assert png.status_code == 200 and png.mimetype == "image/png" and png.get_data() == PIXEL_PNG
    body = client.get(f"/oembed?url={BASE}/%3Ftab%3Dcompare").get_json()
    assert body["thumbnail_url"] == f"{BASE}/embed/thumbnail.png?tab=compare"
    assert (body["thumbnail_width"], body["thumbnail_height"]) == (
        901, build_figure(fixture_dataset, view, size=Size.of_form("wide"))["layout"]["height"])


def test_the_scripts_form_thresholds_are_the_figures(fixture_dataset):
    from dashboard.figures.size import PHONE_BELOW, WIDE_ABOVE

    script = (embed.ASSETS / "embed-page.js").read_text(encoding="utf-8")
    assert f"var PHONE_BELOW = {PHONE_BELOW};" in script and f"var WIDE_ABOVE = {WIDE_ABOVE};" in script
    assert "eval(" not in script and "new Function" not in script


def test_html_text_escapes_text_and_attributes():
    from dash import html

    node = html.Div(['<b>"x"</b>', html.A("a&b", href='https://x.example/?a=1&b="2"', target="_blank")],
                    className="c", hidden=True, n_clicks=0)
    assert to_html(node) == ('<div class="c" hidden>&lt;b&gt;"x"&lt;/b&gt;'
                             '<a href="https://x.example/?a=1&amp;b=&quot;2&quot;" target="_blank">a&amp;b</a></div>')
    from dash import dcc

    with pytest.raises(TypeError):
        to_html(dcc.Graph())
    assert to_html(dcc.Link("Every occasion", href="/embed?tab=x", className="l", refresh=True)) == (
        '<a href="/embed?tab=x" class="l">Every occasion</a>')
    assert to_html(dcc.Dropdown(id="pick", value="b", options=[{"label": "A<", "value": "a"}, {"label": "B", "value": "b"}])
                   ) == '<select id="pick"><option value="a">A&lt;</option><option value="b" selected>B</option></select>'
    with pytest.raises(TypeError):
        to_html(dcc.Dropdown(id="many", multi=True, options=["a"]))
    assert to_html(html.Section(id={"type": "t", "topic": "nato"}, hidden=False)) == (
        '<section id="{&quot;topic&quot;:&quot;nato&quot;,&quot;type&quot;:&quot;t&quot;}"></section>')


def test_a_slide_link_gets_the_embed_of_the_slides_view(client, fixture_dataset):
    from dashboard.views.present.deck import get_deck

    deck = get_deck(fixture_dataset, fixture_dataset.decks.index[0])
    for number, slide in enumerate(deck.slides, start=1):
        url = f"{BASE}/present?deck={deck.id}&slide={number}"
        body = client.get("/oembed", query_string={"url": url}).get_json()
        assert tags(body["html"], "iframe")[0]["src"] == BASE + slide.view.url("/embed"), number
    assert client.get("/oembed", query_string={"url": f"{BASE}/present"}).status_code == 404
