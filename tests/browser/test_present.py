"""Present mode in real Chromium: slides, keys, URLs, back button, notes, handout PDF, links."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from .conftest import console_problems

DECK = "/present?deck=testport-story"
TITLES = ["Before the first round", "The first Testport day", "A detainee exchange", "Round two"]


def open_slide(page, app_url, path=DECK):
    page.goto(app_url + path)
    page.locator("#present-graph .main-svg").first.wait_for()


def expect_slide(page, number):
    expect(page.locator(".present-counter")).to_have_text(f"{number} / 4")
    expect(page.locator(".slide-title")).to_have_text(TITLES[number - 1])
    page.wait_for_url(re.compile(rf"[?&]slide={number}(&|$)"))


def test_deck_opens_at_slide_one_with_counter_progress_sources_and_no_modebar(page, app_url):
    open_slide(page, app_url, "/present")
    expect(page.locator(".present-counter")).to_have_text("1 / 4")
    expect(page.locator(".slide-title")).to_have_text(TITLES[0])
    expect(page.locator(".present-progress")).to_have_attribute("aria-valuenow", "1")
    expect(page.locator(".present-progress-fill")).to_have_attribute("style", re.compile(r"width: 25(\.0+)?%"))
    expect(page.locator(".slide-sources li")).to_have_count(3)  # Gazette, Herald, Monitor
    # A slide names each source's publisher and date, its title on the link (the handout prints both).
    expect(page.locator(".slide-sources li").nth(2)).to_have_text("Example Monitor, date not shown")
    expect(page.locator(".slide-sources li").nth(2).get_by_role("link", name="Example Monitor")).to_have_attribute(
        "title", "Control map update")
    expect(page.locator("#present-graph .modebar-btn")).to_have_count(0)
    expect(page.locator("#present-prev")).to_have_attribute("aria-disabled", "true")
    assert console_problems(page) == []


def test_keys_move_between_slides_and_update_the_url(page, app_url):
    open_slide(page, app_url)
    for key, number in [("ArrowRight", 2), ("PageDown", 3), ("Space", 4), ("ArrowRight", 4),
                        ("ArrowLeft", 3), ("PageUp", 2), ("Home", 1), ("End", 4), ("Shift+Space", 3)]:
        page.keyboard.press(key)
        expect_slide(page, number)
    assert "deck=testport-story" in page.url
    assert console_problems(page) == []


def test_reloading_a_slide_url_opens_that_slide(page, app_url):
    open_slide(page, app_url, DECK + "&slide=3")
    expect_slide(page, 3)
    page.reload()
    page.locator("#present-graph .main-svg").first.wait_for()
    expect_slide(page, 3)
    expect(page.locator("#present-graph .subplot.xy")).to_have_count(1)


def test_back_button_goes_to_the_previous_slide(page, app_url):
    open_slide(page, app_url, DECK + "&slide=1")
    page.keyboard.press("ArrowRight")
    expect_slide(page, 2)
    page.click("#present-next")
    expect_slide(page, 3)
    page.go_back()
    expect_slide(page, 2)
    page.go_back()
    expect_slide(page, 1)
    page.go_forward()
    expect_slide(page, 2)


def test_n_toggles_speaker_notes_and_they_stay_open_across_slides(page, app_url):
    open_slide(page, app_url)
    notes = page.locator("#present-notes")
    expect(notes).to_be_hidden()
    page.keyboard.press("n")
    expect(notes).to_be_visible()
    expect(notes).to_contain_text("Fictional speaker note for slide one.")
    page.keyboard.press("ArrowRight")
    expect_slide(page, 2)
    expect(notes).to_contain_text("No notes for this slide.")
    page.keyboard.press("N")
    expect(notes).to_be_hidden()


def test_focus_is_not_trapped_and_space_presses_the_focused_control(page, app_url):
    open_slide(page, app_url, DECK + "&slide=2")
    page.focus("#present-notes-toggle")
    page.keyboard.press("Space")  # presses the button, does not change the slide
    expect(page.locator("#present-notes")).to_be_visible()
    expect_slide(page, 2)
    page.keyboard.press("Tab")
    expect(page.locator("#present-notes-toggle")).not_to_be_focused()
    expect(page.locator("#present-fullscreen")).to_be_focused()


def test_f_enters_full_screen_and_escape_leaves(page, app_url):
    open_slide(page, app_url)
    page.keyboard.press("f")
    expect(page.locator(":root:fullscreen")).to_have_count(1)
    page.keyboard.press("Escape")
    expect(page.locator(":root:fullscreen")).to_have_count(0)


def test_bad_parameters_show_notes_and_slide_one(page, app_url):
    response = page.goto(app_url + "/present?deck=%3Cscript%3E&slide=99&handout=maybe&bogus=1")
    assert response.status == 200
    page.locator("#present-graph .main-svg").first.wait_for()
    notes = page.locator("#url-notes")
    for fragment in ("no deck '<script>'", "'99' is not a slide number", "'maybe' is not 1 or 0", "'bogus'"):
        expect(notes).to_contain_text(fragment)
    expect(page.locator(".present-counter")).to_have_text("1 / 4")
    assert console_problems(page) == []


def test_slide_type_is_projector_sized_at_1920_by_1080(browser, app_url):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    open_slide(page, app_url)
    body = float(page.locator(".slide-text p").first.evaluate("e => getComputedStyle(e).fontSize")[:-2])
    title = float(page.locator(".slide-title").evaluate("e => getComputedStyle(e).fontSize")[:-2])
    assert body >= 28 and title >= 1.5 * body
    box = page.locator(".present-controls").bounding_box()
    assert box["y"] + box["height"] <= 1080  # the whole slide fits the window
    context.close()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_handout_prints_one_section_per_slide_with_titles_and_source_urls(page, app_url, paper):
    page.goto(app_url + DECK + "&handout=1")
    expect(page.locator(".handout-slide")).to_have_count(4)
    expect(page.locator(".handout-figure .main-svg")).not_to_have_count(0)
    page.locator(".handout-slide").nth(3).locator(".main-svg").first.wait_for()
    reader = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True)))
    pages = [p.extract_text() for p in reader.pages]
    assert len(pages) == 5  # a cover, then one page per slide
    text = "\n".join(pages)
    for number, title in enumerate(TITLES, start=1):
        assert f"{number}. {title}" in text
    assert "https://example.org/courier/meet-again" in text
    assert "Print" not in text and "Speaker notes" not in text and "Fictional speaker note" not in text
    # Each slide starts a page: slide n's title is on a later page than slide n-1's.
    starts = [next(i for i, p in enumerate(pages) if f"{n}. {t}" in p) for n, t in enumerate(TITLES, 1)]
    assert starts == [1, 2, 3, 4]
    assert console_problems(page) == []


def test_explore_links_open_the_deck_and_a_one_slide_deck_of_the_view(page, app_url):
    page.goto(app_url + "/?event=e-beta-session")
    page.locator("#graph .scatterlayer .trace").first.wait_for()
    expect(page.locator("#present-this")).to_have_attribute("href", "/present")
    page.get_by_label("Turkey").check()
    expect(page.locator("#start-deck")).to_have_attribute("href", re.compile(r"side%3Dturkey"))
    page.click("#start-deck")
    page.locator("#present-graph .main-svg").first.wait_for()
    expect(page.locator(".present-counter")).to_have_text("1 / 1")
    expect(page.locator(".slide-title")).to_have_text("Testport round one session")
    expect(page.locator(".slide-sources")).to_contain_text("Example Courier (Wire)")
    page.click(".present-exit")
    page.wait_for_url(re.compile(r"/\?.*side=turkey"))
    page.locator("#graph .scatterlayer .trace").first.wait_for()
    page.click("#present-this")
    page.locator("#present-graph .main-svg").first.wait_for()
    expect(page.locator(".slide-title")).to_have_text(TITLES[0])


def test_quick_steps_end_on_the_last_slide_asked_for_with_its_own_figure(page, app_url):
    open_slide(page, app_url)
    for _ in range(3):  # a clicker pressed three times without waiting for the slides
        page.keyboard.press("ArrowRight")
    expect_slide(page, 4)
    page.locator(".present-deck[data-slide='4'] .slide-figure.drawn .main-svg").first.wait_for()
    page.wait_for_load_state("networkidle")
    # Slide 4 is a timeline (lanes and the territory panel), slide 2 a talks day (one plot).
    expect(page.locator("#present-graph .subplot")).to_have_count(2)
    expect(page.locator("#present-graph .ytick text").filter(has_text="Turkey")).not_to_have_count(0)
