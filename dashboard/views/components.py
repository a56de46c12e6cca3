"""Page pieces shared by the views: header, notes, event detail, events table, footer.

All data text goes into components as children (rendered as text by React, never as HTML).
"""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from dashboard.data.dataset import Dataset
from dashboard.tabs import figure_description, figure_name
from dashboard.data.event_detail import EventDetail
from dashboard.data.filters import round_title
from dashboard.state import ViewState
from dashboard import urls
from dashboard.data.credits import currency_text
from dashboard.data.territory import NO_MEASUREMENT
from dashboard.figures.size import Size

LISTED_MAX = 500  # rows of the event list and the table; beyond, a note asks to filter

VERIFICATION_LABELS = {"verified": "Verified", "single-source": "Single source",
                       "derived": "Derived (arithmetic)", "unverified": "Unverified"}
NOTES, NOTES_CLOSE = "url-notes", "url-notes-close"
# The app shell's location and its store of the form of the figures' box, "phone", "column"
# or "wide" (assets/viewport.js measures the box).
URL, VIEWPORT = "url", "viewport"


def figure_size(form: str | None) -> Size:
    """The size the figures are drawn at for the form the browser reported (unknown: wide)."""
    return Size.of_form(form)


def header(ds: Dataset, active: str) -> html.Header:
    links = [("Explore", urls.EXPLORE), ("Present", urls.PRESENT)]
    return html.Header(className="site-header", children=[
        html.A("Skip to content", href="#main", className="skip-link"),
        html.Div(className="brand", children=[
            html.H1(ds.title, className="site-title"),
            html.P("Every round, session time and territorial figure, with its sources.",
                   className="tagline"),
        ]),
        html.Nav(**{"aria-label": "Views"}, className="site-nav", children=[
            html.A(label, href=href, className="nav-link",
                   **({"aria-current": "page"} if href == active else {}))
            for label, href in links
        ]),
    ])


def notes_banner(notes: list[str]) -> html.Div:
    """What the URL asked for that could not be used; dismissible."""
    return html.Div(id=NOTES, role="status", className="notes", hidden=not notes, children=[
        html.P("Some of the link's settings could not be used; showing defaults instead:"),
        html.Ul([html.Li(note) for note in notes]),
        html.Button("Dismiss", id=NOTES_CLOSE, className="button small", n_clicks=0),
    ])


def badge(verification: str) -> html.Span:
    return html.Span(VERIFICATION_LABELS.get(verification, verification),
                     className=f"badge badge-{verification}")


def detail_panel(detail: EventDetail | None, close_id: str) -> list:
    if detail is None:  # the close button stays in the layout (hidden) for the callback
        return [html.P("Click an event on the chart, or choose one from the list, to read what "
                       "happened and its sources.", className="muted"),
                html.Button("Close", id=close_id, hidden=True, n_clicks=0)]
    facts = [("When", detail.when)]
    if detail.scheduled != "not reported":
        facts.append(("Scheduled", detail.scheduled))
    if detail.delay:
        facts.append(("Delay", detail.delay))
    facts += [("Round", detail.round), ("Kind", detail.kind), ("Status", detail.status)]
    items = []
    for term, value in facts:
        items += [html.Dt(term), html.Dd(value)]
    body = [
        html.Div(className="detail-head", children=[
            html.H2(detail.title, id="detail-title", tabIndex="-1"),
            html.Button("Close", id=close_id, className="button small", n_clicks=0,
                        **{"aria-label": "Close event detail"}),
        ]),
        badge(detail.verification),
        html.Dl(items, className="facts"),
    ]
    if detail.summary:
        body.append(html.P(detail.summary))
    if detail.outcome:
        body += [html.H3("Outcome of the round"), html.P(detail.outcome)]
    if detail.participants:
        body += [html.H3("At the table"), html.Ul([
            html.Li(f"{name} ({side}{', ' + role if role else ''})") for name, side, role in detail.participants
        ])]
    if detail.positions:
        body += [html.H3("Positions stated"), html.Ul(className="positions", children=[
            html.Li([f"{p.side_label}: {p.topic_label} — ",
                     *([html.Q(p.position), html.Span(" (quoted)", className="muted")] if p.quote else [p.position])])
            for p in detail.positions
        ])]
    body += [html.H3("Territory under Russian control then"),
             html.Ul([html.Li(text) for text in detail.territory]) if detail.territory
             else html.P(NO_MEASUREMENT.capitalize() + ".", className="note")]
    if detail.note:
        body += [html.H3("Editor's note"), html.P(detail.note, className="note")]
    body += [html.H3("Sources"), html.Ol(className="sources", children=[
        html.Li([html.A(f"{s.publisher}: {s.title}", href=s.url, target="_blank", rel="noopener noreferrer"),
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
    already: some take a tenth of a second) and ``note``."""
    description = figure_description(ds, view) if description is None else description
    return " ".join(filter(None, [f"{figure_name(view)}.", description, note]))


def events_table(ds: Dataset, events: pd.DataFrame, order: str) -> html.Table:
    """The text alternative to the chart: the events shown, sortable by time."""
    rows = (events if order == "asc" else events.iloc[::-1]).iloc[:LISTED_MAX]
    return html.Table(className="events-table", children=[
        html.Caption(f"The chart as text: {len(events)} events shown, "
                     f"{'earliest' if order == 'asc' else 'latest'} first. "
                     "Times in GMT with Istanbul time in brackets." + listed_note(len(events))),
        html.Thead(html.Tr([html.Th(c, scope="col") for c in
                            ("When", "Event", "Kind", "Round", "Status", "Verification", "Sources")])),
        html.Tbody([
            html.Tr([html.Td(when), html.Th(row.title, scope="row"), html.Td(row.kind),
                     html.Td(round_title(ds, row.round_id)), html.Td(row.status),
                     html.Td(badge(row.verification)), html.Td(str(len(row.source_ids)))])
            for row, when in zip(rows.itertuples(), ds.derived.labels.loc[rows.index, "when"])
        ]),
    ])


def listed_note(count: int) -> str:
    """'' when every event is listed, else which part is (the CSV download has them all)."""
    if count <= LISTED_MAX:
        return ""
    return (f" The first {LISTED_MAX:,} of {count:,} are listed: filter or search to narrow them, "
            "or download the CSV for all.")


def footer(ds: Dataset) -> html.Footer:
    return html.Footer(className="site-footer", children=[
        html.P([f"{currency_text(ds)}. Data: {len(ds.events)} events, {len(ds.rounds)} rounds, {len(ds.sources)} sources; "
                f"licence {ds.license}; data version {ds.version}. Times are stored in UTC and shown in "
                "GMT and Istanbul time (UTC+3). ",
                dcc.Link("Reset view", href="/")]),
    ])
