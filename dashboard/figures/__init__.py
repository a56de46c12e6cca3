"""Pure figure functions: ``(Dataset, ViewState, Theme, narrow) -> plotly Figure``; no Dash, no I/O.

``build_figure`` is the one entry point the pages, the presentation and the export CLI use;
``figure_memo`` wraps it for a view's callbacks. ``narrow`` asks for the form of a figure for
a column narrower than ``NARROW_PX`` (a phone, a side column): the device's, not the view's,
so it is never part of the URL.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

import plotly.graph_objects as go

from dashboard.data.dataset import Dataset
from dashboard.state import ViewState
from dashboard.figures.assembly import NARROW_PX
from dashboard.figures.compare import compare_figure
from dashboard.figures.schedule import schedule_figure
from dashboard.figures.theme import Theme, get_theme
from dashboard.figures.timeline import timeline_figure


__all__ = ["NARROW_PX", "build_figure", "figure_memo"]


def build_figure(ds: Dataset, view: ViewState, theme: Theme | None = None, narrow: bool = False) -> go.Figure:
    """The figure a view shows (the table tab shows the timeline as its figure)."""
    theme = theme or get_theme(view.theme)
    builder = {"schedule": schedule_figure, "compare": compare_figure}.get(view.tab, timeline_figure)
    return builder(ds, view, theme, narrow)


def figure_memo(ds: Dataset, size: int = 16) -> Callable[[ViewState, bool], go.Figure]:
    """``build_figure(ds, view, narrow=…)`` remembering the last ``size`` answers (a figure is a
    pure function of the view, the form and the immutable dataset). Callers must not modify
    what it returns."""
    @lru_cache(maxsize=size)
    def figure(view: ViewState, narrow: bool = False) -> go.Figure:
        return build_figure(ds, view, narrow=narrow)

    return figure
