"""The Positions tab as HTML (explore and embed): the matrix of topics × occasions grouped by side
as a real table, its key, a phone's one-topic-at-a-time list and each position's detail.

The table is the figure's text equivalent and the reader's view at once: a caption, column
groups by side, ``th scope``. Each position is a button; click or Enter opens its detail, a
modal ``<dialog>`` rendered with the page (assets/positions.js opens it, Esc or Close shuts it
and focus returns to the position). Below 480 px the table gives way to a topic picker and that
topic's occasions as a list (assets/style.css), so nothing scrolls sideways; wider, a table
wider than its box scrolls inside it, its topic column kept in view.
"""

from __future__ import annotations

from dataclasses import replace

from dash import ALL, Dash, Input, Output, dcc, html

from dashboard import urls
from dashboard.data.dataset import Dataset
from dashboard.data.event_detail import source_refs
from dashboard.data.positions import Matrix, Position, position_matrix, view_filters
from dashboard.data.labels import side_label, topic_label
from dashboard.figures.positions import MOVED, cell_text
from dashboard.state import ViewState

MATRIX, PICK, SECTION, TOPICS, CHANGES = "positions-matrix", "positions-topic-pick", "positions-topic", "topics", "changes"
WRAP, HEADING, CAPTION = "positions-wrap", "positions-heading", "positions-caption"
CHANGES_ON = "1"
MOVED_TEXT = {"new": "stated for the first time", "softened": "softer than this side's earlier stance",
              "hardened": "harder than this side's earlier stance", "unchanged": "the same as before"}
STATUS_TEXT = {"published": "published: stated on the record or released by its author",
               "leaked": "leaked: a text the media obtained", "reported": "reported: told by unnamed sources "
               "or by another party", "denied": "denied by the side it is attributed to"}
VERIFICATION_TEXT = {"verified": "Verified: two or more original publishers agree",
                     "single-source": "Single source: one publisher only", "derived": "Derived",
                     "unverified": "Unverified"}


def panel(ds: Dataset, view: ViewState, shown: bool) -> html.Section:
    """The explore page's tab: its own filters (topic, changes only; the sides are the page's)
    and the matrix, filled only while the tab is shown."""
    used = set(ds.positions["topic"])
    return html.Section(id=WRAP, className="positions", hidden=not shown, **{"aria-labelledby": HEADING}, children=[
        html.H2("What was on the table", id=HEADING),
        html.P("Each side's stated terms, topic by topic, at each occasion. Press a position (or Tab to it "
               "and press Enter) to read its sources.", className="muted small"),
        html.Div(className="positions-filters", children=[
            html.Div(className="control", children=[
                html.Label("Topics", htmlFor=TOPICS),
                dcc.Dropdown(id=TOPICS, multi=True, value=list(view.topics), placeholder="All topics",
                             options=[{"label": topic_label(t), "value": t} for t in ds.enums["topic"] if t in used])]),
            dcc.Checklist(id=CHANGES, value=[CHANGES_ON] if view.changes else [], className="positions-changes",
                          options=[{"label": "Changes only (where the sources say how a position moved)",
                                    "value": CHANGES_ON}]),
        ]),
        html.Div(id=MATRIX, children=matrix_view(ds, view) if shown else []),
    ])


def matrix_view(ds: Dataset, view: ViewState, path: str = urls.EXPLORE) -> list:
    """The key, the one-occasion note, the phone list, the table, the details and the download;
    links go to ``path`` (the embed's stay in the embed)."""
    matrix = position_matrix(ds, **view_filters(view))
    download = html.P(html.A("Download these positions (CSV)", href=view.url(urls.POSITIONS_CSV),
                             download="", className="positions-csv"), className="small")
    head = [_occasions_note(ds, view, path)] if view.occasions else []
    if not matrix.topics:
        return [*head, html.P("No positions match these filters.", className="empty"), download]
    positions = [p for row in matrix.cells for cell in row for p in cell]
    return [*head, _key(matrix), _phone_list(matrix), _table(matrix, len(positions)),
            html.Div(className="position-dialogs", children=[_dialog(ds, p, path) for p in positions]), download]


def _occasions_note(ds: Dataset, view: ViewState, path: str) -> html.P:
    chosen = [o for o in ds.events.index if o in set(view.occasions)]  # in time order
    named = "; ".join(f"{ds.events.at[o, 'title']} ({ds.derived.labels.at[o, 'date']})" for o in chosen)
    return html.P(className="positions-occasion", children=[
        f"Positions stated at {'one occasion' if len(chosen) == 1 else f'{len(chosen)} occasions'}: {named}. ",
        dcc.Link("Show every occasion", href=replace(view, occasions=()).url(path))])


def _key(matrix: Matrix) -> html.Div:
    """The colours of ``moved`` that the matrix draws, and what no colour means."""
    drawn = {p.moved for row in matrix.cells for cell in row for p in cell}
    items = [html.Li([html.Span(className=f"swatch moved-{m}"), f"{m.capitalize()}: {MOVED_TEXT[m]}"])
             for m in MOVED if m in drawn]
    items.append(html.Li([html.Span(className="swatch"), "No colour: the sources do not say how it moved"]))
    return html.Div(className="positions-key", children=[
        html.Span("How a position moved, where the sources say:", className="small"), html.Ul(items)])


def _button(position: Position) -> html.Button:
    meta = ", ".join(filter(None, [position.status if position.status != "published" else "",
                                   "single source" if position.verification == "single-source" else ""]))
    return html.Button(className=f"position-cell moved-{position.moved or 'none'}", n_clicks=0,
                       **{"data-position": position.id, "aria-haspopup": "dialog"}, children=[
        *([html.Span(position.moved.capitalize() + ": ", className="moved-tag")] if position.moved else []),
        html.Q(position.position) if position.quote else position.position,
        *([html.Span(position.numbers, className="position-numbers")] if position.numbers else []),
        *([html.Span(f" ({meta})", className="position-meta")] if meta else []),
    ])


def _table(matrix: Matrix, count: int) -> html.Div:
    sides = matrix.sides()
    caption = (f"{count} position{'s' * (count != 1)} by topic and occasion, grouped by side")
    head = [
        html.Tr([html.Th("Topic", scope="col", rowSpan=2, className="positions-topic-head"),
                 *(html.Th(side_label(side), scope="colgroup", colSpan=span) for side, span in sides)]),
        html.Tr([html.Th([html.Span(c.date, className="positions-date"), html.Br(), c.title], scope="col")
                 for c in matrix.columns]),
    ]
    body = [html.Tr([html.Th(topic_label(topic), scope="row"),
                     *(html.Td([_button(p) for p in cell] if cell else html.Span("not stated", className="visually-hidden"))
                       for cell in row)])
            for topic, row in zip(matrix.topics, matrix.cells)]
    columns = [html.Col(className="positions-topic-col"),
               *(html.Colgroup(span=span, className=f"side-{side}") for side, span in sides)]
    return html.Div(className="positions-scroll", role="region", tabIndex="0", **{"aria-labelledby": CAPTION},
                    children=html.Table(className="positions-table", children=[
                        html.Caption(caption, id=CAPTION), *columns, html.Thead(head), html.Tbody(body)]))


def _phone_list(matrix: Matrix) -> html.Div:
    """A phone: a topic picker and that topic's positions, occasion by occasion."""
    first = matrix.topics[0]
    sections = [html.Section(id={"type": SECTION, "topic": topic}, hidden=topic != first, children=[
        html.H3(topic_label(topic)),
        html.Ul([html.Li(children=[
            html.Span(f"{side_label(column.side)} · {column.date} · {column.title}",
                      className="positions-where"),
            *(_button(p) for p in cell)]) for column, cell in zip(matrix.columns, row) if cell]),
    ]) for topic, row in zip(matrix.topics, matrix.cells)]
    return html.Div(className="positions-phone", children=[
        html.Label("Topic", htmlFor=PICK),
        dcc.Dropdown(id=PICK, value=first, clearable=False, searchable=False,
                     options=[{"label": topic_label(t), "value": t} for t in matrix.topics]),
        *sections])


def _dialog(ds: Dataset, position: Position, path: str) -> html.Dialog:
    """A position's detail: what was stated, where and when, how sure, and every source."""
    event = ds.events.loc[position.occasion]
    date = ds.derived.labels.at[position.occasion, "date"]
    title_id = f"position-{position.id}-title"
    facts = [("Stated at", f"{event['title']} ({date})"), ("Status", STATUS_TEXT.get(position.status, position.status))]
    if position.numbers:
        facts.append(("Figures", position.numbers))
    if position.moved:
        facts.append(("Moved", f"{position.moved}: {MOVED_TEXT[position.moved]}"))
    sources = source_refs(ds, position.source_ids)
    return html.Dialog(id=f"position-{position.id}", className="position-dialog detail",
                       **{"aria-labelledby": title_id}, children=[
        html.Div(className="detail-head", children=[
            html.H2(f"{position.side_label}: {position.topic_label}", id=title_id, tabIndex="-1"),
            html.Button("Close", className="button small position-close", **{"aria-label": "Close position detail"}),
        ]),
        html.P([html.Q(position.position), html.Span(" (the source's exact words)", className="muted")]
               if position.quote else cell_text(position), className="position-text"),
        html.Span(VERIFICATION_TEXT.get(position.verification, position.verification),
                  className=f"badge badge-{position.verification}"),
        html.Dl(className="facts", children=[part for term, value in facts for part in (html.Dt(term), html.Dd(value))]),
        *([html.P(position.note, className="note")] if position.note else []),
        html.P(dcc.Link("Open this occasion on the timeline", href=ViewState(event=position.occasion).url(path))),
        html.H3(f"Sources ({len(sources)})"),
        html.Ol(className="sources", children=[
            html.Li([html.A(f"{s.publisher}: {s.title}", href=s.url, target="_blank", rel="noopener noreferrer"),
                     f" ({s.published}) ", html.Span(s.url, className="source-url")]) for s in sources]),
    ])


def register(app: Dash) -> None:
    """The phone's topic picker shows its topic's section (in the browser: no round trip)."""
    app.clientside_callback(
        """function (topic) {
            const outputs = window.dash_clientside.callback_context.outputs_list;
            return outputs.map(o => o.id.topic !== topic);
        }""",
        Output({"type": SECTION, "topic": ALL}, "hidden"), Input(PICK, "value"), prevent_initial_call=True,
    )
