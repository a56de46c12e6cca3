"""Accessibility in real Chromium: an axe-core audit of every view, the keyboard path through
the events, the generated figure descriptions and narrow (320 px, or 200% zoom) screens."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from dashboard.tabs import figure_description
from dashboard.state import ViewState

from .conftest import console_problems, watch_console

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
              "resultTypes": ["violations"]}
PAGES = ["/", "/?event=e-beta-session", "/embed", "/present", "/present?deck=testport-story&handout=1",
         "/?theme=dark&tab=schedule", "/?theme=contrast&tab=table", "/embed?tab=compare&event=e-beta-session"]


def load(page, url: str) -> None:
    page.goto(url)
    page.locator(".js-plotly-plot .main-svg").first.wait_for(state="attached")
    page.wait_for_load_state("networkidle")


def violations(page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations, one line per failing element. axe is evaluated
    through the DevTools protocol, so the page's CSP stays on."""
    found = Axe().run(page, options=WCAG_21_AA).response["violations"]
    return [f"{v['id']} ({v['impact']}): {v['help']} at {node['target']}: {node['failureSummary']}"
            for v in found for node in v["nodes"]]


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_wcag_21_aa_violations_and_the_page_keeps_its_csp(page, app_url, path):
    load(page, app_url + path)
    assert violations(page) == []
    assert page.locator("html").get_attribute("lang") == "en"
    assert console_problems(page) == []  # a CSP violation is a console error, among the rest


def test_the_audit_catches_a_violation(page, app_url):
    load(page, app_url + "/")
    page.locator("html").evaluate("html => html.removeAttribute('lang')")
    assert any(line.startswith("html-has-lang ") for line in violations(page))


def test_keyboard_alone_opens_the_third_event_reads_its_source_and_returns(page, app_url, fixture_dataset):
    third = fixture_dataset.events.iloc[2]
    first_source = fixture_dataset.sources.loc[third["source_ids"][0]]
    load(page, app_url + "/")
    for _ in range(80):  # Tab from the top of the page to the list of events
        page.keyboard.press("Tab")
        if page.locator("#event-list .event-item:focus").count():
            break
    items = page.locator("#event-list .event-item")
    expect(items.first).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowRight")
    expect(items.nth(2)).to_be_focused()
    expect(items.nth(2)).to_have_attribute("tabindex", "0")
    page.keyboard.press("Enter")
    expect(page.locator("#detail-title")).to_be_focused()
    expect(page.locator("#detail-title")).to_have_text(third["title"])
    link = page.locator("#detail .sources a").first
    for _ in range(10):
        page.keyboard.press("Tab")
        if link.evaluate("a => a === document.activeElement"):
            break
    expect(link).to_be_focused()
    assert link.get_attribute("href") == first_source["url"]
    assert first_source["title"] in link.text_content()
    page.keyboard.press("Escape")
    expect(page.locator("#detail")).not_to_have_class("detail open")
    expect(items.nth(2)).to_be_focused()
    expect(page).not_to_have_url(re.compile("event="))  # the URL follows once the state is back
    assert console_problems(page) == []


def test_arrows_stop_at_the_ends_of_the_list(page, app_url):
    load(page, app_url + "/")
    items = page.locator("#event-list .event-item")
    items.first.focus()
    page.keyboard.press("ArrowUp")
    expect(items.first).to_be_focused()
    page.keyboard.press("End")
    expect(items.last).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(items.last).to_be_focused()


def test_skip_link_moves_focus_past_the_header(page, app_url):
    load(page, app_url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    page.wait_for_url("**/#main")
    page.keyboard.press("Tab")
    assert page.locator("#main :focus").count() == 1


def test_graph_description_follows_the_filters_and_the_count_is_announced(page, app_url, fixture_dataset):
    load(page, app_url + "/")
    figure = page.get_by_role("figure")
    expect(figure).to_have_accessible_name(
        f"Timeline of the talks with the territory under Russian control. "
        f"{figure_description(fixture_dataset, ViewState())} "
        "The same events are listed as text in the list of events below and under View: Table.")
    page.get_by_label("Turkey").check()
    expect(page.locator("#count")).to_have_text("2 of 8 events shown")
    expect(page.locator("#count")).to_have_attribute("aria-live", "polite")
    expect(page.locator("#graph-caption")).to_contain_text(
        figure_description(fixture_dataset, ViewState(sides=("turkey",))))
    expect(page.locator("#event-list .event-item")).to_have_count(2)


def test_landmarks_and_headings_on_every_view(page, app_url):
    for path, landmarks in (("/", ("banner", "main", "navigation")), ("/embed", ("main",)),
                            ("/present", ("banner", "main", "navigation"))):
        load(page, app_url + path)
        for role in landmarks:
            assert page.get_by_role(role).count() >= 1, (path, role)
        levels = [int(tag[1]) for tag in page.locator("h1, h2, h3").evaluate_all(
            "hs => hs.filter(h => h.offsetParent !== null || h.closest('.visually-hidden'))"
            ".map(h => h.tagName)")]
        assert levels[0] == 1 and levels.count(1) == 1, (path, levels)
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), (path, levels)


@pytest.mark.parametrize("width", [320, 640])  # 640 px is a 1280 px window at 200% zoom
@pytest.mark.parametrize("path", ["/", "/embed", "/present"])
def test_narrow_screens_never_scroll_the_page_sideways(browser, app_url, path, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        watch_console(page)
        load(page, app_url + path)
        root = page.locator("html")
        scroll_width, client_width = root.evaluate(
            "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
        assert scroll_width <= client_width
        assert console_problems(page) == []
    finally:
        context.close()
