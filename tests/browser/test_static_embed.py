"""The static /embed in Chromium, in a host page of another origin (issue 18): on every tab,
with ``event=``, in a narrow and a wide column it makes no POST and at most 5 requests, draws
the explore page's figure for its form, opens an event by click and by keyboard, reports its
height (pym.js) and passes axe; a published site draws with nothing from another origin."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from functools import partial
from http.server import ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

import plotly.graph_objects as go
from dashboard.figures.assembly import figure_json
from dashboard.figures.size import Size
from dashboard.state import ViewState
from dashboard.tabs import all_tabs, build_figure, choices_for

from ..conftest import make_package
from .conftest import console_problems
from .test_accessibility import violations
from .test_embed import MESSAGE, _QuietHandler, host, iframe, no_inner_scrollbar, settled  # noqa: F401 (fixture)

MAX_REQUESTS = 5
WIDTHS = {400: "phone", 1200: "wide"}  # the host's column; the embed's box is 24 px narrower
QUERIES = [*(f"tab={t.value}" for t in all_tabs()), "tab=compare&event=e-beta-session", "event=e-beta-session"]


def column(embed: str, width: int) -> str:
    return f'<div style="width:{width}px">{embed}</div>'


def watch_requests(page) -> list:
    """Every request a frame inside the host page makes (the embed's, not the host's)."""
    made = []
    page.on("request", lambda r: made.append(r) if r.frame != page.main_frame else None)
    return made


def drawn_figure(frame) -> dict:
    return frame.evaluate("""() => { const gd = document.querySelector('#embed-graph .js-plotly-plot');
        return {form: document.getElementById('embed-graph').getAttribute('data-form'), height: gd._fullLayout.height,
                traces: gd.data.map(t => [t.type, t.name || '', (t.x || []).length])}; }""")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("query", QUERIES)
def test_the_embed_is_get_only_small_and_draws_the_explore_figure(page, host, app_url, fixture_dataset, query, width):
    made = watch_requests(page)
    page.set_viewport_size({"width": width + 40, "height": 900})
    page.goto(host(f"static-{width}", column(iframe(f"{app_url}/embed?{query}"), width)))
    frame, height = settled(page)
    view, _ = ViewState.from_query(query, choices_for(fixture_dataset))
    if view.event:
        expect(frame.locator("#embed-detail h2")).to_have_text(fixture_dataset.events.at[view.event, "title"])
    table = not json.loads(frame.locator("#embed-data").text_content())["figures"]  # an HTML tab
    if table:  # the events table, or the positions matrix (a list of one topic on a phone)
        expect(frame.locator("main table tbody tr:visible, main .position-cell:visible").first).to_be_visible()
    else:
        frame.locator("#embed-graph .main-svg").first.wait_for()
        form = WIDTHS[width]
        built = build_figure(fixture_dataset, view, size=Size.of_form(form))
        carried = json.loads(frame.locator("#embed-data").text_content())["figures"][form]
        assert carried == json.loads(figure_json(built))  # the same figure data as the explore page
        expected = go.Figure(built)
        drawn = drawn_figure(frame)
        assert drawn["form"] == form and drawn["height"] == expected.layout.height
        assert drawn["traces"] == [[t.type, t.name or "", len(t.x) if t.x is not None else 0]
                                   for t in expected.data]
        assert frame.locator(".embed-picture:visible").count() == 0  # replaced by the figure
    page.wait_for_load_state("networkidle")
    assert [r.method for r in made if r.method != "GET"] == []
    assert len(made) <= MAX_REQUESTS, [r.url for r in made]
    assert [r.url.split("?")[0].removeprefix(app_url) for r in made][:1] == ["/embed"]  # the frame's own
    assert sum("/assets/plotly-timeline.min.js" in r.url for r in made) == (0 if table else 1)
    messages = [m for m in page.evaluate("window.received") if isinstance(m, str) and MESSAGE.match(m)]
    assert messages and int(MESSAGE.match(messages[-1]).group(2)) == height  # pym.js height, as shown
    assert no_inner_scrollbar(frame)
    assert console_problems(page) == []


def traces_of(ds, view: ViewState, form: str) -> list:
    return [[t.type, t.name or "", len(t.x) if t.x is not None else 0]
            for t in go.Figure(build_figure(ds, view, size=Size.of_form(form))).data]


def wait_for_traces(frame, expected: list) -> None:
    deadline = time.monotonic() + 10
    while drawn_figure(frame)["traces"] != expected:
        assert time.monotonic() < deadline, (drawn_figure(frame)["traces"], expected)
        time.sleep(0.1)


@pytest.mark.parametrize("query", ["", "tab=compare"])
def test_a_click_on_an_event_opens_its_detail_marks_it_and_the_link_back_follows(
        page, host, app_url, fixture_dataset, query):
    made = watch_requests(page)
    page.goto(host("static-click", iframe(f"{app_url}/embed?{query}")))
    frame, before = settled(page)
    frame.locator("#embed-graph .main-svg").first.wait_for()
    frame.locator("#embed-graph .subplot.xy .scatterlayer .trace .points path").first.click(force=True)
    heading = frame.locator("#embed-detail h2")
    heading.wait_for()
    _, after = settled(page)
    assert after > before
    back = frame.locator("#embed-back").get_attribute("href")
    assert "event=" in back and back.startswith("/?")
    view, _ = ViewState.from_query(query)
    opened, _ = ViewState.from_query(back.split("?", 1)[1])
    assert opened.event and heading.text_content() == fixture_dataset.events.at[opened.event, "title"]
    form = drawn_figure(frame)["form"]
    wait_for_traces(frame, traces_of(fixture_dataset, opened, form))  # the explore page's figure for it
    frame.locator("#embed-detail-close").click()
    expect(frame.locator("#embed-detail")).to_be_hidden()
    assert "event=" not in frame.locator("#embed-back").get_attribute("href")
    wait_for_traces(frame, traces_of(fixture_dataset, view, form))
    assert [r.method for r in made if r.method != "GET"] == []
    assert console_problems(page) == []


@pytest.mark.parametrize("tab", [t.value for t in all_tabs() if not t.matrix])  # a matrix lists no events
def test_the_keyboard_alone_opens_an_event_and_returns(page, app_url, fixture_dataset, tab):
    page.goto(f"{app_url}/embed?tab={tab}&side=turkey")
    events = page.locator("#embed-events .event-item")
    for _ in range(40):  # Tab from the top of the page to the list's summary
        page.keyboard.press("Tab")
        if page.locator("#embed-events summary:focus").count():
            break
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(events.first).to_be_focused()
    page.keyboard.press("Tab")
    expect(events.nth(1)).to_be_focused()
    page.keyboard.press("Enter")
    title = fixture_dataset.events.at[events.nth(1).get_attribute("data-event"), "title"]
    expect(page.locator("#detail-title")).to_be_focused()
    expect(page.locator("#detail-title")).to_have_text(title)
    page.keyboard.press("Escape")
    expect(page.locator("#embed-detail")).to_be_hidden()
    expect(events.nth(1)).to_be_focused()
    assert console_problems(page) == []


@pytest.mark.parametrize("query", ["tab=schedule", "tab=table", "event=e-beta-session&theme=dark",
                                   "side=atlantis&theme=contrast"])
def test_axe_finds_nothing_on_the_static_embed(page, app_url, query):
    page.goto(f"{app_url}/embed?{query}")
    if "tab=table" not in query:
        page.locator("#embed-graph .main-svg").first.wait_for()
    page.wait_for_load_state("networkidle")
    assert violations(page) == []
    assert console_problems(page) == []


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The fixture data published (every default view) and served by http.server."""
    out = tmp_path_factory.mktemp("published")
    package = make_package(tmp_path_factory.mktemp("package"))
    subprocess.run([sys.executable, "-m", "dashboard", "publish", "--data", str(package), "--out", str(out)],
                   check=True, timeout=300, capture_output=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield out, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_a_published_site_draws_every_embed_with_nothing_from_another_origin(browser, published):
    out, base = published
    pages = sorted(path.name for path in (out / "embed").glob("*.html"))
    assert len(pages) >= len(all_tabs())
    context = browser.new_context(viewport={"width": 700, "height": 900})
    try:
        page = context.new_page()
        from .conftest import watch_console

        watch_console(page)
        elsewhere = []
        page.on("request", lambda r: elsewhere.append(r.url) if not r.url.startswith((base, "data:")) else None)
        page.goto(f"{base}/index.html")
        expect(page.locator("main li")).to_have_count(len(pages))
        for name in pages:
            page.goto(f"{base}/embed/{name}")
            if page.locator("#embed-graph").count():
                page.locator("#embed-graph .main-svg").first.wait_for()
                assert page.locator("#embed-graph").get_attribute("data-form") == "column"
            else:
                page.locator(".embed-table .events-table, .positions .position-cell:visible").first.wait_for()
            first = page.locator("#embed-events .event-item").first
            if first.count():
                page.locator("#embed-events summary").click()
                first.click()
                page.locator("#embed-detail h2").wait_for()
        assert elsewhere == []
        assert console_problems(page) == []
    finally:
        context.close()


def test_the_first_picture_holds_the_figures_place_before_plotly_runs(browser, published):
    """Before plotly.js has run the page shows the picture of its form; the figure replaces it
    in the same box: the credit under it does not move."""
    _, base = published

    def credit_top(block_plotly: bool) -> tuple[float, int]:
        context = browser.new_context(viewport={"width": 700, "height": 900})
        try:
            page = context.new_page()
            if block_plotly:
                page.route("**/plotly-timeline.*", lambda route: route.abort())
            page.goto(f"{base}/embed/tab-compare.html")
            if block_plotly:
                page.wait_for_load_state("networkidle")
            else:
                page.locator("#embed-graph .main-svg").first.wait_for()
            shown = page.locator(".embed-picture:visible")
            return page.locator(".embed-credit").bounding_box()["y"], shown.count()
        finally:
            context.close()

    before, pictures_shown = credit_top(block_plotly=True)
    after, pictures_left = credit_top(block_plotly=False)
    assert (pictures_shown, pictures_left) == (1, 0)
    assert abs(before - after) < 1
