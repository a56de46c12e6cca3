"""The Positions tab in real Chromium, at ``/`` and ``/embed``: the matrix as a table, its
filters written to the URL, a position's detail with its sources (by click and by keyboard,
focus returning), axe in every theme, no sideways scroll, a phone's topic picker, the CSV of
what is shown and the event detail's link to its occasion's positions."""

from __future__ import annotations

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from dashboard.data.positions import positions_csv

from .conftest import console_problems, watch_console
from .test_accessibility import violations

CELLS = ".positions-table .position-cell"


def open_tab(page, url: str) -> None:
    page.goto(url)
    page.locator(".positions-table, .positions-phone").first.wait_for(state="attached")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("path", ["/", "/embed"])
def test_the_matrix_is_a_captioned_table_of_topics_by_occasions_grouped_by_side(page, app_url, path):
    open_tab(page, f"{app_url}{path}?tab=positions")
    table = page.locator(".positions-table")
    expect(table.locator("caption")).to_have_text("5 positions by topic and occasion, grouped by side")
    assert table.locator("thead th[scope=colgroup]").all_text_contents() == ["Russia", "Ukraine"]
    assert table.locator("tbody th[scope=row]").all_text_contents() == [
        "Neutrality and non-nuclear status", "Security guarantees", "Ceasefire and sequencing", "The plan as a whole"]
    expect(page.locator(CELLS)).to_have_count(5)
    expect(table.locator("q")).to_have_count(1)  # the one exact quote
    unchanged = page.locator(f"{CELLS}[data-position=pos-beta-north-neutrality]")
    expect(unchanged).to_have_class(re.compile(r"\bmoved-unchanged\b"))
    expect(unchanged).to_contain_text("Unchanged:")  # colour is never the only cue
    expect(page.locator(f"{CELLS}[data-position=pos-alpha-north-neutrality]")).to_have_class(
        re.compile(r"\bmoved-none\b"))
    assert console_problems(page) == []


def test_filters_by_side_and_changes_only_are_written_to_the_url_and_the_download(page, app_url, fixture_dataset):
    open_tab(page, app_url + "/?tab=positions")
    page.get_by_label("Russia", exact=True).check()
    expect(page.locator(CELLS)).to_have_count(3)
    expect(page).to_have_url(re.compile(r"side=russia"))
    page.get_by_label("Changes only", exact=False).check()
    expect(page.locator(CELLS)).to_have_count(1)
    expect(page).to_have_url(re.compile(r"tab=positions&side=russia&changes=1"))
    expect(page.locator("#count")).to_have_text("1 of 5 positions shown")
    link = page.locator("a.positions-csv")
    expect(link).to_have_attribute("href", "/download/positions.csv?tab=positions&side=russia&changes=1")
    body = page.request.get(app_url + link.get_attribute("href")).text()
    assert body == positions_csv(fixture_dataset, sides=("russia",), changes_only=True)
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [r["id"] for r in rows] == page.locator(CELLS).evaluate_all(
        "cells => cells.map(c => c.dataset.position)")
    assert console_problems(page) == []


def test_a_topic_in_the_link_filters_and_a_bad_one_says_so(page, app_url):
    open_tab(page, app_url + "/?tab=positions&topic=security-guarantees,no-such-topic")
    expect(page.locator(CELLS)).to_have_count(1)
    expect(page.locator("#url-notes")).to_contain_text("topic: ignored unknown value(s) 'no-such-topic'")


def test_keyboard_tab_to_a_position_enter_opens_its_sources_escape_returns(page, app_url, fixture_dataset):
    open_tab(page, app_url + "/?tab=positions")
    first = page.locator(CELLS).first
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.locator(f"{CELLS}:focus").count():
            break
    expect(first).to_be_focused()
    position = first.get_attribute("data-position")
    page.keyboard.press("Enter")
    dialog = page.locator(f"#position-dialog[data-position='{position}']")  # the page's one, filled
    expect(dialog).to_be_visible()
    expect(dialog.locator("h2")).to_be_focused()
    expect(dialog.locator("h2")).to_have_text("Russia: Neutrality and non-nuclear status")
    row = fixture_dataset.positions.loc[position]
    links = dialog.locator(".sources a")
    expect(links).to_have_count(len(row["source_ids"]))
    for link, source_id in zip(links.all(), row["source_ids"]):
        source = fixture_dataset.sources.loc[source_id]
        assert link.get_attribute("href") == source["url"]
        assert f"{source['publisher']}: {source['title']}" in link.text_content()
    expect(dialog).to_contain_text("Verified")
    expect(dialog).to_contain_text("published")
    expect(dialog.get_by_role("link", name="Open this occasion on the timeline")).to_have_attribute(
        "href", "/?event=e-alpha-session")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(first).to_be_focused()
    assert console_problems(page) == []


def test_in_the_embed_a_click_opens_the_detail_and_close_returns_focus(page, app_url):
    open_tab(page, app_url + "/embed?tab=positions")
    cell = page.locator(f"{CELLS}[data-position=pos-alpha-south-guarantees]")
    cell.click()
    dialog = page.locator("#position-dialog[data-position='pos-alpha-south-guarantees']")
    expect(dialog).to_be_visible()
    expect(dialog.locator(".position-text q")).to_have_text(
        "Guarantor states will defend South as if attacked themselves.")
    expect(dialog).to_contain_text("leaked")
    expect(dialog).to_contain_text("Single source")
    expect(dialog.get_by_role("link", name="Open this occasion on the timeline")).to_have_attribute(
        "href", "/embed?event=e-alpha-session")  # the embed's links stay in the embed
    dialog.get_by_role("button", name="Close position detail").click()
    expect(dialog).to_be_hidden()
    expect(cell).to_be_focused()
    first_heading = dialog.locator("h2").text_content()
    other = page.locator(f"{CELLS}:not([data-position=pos-alpha-south-guarantees]):visible").first
    other.click()  # the one dialog now holds the other position's detail, not the first's
    expect(page.locator(f"#position-dialog[data-position='{other.get_attribute('data-position')}']")).to_be_visible()
    expect(page.locator("#position-dialog h2")).not_to_have_text(first_heading)
    assert console_problems(page) == []


AXE_PAGES = ["/?tab=positions", "/?tab=positions&theme=dark", "/?tab=positions&theme=contrast",
             "/embed?tab=positions", "/embed?tab=positions&theme=dark", "/embed?tab=positions&theme=contrast"]


@pytest.mark.parametrize("path", AXE_PAGES)
def test_axe_finds_no_violations_on_the_tab_and_in_a_detail(page, app_url, path):
    open_tab(page, app_url + path)
    assert violations(page) == []
    page.locator(CELLS).last.click()
    expect(page.locator(".position-dialog[open]")).to_be_visible()
    assert violations(page) == []
    assert console_problems(page) == []


@pytest.mark.parametrize("width", [320, 640, 1366])
@pytest.mark.parametrize("path", ["/", "/embed"])
def test_no_sideways_scroll_and_a_phone_reads_one_topic_at_a_time(browser, app_url, path, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        watch_console(page)
        open_tab(page, f"{app_url}{path}?tab=positions")
        scroll_width, client_width = page.evaluate(
            "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
        assert scroll_width <= client_width
        phone = page.locator(".positions-phone")
        if width < 480:
            expect(page.locator(".positions-table")).to_be_hidden()
            sections = phone.locator("section")
            expect(sections.locator("visible=true")).to_have_count(1)
            expect(sections.locator("visible=true").locator("h3")).to_have_text("Neutrality and non-nuclear status")
            picker = phone.locator("#positions-topic-pick")
            if path == "/embed":  # a native <select> there (no Dash on the page)
                picker.select_option(label="Security guarantees")
            else:
                picker.click()
                page.get_by_role("option", name="Security guarantees").click()
            expect(sections.locator("visible=true").locator("h3")).to_have_text("Security guarantees")
            expect(sections.locator("visible=true").locator(".position-cell")).to_have_count(1)
            sections.locator("visible=true").locator(".position-cell").click()
            expect(page.locator("#position-dialog[data-position=pos-alpha-south-guarantees]")).to_be_visible()
        else:
            expect(phone).to_be_hidden()
            expect(page.locator(".positions-table")).to_be_visible()
        assert console_problems(page) == []
    finally:
        context.close()


def test_the_event_detail_links_to_its_occasions_positions(page, app_url):
    page.goto(app_url + "/?event=e-alpha-session")
    link = page.get_by_role("link", name="Compare these positions side by side")
    expect(link).to_have_attribute("href", "/?tab=positions&occasion=e-alpha-session")
    link.click()
    expect(page.locator(CELLS)).to_have_count(2)
    expect(page.locator(".positions-occasion")).to_contain_text("Testport session")
    page.get_by_role("link", name="Show every occasion").click()
    expect(page.locator(CELLS)).to_have_count(5)
    assert console_problems(page) == []


def test_the_view_control_opens_the_tab_and_the_share_dialog_offers_its_csv(page, app_url):
    page.goto(app_url + "/")
    page.locator("#graph .main-svg").first.wait_for()
    page.get_by_label("Positions", exact=True).check()
    expect(page.locator(CELLS)).to_have_count(5)
    expect(page.locator("#graph-wrap")).to_be_hidden()
    expect(page.locator("#count")).to_have_text("5 of 5 positions shown")
    expect(page).to_have_url(re.compile(r"\?tab=positions$"))
    page.get_by_role("button", name="Share, embed or download").click()
    download = page.get_by_role("link", name="Positions shown (CSV)")
    expect(download).to_have_attribute("href", "/download/positions.csv?tab=positions")
    page.keyboard.press("Escape")
    page.get_by_label("Timeline", exact=True).check()
    expect(page.locator("#positions-wrap")).to_be_hidden()
    expect(page.locator("#graph-wrap")).to_be_visible()
    assert console_problems(page) == []
