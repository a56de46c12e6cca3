"""Decks as data: validation with file/row/column/code, the bundled deck, the /present URL."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.data.dataset import load_dataset
from dashboard.views.present.deck import get_deck, parse_present_query, present_url, slide_sources, view_deck
from dashboard.state import ViewState

from .conftest import DATA, edit_cell
from .test_dataset import problems_of

DECK = "testport-story"

# (slide number, column, bad value, expected code)
BAD_SLIDES = [
    ("2", "title", "", "blank-required"),
    ("2", "text", "", "blank-required"),
    ("2", "deck_id", "", "blank-required"),
    ("2", "slide", "two", "bad-number"),
    ("2", "slide", "0", "out-of-range"),
    ("3", "slide", "2", "duplicate-id"),
    ("4", "slide", "5", "slide-gap"),
    ("2", "view", "event=e-nowhere", "unknown-event"),
    ("2", "view", "tab=slideshow", "bad-view"),
    ("2", "view", "bogus=1", "bad-view"),
    ("2", "view", "side=atlantis", "bad-view"),
    ("2", "view", "day=2025-02-30", "bad-view"),
    ("2", "source_ids", "src-gazette;src-nowhere", "unknown-reference"),
    ("2", "event_ids", "e-beta-session;e-nowhere", "unknown-reference"),
    ("2", "deck_id", "no-such-deck", "unknown-reference"),
]


@pytest.mark.parametrize("slide, column, value, code", BAD_SLIDES)
def test_each_bad_slide_is_named_by_file_row_column_and_code(fixture_dir, slide, column, value, code):
    row = edit_cell(fixture_dir, "slides.csv", slide, column, value, key="slide")
    found = [(p.file, p.row, p.column, p.code) for p in problems_of(fixture_dir)]
    assert ("slides.csv", row, column, code) in found


def test_bad_view_message_is_the_url_parsers_note(fixture_dir):
    edit_cell(fixture_dir, "slides.csv", "2", "view", "tab=slideshow", key="slide")
    [problem] = problems_of(fixture_dir)
    assert str(problem).startswith("slides.csv:3:view: bad-view: tab: 'slideshow' is not one of timeline")


def test_missing_slide_column_is_reported(fixture_dir):
    path = fixture_dir / "slides.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",notes\n", ",remarks\n", 1), encoding="utf-8")
    codes = {(p.file, p.row, p.column, p.code) for p in problems_of(fixture_dir)}
    assert {("slides.csv", 1, "notes", "missing-column"), ("slides.csv", 1, "remarks", "unknown-column")} <= codes


def test_deck_without_slides_is_reported(fixture_dir):
    with (fixture_dir / "decks.csv").open("a", encoding="utf-8") as handle:
        handle.write("lonely-deck,Lonely,\n")
    problems = problems_of(fixture_dir)
    assert [(p.file, p.row, p.column, p.code) for p in problems] == [("decks.csv", 3, "id", "empty-deck")]


def test_package_without_decks_loads(fixture_dir):
    for name in ("decks.csv", "slides.csv"):
        path = fixture_dir / name
        path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    dataset = load_dataset(fixture_dir)
    assert dataset.decks.empty and dataset.slides.empty
    assert parse_present_query(dataset, "") == (None, [])


def test_fixture_deck_reads_in_order(fixture_dataset):
    deck = get_deck(fixture_dataset, DECK)
    assert deck.title == "Testport story"
    assert [s.title for s in deck.slides] == ["Before the first round", "The first Testport day",
                                             "A detainee exchange", "Round two"]
    assert deck.slides[1].view == ViewState(tab="schedule", day="2025-05-16")
    assert deck.slides[0].notes.startswith("Fictional speaker note") and deck.slides[1].notes == ""
    assert get_deck(fixture_dataset, "nope") is None


def test_slide_cites_its_events_view_event_and_extra_sources_once_each(fixture_dataset):
    slides = get_deck(fixture_dataset, DECK).slides
    assert [s.publisher for s in slide_sources(fixture_dataset, slides[0])] == ["Example Gazette", "Example Herald",
                                                                          "Example Monitor"]
    # slide 4: the view's event (courier, gazette) and the extra source (gazette, again): each once.
    refs = slide_sources(fixture_dataset, slides[3])
    assert [(r.publisher, r.published) for r in refs] == [("Example Courier (Wire)", "16 May 2025"),
                                                          ("Example Gazette", "29 Mar 2022")]
    assert refs[0].url == "https://example.org/courier/meet-again"


def test_view_deck_takes_the_open_events_title_and_summary(fixture_dataset):
    deck = view_deck(fixture_dataset, ViewState(event="e-gamma-session"))
    [slide] = deck.slides
    assert (deck.id, slide.title, slide.text) == ("", "Testport round two session",
                                                  "<b>Second</b> session in the Old Palace.")
    assert view_deck(fixture_dataset, ViewState(tab="compare")).slides[0].text == ""


# --- the /present query ---------------------------------------------------------------------

def test_defaults_to_the_first_deck_at_slide_one(fixture_dataset):
    request, notes = parse_present_query(fixture_dataset, "")
    assert (request.deck.id, request.slide, request.handout, notes) == (DECK, 1, False, [])


@pytest.mark.parametrize("query, slide, handout", [
    (f"deck={DECK}&slide=3", 3, False), (f"?deck={DECK}&slide=4", 4, False),
    (f"deck={DECK}&handout=1", 1, True), ("slide=2&handout=0", 2, False),
])
def test_good_queries(fixture_dataset, query, slide, handout):
    request, notes = parse_present_query(fixture_dataset, query)
    assert (request.deck.id, request.slide, request.handout, notes) == (DECK, slide, handout, [])


@pytest.mark.parametrize("query, fragment", [
    ("deck=nope", "deck: no deck 'nope'; showing 'testport-story'."),
    ("slide=9", "slide: '9' is not a slide number from 1 to 4"),
    ("slide=-1", "slide: '-1' is not a slide number"),
    ("slide=two", "slide: 'two' is not a slide number"),
    ("handout=yes", "handout: 'yes' is not 1 or 0"),
    ("presenter=yes", "presenter: 'yes' is not 1 or 0"),
    ("colour=red", "Unknown parameter 'colour' was ignored."),
    ("deck=" + "x" * 5000, "too long"),
])
def test_bad_values_fall_back_with_a_note(fixture_dataset, query, fragment):
    request, notes = parse_present_query(fixture_dataset, query)
    assert (request.deck.id, request.slide) == (DECK, 1)
    assert any(fragment in note for note in notes), notes


def test_view_param_makes_a_one_slide_deck_with_the_parsers_notes(fixture_dataset):
    request, notes = parse_present_query(fixture_dataset, "view=" + "tab%3Dschedule%26side%3Datlantis")
    assert request.deck.id == "" and len(request.deck.slides) == 1
    assert request.deck.slides[0].view == ViewState(tab="schedule")
    assert notes == ["view: side: ignored unknown value(s) 'atlantis'."]


def test_urls_round_trip(fixture_dataset):
    deck = get_deck(fixture_dataset, DECK)
    assert present_url(deck, 3) == f"/present?deck={DECK}&slide=3"
    assert present_url(deck, handout=True) == f"/present?deck={DECK}&handout=1"
    assert present_url(deck, 2, presenter=True) == f"/present?deck={DECK}&slide=2&presenter=1"
    request, _ = parse_present_query(fixture_dataset, f"deck={DECK}&slide=2&presenter=1")
    assert (request.slide, request.presenter, request.handout) == (2, True, False)
    for number in range(1, 5):
        request, notes = parse_present_query(fixture_dataset, present_url(deck, number).split("?")[1])
        assert (request.deck, request.slide, notes) == (deck, number, [])
    one = view_deck(fixture_dataset, ViewState(tab="schedule", event="e-beta-session"))
    request, notes = parse_present_query(fixture_dataset, present_url(one).split("?")[1])
    assert (request.deck, notes) == (one, [])


@given(st.text(max_size=300))
def test_arbitrary_queries_never_raise(fixture_dataset, query):
    request, notes = parse_present_query(fixture_dataset, query)
    assert 1 <= request.slide <= len(request.deck.slides) and all(isinstance(n, str) for n in notes)


# --- the bundled deck -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def bundled():
    return load_dataset(DATA)


def test_bundled_default_deck_has_10_to_15_sourced_slides_of_2_to_4_sentences(bundled):
    request, _ = parse_present_query(bundled, "")
    deck = request.deck
    assert (deck.id, deck.title) == ("istanbul-2022-2025", "Istanbul 2022 → 2025")
    assert 10 <= len(deck.slides) <= 15
    for slide in deck.slides:
        sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z'‘“])", slide.text.strip())
        assert 2 <= len(sentences) <= 4, (slide.title, sentences)
        assert slide_sources(bundled, slide), slide.title


def test_bundled_deck_shows_16_may_on_the_schedule(bundled):
    deck = get_deck(bundled, "istanbul-2022-2025")
    views = {slide.view for slide in deck.slides}
    assert ViewState(tab="schedule", day="2025-05-16") in views


# --- the handout's page plan ----------------------------------------------------------------

def test_a_handout_page_gives_the_figure_what_the_text_and_sources_leave(fixture_dataset):
    from dashboard.data.event_detail import SourceRef
    from dashboard.views.present.handout import FIGURE_PX, SOURCE_STYLES, page_plan

    source = SourceRef("Example Wire", "A title of some length " * 3, "1 May 2025", "https://example.org/" + "x" * 80)
    assert page_plan("Short.", ()) == (FIGURE_PX[1], SOURCE_STYLES[0])
    assert page_plan("Text. " * 80, (source,) * 10) == (418, SOURCE_STYLES[0])  # the sources take the figure's room
    assert page_plan("Text. " * 80, (source,) * 20)[1] != SOURCE_STYLES[0]  # then their type shrinks
    # Many sources: smaller type, then no titles (the addresses stay), never below the least figure.
    height, style = page_plan("Text. " * 80, (source,) * 40)
    assert style == SOURCE_STYLES[-1] and FIGURE_PX[0] <= height < FIGURE_PX[1]
