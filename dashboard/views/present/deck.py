"""Presentation decks as plain data, and the ``/present`` URL (parsed and built here only).

A deck is a row of decks.csv with its rows of slides.csv (validated by load_dataset); a view
of the explore page becomes a one-slide deck. A slide cites the sources of the events it
draws on (its ``event_ids`` and its view's ``event``) and its own ``source_ids``.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from dashboard.data.dataset import Dataset
from dashboard.data.event_detail import SourceRef, cell_text, source_refs
from dashboard import urls
from dashboard.urls import whole_number
from dashboard.state import MAX_QUERY, ViewState
from dashboard.tabs import choices_for

PATH = urls.PRESENT
PARAMS = ("deck", "slide", "handout", "presenter", "view")


@dataclass(frozen=True)
class Slide:
    title: str
    text: str
    view: ViewState
    notes: str = ""
    event_ids: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Deck:
    id: str  # '' for a one-slide deck made from a view
    title: str
    slides: tuple[Slide, ...]
    description: str = ""


@dataclass(frozen=True)
class PresentRequest:
    """What ``/present?…`` asks for: a deck, a slide number (1-based), the handout flag and
    the presenter flag (the speaker's window: notes, next slide, clock)."""

    deck: Deck
    slide: int = 1
    handout: bool = False
    presenter: bool = False

    @property
    def current(self) -> Slide:
        """The slide asked for."""
        return self.deck.slides[self.slide - 1]


def get_deck(ds: Dataset, deck_id: str) -> Deck | None:
    if deck_id not in ds.decks.index:
        return None
    rows = ds.slides[ds.slides["deck_id"] == deck_id]
    deck = ds.decks.loc[deck_id]
    return Deck(deck_id, deck["title"], description=cell_text(deck.get("description")), slides=tuple(
        Slide(title=row.title, text=row.text, view=ViewState.from_query(cell_text(row.view))[0],
              notes=cell_text(row.notes), event_ids=row.event_ids, source_ids=row.source_ids)
        for row in rows.itertuples()
    ))


def view_deck(ds: Dataset, view: ViewState) -> Deck:
    """One slide showing ``view``; titled and described by its open event, if any."""
    if view.event in ds.events.index:
        event = ds.events.loc[view.event]
        slide = Slide(title=event["title"], text=cell_text(event["summary"]), view=view)
    else:
        slide = Slide(title="Your view of the timeline", text="", view=view)
    return Deck("", "Your view", (slide,))


def slide_sources(ds: Dataset, slide: Slide) -> tuple[SourceRef, ...]:
    """The sources a slide cites, in order of first mention, each once."""
    events = [e for e in (slide.view.event, *slide.event_ids) if e in ds.events.index]
    ids = [s for e in events for s in ds.events.at[e, "source_ids"]] + list(slide.source_ids)
    return source_refs(ds, dict.fromkeys(ids))


def parse_present_query(ds: Dataset, query: str) -> tuple[PresentRequest | None, list[str]]:
    """The request and notes on what could not be used; None if there is no deck to show.

    Never raises: an unknown deck falls back to the first deck, a bad slide number to slide 1.
    """
    query = (query or "").lstrip("?")
    if len(query) > 2 * MAX_QUERY:
        query, notes = "", [f"The link's parameters were too long ({len(query)} characters) and were ignored."]
    else:
        notes = []
    params: dict[str, str] = {}
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name in PARAMS:
            params[name] = value.strip()
        else:
            notes.append(f"Unknown parameter {name[:40]!r} was ignored.")
    handout, presenter = (_flag(params, name, notes) for name in ("handout", "presenter"))
    if "view" in params:
        view, view_notes = ViewState.from_query(params["view"], choices_for(ds))
        notes += [f"view: {note}" for note in view_notes]
        if "deck" in params:
            notes.append("deck: ignored, since view= makes a one-slide deck of that view.")
        return PresentRequest(view_deck(ds, view), 1, handout, presenter), notes
    default = ds.decks.index[0] if len(ds.decks) else None
    wanted = params.get("deck", default)
    deck = get_deck(ds, wanted) if wanted else None
    if deck is None and wanted != default:
        notes.append(f"deck: no deck {wanted[:40]!r}" + (f"; showing {default!r}." if default else "."))
        deck = get_deck(ds, default) if default else None
    if deck is None:
        return None, notes
    slide = params.get("slide", "1")
    number = whole_number(slide, 1, len(deck.slides))
    if number is None:
        notes.append(f"slide: {slide[:40]!r} is not a slide number from 1 to {len(deck.slides)}; "
                     "showing slide 1.")
        number = 1
    return PresentRequest(deck, number, handout, presenter), notes


def _flag(params: dict[str, str], name: str, notes: list[str]) -> bool:
    value = params.get(name, "0")
    if value not in ("0", "1"):
        notes.append(f"{name}: {value[:40]!r} is not 1 or 0; showing the slides.")
    return value == "1"


def present_url(deck: Deck, slide: int | None = None, handout: bool = False, presenter: bool = False) -> str:
    """The link to one slide of ``deck`` (in the presenter's window if ``presenter``), or to its
    handout; a view deck's links carry its view."""
    pairs = [("deck", deck.id)] if deck.id else [("view", deck.slides[0].view.to_query())]
    if handout:
        pairs.append(("handout", "1"))
    elif slide is not None and deck.id:
        pairs.append(("slide", str(slide)))
    if presenter and not handout:
        pairs.append(("presenter", "1"))
    return f"{PATH}?{urlencode(pairs)}"


def channel(deck: Deck) -> str:
    """The name the deck's windows (projected and presenter) keep in step on (BroadcastChannel)."""
    return "present:" + (deck.id or "view:" + deck.slides[0].view.to_query())
