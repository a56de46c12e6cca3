"""The main timeline: events in lanes over one time axis, territory on a linked panel below.

The longest stretch without events (found in the data at load, ``Derived.quiet_stretch`` in
``dashboard.data.derived``) is compressed by default with a Plotly range break: one zoomable
axis, both negotiation efforts readable, the break labelled. ``gap=show`` draws the axis to scale. All x values are UTC (GMT).
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard.data.dataset import Dataset
from dashboard.data.labels import NO_ROUND, esc, lane_label, side_label
from dashboard.data.filters import filter_events, round_title
from dashboard.state import ViewState
from dashboard.data.times import format_date, naive_utc
from dashboard.figures.assembly import NARROW_PX, assemble, legend_symbols, top_margin
from dashboard.figures.grouping import MAX_MARKERS, grouped_markers, in_range, may_group
from dashboard.figures.size import Size
from dashboard.figures.theme import Theme

LANE_PX, TERRITORY_PX, CHROME_PX = 44, 230, 190
NOTE_PX = 28  # room a line of the grouping note takes between the panels
# Narrow (a phone): lane names inside the plot above their lanes, so time keeps the width.
NARROW_LANE_PX, NARROW_TERRITORY_PX, NARROW_AXES_PX, NARROW_LABEL_WIDTH = 46, 170, 70, 46


def timeline_figure(ds: Dataset, view: ViewState, theme: Theme, size: Size = Size()) -> go.Figure:
    """Assembled as plain dicts from what the dataset derived at load (labels, lanes, eras, the
    quiet stretch, territory series): a filter change costs pandas indexing, not formatting."""
    narrow = size.width < NARROW_PX  # the phone form
    events = filter_events(ds, view)
    lanes = ds.derived.lanes[view.lanes]
    placed = place_in_lanes(ds, events, view.lanes)
    visible = in_range(placed, *_bounds(view)) if may_group(ds) else placed
    grouped = len(visible) > MAX_MARKERS  # drawn one by one below that
    if not grouped:
        visible = visible.join(ds.derived.labels)  # x, hover and symbol per event
    if narrow:
        territory_px = NARROW_TERRITORY_PX
        height = (top_margin(theme, ds, ds.title, True) + NARROW_AXES_PX + territory_px
                  + NARROW_LANE_PX * max(len(lanes), 4))
    else:
        territory_px = TERRITORY_PX
        height = CHROME_PX + LANE_PX * max(len(lanes), 4) + TERRITORY_PX
    split = territory_px / height
    marks, note = grouped_markers(visible, theme) if grouped else ([*_spans(visible, theme),
                                                                    *_markers(visible, theme)], "")
    selected = placed[placed["id"] == view.event].join(ds.derived.labels) if view.event else placed.iloc[:0]
    data = [*marks, *legend_symbols(theme), *_selected(selected, theme), *_territory(ds, theme)]
    gap = ds.derived.quiet_stretch if view.gap == "compress" else None
    shapes, annotations = _eras(ds, theme, gap, labelled=not narrow)  # narrow, era labels would collide
    annotations.append(dict(text=("Share of Ukraine under Russian control (%)" + ("<br>" if narrow else " · ")
                                  + "times in GMT/UTC"), x=0, y=1, xref="x2 domain", yref="y2 domain",
                            xanchor="left", yanchor="bottom", align="left", showarrow=False,
                            font=dict(color=theme.text)))
    if note:
        annotations.append(dict(text="<br>".join(map(esc, textwrap.wrap(note, 52))) if narrow else esc(note),
                                xref="x domain", yref="y domain", x=1, y=0, xanchor="right", align="right",
                                yanchor="top", showarrow=False, font=dict(color=theme.text)))  # between the panels
    if events.empty:
        annotations.append(dict(text="No events match the filters", xref="x domain", yref="y domain",
                                x=0.5, y=0.5, showarrow=False, font=dict(size=theme.font_size + 3)))
    xaxis = dict(type="date", tickangle=0, nticks=4 if narrow else 10, showspikes=True, spikemode="across",
                 spikethickness=1, spikecolor=theme.muted)
    if view.start or view.end:
        xaxis["range"] = _range(ds, view)
    if gap:
        xaxis["rangebreaks"] = [dict(bounds=[str(naive_utc(gap[0])), str(naive_utc(gap[1]))])]
    between = 0.05 + (NOTE_PX * (2 if narrow else 1) / height if note else 0)  # the panel title, the note
    yaxis = dict(domain=[split + between, 1], categoryorder="array", categoryarray=lanes,
                 autorange="reversed", fixedrange=True, automargin=True)
    layout = dict(
        xaxis=dict(xaxis, anchor="y", showticklabels=False),
        xaxis2=dict(xaxis, anchor="y2", matches="x"),
        yaxis=dict(yaxis, **_names_inside(ds, view, lanes, theme)) if narrow else yaxis,
        yaxis2=dict(domain=[0, split], ticksuffix="%", fixedrange=True, automargin=True),
        shapes=shapes, annotations=annotations,
        hovermode="closest", uirevision="events", bargap=0.5, clickmode="event", dragmode="zoom",
    )
    if not narrow:
        layout["legend"] = dict(orientation="h", x=0, xanchor="left", y=-0.04, yanchor="top")
    return assemble(ds, theme, ds.title, height, data, layout, narrow)


def _names_inside(ds: Dataset, view: ViewState, lanes: tuple[str, ...], theme: Theme) -> dict:
    """Narrow: the y axis's settings that put each lane's name on one line above the lane,
    inside the plot."""
    names = {lane_label(t): esc(textwrap.shorten(t, NARROW_LABEL_WIDTH, placeholder=" …"))
             for t in ds.derived.lane_titles[view.lanes]}
    return dict(tickvals=lanes, ticktext=[names[lane] for lane in lanes], ticklabelposition="inside top",
                ticks="", tickfont=dict(size=max(10, theme.font_size - 2), color=theme.muted))


def place_in_lanes(ds: Dataset, events: pd.DataFrame, lanes: str) -> pd.DataFrame:
    """``events`` with a ``lane`` column; by side, an event appears once per side involved."""
    if lanes == "side":
        placed = events.explode("sides")
        return placed.assign(lane=placed["sides"].map(lambda s: lane_label(side_label(s))))
    labels = {r: lane_label(round_title(ds, r)) for r in events["round_id"].dropna().unique()}  # once per round
    return events.assign(lane=events["round_id"].map(labels).fillna(lane_label(NO_ROUND)))


def _spans(placed: pd.DataFrame, theme: Theme) -> list[dict]:
    spans = placed[placed["until"].notna() & (placed["until"] > placed["anchor"])]
    if spans.empty:
        return []
    colors = [theme.kind_color(k) for k in spans["kind"]]
    return [dict(
        type="bar", base=spans["x"].tolist(),
        x=((spans["until"] - spans["anchor"]) / pd.Timedelta(milliseconds=1)).tolist(),
        y=spans["lane"].tolist(), orientation="h", width=0.55, showlegend=False, name="duration",
        marker=dict(color=colors, opacity=0.35, line=dict(width=1, color=colors)),
        customdata=spans["id"].tolist(), hovertext=spans["hover"].tolist(), hoverinfo="text",
    )]


def _markers(placed: pd.DataFrame, theme: Theme) -> list[dict]:
    traces = []
    for index, (kind, rows) in enumerate(placed.groupby("kind", sort=True)):
        color = theme.kind_color(kind, index)
        traces.append(dict(
            type="scatter", x=rows["x"].tolist(), y=rows["lane"].tolist(),
            mode="markers", name=kind, legendgroup="kinds", legendgrouptitle=dict(text="Kind of event"),
            marker=dict(symbol=rows["symbol"].tolist(), color=color, size=theme.marker_size,
                        line=dict(width=1.5, color=color)),
            customdata=rows["id"].tolist(), hovertext=rows["hover"].tolist(), hoverinfo="text",
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


def _territory(ds: Dataset, theme: Theme) -> list[dict]:
    return [dict(
        type="scatter", x=x, y=y, xaxis="x2", yaxis="y2", mode="lines+markers", name=measure,
        legendgroup="territory", legendgrouptitle=dict(text="Territory series"),
        line=dict(color=theme.series_colors[index % len(theme.series_colors)], width=theme.line_width),
        marker=dict(color=theme.series_colors[index % len(theme.series_colors)], size=theme.marker_size * 0.7,
                    symbol=symbols),
        hovertext=hover, hoverinfo="text",
    ) for index, (measure, x, y, hover, symbols) in enumerate(ds.derived.territory_series)]


def _eras(ds: Dataset, theme: Theme, gap: tuple | None, labelled: bool = True) -> tuple[list[dict], list[dict]]:
    """Shaded bands for the eras of talks on both panels, their labels (if ``labelled``), and
    the gap label."""
    shapes, annotations = [], []
    for start, end in ds.derived.eras:
        period = f"{start:%-d %b %Y} – {end - pd.Timedelta(days=1):%-d %b %Y}"
        for xref, yref in (("x", "y domain"), ("x2", "y2 domain")):
            shapes.append(dict(type="rect", x0=str(start), x1=str(end), xref=xref, yref=yref, y0=0, y1=1,
                               fillcolor=theme.era_fill, line=dict(width=0), layer="below"))
        if labelled:
            annotations.append(dict(x=str(start), y=1, xref="x", yref="y domain", text=esc(f"Talks {start:%Y}"),
                                    showarrow=False, hovertext=esc(f"Rounds of talks {period}"),
                                    xanchor="left", yanchor="bottom", font=dict(color=theme.muted)))
    if gap:
        months = int((gap[1] - gap[0]) / pd.Timedelta(days=30.44))
        annotations.append(dict(
            x=str(naive_utc(gap[0])), y=0.01, xref="x", yref="y domain", showarrow=False, yanchor="bottom",
            text=esc(f"⋯ {months} months hidden ⋯"),
            hovertext=esc(f"No events from {format_date(gap[0], 'UTC')} to {format_date(gap[1], 'UTC')}; "
                          "choose 'to scale' to show them"),
            font=dict(color=theme.muted, size=max(10, theme.font_size - 2))))
    return shapes, annotations


def _bounds(view: ViewState) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """The zoomed range as UTC instants (the end day included), None where open."""
    start = pd.Timestamp(view.start, tz="UTC") if view.start else None
    end = pd.Timestamp(view.end, tz="UTC") + pd.Timedelta(days=1) if view.end else None
    return start, end


def _range(ds: Dataset, view: ViewState) -> list[str]:
    first = naive_utc(ds.events["anchor"].min()).normalize() if len(ds.events) else pd.Timestamp("2000-01-01")
    last = naive_utc(ds.events["until"].fillna(ds.events["anchor"]).max()) if len(ds.events) else first
    start = pd.Timestamp(view.start) if view.start else first
    end = pd.Timestamp(view.end) + pd.Timedelta(days=1) if view.end else last + pd.Timedelta(days=1)
    return [str(start), str(end)]
