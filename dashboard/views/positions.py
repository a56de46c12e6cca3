"""The Positions tab as HTML (explore and embed): the matrix of topics × occasions grouped by side
as a real table, its key, a phone's one-topic-at-a-time list and each position's detail.

The table is the figure's text equivalent and the reader's view at once: a caption, column
groups by side, ``th scope``. Each position is a button; click or Enter opens its detail in the
page's one modal ``<dialog>``: assets/positions.js fetches the detail as an HTML fragment
(``detail_html``; /positions/detail/, cacheable) and opens it, Esc or Close shuts it and focus
returns to the position. Rendered with the page, the 131 details were two thirds of the tab's
callback (476 of 749 kB of component JSON) and slowed its first view on a phone. Below 480 px
the table gives way to a topic picker and that topic's occasions as a list (assets/style.css), so nothing scrolls sideways; wider, a table
wider than its box scrolls inside it, its topic column kept in view.
"""

from __future__ import annotations

from dataclasses import replace

from dash import ALL, Dash, Input, Output, dcc, html

from dashboard import urls
from dashboard.data.dataset import Dataset
from dashboard.data.event_detail import source_refs
from dashboard.data.positions import Matrix, Position, occasion_column, position_matrix, position_of, view_filters
from dashboard.data.labels import moved_label, side_label, topic_label, vocabulary
from dashboard.figures.positions import MOVED, cell_text
from dashboard.i18n import N_, lang_folder, translator
from dashboard.state import ViewState
from dashboard.views.components import english_mark
from dashboard.views.html_text import to_html

MATRIX, PICK, SECTION, TOPICS, CHANGES = "positions-matrix", "positions-topic-pick", "positions-topic", "topics", "changes"
WRAP, HEADING, CAPTION = "positions-wrap", "positions-heading", "positions-caption"
DIALOG, DIALOG_TITLE = "position-dialog", "position-dialog-title"
CHANGES_ON = "1"
MOVED_TEXT = {"new": N_("stated for the first time"), "softened": N_("softer than this side's earlier stance"),
              "hardened": N_("harder than this side's earlier stance"), "unchanged": N_("the same as before")}
STATUS_TEXT = {"published": N_("published: stated on the record or released by its author"),
               "leaked": N_("leaked: a text the media obtained"),
               "reported": N_("reported: told by unnamed sources or by another party"),
               "denied": N_("denied by the side it is attributed to")}
VERIFICATION_TEXT = {"verified": N_("Verified: two or more original publishers agree"),
                     "single-source": N_("Single source: one publisher only"), "derived": N_("Derived"),
                     "unverified": N_("Unverified")}


def panel(ds: Dataset, view: ViewState, shown: bool) -> html.Section:
    """The explore page's tab: its own filters (topic, changes only; the sides are the page's)
    and the matrix, filled only while the tab is shown."""
    used = set(ds.positions["topic"])
    _ = translator(view.lang).gettext
    return html.Section(id=WRAP, className="positions", hidden=not shown, **{"aria-labelledby": HEADING}, children=[
        html.H2(_("What was on the table"), id=HEADING),
        html.P(_("Each side's stated terms, topic by topic, at each occasion. Press a position (or Tab to it "
                 "and press Enter) to read its sources."), className="muted small"),
        html.Div(className="positions-filters", children=[
            html.Div(className="control", children=[
                html.Label(_("Topics"), htmlFor=TOPICS),
                dcc.Dropdown(id=TOPICS, multi=True, value=list(view.topics), placeholder=_("All topics"),
                             options=[{"label": topic_label(t, view.lang), "value": t}
                                      for t in ds.enums["topic"] if t in used])]),
            dcc.Checklist(id=CHANGES, value=[CHANGES_ON] if view.changes else [], className="positions-changes",
                          options=[{"label": _("Changes only (where the sources say how a position moved)"),
                                    "value": CHANGES_ON}]),
        ]),
        html.Div(id=MATRIX, children=matrix_view(ds, view) if shown else []),
    ])


def matrix_view(ds: Dataset, view: ViewState, path: str = urls.EXPLORE, details: str = urls.POSITION_DETAIL) -> list:
    """The key, the one-occasion note, the phone list, the table, the details' dialog and the
    download, in the view's language; links go to ``path`` (the embed's stay in the embed), a
    position's detail is at ``details`` + [lang/] + id + '.html'."""
    lang = view.lang
    _ = translator(lang).gettext
    matrix = position_matrix(ds, **view_filters(view), lang=lang)
    download = html.P(html.A(_("Download these positions (CSV)"), href=view.url(urls.POSITIONS_CSV),
                             download="", className="positions-csv"), className="small")
    head = [_occasions_note(ds, view, path)] if view.occasions else []
    if not matrix.topics:
        return [*head, html.P(_("No positions match these filters."), className="empty"), download]
    count = sum(len(cell) for row in matrix.cells for cell in row)
    return [*head, _key(matrix, lang), _phone_list(matrix, lang), _table(matrix, count, lang),
            html.Dialog(id=DIALOG, className="position-dialog detail", **{
                "aria-labelledby": DIALOG_TITLE, "data-detail": details + lang_folder(lang)}),
            download]


def _occasions_note(ds: Dataset, view: ViewState, path: str) -> html.P:
    t = translator(view.lang)
    chosen = [occasion_column(ds, "", o, view.lang) for o in ds.events.index if o in set(view.occasions)]
    parts = []  # in time order: each occasion's title and date, as the table's head has them
    for column in chosen:
        parts += ["; " if parts else " ", html.Span(column.title, **_mark(column.title_lang, view.lang)),
                  f" ({column.date})"]
    return html.P(className="positions-occasion", children=[
        t.ngettext("Positions stated at one occasion:", "Positions stated at %(n)s occasions:", len(chosen)),
        *parts, ". ", dcc.Link(t.gettext("Show every occasion"), href=replace(view, occasions=()).url(path))])


def _mark(text_lang: str, lang: str) -> dict:
    """``lang="en"`` on a record's English shown to a reader of another language."""
    return english_mark(lang) if text_lang != lang else {}


def _key(matrix: Matrix, lang: str) -> html.Div:
    """The colours of ``moved`` that the matrix draws, and what no colour means."""
    _ = translator(lang).gettext
    drawn = {p.moved for row in matrix.cells for cell in row for p in cell}
    items = [html.Li([html.Span(className=f"swatch moved-{m}"), f"{moved_label(m, lang)}: {_(MOVED_TEXT[m])}"])
             for m in MOVED if m in drawn]
    items.append(html.Li([html.Span(className="swatch"), _("No colour: the sources do not say how it moved")]))
    return html.Div(className="positions-key", children=[
        html.Span(_("How a position moved, where the sources say:"), className="small"), html.Ul(items)])


def _button(position: Position, lang: str) -> html.Button:
    meta = ", ".join(filter(None, [vocabulary(position.status, lang) if position.status != "published" else "",
                                   translator(lang).gettext("single source")
                                   if position.verification == "single-source" else ""]))
    english = english_mark(lang)
    return html.Button(className=f"position-cell moved-{position.moved or 'none'}", n_clicks=0,
                       **{"data-position": position.id, "aria-haspopup": "dialog"}, children=[
        *([html.Span(moved_label(position.moved, lang) + ": ", className="moved-tag")] if position.moved else []),
        html.Q(position.position, **english) if position.quote else html.Span(position.position, **english),
        *([html.Span(position.numbers, className="position-numbers", **english)] if position.numbers else []),
        *([html.Span(f" ({meta})", className="position-meta")] if meta else []),
    ])


def _table(matrix: Matrix, count: int, lang: str) -> html.Div:
    t = translator(lang)
    sides = matrix.sides()
    caption = t.ngettext("%(n)s position by topic and occasion, grouped by side",
                         "%(n)s positions by topic and occasion, grouped by side", count)
    head = [
        html.Tr([html.Th(t.gettext("Topic"), scope="col", rowSpan=2, className="positions-topic-head"),
                 *(html.Th(side_label(side, lang), scope="colgroup", colSpan=span) for side, span in sides)]),
        html.Tr([html.Th([html.Span(c.date, className="positions-date"), html.Br(),
                          html.Span(c.title, **_mark(c.title_lang, lang))], scope="col")
                 for c in matrix.columns]),
    ]
    body = [html.Tr([html.Th(topic_label(topic, lang), scope="row"),
                     *(html.Td([_button(p, lang) for p in cell] if cell
                               else html.Span(t.gettext("not stated"), className="visually-hidden"))
                       for cell in row)])
            for topic, row in zip(matrix.topics, matrix.cells)]
    columns = [html.Col(className="positions-topic-col"),
               *(html.Colgroup(span=span, className=f"side-{side}") for side, span in sides)]
    return html.Div(className="positions-scroll", role="region", tabIndex="0", **{"aria-labelledby": CAPTION},
                    children=html.Table(className="positions-table", children=[
                        html.Caption(caption, id=CAPTION), *columns, html.Thead(head), html.Tbody(body)]))


def _phone_list(matrix: Matrix, lang: str) -> html.Div:
    """A phone: a topic picker and that topic's positions, occasion by occasion."""
    first = matrix.topics[0]
    sections = [html.Section(id={"type": SECTION, "topic": topic}, hidden=topic != first, children=[
        html.H3(topic_label(topic, lang)),
        html.Ul([html.Li(children=[
            html.Span([f"{side_label(column.side, lang)} · {column.date} · ",
                       html.Span(column.title, **_mark(column.title_lang, lang))], className="positions-where"),
            *(_button(p, lang) for p in cell)]) for column, cell in zip(matrix.columns, row) if cell]),
    ]) for topic, row in zip(matrix.topics, matrix.cells)]
    return html.Div(className="positions-phone", children=[
        html.Label(translator(lang).gettext("Topic"), htmlFor=PICK),
        dcc.Dropdown(id=PICK, value=first, clearable=False, searchable=False,
                     options=[{"label": topic_label(t, lang), "value": t} for t in matrix.topics]),
        *sections])


def detail_html(ds: Dataset, position_id: str, path: str, lang: str) -> str:
    """A position's detail, the dialog's content, as HTML; its links go to ``path``."""
    return to_html(_detail(ds, position_of(ds, position_id), path, lang))


def _detail(ds: Dataset, position: Position, path: str, lang: str) -> list:
    """A position's detail: what was stated, where and when, how sure, and every source."""
    t = translator(lang)
    _ = t.gettext
    english = english_mark(lang)
    column = occasion_column(ds, position.side, position.occasion, lang)
    facts = [(_("Stated at"), [html.Span(column.title, **_mark(column.title_lang, lang)), f" ({column.date})"]),
             (_("Status"), _(STATUS_TEXT[position.status]) if position.status in STATUS_TEXT else position.status)]
    if position.numbers:
        facts.append((_("Figures"), html.Span(position.numbers, **english)))
    if position.moved:
        facts.append((_("Moved"), f"{moved_label(position.moved, lang)}: {_(MOVED_TEXT[position.moved])}"))
    sources = source_refs(ds, position.source_ids, lang)
    verification = VERIFICATION_TEXT.get(position.verification)
    return [
        html.Div(className="detail-head", children=[
            html.H2(f"{side_label(position.side, lang)}: {topic_label(position.topic, lang)}", id=DIALOG_TITLE,
                    tabIndex="-1"),
            html.Button(_("Close"), className="button small position-close",
                        **{"aria-label": _("Close position detail")}),
        ]),
        html.P([html.Q(position.position, **english), html.Span(" " + _("(the source's exact words)"),
                                                                 className="muted")]
               if position.quote else html.Span(cell_text(position), **english), className="position-text"),
        html.Span(_(verification) if verification else position.verification,
                  className=f"badge badge-{position.verification}"),
        html.Dl(className="facts", children=[part for term, value in facts for part in (html.Dt(term), html.Dd(value))]),
        *([html.P(position.note, className="note", **english)] if position.note else []),
        html.P(dcc.Link(_("Open this occasion on the timeline"),
                        href=ViewState(event=position.occasion, lang=lang).url(path))),
        html.H3(_("Sources (%(n)s)") % {"n": len(sources)}),
        html.Ol(className="sources", children=[
            html.Li([html.A(f"{s.publisher}: {s.title}", href=s.url, target="_blank", rel="noopener noreferrer",
                            **english),
                     f" ({s.published}) ", html.Span(s.url, className="source-url")]) for s in sources]),
    ]


def register(app: Dash) -> None:
    """The phone's topic picker shows its topic's section (in the browser: no round trip)."""
    app.clientside_callback(
        """function (topic) {
            const outputs = window.dash_clientside.callback_context.outputs_list;
            return outputs.map(o => o.id.topic !== topic);
        }""",
        Output({"type": SECTION, "topic": ALL}, "hidden"), Input(PICK, "value"), prevent_initial_call=True,
    )
