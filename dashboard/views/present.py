"""Present (``/present``): step-by-step slides for the classroom. (Stub: issue 6 builds it.)"""

from __future__ import annotations

from dash import Dash, html

from ..dataset import Dataset
from ..state import ViewState

PATH = "/present"


def page(ds: Dataset, query: str) -> html.Div:
    return layout(ds, ViewState(), [])


def layout(ds: Dataset, view: ViewState, notes: list[str]) -> html.Div:
    return html.Div(className="page present", children=[html.Main(id="main", children=html.H1(ds.title))])


def register(app: Dash, ds: Dataset) -> None:
    """No callbacks yet."""
