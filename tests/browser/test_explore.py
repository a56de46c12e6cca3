"""Explore page in real Chromium: render, click, filter, URL round trip, bad queries."""

from __future__ import annotations

import re
from contextlib import contextmanager
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import console_problems, wait_for_graph


def test_page_loads_with_both_panels_and_no_console_errors_or_warnings(page, app_url):
    page.goto(app_url + "/")
    wait_for_graph(page)
    assert page.locator("#graph .subplot.xy").count() == 1
    assert page.locator("#graph .subplot.x2y2").count() == 1  # the territory panel
    assert page.locator("#graph .subplot.x2y2 .scatterlayer .trace").count() >= 1
    assert page.text_content("#count") == "8 of 8 events shown"
    assert console_problems(page) == []


@pytest.mark.parametrize("query", ["tab=schedule", "tab=compare", "theme=dark&tab=schedule",
                                   "theme=contrast&tab=compare", "lanes=side&gap=show"])
def test_every_figure_draws_without_console_warnings(page, app_url, query):
    """plotly.js warns (and draws on regardless) where a figure asks for something it cannot
    draw: an invalid pattern colour once turned the schedule's hatching black, unnoticed."""
    page.goto(f"{app_url}/?{query}")
    page.locator("#graph .main-svg").first.wait_for()
    page.wait_for_load_state("networkidle")
    assert console_problems(page) == []


def test_clicking_an_event_opens_its_detail_with_sources(page, app_url):
    page.goto(app_url + "/")
    wait_for_graph(page)
    point = page.locator("#graph .subplot.xy .scatterlayer .trace .points path").first
    box = point.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("#detail .sources a")
    assert page.locator("#detail .badge").count() == 1
    assert page.locator("#detail .sources a").first.get_attribute("href").startswith("https://example.org/")
    assert "event=" in page.url


@contextmanager
def overtaken(page):
    """Hold the callback request that the block's action makes, then tick the 'session' kind
    so a newer request overtakes it, and only then let the held one through: Dash drops an
    answer that arrives after a newer request for the same callback went out."""
    held = []
    page.route("**/_dash-update-component*", lambda route: route.continue_() if held else held.append(route))
    yield
    for _ in range(250):
        if held:
            break
        page.wait_for_timeout(20)
    assert held, "the action never reached the server"
    with page.expect_response(lambda r: "_dash-update-component" in r.url):
        page.get_by_role("checkbox", name="session").check()
    held[0].continue_()


def test_a_click_survives_a_change_that_overtakes_its_answer(page, app_url):
    """Dash drops an answer still in flight when the same callback fires again (a filter
    changed at once, once plotly's late autosize relayout too): the newer request must still
    open the event."""
    page.goto(app_url + "/")
    wait_for_graph(page)
    point = page.locator("#graph .subplot.xy .scatterlayer .trace .points path").first
    box = point.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    with overtaken(page):
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page).to_have_url(re.compile(r"event=e-.*kind=session|kind=session.*event=e-"))
    expect(page.locator("#detail .sources a").first).to_be_visible()


def test_a_zoom_survives_a_filter_change_that_overtakes_its_answer(page, app_url):
    """The zoomed range is read from the browser with every change, like the filters: a filter
    change sent before the zoom's answer arrived keeps the zoom."""
    page.goto(app_url + "/")
    wait_for_graph(page)
    plot = page.locator("#graph .draglayer .xy .nsewdrag").first.bounding_box()
    y = plot["y"] + plot["height"] / 2
    with overtaken(page):
        page.mouse.move(plot["x"] + plot["width"] * 0.02, y)
        page.mouse.down()
        page.mouse.move(plot["x"] + plot["width"] * 0.3, y, steps=5)
        page.mouse.up()
    expect(page).to_have_url(re.compile(r"kind=session"))
    query = parse_qs(urlsplit(page.url).query)
    assert query["from"][0] >= "2022" and query["to"][0] <= "2026" and query["from"][0] < query["to"][0]
    assert console_problems(page) == []


def test_filter_updates_count_and_url_and_reload_restores_it(page, app_url):
    page.goto(app_url + "/")
    wait_for_graph(page)
    page.get_by_label("Turkey").check()
    expect(page.locator("#count")).to_have_text("2 of 8 events shown")
    page.wait_for_url(lambda url: "side=turkey" in url)
    assert parse_qs(urlsplit(page.url).query) == {"side": ["turkey"]}
    url = page.url
    page.goto("about:blank")
    page.goto(url)
    wait_for_graph(page)
    assert page.text_content("#count") == "2 of 8 events shown"
    assert page.get_by_label("Turkey").is_checked()
    assert console_problems(page) == []


def test_event_link_opens_the_event(page, app_url):
    page.goto(app_url + "/?event=e-beta-session")
    page.wait_for_selector("#detail h2")
    assert page.text_content("#detail h2") == "Testport round one session"
    text = page.text_content("#detail")
    assert "≈10:35–12:20 GMT (≈13:35–15:20 Istanbul)" in text
    assert "started ≈65 min late" in text
    assert "Example Courier (Wire): Delegations meet again" in text


def test_garbage_query_shows_a_note_and_the_default_view(page, app_url):
    page.goto(app_url + "/?tab=%3Cscript%3E&side=atlantis&bogus=1&event=nope&from=2022-99-01")
    wait_for_graph(page)
    notes = page.text_content("#url-notes")
    assert "Unknown parameter 'bogus'" in notes and "atlantis" in notes and "nope" in notes
    assert page.text_content("#count") == "8 of 8 events shown"
    page.click("#url-notes-close")
    page.wait_for_selector("#url-notes", state="hidden")
    assert console_problems(page) == []


def test_time_axis_labels_do_not_overlap_at_the_compressed_gap(page, app_url):
    page.goto(app_url + "/")
    wait_for_graph(page)
    boxes = sorted((b["x"], b["x"] + b["width"]) for b in
                   (label.bounding_box() for label in page.locator("#graph g.x2tick text").all()) if b)
    assert len(boxes) >= 3
    assert all(left[1] + 4 <= right[0] for left, right in zip(boxes, boxes[1:])), boxes
