"""The event detail panel lists the positions stated at the event, in the served page."""

from __future__ import annotations

from .conftest import console_problems


def test_an_occasions_detail_lists_its_positions_and_marks_the_exact_quote(page, app_url):
    page.goto(app_url + "/?event=e-alpha-session")
    items = page.locator("#detail ul.positions li")
    items.first.wait_for()
    assert page.locator("#detail h3", has_text="Positions stated").count() == 1
    assert [text.strip() for text in items.all_text_contents()] == [
        "Russia: Neutrality and non-nuclear status — South stays outside every alliance.",
        "Ukraine: Security guarantees — Guarantor states will defend South as if attacked themselves. (quoted)"]
    assert page.locator("#detail ul.positions q").count() == 1  # the browser draws its quotation marks
    assert console_problems(page) == []


def test_an_event_without_positions_has_no_such_list(page, app_url):
    page.goto(app_url + "/?event=e-gamma-session")
    page.locator("#detail h2").wait_for()
    assert page.locator("#detail ul.positions").count() == 0
