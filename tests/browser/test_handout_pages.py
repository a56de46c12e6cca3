"""The shipped decks' handouts on paper, in real Chromium: a cover, then each slide on one page
of A4 and of Letter (a deck of N slides prints N + 1 pages), with its title, text and the
address of every source it cites; the page never needs a second sheet for one slide."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from dashboard.config import DEFAULT_DATA_DIR
from dashboard.tabs import load
from dashboard.views.present.deck import get_deck, slide_sources
from tests.harness import served

SHIPPED = load(DEFAULT_DATA_DIR)
DECKS = tuple(SHIPPED.decks.index)


@pytest.fixture(scope="module")
def shipped_url():
    with served(DEFAULT_DATA_DIR) as base:
        yield base


@pytest.fixture(scope="module")
def handout_page(browser, shipped_url):
    page = browser.new_page()
    page.set_default_timeout(30000)
    yield page
    page.close()


def compact(text: str) -> str:
    """PDF text without the line breaks and spaces a wrapped line puts in."""
    return "".join(text.split())


@pytest.mark.parametrize("deck_id", DECKS)
def test_each_slide_of_a_shipped_deck_prints_on_one_page_of_a4_and_letter(handout_page, shipped_url, deck_id):
    deck = get_deck(SHIPPED, deck_id)
    page = handout_page
    page.goto(f"{shipped_url}/present?deck={deck_id}&handout=1")
    sections = page.locator(".handout-slide")
    sections.nth(len(deck.slides) - 1).locator(".main-svg").first.wait_for()
    page.wait_for_load_state("networkidle")
    for paper in ("A4", "Letter"):
        pages = [compact(p.extract_text()) for p in PdfReader(io.BytesIO(page.pdf(format=paper))).pages]
        assert len(pages) == len(deck.slides) + 1, f"{deck_id} on {paper}: {len(pages)} pages"
        for number, slide in enumerate(deck.slides, start=1):
            sheet = pages[number]
            where = f"{deck_id} on {paper}, slide {number}"
            assert compact(f"{number}. {slide.title}") in sheet, f"{where}: not on page {number + 1}"
            assert compact(slide.text[-40:]) in sheet, f"{where}: the text runs off its page"
            for source in slide_sources(SHIPPED, slide):
                assert compact(source.url) in sheet, f"{where}: lost {source.url}"
