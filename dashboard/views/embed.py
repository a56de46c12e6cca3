"""Embed (``/embed``): the figure of a view with no app chrome. (Stub: issue 5 builds it.)"""

from __future__ import annotations

from dash import Dash, dcc, html

from ..dataset import Dataset
from ..figures import build_figure
from ..state import ViewState, choices_for

PATH = "/embed"


def page(ds: Dataset, query: str) -> html.Div:
    """The page for a URL query string; parameters it cannot use become visible notes."""
    view, notes = ViewState.from_query(query, choices_for(ds))
    return layout(ds, view, notes)


def layout(ds: Dataset, view: ViewState, notes: list[str]) -> html.Div:
    return html.Div(className=f"page embed theme-{view.theme}", children=[
        html.Main(id="main", children=dcc.Graph(id="embed-graph", figure=build_figure(ds, view))),
    ])


def register(app: Dash, ds: Dataset) -> None:
    """No callbacks yet."""
