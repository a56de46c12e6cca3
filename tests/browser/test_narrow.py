"""Phones and columns in real Chromium: below 480 px (a phone) and up to 900 px (a column) the
figures arrive in their form (time keeps the width), and a figure box crossing a form boundary
redraws them in the other form."""

from __future__ import annotations

import pytest

import re
import time

from playwright.sync_api import expect

from .conftest import console_problems, wait_for_graph, watch_console

PHONE, DESKTOP = {"width": 375, "height": 800}, {"width": 1200, "height": 900}


def plot_box(page, graph: str = "#graph") -> dict:
    return page.locator(f"{graph} .draglayer .xy .nsewdrag").first.bounding_box()


def wait_for_plot(page, wide_enough, graph: str = "#graph", timeout: float = 10) -> dict:
    """Poll the plot area until ``wide_enough(box)`` holds; return the box."""
    deadline = time.monotonic() + timeout
    while True:
        box = plot_box(page, graph)
        if box and wide_enough(box):
            return box
        if time.monotonic() > deadline:
            raise AssertionError(f"the plot area never took the expected form: {box}")
        page.wait_for_timeout(100)


def overflowing_text(page, graph: str) -> list[str]:
    """Texts of the figure that reach past the window's right edge (cut off on a phone)."""
    width = page.viewport_size["width"]
    texts = page.locator(f"{graph} .main-svg text, {graph} .infolayer text")
    return [t.text_content() for t in texts.all()
            if (box := t.bounding_box()) and box["width"] and box["x"] + box["width"] > width + 1]


def test_an_embed_on_a_phone_gives_time_the_width_and_cuts_nothing_off(browser, app_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    watch_console(page)
    for tab in ("", "?tab=schedule", "?tab=compare"):
        page.goto(app_url + "/embed" + tab)
        page.locator("#embed-graph .main-svg").first.wait_for()
        box = wait_for_plot(page, lambda b: b["width"] > 0.7 * PHONE["width"], "#embed-graph")
        assert box["x"] < 60, tab  # no column of names beside the plot
        assert overflowing_text(page, "#embed-graph") == [], tab
        assert page.locator("#embed-graph .g-gtitle tspan.line").count() >= 2, tab  # the title wraps
    page.goto(app_url + "/embed")
    page.locator("#embed-graph .main-svg").first.wait_for()
    plot = wait_for_plot(page, lambda b: b["width"] > 0.7 * PHONE["width"], "#embed-graph")
    names = page.locator("#embed-graph .yaxislayer-above .ytick text, #embed-graph .yaxislayer-below .ytick text")
    inside = [box for n in names.all() if n.text_content().startswith("Testport") and (box := n.bounding_box())]
    assert inside and all(box["x"] >= plot["x"] for box in inside)  # lane names inside the plot
    assert console_problems(page) == []
    context.close()


def test_crossing_the_width_redraws_the_figure_and_keeps_the_view(page, app_url):
    page.set_viewport_size(DESKTOP)
    page.goto(app_url + "/?kind=session")
    wait_for_graph(page)
    wide = plot_box(page)
    assert wide["x"] > 150  # lane names beside the plot
    page.set_viewport_size(PHONE)
    wait_for_plot(page, lambda b: b["x"] < 60 and b["width"] > 0.7 * PHONE["width"])
    # Timeline -> Talks day -> Timeline on a phone: each redraw keeps the narrow form and the page
    # keeps answering (an earlier, browser-side version of this locked the page here).
    for tab in ("Talks day", "Timeline"):
        page.get_by_role("radio", name=tab).check()
        expect(page).to_have_url(re.compile("tab=schedule" if tab == "Talks day" else r"^(?!.*tab=)"))
        wait_for_plot(page, lambda b: b["x"] < 60 and b["width"] > 0.7 * PHONE["width"])
    page.get_by_role("checkbox", name="meeting").check()
    expect(page).to_have_url(re.compile(r"kind=meeting(%2C|,)session"))
    page.set_viewport_size(DESKTOP)
    wait_for_plot(page, lambda b: b["x"] > 150)
    assert console_problems(page) == []


COLUMN = {"width": 640, "height": 900}  # a tablet or a narrow window: controls above the chart


@pytest.mark.parametrize("viewport", [PHONE, COLUMN], ids=["phone", "column"])
def test_where_controls_stand_above_the_chart_they_fold_so_the_chart_is_on_the_first_screen(
        browser, app_url, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    watch_console(page)
    page.goto(app_url + "/?kind=session")
    wait_for_graph(page)
    search = page.get_by_role("searchbox", name="Search titles and summaries")
    expect(search).to_be_hidden()
    assert plot_box(page)["y"] < viewport["height"]  # the chart starts on the first screen
    page.get_by_text("Filters and views", exact=True).click()
    expect(search).to_be_visible()
    search.fill("round one")
    expect(page).to_have_url(re.compile(r"q=round\+one"))
    assert console_problems(page) == []
    context.close()


def test_beside_the_chart_the_controls_stay_open(page, app_url):
    page.set_viewport_size(DESKTOP)
    page.goto(app_url + "/")
    wait_for_graph(page)
    expect(page.get_by_role("searchbox", name="Search titles and summaries")).to_be_visible()


def test_a_slide_turned_to_a_phone_redraws_its_figure_narrow_and_the_page_scrolls(page, app_url):
    page.set_viewport_size(DESKTOP)
    page.goto(app_url + "/present?deck=testport-story&slide=1")
    page.locator(".slide-figure.drawn #present-graph .main-svg").first.wait_for()  # not the placeholder
    wait_for_plot(page, lambda b: b["x"] > 100, "#present-graph")  # lane names beside the plot
    page.set_viewport_size(PHONE)
    wait_for_plot(page, lambda b: b["x"] < 60 and b["width"] > 0.7 * PHONE["width"], "#present-graph")
    # The slide's own title wraps in the page; the figure draws none of its own.
    assert page.locator(".slide-title").bounding_box()["width"] <= PHONE["width"]
    assert page.locator("#present-graph .g-gtitle tspan.line").count() == 0
    assert page.evaluate("document.documentElement.scrollHeight") > PHONE["height"]  # text under the figure
    page.keyboard.press("ArrowRight")  # the next slide is routed in the narrow form too
    expect(page).to_have_url(re.compile(r"slide=2"))
    wait_for_plot(page, lambda b: b["width"] > 0.7 * PHONE["width"], "#present-graph")
    assert console_problems(page) == []
