"""The pages in Ukrainian, Russian and Turkish, in real Chromium: no English interface string
left visible (the page's visible strings against the English page's, less the data and proper
names), dates in the language's form in the figure and the detail, ``<html lang>``, the
browser's Accept-Language, an unknown ``lang``, the switcher, and axe in each language."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from playwright.sync_api import expect

from dashboard.i18n import month_text
from tests.test_i18n import SAME_EVERYWHERE, data_strings

from .conftest import console_problems, watch_console
from .test_accessibility import load, violations

LANGS = ("uk", "ru", "tr")
MONTHS = {"uk": "травня", "ru": "мая", "tr": "Mayıs"}  # 16 May 2025, as each language writes it
# Every visible line of text (HTML text nodes and the figures' SVG text), less what is marked
# lang="en" inside the page: the data's English, until the record carries translated columns.
# (Not <html lang="en"> itself: the English page's every string is the reference.)
VISIBLE = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || element.closest('body [lang="en"], script, style, .hoverlayer')) { continue; }
    if (!element.getClientRects().length) { continue; }
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none') { continue; }
    node.textContent.split('\\n').map((t) => t.trim()).filter(Boolean).forEach((t) => out.push(t));
  }
  document.querySelectorAll('input[placeholder]').forEach((i) => out.push(i.placeholder));
  return out;
}"""


def visible(page, url: str) -> set[str]:
    load(page, url)
    page.wait_for_timeout(300)
    return set(page.evaluate(VISIBLE))


def english_left(page, app_url, path: str, lang: str, dataset) -> set[str]:
    """Strings of the page in ``lang`` also on the English page that are neither data nor names."""
    english = visible(page, app_url + path)
    other = visible(page, app_url + path + ("&" if "?" in path else "?") + f"lang={lang}")
    data = data_strings(dataset)
    months = "|".join(month_text(pd.Timestamp(2000, m, 1), lang, year=False) for m in range(1, 13))
    return {s for s in other & english if re.search("[A-Za-z]{2}", s)
            and s not in data and s not in SAME_EVERYWHERE
            and not re.fullmatch(rf"({months})( \d{{4}})?", s)  # Turkish writes 'Mar', 'May' as English does
            and not any(s in d for d in data)}  # a data text wrapped over lines, or cut short


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["/?event=e-beta-session", "/?tab=positions", "/present"])
def test_no_english_interface_string_remains_visible(page, app_url, fixture_dataset, path, lang):
    assert english_left(page, app_url, path, lang, fixture_dataset) == set()
    assert page.locator("html").get_attribute("lang") == lang


@pytest.mark.parametrize("lang", LANGS)
def test_dates_in_the_detail_and_the_figure_are_in_the_language(page, app_url, fixture_dataset, lang):
    event = next(e for e, anchor in fixture_dataset.events["anchor"].items() if anchor.month == 5)
    load(page, app_url + f"/?lang={lang}&event={event}")
    expect(page.locator("#detail .facts")).to_contain_text(MONTHS[lang])
    ticks = " ".join(page.locator("#graph svg text").all_text_contents())
    assert month_text(pd.Timestamp("2022-04-01"), lang) in ticks, ticks  # 'квіт. 2022', 'апр. 2022', 'Nis 2022'
    if lang != "tr":  # Turkish shares "Mar" and "May" with English
        assert not re.search(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b", ticks), ticks


def test_accept_language_without_lang_gives_ukrainian(browser, app_url):
    context = browser.new_context(locale="uk-UA", viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    try:
        load(page, app_url + "/")
        assert page.locator("html").get_attribute("lang") == "uk"
        expect(page.locator(".site-nav")).to_contain_text("Огляд")
        expect(page.locator("#count")).to_contain_text("показано")
        page.locator(".site-header a.lang-link", has_text="English").click()  # the reader may still choose English
        page.wait_for_url(re.compile(r"lang=en"))
        assert page.locator("html").get_attribute("lang") == "en"
        page.get_by_role("radio", name="Talks day").check()  # a change of view keeps English asked for
        page.wait_for_url(re.compile(r"tab=schedule.*lang=en|lang=en.*tab=schedule"))
        expect(page.locator(".site-nav")).to_contain_text("Explore")
    finally:
        context.close()


def test_an_unknown_lang_gives_a_note_and_english(page, app_url):
    load(page, app_url + "/?lang=klingon")
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.locator("#url-notes")).to_be_visible()
    expect(page.locator("#url-notes")).to_contain_text("lang: 'klingon' is not one of en, uk, ru, tr.")


def test_the_switcher_keeps_the_view_and_changes_the_language(page, app_url):
    load(page, app_url + "/?tab=schedule")
    page.locator(".site-header a.lang-link", has_text="Türkçe").click()
    page.wait_for_url(re.compile(r"tab=schedule.*lang=tr|lang=tr.*tab=schedule"))
    assert page.locator("html").get_attribute("lang") == "tr"
    expect(page.locator(".site-nav")).to_contain_text("Keşfet")
    load(page, app_url + "/present?lang=ru")
    page.locator(".present-bar a.lang-link", has_text="Українська").click()
    page.wait_for_url(re.compile(r"lang=uk"))
    expect(page.locator(".present-controls")).to_contain_text("Наступний")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["/", "/present"])
def test_axe_finds_no_violations_in_each_language(browser, app_url, path, lang):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    watch_console(page)
    try:
        load(page, app_url + f"{path}?lang={lang}")
        assert violations(page) == []
        assert console_problems(page) == []
    finally:
        context.close()
