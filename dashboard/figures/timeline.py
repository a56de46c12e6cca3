"""The main timeline: events in lanes over one time axis, territory on a linked panel below.

The longest stretch without events (found in the data at load, ``Derived.quiet_stretch`` in
``dashboard.data.derived``) is compressed by default with a Plotly range break, drawn as a
visible break on the axis: one zoomable axis, both negotiation efforts readable. ``gap=show``
draws the axis to scale. All x values are UTC (GMT).

The layout is chosen by the form of the figure's box (``Size.form``), stacked top to bottom in
px so nothing can meet: title and credit (wrapped to the width), the legend (only what is
drawn, in rows), the talks-band labels, the date ticks, the lanes, the grouping note and the
territory panel's title, the territory panel, its dates and the break's note. Wide, lane names
stand beside the lanes on one line; on a phone or in a column they stand above each lane inside
the plot, so time keeps the width. Names are shortened where needed; the full name is in each
event's hover, the events list and the table.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.data.labels import NO_ROUND, esc, lane_label, side_label, vocabulary
from dashboard.i18n import N_, day_text, translator
from dashboard.data.filters import filter_events
from dashboard.state import ViewState
from dashboard.data.times import naive_utc
from dashboard.figures.assembly import Figure, assemble, empty_figure, title_px
from dashboard.figures.lane_names import full_name_lines, lane_names
from dashboard.figures.timeline_key import key_beside, key_lines, legend_grid, shapes_key
from dashboard.figures.grouping import MAX_MARKERS, grouped_markers, in_range, may_group
from dashboard.figures.positions import mark_positions
from dashboard.figures.size import Size
from dashboard.figures.text import CHAR_EM, chars_in
from dashboard.figures.territory_panel import (
    hidden_points,
    drawn_between,
    series_labels,
    territory_traces,
    top_percent,
)
from dashboard.figures.theme import Theme
from dashboard.figures.ticks import Axis, break_marks, date_ticks

# Per form: a lane's height, the territory panel's height (px).
LANE_PX = {"phone": 36, "column": 36, "wide": 30, "slide": 36}
TERRITORY_PX = {"phone": 170, "column": 190, "wide": 210, "slide": 220}
SLIDE_LANE_PX = (24, 80)  # a slide's lane height, least and most (its names are 20 px type)
SLIDE_TERRITORY_PX = (70, 260)  # a slide's territory panel, least and most
TWO_LINE_LANE_EM = 2.6  # a lane holding a name on two lines, in em of the names' type
BAR_LANE = 0.55  # a session bar's thickness, in lanes
MIN_BAR_PX = 4  # a session bar is at least this wide at the drawn range
PANEL_TITLE, PANEL_TIMES = N_("Share of Ukraine under Russian control (%)"), N_("times in GMT/UTC")
NO_FIGURE = N_("No territory figure of the series shown in this period")
DRAWN_COLUMNS = ["id", "kind", "anchor", "until", "round_id", "sides", "title", "verification"]
EMPTY_MESSAGE = N_("No events match these filters. Clear a filter or change the search to see events.")


def timeline_figure(ds: Dataset, view: ViewState, theme: Theme, size: Size = Size()) -> Figure:
    """Assembled as plain dicts from what the dataset derived at load (labels, lanes, eras, the
    quiet stretch, territory series): a filter change costs pandas indexing, not formatting."""
    events = filter_events(ds, view)[DRAWN_COLUMNS]  # pandas copies every column at each step: only these
    t = translator(view.lang)
    if events.empty:
        return empty_figure(ds, theme, ds.title, t.gettext(EMPTY_MESSAGE), size, view.lang)
    form = size.form
    slide = form == "slide"  # a projected slide: no title, dates once, the stack fits its height
    beside = form in ("wide", "slide")  # lane names beside the lanes, else above them
    placed = place_in_lanes(ds, events, view.lanes)
    start, end = _range(ds, view, events)
    drawn = in_range(placed, *_utc(start, end))
    lanes = _lanes(ds, view, drawn if slide else placed, every=not slide)
    if slide:  # what lies outside a slide's range is never seen: no lane, no legend entry for it
        placed = placed[placed["lane"].isin(lanes)]
    visible = in_range(placed, *_bounds(view)) if may_group(ds) else placed
    grouped = len(visible) > MAX_MARKERS  # drawn one by one below that
    if not grouped:
        visible = visible.join(ds.derived.labels_in(view.lang))  # x, hover and symbol per event
    small = max(10, theme.font_size - 2)
    line = small * 1.5  # px of a line of small text
    stretch = ds.derived.quiet_stretch if view.gap == "compress" else None
    gap = (naive_utc(stretch[0]), naive_utc(stretch[1])) if stretch else None
    # a slide with room for it sets a long lane name on two lines rather than cut it
    two_line_names = slide and bool(size.height) and len(lanes) * TWO_LINE_LANE_EM * theme.font_size <= size.height / 2
    names = lane_names(ds, view, lanes, size, theme, 2 if two_line_names else 1)
    names_px = 0 if not beside else max(len(line) for n in names.values() for line in n.split("<br>")
                                        ) * theme.font_size * CHAR_EM + 14
    axis_px = 44 if not beside else 34  # the territory axis's labels ("20%") and margins
    sight = visible if grouped else in_range(visible, *_utc(start, end))  # the events the drawn range shows
    key_px = 0.0
    if slide and size.height and not grouped:
        least = SLIDE_LANE_PX[0] * max(len(lanes), 1) + 6 + SLIDE_TERRITORY_PX[0]
        key_px = key_beside(sight, least, theme, size,
                            bool(gap) and Axis(start, end, gap, 1.0).hidden > pd.Timedelta(0), view.lang)
    axis = Axis(start, end, gap, max(120.0, size.width - 24 - names_px - axis_px - key_px))
    gap_shown = bool(gap) and axis.hidden > pd.Timedelta(0)
    territory_drawn = drawn_between(ds, view, start, end)
    rings = []
    if not grouped:  # each hover adds the positions stated there and a shortened lane's full name
        visible = visible.assign(hover=visible["hover"] + visible["stated"]
                                 + full_name_lines(ds, view, visible["lane"], names))
        if not slide:  # a slide's key keeps to the story; the rings lead explorers to the Positions tab
            rings = mark_positions(visible, theme, view.lang)
    marks, note = grouped_markers(visible, theme, view.lang) if grouped else (
        [*_spans(visible, theme, axis), *_markers(visible, theme, view.lang)], "")
    in_sight = set() if grouped else {esc(vocabulary(kind, view.lang))
                                      for kind in set(sight["kind"])}
    for trace in marks:
        trace.pop("legendgroup", None), trace.pop("legendgrouptitle", None)  # a legend in rows
        if not grouped and trace.get("type") == "scatter":  # a kind none of whose events is in sight
            trace["showlegend"] = trace["name"] in in_sight
    selected = placed[placed["id"] == view.event].join(ds.derived.labels_in(view.lang)) if view.event \
        else placed.iloc[:0]
    key_entries = shapes_key(sight, theme, grouped, view.lang)
    data = [*marks, *rings, *key_entries, *_selected(selected, theme), *territory_traces(ds, view, theme)]
    legend_under = form in ("phone", "slide")  # the chart first; the key follows it
    # The key spans the plot (plotly's most for a legend over or under it; on a slide, set from
    # the figure's left edge, the plot and its lane names), in columns of a fraction of it:
    # the same at every width of the form.
    columns, legend_rows = legend_grid(data, size.width - 30 if slide else axis.plot_px, small)
    if key_px:  # beside the plot, one entry a line: the stack keeps its height for the lanes
        legend_under, legend_rows = False, 0
        for trace in data:
            if trace.get("showlegend", True) and trace.get("name"):
                trace["name"] = key_lines(trace["name"])

    # The px stack, top to bottom.
    head = 12 if slide else title_px(theme, ds, ds.title, size, view.lang)
    legend_px = legend_rows * (small + 10) + (6 if legend_rows else 0)
    bands_px = line + 2
    two_lines = form == "phone"  # date labels: the year under the month
    ticks_px = theme.font_size * (2.8 if two_lines else 1.6)
    top_ticks = 0 if slide else ticks_px  # a slide dates its lower axis only: room for the lanes
    top = int(head + (0 if legend_under else legend_px) + bands_px + top_ticks + 8)
    title_room = axis.plot_px if beside else size.width - 30  # it starts at the plot's left edge
    panel_name, panel_times = t.gettext(PANEL_TITLE), t.gettext(PANEL_TIMES)
    panel_title = _wrap(f"{panel_name} · {panel_times}", title_room, small)
    if len(panel_title) > 1:  # a line each, broken where the sense breaks (a slide's dates carry no time)
        panel_title = [*_wrap(panel_name, title_room, small), *([] if slide else [panel_times])]
    note_lines = _wrap(note, size.width - 30, small) if note else []
    between = (len(panel_title) + len(note_lines)) * line + 14
    bottom = int(ticks_px + 6 + (line * (2 if form == "phone" else 1) + 4 if gap_shown else 0) + 4
                 + (legend_px + 8 if legend_under else 0))
    if slide and size.height:
        message_px = 0 if territory_drawn else len(_wrap(t.gettext(NO_FIGURE), axis.plot_px - 20, small)) * line + 24
        lanes_px, territory_px = _slide_panels(size.height - top - bottom - between, len(lanes),
                                               TWO_LINE_LANE_EM * theme.font_size if two_line_names else 0,
                                               territory_drawn, message_px)
    else:
        lanes_px = LANE_PX[form] * max(len(lanes), 1) + (6 if beside else LANE_PX[form] * 0.4)
        territory_px = min(TERRITORY_PX[form], max(120, int(lanes_px)))  # few lanes: a smaller panel
    height = int(top + lanes_px + between + territory_px + bottom)
    for trace in marks:  # a bar as thick as two markers at most, however tall its lane
        if trace.get("type") == "bar":
            trace["width"] = min(BAR_LANE, 2 * theme.marker_size * max(len(lanes), 1) / lanes_px)
    plot_h = height - top - bottom
    split = territory_px / plot_h

    shapes, annotations = _eras(ds, theme, axis, top_ticks, view.lang)
    shapes += break_marks(axis, theme.paper, theme.muted, territory_px)
    annotations.append(dict(text="<br>".join(map(esc, panel_title)), x=0, y=1, xref="paper", yref="y2 domain",
                            xanchor="left", yanchor="bottom", align="left", showarrow=False, yshift=4,
                            font=dict(color=theme.text, size=small)))
    if note_lines:
        annotations.append(dict(text="<br>".join(map(esc, note_lines)), xref="paper", yref="y2 domain", x=0,
                                y=1, xanchor="left", align="left", yanchor="bottom", showarrow=False,
                                yshift=4 + len(panel_title) * line, font=dict(color=theme.muted, size=small)))
    if gap_shown:
        annotations.append(_gap_note(ds, view, axis, theme, small, ticks_px))
    annotations += series_labels(ds, view, theme)
    if not territory_drawn:
        annotations.append(dict(text="<br>".join(map(esc, _wrap(t.gettext(NO_FIGURE), axis.plot_px - 20, small))),
                                x=0.5, y=0.5,
                                xref="paper", yref="y2 domain", showarrow=False,
                                font=dict(color=theme.muted, size=small)))
    tickvals, ticktext = date_ticks(axis, theme.font_size, two_lines, view.lang)
    # The dates over the lanes too, on the first screen: as annotations, since plotly hides
    # top tick labels that share a column with the lane names inside the plot.
    annotations += [dict(x=value, y=1, xref="x", yref="y domain", text=text, showarrow=False, yanchor="bottom",
                         yshift=2, font=dict(color=theme.text))
                    for value, text in zip(tickvals, ticktext) if top_ticks]
    xaxis = dict(type="date", tickangle=0, tickmode="array", tickvals=tickvals, ticktext=ticktext,
                 range=[str(start), str(end)], showspikes=True, spikemode="across", spikethickness=1,
                 spikecolor=theme.muted, showgrid=True, ticks="outside", ticklen=4)
    if gap:
        xaxis["rangebreaks"] = [dict(bounds=[str(gap[0]), str(gap[1])])]
    yaxis = dict(domain=[split + between / plot_h, 1], categoryorder="array", categoryarray=lanes,
                 autorange="reversed", fixedrange=True, automargin=True, tickvals=lanes,
                 ticktext=[names[lane] for lane in lanes], showgrid=False)
    if beside:
        yaxis.update(ticks="", tickfont=dict(size=theme.font_size))
    else:  # names above the lanes inside the plot, shifted clear of the lane's markers
        yaxis.update(ticklabelposition="inside top", ticks="", tickfont=dict(size=small, color=theme.muted),
                     showgrid=True, gridcolor=theme.grid)
        yaxis["ticktext"] = [f"{name}<br> " for name in yaxis["ticktext"]]  # a line up, off the markers
    ceiling = top_percent(ds, view) or 10
    layout = dict(
        xaxis=dict(xaxis, anchor="y", showticklabels=False, ticks=""),
        xaxis2=dict(xaxis, anchor="y2", matches="x"),
        yaxis=yaxis,
        yaxis2=dict(domain=[0, split], ticksuffix="%", fixedrange=True, automargin=True,
                    range=[0, ceiling * 1.35], tick0=0, dtick=_percent_step(ceiling * 1.35, territory_px, theme)),
        shapes=shapes, annotations=annotations, margin=dict(t=top, b=bottom, l=10 if beside else axis_px, r=14),
        hovermode="closest", uirevision="events", bargap=0.5, clickmode="event", dragmode="zoom",
        legend=dict(orientation="h", xref="container", x=10 / size.width, xanchor="left", yref="container",
                    y=(legend_px + 4) / height if legend_under else 1 - head / height, yanchor="top",
                    traceorder="normal", itemwidth=30, font=dict(size=small),
                    entrywidth=0.999 / columns, entrywidthmode="fraction"),
        showlegend=bool(legend_rows),
    )
    if key_px:
        layout["legend"] = dict(orientation="v", xref="paper", x=1, xanchor="left", yref="paper", y=1,
                                yanchor="top", traceorder="normal", itemwidth=30, font=dict(size=small))
        layout["margin"]["r"] = key_px
        layout["showlegend"] = True
    elif slide:  # from the lane names' left edge, under the dates: plotly then lets it span both
        layout["legend"].update(xref="paper", x=-names_px / axis.plot_px, yref="paper",
                                y=-(bottom - legend_px - 8) / plot_h)
    if slide:  # the slide shows its own title and sources
        layout["title"] = dict(text="", subtitle=dict(text=""))
    return assemble(ds, theme, ds.title, height, data, layout, size, view.lang)


def place_in_lanes(ds: Dataset, events: pd.DataFrame, lanes: str) -> pd.DataFrame:
    """``events`` with a ``lane`` column; by side, an event appears once per side involved."""
    if lanes == "side":
        placed = events.explode("sides")
        return placed.assign(lane=placed["sides"].map(lambda s: lane_label(side_label(s))))
    return events.assign(lane=events["round_id"].map(ds.derived.round_lanes).fillna(lane_label(NO_ROUND)))


def _lanes(ds: Dataset, view: ViewState, placed: pd.DataFrame, every: bool = True) -> tuple[str, ...]:
    """The lanes in their order: unfiltered and ``every``, all of them (a zoom keeps the lanes
    in place); else only those with events in ``placed`` (no empty numbered lanes)."""
    lanes = ds.derived.lanes[view.lanes]
    if every and view == ViewState(tab=view.tab, lanes=view.lanes, gap=view.gap, theme=view.theme,
                         territory=view.territory, event=view.event, day=view.day, order=view.order,
                         start=view.start, end=view.end):
        return lanes
    used = set(placed["lane"])
    return tuple(lane for lane in lanes if lane in used)


def _slide_panels(room: float, lanes: int, lane_least: float = 0, territory: bool = True,
                  message_px: float = 0) -> tuple[float, float]:
    """A slide's ``room`` (px between the band labels and the lower axis, titles taken out)
    shared by the lanes and the territory panel: the panel two fifths (its least where it
    draws nothing in the range), the lanes the rest within SLIDE_LANE_PX (at least
    ``lane_least`` for names on two lines), the panel what they leave, and at least the height
    of its message (``message_px``) where it draws nothing."""
    least, most = SLIDE_TERRITORY_PX
    least = max(least, message_px)  # an empty panel holds its message
    panel = min(most, room * 0.4) if territory else least
    tallest = SLIDE_LANE_PX[1] * (1 if territory else 2)  # an empty panel leaves the room to the lanes
    lane = max(SLIDE_LANE_PX[0], lane_least, min(tallest, (room - panel - 6) / max(lanes, 1)))
    lanes_px = lane * max(lanes, 1) + 6
    return lanes_px, max(least, room - lanes_px)


def _percent_step(top: float, panel_px: float, theme: Theme) -> float:
    """The territory axis's step (percentage points): the finest of 5, 10, 20, 25, 50 whose
    labels stand two lines apart on a panel ``panel_px`` tall, at most four of them."""
    return next((step for step in (5, 10, 20, 25, 50)
                 if step * panel_px / top >= 2 * theme.font_size and top / step <= 4), 50)


def _utc(start: pd.Timestamp, end: pd.Timestamp) -> tuple[pd.Timestamp, pd.Timestamp]:
    return start.tz_localize("UTC"), end.tz_localize("UTC")


def _wrap(text: str, px: float, font_px: float) -> list[str]:
    return textwrap.wrap(text, chars_in(px, font_px))


def _spans(placed: pd.DataFrame, theme: Theme, axis: Axis) -> list[dict]:
    """Bars for events with a duration, at least MIN_BAR_PX wide at the drawn range."""
    anchor, until = (placed[c].to_numpy(dtype="datetime64[ns]") for c in ("anchor", "until"))
    spans = (until > anchor).nonzero()[0]  # NaT (no end) compares false
    if not len(spans):
        return []
    column = {c: placed[c].to_numpy()[spans].tolist() for c in ("x", "lane", "id", "hover", "kind")}
    colors = [theme.kind_color(k) for k in column["kind"]]
    least = MIN_BAR_PX / axis.px_per_day * 86_400_000  # ms
    return [dict(
        type="bar", base=column["x"],
        x=np.maximum((until[spans] - anchor[spans]) / np.timedelta64(1, "ms"), least).tolist(),
        y=column["lane"], orientation="h", width=BAR_LANE, showlegend=False, name="duration",
        marker=dict(color=colors, opacity=0.35, line=dict(width=1, color=colors)),
        customdata=column["id"], hovertext=column["hover"], hoverinfo="text",
    )]


def _markers(placed: pd.DataFrame, theme: Theme, lang: str = "en") -> list[dict]:
    """A trace per kind, in the kinds' order (numpy takes per kind: pandas' groupby costs more
    than the rest of the trace)."""
    column = {c: placed[c].to_numpy() for c in ("x", "lane", "symbol", "id", "hover")}
    traces = []
    for index, (kind, rows) in enumerate(sorted(placed.groupby("kind").indices.items())):
        color = theme.kind_color(kind, index)
        x, lane, symbol, ids, hover = (column[c][rows].tolist() for c in ("x", "lane", "symbol", "id", "hover"))
        traces.append(dict(
            type="scatter", x=x, y=lane, mode="markers", name=esc(vocabulary(kind, lang)),
            marker=dict(symbol=symbol, color=color, size=theme.marker_size, line=dict(width=1.5, color=color)),
            customdata=ids, hovertext=hover, hoverinfo="text",
        ))
    return traces


def _selected(selected: pd.DataFrame, theme: Theme) -> list[dict]:
    """A ring around the event whose detail is open."""
    if selected.empty:
        return []
    return [dict(
        type="scatter", x=selected["x"].tolist(), y=selected["lane"].tolist(),
        mode="markers", name="selected", showlegend=False, hoverinfo="skip",
        customdata=selected["id"].tolist(),
        marker=dict(symbol="circle-open", size=theme.marker_size * 2.2, color=theme.text,
                    line=dict(width=theme.line_width + 1, color=theme.text)),
    )]


def _eras(ds: Dataset, theme: Theme, axis: Axis, ticks_px: float, lang: str = "en") -> tuple[list[dict], list[dict]]:
    """Shaded bands for the eras of talks on both panels, and the labels of those in the drawn
    range in their own row above the date ticks (never on the title, the ticks or the lanes);
    a label that would run past the plot's right end ends at the band's end instead."""
    shapes, annotations = [], []
    start, last = axis.start, axis.end
    small = max(10, theme.font_size - 2)
    t = translator(lang)
    for first, end in ds.derived.eras:
        if end <= start or first >= last:
            continue
        period = f"{day_text(first, lang)} – {day_text(end - pd.Timedelta(days=1), lang)}"
        for xref, yref in (("x", "y domain"), ("x2", "y2 domain")):
            shapes.append(dict(type="rect", x0=str(first), x1=str(end), xref=xref, yref=yref, y0=0, y1=1,
                               fillcolor=theme.era_fill, line=dict(width=0), layer="below"))
        years = f"{first:%Y}" if first.year == (end - pd.Timedelta(days=1)).year else f"{first:%Y}–{end:%y}"
        label = t.gettext("Talks %(years)s") % {"years": years}
        at = max(first, start)
        anchor = "left"
        if axis.px(at) + len(label) * small * CHAR_EM > axis.plot_px:
            at, anchor = min(end, last), "right"
        annotations.append(dict(x=str(at), y=1, xref="x", yref="y domain",
                                text=esc(label), showarrow=False, yshift=ticks_px + 2,
                                hovertext=esc(t.gettext("Rounds of talks %(period)s") % {"period": period}),
                                xanchor=anchor, yanchor="bottom", font=dict(color=theme.muted, size=small)))
    return shapes, annotations


def _gap_note(ds: Dataset, view: ViewState, axis: Axis, theme: Theme, small: float, ticks_px: float) -> dict:
    """'⋯ 13 months hidden ⋯' under the territory panel's dates, at the break; it counts the
    territory figures the break hides."""
    gap = axis.gap
    months = int((gap[1] - gap[0]) / pd.Timedelta(days=30.44))
    hidden = hidden_points(ds, view, gap)
    t = translator(view.lang)
    text = "⋯ " + t.ngettext("%(n)s month hidden", "%(n)s months hidden", months)
    text += (", " + t.ngettext("%(n)s territory figure", "%(n)s territory figures", hidden) if hidden else "")
    text += " ⋯"
    at, width = axis.px(gap[0]), len(text) * small * CHAR_EM
    place = dict(x=str(gap[0]), xref="x2")
    if width / 2 <= at <= axis.plot_px - width / 2:
        place["xanchor"] = "center"
    elif at + width <= axis.plot_px:
        place["xanchor"] = "left"
    elif at >= width:
        place["xanchor"] = "right"
    else:  # no room beside the break: under the axis from its start, wrapped to the plot
        text = "<br>".join(map(esc, _wrap(text, axis.plot_px, small)))
        place = dict(x=0, xref="paper", xanchor="left")
    return dict(place, y=0, yref="y2 domain", showarrow=False, yanchor="top", align="left",
                yshift=-(ticks_px + 6), text=text if "<br>" in text else esc(text),
                hovertext=esc(t.gettext("No events from %(start)s to %(end)s (GMT); choose 'to scale' to show them")
                              % {"start": day_text(gap[0], view.lang), "end": day_text(gap[1], view.lang)}),
                font=dict(color=theme.muted, size=small))


def _bounds(view: ViewState) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """The zoomed range as UTC instants (the end day included), None where open."""
    start = pd.Timestamp(view.start, tz="UTC") if view.start else None
    end = pd.Timestamp(view.end, tz="UTC") + pd.Timedelta(days=1) if view.end else None
    return start, end


def _range(ds: Dataset, view: ViewState, events: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The drawn range (naive UTC): the zoom if any, else the events shown with a margin, so a
    filter to some rounds zooms to fit them; unfiltered, the whole data (and territory)."""
    shown = events if len(events) < len(ds.events) else ds.events
    first = naive_utc(shown["anchor"].min())
    last = naive_utc(shown["until"].fillna(shown["anchor"]).max())
    pad = max(pd.Timedelta(days=2), (last - first) * 0.03)
    start = pd.Timestamp(view.start) if view.start else (first - pad).normalize()
    end = pd.Timestamp(view.end) + pd.Timedelta(days=1) if view.end else (last + pad).ceil("D")
    return start, end
