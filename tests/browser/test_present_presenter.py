"""The presenter's window in real Chromium: opened from the projected slide (P or its button),
two pages of one browser context kept in step over a BroadcastChannel, the notes never on the
projected page unless asked."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from .conftest import console_problems, watch_console
from .test_present import DECK, TITLES, expect_slide, open_slide


def open_presenter(context, projected, opener):
    """The window ``opener`` (a key press or a click on the projected page) opens."""
    with context.expect_page() as opened:
        opener()
    presenter = opened.value
    watch_console(presenter)
    presenter.set_default_timeout(15000)
    presenter.locator(".presenter-title").wait_for()
    return presenter


def expect_presenter_at(presenter, number):
    expect(presenter.locator(".present-counter")).to_have_text(f"{number} / 4")
    expect(presenter.locator(".presenter-title")).to_have_text(TITLES[number - 1])
    presenter.wait_for_url(re.compile(rf"[?&]slide={number}(&|$)"))


def test_p_opens_the_presenter_window_and_either_window_moves_both(browser, app_url):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    projected = context.new_page()
    watch_console(projected)
    projected.set_default_timeout(15000)
    open_slide(projected, app_url, DECK + "&slide=2")
    presenter = open_presenter(context, projected, lambda: projected.keyboard.press("p"))
    assert "presenter=1" in presenter.url
    expect_presenter_at(presenter, 2)
    expect(presenter.locator(".presenter-notes")).to_contain_text("No notes for this slide.")
    expect(presenter.locator(".presenter-next")).to_have_text("Next3. A detainee exchange")
    expect(presenter.locator("#presenter-clock")).to_have_text(re.compile(r"^\d\d:\d\d$"))
    expect(presenter.locator("#presenter-timer")).to_have_text(re.compile(r"^\d+:\d\d$"))

    projected.keyboard.press("ArrowRight")  # the projected window leads
    expect_slide(projected, 3)
    expect_presenter_at(presenter, 3)
    expect(presenter.locator(".presenter-notes")).to_contain_text("Fictional note for slide three.")
    expect(presenter.locator(".presenter-next")).to_contain_text("4. Round two")

    presenter.keyboard.press("ArrowRight")  # the presenter's window leads
    expect_presenter_at(presenter, 4)
    expect_slide(projected, 4)
    expect(presenter.locator(".presenter-next")).to_contain_text("End of the deck.")
    presenter.click("#present-first")
    expect_presenter_at(presenter, 1)
    expect_slide(projected, 1)

    # The notes are the presenter's: on the projected page they stay hidden.
    expect(presenter.locator(".presenter-notes")).to_contain_text("Fictional speaker note for slide one.")
    expect(projected.locator("#present-notes")).to_be_hidden()
    assert "Fictional speaker note" not in projected.locator("body").inner_text()
    assert console_problems(projected) == [] and console_problems(presenter) == []
    context.close()


def test_the_button_opens_the_presenter_and_the_timer_pauses_and_resets(browser, app_url):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    projected = context.new_page()
    projected.set_default_timeout(15000)
    open_slide(projected, app_url, DECK)
    expect(projected.locator("#present-presenter")).to_have_attribute("href", re.compile(r"presenter=1"))
    presenter = open_presenter(context, projected, lambda: projected.click("#present-presenter"))
    expect_presenter_at(presenter, 1)
    presenter.click("#presenter-timer-pause")
    expect(presenter.locator("#presenter-timer-pause")).to_have_text("Resume")
    paused = presenter.locator("#presenter-timer").inner_text()
    presenter.wait_for_timeout(1500)  # a paused timer holds its time (not a timing assertion)
    expect(presenter.locator("#presenter-timer")).to_have_text(paused)
    presenter.click("#presenter-timer-reset")
    expect(presenter.locator("#presenter-timer")).to_have_text("0:00")
    # N still shows the notes on a single screen.
    projected.keyboard.press("n")
    expect(projected.locator("#present-notes")).to_be_visible()
    context.close()


def test_axe_finds_no_violations_in_the_presenter_window(page, app_url):
    from .test_accessibility import violations

    page.goto(app_url + DECK + "&slide=3&presenter=1")
    page.locator(".presenter-title").wait_for()
    expect(page.locator("#presenter-clock")).to_have_text(re.compile(r"^\d\d:\d\d$"))
    assert violations(page) == []
    assert console_problems(page) == []
