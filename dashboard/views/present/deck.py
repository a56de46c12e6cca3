"""Presentation decks as plain data, and the ``/present`` URL (parsed and built here only).

A deck is a row of decks.csv with its rows of slides.csv (validated by load_dataset); a view
of the explore page becomes a one-slide deck. A slide cites the sources of the events it
draws on (its ``event_ids`` and its view's ``event``) and its own ``source_ids``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, urlencode

from dashboard.data.dataset import Dataset
from dashboard.data.event_detail import SourceRef, cell_text, source_refs
from dashboard import urls
from dashboard.urls import whole_number
from dashboard.state import MAX_QUERY, ViewState
from dashboard.tabs import choices_for
from dashboard.i18n import DEFAULT, LANGS, N_, record_text, translator

PATH = urls.PRESENT
PARAMS = ("deck", "slide", "handout", "presenter", "view", "lang")


@dataclass(frozen=True)
class Slide:
    title: str
    text: str
    view: ViewState
    notes: str = ""
    event_ids: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()
    in_english: frozenset = frozenset()  # of "title", "text": the record's English, shown to a reader of another language


@dataclass(frozen=True)
class Deck:
    id: str  # '' for a one-slide deck made from a view
    title: str
    slides: tuple[Slide, ...]
    description: str = ""
    lang: str = DEFAULT  # the language it is shown in: its slides' views and links carry it
    lang_asked: bool = False  # the link named its language (English too): its slide links keep naming it


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


def get_deck(ds: Dataset, deck_id: str, lang: str = DEFAULT) -> Deck | None:
    """The deck in ``lang``: its slides' titles and texts where the record has them in it
    (else English), their views drawn in it."""
    if deck_id not in ds.decks.index:
        return None
    rows = ds.slides[ds.slides["deck_id"] == deck_id]
    deck = ds.decks.loc[deck_id]
    return Deck(deck_id, record_text(deck, "title", lang).text,
                description=record_text(deck, "description", lang).text, lang=lang,
                slides=tuple(_slide(row, lang) for row in rows.itertuples()))


def _slide(row, lang: str) -> Slide:
    title, text = record_text(row, "title", lang), record_text(row, "text", lang)
    return Slide(title=title.text, text=text.text, view=replace(ViewState.from_query(cell_text(row.view))[0], lang=lang),
                 notes=cell_text(row.notes), event_ids=row.event_ids, source_ids=row.source_ids,
                 in_english=frozenset(f for f, t in (("title", title), ("text", text)) if t.text and t.lang != lang))


def view_deck(ds: Dataset, view: ViewState) -> Deck:
    """One slide showing ``view`` (in its language); titled and described by its open event, if any."""
    t = translator(view.lang)
    if view.event in ds.events.index:
        event = ds.events.loc[view.event]
        title, text = record_text(event, "title", view.lang), record_text(event, "summary", view.lang)
        slide = Slide(title=title.text, text=text.text, view=view,
                      in_english=frozenset(f for f, t in (("title", title), ("text", text)) if t.text and t.lang != view.lang))
    else:
        slide = Slide(title=t.gettext("Your view of the timeline"), text="", view=view)
    return Deck("", t.gettext("Your view"), (slide,), lang=view.lang)


def slide_sources(ds: Dataset, slide: Slide) -> tuple[SourceRef, ...]:
    """The sources a slide cites, in order of first mention, each once."""
    events = [e for e in (slide.view.event, *slide.event_ids) if e in ds.events.index]
    ids = [s for e in events for s in ds.events.at[e, "source_ids"]] + list(slide.source_ids)
    return source_refs(ds, dict.fromkeys(ids), slide.view.lang)


def parse_present_query(ds: Dataset, query: str) -> tuple[PresentRequest | None, list[str]]:
    """The request and notes (in its language) on what could not be used; None if there is
    no deck to show.

    Never raises: an unknown deck falls back to the first deck, a bad slide number to slide 1.
    """
    query = (query or "").lstrip("?")
    notes: list[tuple[str, dict]] = []  # (message, values), translated once the language is known
    if len(query) > 2 * MAX_QUERY:
        notes.append((N_("The link's parameters were too long (%(count)s characters) and were ignored."),
                      {"count": len(query)}))
        query = ""
    params: dict[str, str] = {}
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name in PARAMS:
            params[name] = value.strip()
        else:
            notes.append((N_("Unknown parameter %(name)s was ignored."), {"name": repr(name[:40])}))
    lang = DEFAULT
    if "lang" in params:
        if params["lang"] in LANGS:
            lang = params["lang"]
        else:
            notes.append((N_("%(value)s is not one of %(allowed)s."),
                          {"value": repr(params["lang"][:40]), "allowed": ", ".join(LANGS)}))
            lang = DEFAULT
    handout, presenter = (_flag(params, name, notes) for name in ("handout", "presenter"))
    if "view" in params:
        view_query = params["view"] + (f"&lang={lang}" if "lang" in params else "")  # ours wins over the view's
        view, view_notes = ViewState.from_query(view_query, choices_for(ds))
        texts = _texts(notes, view.lang) + [translator(view.lang).gettext("view: %(note)s") % {"note": note}
                                           for note in view_notes]
        if "deck" in params:
            texts += _texts([(N_("deck: ignored, since view= makes a one-slide deck of that view."), {})], view.lang)
        return PresentRequest(view_deck(ds, view), 1, handout, presenter), texts
    default = ds.decks.index[0] if len(ds.decks) else None
    wanted = params.get("deck", default)
    asked = "lang" in params
    deck = get_deck(ds, wanted, lang) if wanted else None
    if deck is None and wanted != default:
        notes.append((N_("deck: no deck %(id)s; showing %(default)s.") if default else N_("deck: no deck %(id)s."),
                      {"id": repr(wanted[:40]), "default": repr(default)}))
        deck = get_deck(ds, default, lang) if default else None
    if deck is None:
        return None, _texts(notes, lang)
    slide = params.get("slide", "1")
    number = whole_number(slide, 1, len(deck.slides))
    if number is None:
        notes.append((N_("slide: %(value)s is not a slide number from 1 to %(count)s; showing slide 1."),
                      {"value": repr(slide[:40]), "count": len(deck.slides)}))
        number = 1
    return PresentRequest(replace(deck, lang_asked=asked), number, handout, presenter), _texts(notes, lang)


def _texts(notes: list[tuple[str, dict]], lang: str) -> list[str]:
    t = translator(lang)
    return [t.gettext(message) % values for message, values in notes]


def _flag(params: dict[str, str], name: str, notes: list) -> bool:
    value = params.get(name, "0")
    if value not in ("0", "1"):
        notes.append((N_("%(name)s: %(value)s is not 1 or 0; showing the slides."),
                      {"name": name, "value": repr(value[:40])}))
    return value == "1"


def present_url(deck: Deck | None, slide: int | None = None, handout: bool = False, presenter: bool = False,
                lang: str = DEFAULT) -> str:
    """The link to one slide of ``deck`` (in the presenter's window if ``presenter``), or to its
    handout; a view deck's links carry its view; a deck not in English, its language. Without
    a deck, the first deck's first slide in ``lang``."""
    if deck is None:
        return PATH + (f"?{urlencode([('lang', lang)])}" if lang != DEFAULT else "")
    pairs = [("deck", deck.id)] if deck.id else [("view", replace(deck.slides[0].view, lang=DEFAULT).to_query())]
    if handout:
        pairs.append(("handout", "1"))
    elif slide is not None and deck.id:
        pairs.append(("slide", str(slide)))
    if presenter and not handout:
        pairs.append(("presenter", "1"))
    if deck.lang != DEFAULT or deck.lang_asked:
        pairs.append(("lang", deck.lang))
    return f"{PATH}?{urlencode(pairs)}"


def channel(deck: Deck) -> str:
    """The name the deck's windows (projected and presenter) keep in step on (BroadcastChannel)."""
    return "present:" + (deck.id or "view:" + deck.slides[0].view.to_query())
