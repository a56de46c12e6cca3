"""Explore (``/``): the whole story on one page for readers.

One reducer callback turns every control into a new ViewState, redraws what changed and
writes the state to the URL (history.replaceState, so no reload and no re-render).
"""

from __future__ import annotations

import json
from dataclasses import replace

import pandas as pd
from dash import Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard.data.dataset import Dataset
from dashboard.data.event_detail import event_detail
from dashboard.tabs import all_tabs, build_figure, figure_memo, tab
from dashboard.figures.theme import THEMES
from dashboard.data.filters import filter_events
from dashboard.data.positions import filter_positions, view_filters
from dashboard.data.labels import side_label, vocabulary
from dashboard.figures.size import Size
from dashboard.state import ALL_SERIES, ViewState
from dashboard.tabs import choices_for
from dashboard.data.times import format_date
from dashboard.i18n import N_, day_text, record_text, translator
from dashboard.views import components as c
from dashboard.views import positions as pv
from dashboard.views.explore import event_list
from dashboard.views.explore import present_links
from dashboard.views.explore import share
from dashboard import urls

PATH = urls.EXPLORE
GRAPH, COUNT, TABLE, DETAIL, DETAIL_CLOSE = "graph", "count", "events-table", "detail", "detail-close"
TAB, LANES, ROUNDS, SIDES, KINDS, VERIFICATION = "tab", "lanes", "rounds", "sides", "kinds", "verification"
SEARCH, GAP, DAY, THEME, ORDER, PICK = "search", "gap", "day", "theme", "order", "event-pick"
TERRITORY = "territory"
RESET, CLEAR, EMPTY, EMPTY_CLEAR = "reset", "clear-filters", "empty", "empty-clear"
QUERY, PAGE, GRAPH_WRAP, TABLE_WRAP, ZOOM = "view-query", "explore-page", "graph-wrap", "table-wrap", "zoom"
CAPTION = "graph-caption"
CAPTION_NOTE = N_("The same events are listed as text in the list of events below and under View: Table.")
GRAPH_CONFIG = {"displaylogo": False, "responsive": True,
                "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
                "toImageButtonOptions": {"filename": "negotiation-timeline", "scale": 2}}


def page(ds: Dataset, query: str, size: Size = Size()) -> html.Div:
    """The page for a URL query string; parameters it cannot use become visible notes."""
    view, notes = ViewState.from_query(query, choices_for(ds))
    return layout(ds, view, notes, size)


def layout(ds: Dataset, view: ViewState, notes: list[str], size: Size = Size()) -> html.Div:
    events = filter_events(ds, view)
    table, matrix = tab(view.tab).table, tab(view.tab).matrix
    t = translator(view.lang)
    return html.Div(id=PAGE, className=f"page theme-{view.theme}", children=[
        c.header(ds, PATH, view),
        c.notes_banner(notes, view.lang),
        html.Main(id="main", className="explore", children=[
            _controls(ds, view, size),
            html.Section(className="figure-area", **{"aria-label": t.gettext("Chart")}, children=[
                html.P(_count_text(ds, view, events), id=COUNT, className="count", role="status",
                       **{"aria-live": "polite"}),
                share.panel(view.lang),
                html.Div(id=EMPTY, className="empty", hidden=matrix or not events.empty, children=[
                    html.P(t.gettext("No events match these filters.")),
                    html.Button(t.gettext("Clear filters"), id=EMPTY_CLEAR, className="button", n_clicks=0),
                ]),
                html.Div(id=GRAPH_WRAP, hidden=table or matrix, children=c.described_graph(dcc.Graph(
                    id=GRAPH, figure=build_figure(ds, view, size=size), config=c.graph_config(GRAPH_CONFIG, view.lang),
                    className="graph"),
                    CAPTION, ds, view, CAPTION_NOTE)),
                html.Div(id=TABLE_WRAP, hidden=not table, children=[
                    html.Button(_order_label(view), id=ORDER, className="button small", n_clicks=0),
                    html.Div(id=TABLE, children=c.events_table(ds, events, view.order, view.lang)
                             if table else []),  # filled when the tab opens
                ]),
                pv.panel(ds, view, matrix),
                event_list.section(ds, events, view.event, view.lang),
            ]),
            html.Aside(id=DETAIL, className=_detail_class(view), **{"aria-label": t.gettext("Event detail")},
                       children=c.detail_panel(event_detail(ds, view.event, view.lang), DETAIL_CLOSE, view.lang)),
        ]),
        dcc.Store(id=QUERY, data=view.to_query()),
        dcc.Store(id=ZOOM, data=_zoom(view)),  # the timeline's zoomed range, a control like the others
        c.footer(ds, view.lang),
    ])


def _order_label(view: ViewState) -> str:
    t = translator(view.lang)
    return t.gettext("Newest first") if view.order == "asc" else t.gettext("Oldest first")


def _controls(ds: Dataset, view: ViewState, size: Size) -> html.Nav:
    """The controls, folded away on a phone so the chart is on the first screen."""
    rounds = ds.rounds.sort_values("start_date")
    kinds = sorted(ds.events["kind"].unique())
    days = ds.derived.talks_days
    lang = view.lang
    t = translator(lang)
    _ = t.gettext
    controls = [
        _group(_("View"), dcc.RadioItems(id=TAB, value=view.tab, className="tabs", inline=True,
                                         options=[{"label": _(tb.label), "value": tb.value} for tb in all_tabs()])),
        _group(_("Search titles and summaries"), dcc.Input(
            id=SEARCH, type="search", value=view.q, debounce=0.3, placeholder=_("e.g. prisoner"),
            className="search")),
        _group(_("Rounds"), dcc.Dropdown(
            id=ROUNDS, multi=True, value=list(view.rounds), placeholder=_("All rounds"),
            options=[{"label": f"{record_text(r, 'title', lang).text} ({day_text(r.start_date, lang)})",
                      "value": r.id} for r in rounds.itertuples()])),
        _group(_("Sides"), dcc.Checklist(id=SIDES, value=list(view.sides), inline=True,
                                         options=[{"label": side_label(s, lang), "value": s}
                                                  for s in ds.enums["position_side"]])),
        _group(_("Kinds of event"), dcc.Checklist(id=KINDS, value=list(view.kinds), inline=True,
                                                  options=[{"label": vocabulary(k, lang), "value": k} for k in kinds])),
        _group(_("Verification"), dcc.Checklist(
            id=VERIFICATION, value=list(view.verification), inline=True,
            options=[{"label": _(c.VERIFICATION_LABELS[v]), "value": v} for v in c.VERIFICATION_LABELS])),
        _group(_("Lanes"), dcc.RadioItems(id=LANES, value=view.lanes, inline=True, options=[
            {"label": _("by round"), "value": "round"}, {"label": _("by side"), "value": "side"}])),
        _group(_("Gap 2022–2025"), dcc.RadioItems(id=GAP, value=view.gap, inline=True, options=[
            {"label": _("compressed"), "value": "compress"}, {"label": _("to scale"), "value": "show"}])),
        _group(_("Territory series"), dcc.Dropdown(
            id=TERRITORY, multi=True, value=list(view.territory), placeholder=_default_series_name(ds, lang),
            options=[{"label": _("All series"), "value": ALL_SERIES}]
            + [{"label": t.ngettext("%(series)s (%(n)s figure)", "%(series)s (%(n)s figures)", len(s.dates),
                                    series=s.measure), "value": s.key} for s in ds.derived.territory_series])),
        _group(_("Talks day"), dcc.Dropdown(
            id=DAY, value=view.day or ds.derived.busiest_day, clearable=False,
            options=[{"label": format_date(_day_ts(d), "UTC", lang), "value": d} for d in days])),
        _group(_("Open an event"), dcc.Dropdown(
            id=PICK, value=view.event or None, placeholder=_("Choose an event"),
            options=[{"label": f"{date} · {record_text(row, 'title', lang).text}", "value": row.id} for row, date
                     in zip(ds.events.itertuples(), ds.derived.labels_in(lang)["date"].tolist())])),
        _group(_("Theme"), dcc.RadioItems(id=THEME, value=view.theme, inline=True,
                                          options=[{"label": _(th.label), "value": k} for k, th in THEMES.items()
                                                   if k != "present"])),
        html.Div(className="control-buttons", children=[
            html.Button(_("Clear filters"), id=CLEAR, className="button", n_clicks=0),
            html.Button(_("Reset view"), id=RESET, className="button", n_clicks=0),
        ]),
        present_links.panel(ds, view),
    ]
    return html.Nav(className="controls", **{"aria-label": _("Filters and views")}, children=html.Details(
        open=size.form != "phone", className="controls-fold",
        children=[html.Summary(_("Filters and views"), className="controls-summary"),
                  html.Div(className="controls-body", children=controls)]))


def _default_series_name(ds: Dataset, lang: str) -> str:
    """The control's placeholder: the series shown when none is chosen."""
    t = translator(lang)
    names = {s.key: s.measure for s in ds.derived.territory_series}
    return (t.gettext("%(series)s (default)") % {"series": names[ds.derived.default_series]}
            if ds.derived.default_series else t.gettext("None"))


def _detail_class(view: ViewState) -> str:
    return "detail open" if view.event else "detail"


def _group(label: str, control) -> html.Div:
    return html.Div(className="control", children=[html.Label(label, htmlFor=control.id), control])


def _day_ts(day: str) -> pd.Timestamp:
    return pd.Timestamp(day, tz="UTC")


def _count_text(ds: Dataset, view: ViewState, events) -> str:
    t = translator(view.lang)
    if tab(view.tab).matrix:
        return t.ngettext("%(shown)s of %(n)s position shown", "%(shown)s of %(n)s positions shown",
                          len(ds.positions), shown=len(filter_positions(ds, **view_filters(view))))
    return t.ngettext("%(shown)s of %(n)s event shown", "%(shown)s of %(n)s events shown",
                      len(ds.events), shown=len(events))


def reduce(view: ViewState, trigger: str | None, values: dict) -> ViewState:
    """The next state from the control that changed (pure; unit-tested).

    ``view`` is the state the page last received, which is stale when Dash dropped an answer
    still in flight for a newer request (a click's or a zoom's, overtaken by the next change),
    so every field a control shows is read from ``values``, the controls as the browser has
    them now. The browser turns chart clicks and Close into the "Open an event" control and
    the timeline's zooms into the zoom store, so those are controls too."""
    if trigger == RESET:
        return ViewState(lang=view.lang)  # the reader's language is not a setting to reset
    zoom = values[ZOOM] if isinstance(values[ZOOM], dict) else {}
    current = replace(
        view, tab=values[TAB], lanes=values[LANES], q=values[SEARCH] or "",
        rounds=tuple(sorted(values[ROUNDS] or ())), sides=tuple(sorted(values[SIDES] or ())),
        kinds=tuple(sorted(values[KINDS] or ())), verification=tuple(sorted(values[VERIFICATION] or ())),
        gap=values[GAP], theme=values[THEME], territory=_series(values[TERRITORY]), event=values[PICK] or "", day=values[DAY] or "",
        start=str(zoom.get("start") or ""), end=str(zoom.get("end") or ""),
        topics=tuple(sorted(values.get(pv.TOPICS) or ())), changes=pv.CHANGES_ON in (values.get(pv.CHANGES) or ()),
    )
    if trigger in (CLEAR, EMPTY_CLEAR):
        return replace(current, rounds=(), sides=(), kinds=(), verification=(), q="", topics=(), changes=False,
                       occasions=())
    if trigger == ORDER:
        return replace(current, order="desc" if view.order == "asc" else "asc")
    return current


def _series(chosen) -> tuple[str, ...]:
    """The territory control's choice; "All series" wins over single ones."""
    chosen = tuple(sorted(chosen or ()))
    return (ALL_SERIES,) if ALL_SERIES in chosen else chosen


def _zoom(view: ViewState) -> dict:
    return {"start": view.start, "end": view.end}


CONTROLS = (TAB, LANES, ROUNDS, SIDES, KINDS, VERIFICATION, SEARCH, GAP, TERRITORY, DAY, THEME, PICK,
            pv.TOPICS, pv.CHANGES)
BUTTONS = (RESET, CLEAR, EMPTY_CLEAR, ORDER)


def register(app: Dash, ds: Dataset) -> None:
    default_day = ds.derived.busiest_day
    figure = figure_memo(ds)
    choices = choices_for(ds)

    @app.callback(
        output=dict(
            controls={name: Output(name, "value") for name in CONTROLS},
            figure=Output(GRAPH, "figure"), count=Output(COUNT, "children"), table=Output(TABLE, "children"),
            detail=Output(DETAIL, "children"), detail_class=Output(DETAIL, "className"),
            query=Output(QUERY, "data"), zoom=Output(ZOOM, "data"), empty_hidden=Output(EMPTY, "hidden"),
            graph_hidden=Output(GRAPH_WRAP, "hidden"), table_hidden=Output(TABLE_WRAP, "hidden"),
            page_class=Output(PAGE, "className"), order_label=Output(ORDER, "children"),
            caption=Output(CAPTION, "children"), event_items=Output(event_list.LIST, "children"),
            positions=Output(pv.MATRIX, "children"), positions_hidden=Output(pv.WRAP, "hidden"),
        ),
        inputs=dict(
            controls={name: Input(name, "value") for name in CONTROLS}, zoom=Input(ZOOM, "data"),
            buttons={name: Input(name, "n_clicks") for name in BUTTONS}, form=Input(c.VIEWPORT, "data"),
        ),
        state=dict(query=State(QUERY, "data")),
        prevent_initial_call=True,
    )
    def on_change(controls, zoom, buttons, form, query):
        old, _ = ViewState.from_query(query or "", choices)
        trigger = ctx.triggered_id
        view = reduce(old, trigger, {**controls, ZOOM: zoom})
        view, _ = ViewState.from_query(view.to_query(), choices)  # what the browser sent, checked as a link is
        if view.day == default_day:
            view = replace(view, day="")
        resized = trigger == c.VIEWPORT  # the figure's box crossed a form boundary: redraw in the new form
        if view == old and not resized:
            raise PreventUpdate
        events = filter_events(ds, view)
        redraw = _figure_fields(ds, view) != _figure_fields(ds, old) or trigger == RESET or resized
        table, matrix = tab(view.tab).table, tab(view.tab).matrix
        return dict(
            controls={TAB: view.tab, LANES: view.lanes, ROUNDS: list(view.rounds), SIDES: list(view.sides),
                      KINDS: list(view.kinds), VERIFICATION: list(view.verification), SEARCH: view.q,
                      GAP: view.gap, TERRITORY: list(view.territory), DAY: view.day or default_day, THEME: view.theme, PICK: view.event or None,
                      pv.TOPICS: list(view.topics), pv.CHANGES: [pv.CHANGES_ON] if view.changes else []},
            figure=figure(view, c.figure_size(form)) if redraw else no_update,
            count=_count_text(ds, view, events),
            table=c.events_table(ds, events, view.order, view.lang) if table else no_update,  # else hidden
            detail=c.detail_panel(event_detail(ds, view.event, view.lang), DETAIL_CLOSE, view.lang)
            if view.event != old.event
            else no_update,
            detail_class=_detail_class(view), query=view.to_query(), zoom=_zoom(view),
            empty_hidden=matrix or not events.empty, graph_hidden=table or matrix, table_hidden=not table,
            page_class=f"page theme-{view.theme}",
            order_label=_order_label(view),
            caption=c.graph_caption(ds, view, CAPTION_NOTE),
            event_items=event_list.items(ds, events, view.event, view.lang),
            positions=pv.matrix_view(ds, view) if matrix else no_update, positions_hidden=not matrix,
        )

    app.clientside_callback(
        """function (query) {
            // English asked for in so many words stays asked for (else Accept-Language decides)
            if (new URLSearchParams(window.location.search).get('lang') === 'en'
                    && !new URLSearchParams(query || '').has('lang')) {
                query = query ? query + '&lang=en' : 'lang=en';
            }
            const url = window.location.pathname + (query ? '?' + query : '');
            if (url !== window.location.pathname + window.location.search) {
                window.history.replaceState(null, '', url);
            }
            return window.dash_clientside.no_update;
        }""",
        Input(QUERY, "data"), prevent_initial_call=True,
    )
    app.clientside_callback(  # in the browser, so a newer request cannot drop the choice
        """function (click, closed) {
            const none = window.dash_clientside.no_update;
            if (window.dash_clientside.callback_context.triggered_id === '%s') {
                return closed ? null : none;
            }
            const point = click && click.points && click.points[0];
            return point && typeof point.customdata === 'string' ? point.customdata : none;
        }""" % DETAIL_CLOSE,
        Output(PICK, "value", allow_duplicate=True),
        Input(GRAPH, "clickData"), Input(DETAIL_CLOSE, "n_clicks"), prevent_initial_call=True,
    )
    app.clientside_callback(  # only a zoom of a zooming tab: plotly's autosize relayouts change nothing
        """function (relayout, tab) {
            const none = window.dash_clientside.no_update;
            if (!relayout || !%s.includes(tab)) { return none; }
            if (relayout['xaxis.autorange']) { return {start: '', end: ''}; }
            const start = relayout['xaxis.range[0]'], end = relayout['xaxis.range[1]'];
            return start && end ? {start: String(start).slice(0, 10), end: String(end).slice(0, 10)} : none;
        }""" % json.dumps([t.value for t in all_tabs() if t.zooms]),
        Output(ZOOM, "data", allow_duplicate=True), Input(GRAPH, "relayoutData"), State(TAB, "value"),
        prevent_initial_call=True,
    )
    share.register(app, ds, QUERY, GRAPH)
    event_list.register(app, PICK)
    present_links.register(app, ds, QUERY)


def _figure_fields(ds: Dataset, view: ViewState) -> ViewState:
    """The part of the state the figure depends on: not the table order, and not the zoom
    unless the tab zooms (the timeline's date ticks are placed for the drawn range, and with
    large data zooming regroups the events)."""
    if tab(view.tab).zooms:
        return replace(view, order="")
    return replace(view, order="", start="", end="")
