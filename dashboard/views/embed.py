"""Embed (``/embed?<same query as explore>``): a view's figure (or table) for other sites'
iframes, with no app chrome: the title, the figure, a one-line credit and a link back to the
full view. Clicking an event (or ``event=<id>``) opens its detail below the figure, inside
the iframe. The page reports its height to the host page (assets/embed-child.js, added by
dashboard/embedding.py), so the iframe grows and shrinks with it.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qsl, urlencode

from dash import Dash, Input, Output, State, ctx, dcc, html, no_update

from dashboard.data.credits import currency_text
from dashboard.views.citation import credit_line
from dashboard.data.dataset import Dataset
from dashboard.data.event_detail import event_detail
from dashboard.export import export_filename
from dashboard.tabs import build_figure, figure_memo, tab
from dashboard.data.filters import filter_events
from dashboard.figures.size import Size
from dashboard.state import ViewState
from dashboard.tabs import choices_for
from dashboard.views import components as c
from dashboard.views import positions as pv
from dashboard.views.explore import page as explore
from dashboard import urls

PATH = urls.EMBED
GRAPH, GRAPH_WRAP, DETAIL, DETAIL_CLOSE = "embed-graph", "embed-graph-wrap", "embed-detail", "embed-detail-close"
BACK, QUERY, CAPTION = "embed-back", "embed-query", "embed-graph-caption"
# Parameters a pym.js host page adds to the iframe's URL: not part of the view.
PYM_PARAMS = frozenset({"initialWidth", "childId", "parentTitle", "parentUrl"})


def page(ds: Dataset, query: str, size: Size = Size()) -> html.Div:
    """The page for a URL query string; parameters it cannot use become visible notes."""
    view_query = urlencode([(k, v) for k, v in parse_qsl(query.lstrip("?"), keep_blank_values=True)
                            if k not in PYM_PARAMS])
    view, notes = ViewState.from_query(view_query, choices_for(ds))
    return layout(ds, view, notes, size)


def layout(ds: Dataset, view: ViewState, notes: list[str], size: Size = Size()) -> html.Div:
    config = {**explore.GRAPH_CONFIG, "toImageButtonOptions": {"filename": export_filename(view), "scale": 2}}
    table, matrix = tab(view.tab).table, tab(view.tab).matrix
    return html.Div(className=f"page embed theme-{view.theme}", children=[
        c.notes_banner(notes),
        html.Main(id="main", className="embed-main", children=[
            # A figure draws its own title; the heading stays for screen readers and the table.
            html.H1(ds.title, className="embed-title" if table or matrix else "embed-title visually-hidden"),
            html.Div(id=GRAPH_WRAP, hidden=table or matrix, children=c.described_graph(dcc.Graph(
                id=GRAPH, figure=build_figure(ds, view, size=size), config=config, className="graph"),
                CAPTION, ds, view)),
            c.events_table(ds, filter_events(ds, view), view.order) if table else None,
            html.Div(pv.matrix_view(ds, view, urls.EMBED), className="positions") if matrix else None,
            html.Aside(id=DETAIL, className="detail embed-detail", hidden=not view.event,
                       **{"aria-label": "Event detail"},
                       children=c.detail_panel(event_detail(ds, view.event), DETAIL_CLOSE, urls.EMBED)),
            html.P(className="embed-credit", children=[
                credit_line(ds, view), " · ", currency_text(ds), " · ",
                html.A("Open the full view", id=BACK, href=view.url(urls.EXPLORE), target="_blank",
                       rel="noopener"),
            ]),
        ]),
        dcc.Store(id=QUERY, data=view.to_query()),
    ])


def register(app: Dash, ds: Dataset) -> None:
    choices = choices_for(ds)
    figure = figure_memo(ds)

    @app.callback(
        Output(DETAIL, "children"), Output(DETAIL, "hidden"), Output(GRAPH, "figure"),
        Output(BACK, "href"), Output(QUERY, "data"),
        Input(GRAPH, "clickData"), Input(DETAIL_CLOSE, "n_clicks"), Input(c.VIEWPORT, "data"),
        State(QUERY, "data"),
        prevent_initial_call=True,
    )
    def open_or_close_event(click, _closed, form, query):
        """An event opened or closed, or the figure's box crossed a form boundary (redraw in it)."""
        old, _ = ViewState.from_query(query or "", choices)
        resized = ctx.triggered_id == c.VIEWPORT
        view = old if resized else replace(
            old, event="" if ctx.triggered_id == DETAIL_CLOSE else _clicked(click) or old.event)
        if view == old and not resized:
            return (no_update,) * 5
        opened = view.event != old.event
        return (c.detail_panel(event_detail(ds, view.event), DETAIL_CLOSE, urls.EMBED) if opened else no_update,
                not view.event, no_update if tab(view.tab).table or tab(view.tab).matrix
                else figure(view, c.figure_size(form)),
                view.url(urls.EXPLORE), view.to_query())


def _clicked(click) -> str:
    """The event id a chart click points at ('' for none): every figure's customdata."""
    point = ((click or {}).get("points") or [{}])[0]
    return point.get("customdata") if isinstance(point.get("customdata"), str) else ""
