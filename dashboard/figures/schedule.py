"""A talks day hour by hour: each timed event's scheduled and actual session side by side.

``view.day`` is an Istanbul-local date (YYYY-MM-DD). All x values are naive UTC (plotly.js
ignores offsets): the bottom axis is labelled GMT and a second axis on top shows the same
hours in Istanbul time. Scheduled times are hollow, actual times filled; approximate actual
times are hatched, outlined with dashes and marked '≈'. An unknown end is drawn as a start
marker, never as an invented duration. Only minute- and hour-precision events appear here.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard.data.dataset import Dataset
from dashboard.data.filters import filter_events
from dashboard.state import ViewState
from dashboard.data.times import (
    DISPLAY_ZONE,
    DISPLAY_ZONE_LABEL,
    format_date,
    format_delay,
    format_span,
    minutes_between,
    naive_utc,
)
from dashboard.data.labels import esc
from dashboard.figures.assembly import assemble, empty_figure, top_margin, stacked
from dashboard.figures.size import Size
from dashboard.figures.theme import Theme

TIMED = ("minute", "hour")
COLUMNS = ["id", "title", "kind", "precision", "local_tz", "anchor", "scheduled_start",
           "scheduled_end", "start", "end", "approximate", "status", "verification",
           "delay_min", "delay_text"]
OFFSET = 0.19      # scheduled marks sit this far above the row centre, actual marks below (rows)
BAR_WIDTH = 0.32   # bar thickness (rows)
CHROME_PX = 250    # title, both time axes, legend and credit at 13 px type
# Narrow (a phone): each row's name and delay on lines of their own at the top of the row,
# the marks below them, so time keeps the width.
NARROW_CENTRE, NARROW_OFFSET, NARROW_BAR_WIDTH, NARROW_LABEL_WIDTH = 0.17, 0.12, 0.2, 44
PAD = pd.Timedelta(hours=1)
TICK_HOURS = (1, 2, 3, 6, 12, 24)
TRANSPARENT = "rgba(0,0,0,0)"


def schedule_day(ds: Dataset, view: ViewState) -> str:
    """The Istanbul-local date shown: ``view.day``, else the busiest talks day ('' if none)."""
    return view.day or ds.derived.busiest_day


def schedule_rows(ds: Dataset, view: ViewState) -> pd.DataFrame:
    """Filtered minute/hour events whose anchor or scheduled start falls on the talks day
    (Istanbul-local date), in time order. Times are tz-aware UTC; ``delay_min`` (Int64) is
    minutes from scheduled to actual start (negative = early, <NA> if either is unknown)."""
    day = schedule_day(ds, view)
    events = filter_events(ds, view)
    events = events[events["precision"].isin(TIMED)]
    on_day = pd.Series(False, index=events.index)
    for column in ("anchor", "scheduled_start"):
        on_day |= events[column].dt.tz_convert(DISPLAY_ZONE).dt.strftime("%Y-%m-%d") == day
    rows = events[on_day].sort_values(["anchor", "id"])
    delays = [minutes_between(s, a) if pd.notna(s) and pd.notna(a) else pd.NA
              for s, a in zip(rows["scheduled_start"], rows["start"])]
    rows = rows.assign(delay_min=pd.array(delays, dtype="Int64"))
    rows["delay_text"] = ["" if pd.isna(m) else format_delay(int(m), bool(a))
                          for m, a in zip(rows["delay_min"], rows["approximate"])]
    return rows[COLUMNS]


def schedule_figure(ds: Dataset, view: ViewState, theme: Theme, size: Size = Size()) -> go.Figure:
    """Rows = events; upper half of a row = scheduled, lower half = actual; x = time (UTC)."""
    narrow = stacked(size)  # phone and column forms
    day = schedule_day(ds, view)
    label = format_date(pd.Timestamp(day).tz_localize(DISPLAY_ZONE), DISPLAY_ZONE) if day else ""
    title = f"{label or 'A talks day'} hour by hour (GMT and {DISPLAY_ZONE_LABEL} time)"
    rows = schedule_rows(ds, view)
    if rows.empty:
        return empty_figure(ds, theme, title, _empty_message(ds, label), size)
    rows = rows.assign(row=range(len(rows)), hover=_hover(rows),
                       color=[theme.kind_color(k) for k in rows["kind"]])
    centre, offset = (NARROW_CENTRE, NARROW_OFFSET) if narrow else (0, OFFSET)
    sched_y, actual_y = rows["row"] + centre - offset, rows["row"] + centre + offset
    exact, approx = rows[~rows["approximate"]], rows[rows["approximate"]]
    marks = [_marks(rows, sched_y, "scheduled_start", "scheduled_end", theme, "planned", narrow),
             _marks(exact, actual_y[exact.index], "start", "end", theme, "exact", narrow),
             _marks(approx, actual_y[approx.index], "start", "end", theme, "approximate", narrow)]
    axis_trace, axes, axis_names = _time_axes(hour_ticks(rows, 5 if narrow else 12), actual_y.iloc[0], theme,
                                              narrow)
    row_px = max(72, theme.font_size * 5.5) * (1.5 if narrow else 1)
    yaxis = dict(tickvals=rows["row"].tolist(), fixedrange=True, automargin=True,
                 ticktext=[_wrap(t) for t in rows["title"]], range=[len(rows) - 0.5, -0.5],
                 showgrid=False, zeroline=False,
                 minor=dict(tickvals=[r + 0.5 for r in rows["row"][:-1]], showgrid=True,
                            gridcolor=theme.grid, ticks=""))
    axes_px = theme.font_size * 2.8  # the top axis's tick labels (and its name, narrow)
    if narrow:
        yaxis.update(showticklabels=False)
        top = top_margin(theme, ds, title, size) + axes_px + theme.font_size * 1.6
        height = top + 80 * theme.font_size / 13 + row_px * len(rows)
        margin, labels = dict(t=int(top), l=10, r=10), _row_labels(rows, theme)
    else:
        height = CHROME_PX * theme.font_size / 13 + row_px * len(rows)
        margin = dict(t=int(top_margin(theme) + axes_px), l=int(theme.font_size * 13))
        labels = _delays(rows, actual_y, theme)
    layout = dict(
        hovermode="closest", clickmode="event", barmode="overlay", margin=margin,
        title=dict(y=0.99, yanchor="top", yref="container"), yaxis=yaxis,
        shapes=[shape for _, shapes in marks for shape in shapes],
        annotations=[*labels, *axis_names], **axes,
    )
    if not narrow:
        layout["legend"] = dict(y=0.5, yanchor="middle")
    return assemble(ds, theme, title, int(height), [*(t for traces, _ in marks for t in traces), axis_trace],
                    layout, size)


def hour_ticks(rows: pd.DataFrame, most: int = 12) -> pd.DatetimeIndex:
    """Tick times (tz-aware UTC) around the day's times, every 1–24 hours (about ``most`` ticks at most)."""
    times = pd.concat([rows[c] for c in ("scheduled_start", "scheduled_end", "start", "end")]).dropna()
    first, last = times.min() - PAD, times.max() + 2 * PAD  # room for the delay labels
    hours = next((h for h in TICK_HOURS if last - first <= pd.Timedelta(hours=most * h)), 24)
    return pd.date_range(first.floor(f"{hours}h"), last.ceil(f"{hours}h"), freq=f"{hours}h")


def clock_labels(ticks: pd.DatetimeIndex) -> list[str]:
    """'HH:MM' per tick in the ticks' own zone; a midnight tick shows the new date instead."""
    return [t.strftime("%-d %b") if t == t.normalize() else t.strftime("%H:%M") for t in ticks]


def _marks(rows: pd.DataFrame, y: pd.Series, first: str, last: str, theme: Theme,
           style: str, narrow: bool = False) -> tuple[list[dict], list[dict]]:
    """Bars where both ends are known, start markers (▷) where only the start is, and the
    dashed frames of approximate bars (a bar cannot dash its outline): (traces, shapes).

    ``style``: 'planned' (hollow), 'exact' (filled) or 'approximate' (hatched, dashed, '≈').
    Narrow, bars are thinner and a start marker's label goes right of it, away from the edge.
    """
    width = NARROW_BAR_WIDTH if narrow else BAR_WIDTH
    spans = rows[rows[first].notna() & rows[last].notna()]
    starts = rows[rows[first].notna() & rows[last].isna()]
    hollow, approx = style == "planned", style == "approximate"
    label = "scheduled" if hollow else ("≈ actual" if approx else "actual")
    name, note = label.lstrip("≈ ").capitalize(), " ≈ (approximate)" if approx else ""
    traces, shapes = [], []
    if not spans.empty:
        colors = spans["color"].tolist()
        marker = dict(color=TRANSPARENT if hollow else colors, opacity=0.55 if approx else 1,
                      line=dict(color=colors, width=theme.line_width))
        if approx:
            marker["pattern"] = dict(shape="/", fgcolor=colors, solidity=0.3)
        traces.append(dict(
            type="bar", base=naive_utc(spans[first]).astype(str).tolist(), y=y[spans.index].tolist(),
            x=((spans[last] - spans[first]) / pd.Timedelta(milliseconds=1)).tolist(),
            orientation="h", width=width, name=f"{name} session{note}", legendgroup=style,
            text=label, textposition="inside", insidetextanchor="start", textangle=0,
            textfont=dict(color=theme.text if hollow or approx else theme.paper), marker=marker,
            customdata=spans["id"].tolist(), hovertext=spans["hover"].tolist(), hoverinfo="text"))
        if approx:
            shapes = [dict(type="rect", x0=str(x0), x1=str(x1), y0=top - width / 2, y1=top + width / 2,
                           line=dict(color=color, dash="dash", width=theme.line_width))
                      for x0, x1, top, color in zip(naive_utc(spans[first]), naive_utc(spans[last]),
                                                    y[spans.index], colors)]
    if not starts.empty:
        traces.append(dict(
            type="scatter", x=naive_utc(starts[first]).astype(str).tolist(), y=y[starts.index].tolist(),
            mode="markers+text", name=f"{name} start{note}, end not {'set' if hollow else 'reported'}",
            legendgroup=style, text=label, textposition="middle right" if narrow else "middle left",
            textfont=dict(color=theme.text),
            marker=dict(symbol="triangle-right-open" if hollow else "triangle-right",
                        color=starts["color"].tolist(), size=theme.marker_size * 1.4,
                        opacity=0.55 if approx else 1, line=dict(width=theme.line_width)),
            customdata=starts["id"].tolist(), hovertext=starts["hover"].tolist(), hoverinfo="text"))
    return traces, shapes


def _delays(rows: pd.DataFrame, y: pd.Series, theme: Theme) -> list[dict]:
    """A label right of each actual mark whose start differs from the schedule."""
    return [dict(x=str(naive_utc(row.start if pd.isna(row.end) else row.end)), y=level,
                 text=esc(row.delay_text), showarrow=False, xanchor="left", xshift=14,
                 font=dict(color=theme.text))
            for row, level in zip(rows.itertuples(), y)
            if not pd.isna(row.delay_min) and row.delay_min != 0]


def _time_axes(ticks: pd.DatetimeIndex, y, theme: Theme, narrow: bool = False) -> tuple[dict, dict, list[dict]]:
    """GMT hours below; the same instants labelled in Istanbul time on an overlaid axis above:
    (the trace that pins the top axis, the two axes, their name labels).

    Each axis is named by a label left of its tick labels (an axis title below would collide
    with the credit line placed under the plot); narrow, above the top one and below the bottom one.
    """
    values = naive_utc(pd.Series(ticks)).astype(str).tolist()
    span = [values[0], values[-1]]
    # plotly draws an axis only if a trace uses it: an invisible one pins the top axis.
    pin = dict(type="scatter", x=span, y=[y, y], xaxis="x2", mode="markers", showlegend=False,
               marker=dict(opacity=0), hoverinfo="skip", name="time axis")
    common = dict(type="date", range=span, tickvals=values, fixedrange=False, ticks="outside")
    local = ticks.tz_convert(DISPLAY_ZONE)
    axes = dict(xaxis=dict(**common, ticktext=clock_labels(ticks), showgrid=True),
                xaxis2=dict(**common, ticktext=clock_labels(local), overlaying="x", side="top",
                            matches="x", showgrid=False))
    shift = int(theme.font_size * 1.9) if narrow else 4  # narrow, past the tick labels
    names = [dict(text=f"<b>{esc(name)}</b> ({first:%-d %b})", xref="paper", x=0, yref="paper",
                  y=1 if top else 0, xanchor="left" if narrow else "right", showarrow=False,
                  yanchor="bottom" if top else "top", xshift=0 if narrow else -int(theme.font_size * 2.6),
                  yshift=shift if top else -shift, font=dict(color=theme.text))
             for name, first, top in (("GMT", ticks[0], False), (DISPLAY_ZONE_LABEL, local[0], True))]
    return pin, axes, names


def _row_labels(rows: pd.DataFrame, theme: Theme) -> list[dict]:
    """Narrow: each row's title and, where it differs from the schedule, its delay, at the
    top of the row (the y axis's names are off)."""
    return [dict(text="<br>".join([_wrap(row.title, NARROW_LABEL_WIDTH), *([f"<i>{esc(row.delay_text)}</i>"]
                                   if not pd.isna(row.delay_min) and row.delay_min != 0 else [])]),
                 xref="x domain", x=0, y=row.row - 0.46, xanchor="left", yanchor="top", align="left",
                 showarrow=False, font=dict(color=theme.text, size=max(10, theme.font_size - 1)))
            for row in rows.itertuples()]


def _hover(rows: pd.DataFrame) -> list[str]:
    """Title, scheduled and actual times in GMT and Istanbul, delay, kind, status, verification."""
    texts = []
    for row in rows.itertuples():
        planned = format_span(row.scheduled_start, row.scheduled_end, row.precision, row.local_tz)
        actual = format_span(row.start, row.end, row.precision, row.local_tz, row.approximate)
        texts.append(f"<b>{esc(row.title)}</b><br>Scheduled: {esc(planned)}<br>Actual: {esc(actual)}"
                     f"<br>{esc(row.delay_text or 'delay unknown')}<br>{esc(row.kind)} · "
                     f"{esc(row.status)} · {esc(row.verification)}")
    return texts


def _wrap(title: str, width: int = 28) -> str:
    """A row label broken into escaped lines."""
    return "<br>".join(esc(line) for line in textwrap.wrap(str(title), width)) or esc(title)


def _empty_message(ds: Dataset, label: str) -> str:
    if not label:
        return "No event in the data is timed to the hour or minute."
    days = ", ".join(ds.derived.talks_days)
    return (f"No event timed to the hour or minute on {label} matches the filters. "
            f"Try another talks day ({days}) or clear the filters.")
