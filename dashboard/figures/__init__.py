"""Pure figure functions: ``(Dataset, ViewState, Theme) -> plotly Figure``; no Dash, no I/O.

``build_figure`` is the one entry point the pages, the presentation and the export CLI use;
``figure_memo`` wraps it for a view's callbacks.
"""

from __future__ import annotations

from functools import lru_cache, partial
from typing import Callable

import plotly.graph_objects as go

from ..dataset import Dataset
from ..state import ViewState
from .compare import compare_figure
from .schedule import schedule_figure
from .theme import Theme, get_theme
from .timeline import timeline_figure


def build_figure(ds: Dataset, view: ViewState, theme: Theme | None = None) -> go.Figure:
    """The figure a view shows (the table tab shows the timeline as its figure)."""
    theme = theme or get_theme(view.theme)
    builder = {"schedule": schedule_figure, "compare": compare_figure}.get(view.tab, timeline_figure)
    return builder(ds, view, theme)


def figure_memo(ds: Dataset, size: int = 16) -> Callable[[ViewState], go.Figure]:
    """``build_figure`` for ``ds`` remembering the last ``size`` views (a figure is a pure function
    of the view and the immutable dataset). Callers must not modify what it returns."""
    return lru_cache(maxsize=size)(partial(build_figure, ds))
