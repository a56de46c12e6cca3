"""Page pieces shared by the views: header, notes, event detail, events table, footer.

All data text goes into components as children (rendered as text by React, never as HTML).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

import pandas as pd
from dash import dcc, html

from dashboard.data.dataset import Dataset
from dashboard.tabs import figure_description, figure_name
from dashboard.data.event_detail import EventDetail
from dashboard.data.filters import round_text
from dashboard.data.labels import side_label, topic_label, vocabulary
from dashboard.i18n import LANGS, N_, NAMES, is_english, number, record_text, translator
from dashboard.state import ViewState
from dashboard import urls
from dashboard.data.credits import currency_text
from dashboard.data.territory import NO_MEASUREMENT
from dashboard.data.times import NOT_REPORTED
from dashboard.figures.size import Size

LISTED_MAX = 500  # rows of the event list and the table; beyond, a note asks to filter

VERIFICATION_LABELS = {"verified": N_("Verified"), "single-source": N_("Single source"),
                       "derived": N_("Derived (arithmetic)"), "unverified": N_("Unverified")}
NOTES, NOTES_CLOSE = "url-notes", "url-notes-close"
# The app shell's location and its store of the form of the figures' box, "phone", "column"
# or "wide" (assets/viewport.js measures the box).
URL, VIEWPORT = "url", "viewport"


def figure_size(form: str | None) -> Size:
    """The size the figures are drawn at for the form the browser reported (unknown: wide)."""
    return Size.of_form(form)


def header(ds: Dataset, active: str, view: ViewState | None = None) -> html.Header:
    """The site's header; with ``view``, its links keep the view's language and it carries
    the language switcher for that view."""
    lang = view.lang if view else LANGS[0]
    t = translator(lang)
    keep = ViewState(lang=lang)
    links = [(t.gettext("Explore"), urls.EXPLORE), (t.gettext("Present"), urls.PRESENT)]
    return html.Header(className="site-header", children=[
        html.A(t.gettext("Skip to content"), href="#main", className="skip-link"),
        html.Div(className="brand", children=[
            html.H1(ds.title, className="site-title", **english_mark(lang)),
            html.P(t.gettext("Every round, session time and territorial figure, with its sources."),
                   className="tagline"),
        ]),
        html.Nav(**{"aria-label": t.gettext("Views")}, className="site-nav", children=[
            html.A(label, href=keep.url(href), className="nav-link",
                   **({"aria-current": "page"} if href == active else {}))
            for label, href in links
        ]),
        *([language_switcher(view, active)] if view else []),
    ])


def graph_config(config: dict, lang: str) -> dict:
    """A dcc.Graph ``config`` in ``lang``: plotly.js's own words and numbers (the toolbar, axis
    numbers) from the locales of assets/plotly-locales.js."""
    return config if is_english(lang) else {**config, "locale": lang}


def english_mark(lang: str) -> dict:
    """``lang="en"`` for data text shown in English to a reader of another language."""
    return {} if is_english(lang) else {"lang": "en"}


def language_switcher(view: ViewState, path: str, query: str | None = None) -> html.Nav:
    """Links to this view in each language (each named in itself, ``hreflang`` set); following
    one reloads the page, so ``<html lang>`` and every text change together. ``query``: the
    page's own query (present's deck and slide) where it is not the view's;
    assets/lang-switch.js keeps the links on the page's current address."""
    t = translator(view.lang)
    links = []
    for lang in LANGS:
        href = path + "?" + _with_lang(view.to_query() if query is None else query, lang)
        links.append(html.A(NAMES[lang], href=href, lang=lang, hrefLang=lang,
                            className="lang-link", **{"data-lang": lang},
                            **({"aria-current": "true"} if lang == view.lang else {})))
    return html.Nav(className="lang-switch", **{"aria-label": t.gettext("Language")}, children=links)


def _with_lang(query: str, lang: str) -> str:
    """``query`` with its ``lang`` set to ``lang``, English too: a reader whose browser asks
    for another language must be able to choose English."""
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != "lang"]
    return urlencode(pairs + [("lang", lang)], safe=",")


def notes_banner(notes: list[str], lang: str = "en") -> html.Div:
    """What the URL asked for that could not be used; dismissible."""
    t = translator(lang)
    return html.Div(id=NOTES, role="status", className="notes", hidden=not notes, children=[
        html.P(t.gettext("Some of the link's settings could not be used; showing defaults instead:")),
        html.Ul([html.Li(note) for note in notes]),
        html.Button(t.gettext("Dismiss"), id=NOTES_CLOSE, className="button small", n_clicks=0),
    ])


def badge(verification: str, lang: str = "en") -> html.Span:
    label = VERIFICATION_LABELS.get(verification)
    return html.Span(translator(lang).gettext(label) if label else verification,
                     className=f"badge badge-{verification}")


def detail_panel(detail: EventDetail | None, close_id: str, lang: str = "en", path: str = urls.EXPLORE) -> list:
    """The event's detail; its links go to ``path``'s views (the embed's stay in the embed)."""
    t = translator(lang)
    if detail is None:  # the close button stays in the layout (hidden) for the callback
        return [html.P(t.gettext("Click an event on the chart, or choose one from the list, to read what "
                                 "happened and its sources."), className="muted"),
                html.Button(t.gettext("Close"), id=close_id, hidden=True, n_clicks=0)]

    def marked(field: str) -> dict:  # the data's English where it has no translation
        return english_mark(lang) if field in detail.in_english else {}

    facts = [(t.gettext("When"), detail.when, {})]
    if detail.scheduled != t.gettext(NOT_REPORTED):
        facts.append((t.gettext("Scheduled"), detail.scheduled, {}))
    if detail.delay:
        facts.append((t.gettext("Delay"), detail.delay, {}))
    facts += [(t.gettext("Round"), detail.round, marked("round")), (t.gettext("Kind"), detail.kind, {}),
              (t.gettext("Status"), detail.status, {})]
    items = []
    for term, value, mark in facts:
        items += [html.Dt(term), html.Dd(value, **mark)]
    body = [
        html.Div(className="detail-head", children=[
            html.H2(detail.title, id="detail-title", tabIndex="-1", **marked("title")),
            html.Button(t.gettext("Close"), id=close_id, className="button small", n_clicks=0,
                        **{"aria-label": t.gettext("Close event detail")}),
        ]),
        badge(detail.verification, lang),
        html.Dl(items, className="facts"),
    ]
    if detail.summary:
        body.append(html.P(detail.summary, **marked("summary")))
    if detail.outcome:
        body += [html.H3(t.gettext("Outcome of the round")), html.P(detail.outcome, **english_mark(lang))]
    if detail.participants:
        body += [html.H3(t.gettext("At the table")), html.Ul([
            html.Li([html.Span(name, **english_mark(lang)), f" ({side}",
                     *([", ", html.Span(role, **english_mark(lang))] if role else []), ")"])
            for name, side, role in detail.participants
        ])]
    if detail.positions:
        body += [html.H3(t.gettext("Positions stated")), html.Ul(className="positions", children=[
            html.Li([f"{side_label(p.side, lang)}: {topic_label(p.topic, lang)} — ",
                     *([html.Q(p.position, **english_mark(lang)),
                        html.Span(" " + t.gettext("(quoted)"), className="muted")] if p.quote
                       else [html.Span(p.position, **english_mark(lang))])])
            for p in detail.positions
        ]), html.P(dcc.Link(t.gettext("Compare these positions side by side"),
                            href=ViewState(tab="positions", occasions=(detail.id,), lang=lang).url(path),
                            className="positions-link"))]
    body += [html.H3(t.gettext("Territory under Russian control then")),
             html.Ul([html.Li(text) for text in detail.territory]) if detail.territory
             else html.P(t.gettext(NO_MEASUREMENT).capitalize() + ".", className="note")]
    if detail.note:
        body += [html.H3(t.gettext("Editor's note")), html.P(detail.note, className="note", **english_mark(lang))]
    body += [html.H3(t.gettext("Sources")), html.Ol(className="sources", children=[
        html.Li([html.A(f"{s.publisher}: {s.title}", href=s.url, target="_blank", rel="noopener noreferrer",
                        **english_mark(lang)),
                 f" ({s.published})"])
        for s in detail.sources
    ])]
    return body


def described_graph(graph, caption_id: str, ds: Dataset, view: ViewState, note: str = "") -> html.Figure:
    """A graph with an accessible name and a description from the data (plotly's SVG has
    neither); the caption is for screen readers, the figure draws its own title."""
    return html.Figure(className="graph-figure", children=[
        html.Figcaption(graph_caption(ds, view, note), id=caption_id, className="visually-hidden"),
        graph,
    ])


def graph_caption(ds: Dataset, view: ViewState, note: str = "", description: str | None = None) -> str:
    """The figure's name, its text alternative (``description`` if the caller has made it
    already: some take a tenth of a second) and ``note`` (an interface message, translated here)."""
    t = translator(view.lang)
    description = figure_description(ds, view) if description is None else description
    return " ".join(filter(None, [f"{figure_name(view)}.", description, t.gettext(note) if note else ""]))


def events_table(ds: Dataset, events: pd.DataFrame, order: str, lang: str = "en") -> html.Table:
    """The text alternative to the chart: the events shown, sortable by time."""
    t = translator(lang)
    rows = (events if order == "asc" else events.iloc[::-1]).iloc[:LISTED_MAX]
    caption = t.ngettext("The chart as text: %(n)s event shown", "The chart as text: %(n)s events shown", len(events))
    caption += ", " + (t.gettext("earliest first.") if order == "asc" else t.gettext("latest first."))
    record = [(record_text(row, "title", lang), round_text(ds, row.round_id, lang)) for row in rows.itertuples()]
    return html.Table(className="events-table", children=[
        html.Caption(caption + " " + t.gettext("Times in GMT with Istanbul time in brackets.")
                     + listed_note(len(events), lang)),
        html.Thead(html.Tr([html.Th(t.gettext(c), scope="col") for c in
                            (N_("When"), N_("Event"), N_("Kind"), N_("Round"), N_("Status"), N_("Verification"),
                             N_("Sources"))])),
        html.Tbody([
            html.Tr([html.Td(when), html.Th(title.text, scope="row", **english_mark(title.lang)),
                     html.Td(vocabulary(row.kind, lang)),
                     html.Td(round_name.text, **english_mark(round_name.lang)), html.Td(vocabulary(row.status, lang)),
                     html.Td(badge(row.verification, lang)), html.Td(str(len(row.source_ids)))])
            for row, when, (title, round_name) in zip(rows.itertuples(), ds.derived.labels_in(lang).loc[rows.index, "when"],
                                                      record)
        ]),
    ])


def listed_note(count: int, lang: str = "en") -> str:
    """'' when every event is listed, else which part is (the CSV download has them all)."""
    if count <= LISTED_MAX:
        return ""
    return " " + translator(lang).ngettext(
        "The first %(first)s of %(n)s are listed: filter or search to narrow them, or download the CSV for all.",
        "The first %(first)s of %(n)s are listed: filter or search to narrow them, or download the CSV for all.",
        count, first=number(LISTED_MAX, lang))


def footer(ds: Dataset, lang: str = "en") -> html.Footer:
    t = translator(lang)
    data = ", ".join([t.ngettext("%(n)s event", "%(n)s events", len(ds.events)),
                      t.ngettext("%(n)s round", "%(n)s rounds", len(ds.rounds)),
                      t.ngettext("%(n)s source", "%(n)s sources", len(ds.sources))])
    return html.Footer(className="site-footer", children=[
        html.P([t.gettext("%(currency)s. Data: %(data)s; licence %(license)s; data version %(version)s. Times are "
                          "stored in UTC and shown in GMT and Istanbul time (UTC+3). ")
                % {"currency": currency_text(ds, lang), "data": data, "license": ds.license, "version": ds.version},
                dcc.Link(t.gettext("Reset view"), href=ViewState(lang=lang).url("/"))]),
    ])
