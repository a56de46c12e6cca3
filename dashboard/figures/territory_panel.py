"""The timeline's territory panel: which series it shows, each drawn as its own points.

By default one series, the one with the longest consistent method (``Derived.default_series``:
DeepState in the shipped data), because figures from different publishers count different
areas and must not be read as one line; ``territory=`` in the view asks for others or all.
A series holds its value (a step) only to its next point within ``HOLD_DAYS``; across a longer
gap there is no line (the data's rule: a figure is not carried over months without one).
"""

from __future__ import annotations

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.data.derived import TerritorySeries
from dashboard.data.labels import esc
from dashboard.state import ALL_SERIES, ViewState
from dashboard.figures.theme import Theme

HOLD_DAYS = 90  # a step joins two points of a series at most this far apart
LABELLED_MAX = 3  # series named at their last point; more are named in the legend


def shown_series(ds: Dataset, view: ViewState) -> tuple[TerritorySeries, ...]:
    series = ds.derived.territory_series
    if ALL_SERIES in view.territory:
        return series
    wanted = set(view.territory) or {ds.derived.default_series}
    return tuple(s for s in series if s.key in wanted)


def territory_traces(ds: Dataset, view: ViewState, theme: Theme) -> list[dict]:
    """One trace per shown series, in its own colour (``Theme.territory_colors``: no event
    kind's hue); named in the legend only when there are too many to label directly."""
    shown = shown_series(ds, view)
    legend = len(shown) > LABELLED_MAX
    traces = []
    for index, series in enumerate(shown):
        color = theme.territory_color(index)
        x, y, hover, symbols = _held(series, view.lang)
        traces.append(dict(
            type="scatter", x=x, y=y, xaxis="x2", yaxis="y2", mode="lines+markers", name=series.measure,
            showlegend=legend, line=dict(color=color, width=theme.line_width, shape="hv"),
            marker=dict(color=color, size=theme.marker_size * 0.7, symbol=symbols),
            hovertext=hover, hoverinfo="text", connectgaps=False,
        ))
    return traces


def series_labels(ds: Dataset, view: ViewState, theme: Theme) -> list[dict]:
    """Each shown series' name under its last point, ending there (right-aligned), when few
    are shown: under the line there is room, over it the panel's title."""
    shown = shown_series(ds, view)
    if len(shown) > LABELLED_MAX:
        return []
    return [dict(x=s.dates[-1], y=s.percents[-1], xref="x2", yref="y2", text=esc(s.measure),
                 showarrow=False, xanchor="right", yanchor="top", yshift=-(6 + 1.4 * theme.font_size * index),
                 font=dict(color=theme.territory_color(index), size=max(10, theme.font_size - 1)))
            for index, s in enumerate(shown)]


def hidden_points(ds: Dataset, view: ViewState, gap: tuple | None) -> int:
    """How many of the shown series' figures fall in the compressed stretch ``gap`` (naive
    UTC; not drawn)."""
    if not gap:
        return 0
    start, end = gap
    return sum(start < pd.Timestamp(d) < end for s in shown_series(ds, view) for d in s.dates)


def drawn_between(ds: Dataset, view: ViewState, start: pd.Timestamp, end: pd.Timestamp) -> bool:
    """Whether the panel draws anything in the range (naive UTC): a figure in it, or a hold
    across it (two figures of a series at most HOLD_DAYS apart on either side)."""
    for series in shown_series(ds, view):
        dates = [pd.Timestamp(d) for d in series.dates]
        if any(start <= d <= end for d in dates):
            return True
        if any(a < start and b > end and b - a <= pd.Timedelta(days=HOLD_DAYS) for a, b in zip(dates, dates[1:])):
            return True
    return False


def top_percent(ds: Dataset, view: ViewState) -> float:
    return max((max(s.percents) for s in shown_series(ds, view)), default=0.0)


def _held(series: TerritorySeries, lang: str) -> tuple[list, list, list, list]:
    """The series' points with a break (None) wherever two are more than HOLD_DAYS apart,
    their hovers in ``lang``."""
    x, y, hover, symbols = [], [], [], []
    previous = None
    for date, percent, text, symbol in zip(series.dates, series.percents, series.hover_in(lang), series.symbols):
        when = pd.Timestamp(date)
        if previous is not None and when - previous > pd.Timedelta(days=HOLD_DAYS):
            x.append(None), y.append(None), hover.append(""), symbols.append("circle")
        x.append(date), y.append(percent), hover.append(text), symbols.append(symbol)
        previous = when
    return x, y, hover, symbols
