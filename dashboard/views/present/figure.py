"""A slide's figure, for the projector and for paper: built for the size of the box it fills,
without the figure's own title and credit line (the slide and the handout page have their own
title and list the sources)."""

from __future__ import annotations

from dataclasses import replace

from dashboard.data.dataset import Dataset
from dashboard.figures.assembly import Figure
from dashboard.figures.size import Size
from dashboard.figures.theme import Theme
from dashboard.state import ViewState
from dashboard.tabs import build_figure

TOP_PX = 16  # the figure's top margin where its title was (axes still grow it: automargin)
MIN_HEIGHT_PX = 160
MAX_PX = (7680, 4320)  # an 8K screen: the largest figure area a slide is drawn for
PHONE_FONT_PX = 14  # projector type is for a wall; a phone in a student's hand gets phone type


def slide_figure(ds: Dataset, view: ViewState, theme: Theme, size: Size) -> Figure:
    """The view's figure laid out for ``size`` (a slide's size: ``slide=True``). A figure that
    still draws its title and credit line loses them, and their top margin, here. With a fixed
    height the figure fills its box (plotly's autosize); without, it keeps its own height."""
    if size.form == "phone":
        theme = replace(theme, font_size=PHONE_FONT_PX, marker_size=13.0, line_width=3.0)
    figure = build_figure(ds, view, theme, size)  # built for this call: ours to change
    layout = figure["layout"]
    title = layout.get("title", {})
    if title.get("text") or title.get("subtitle", {}).get("text"):
        margin = layout.get("margin", {})
        removed = max(0, margin.get("t", 0) - TOP_PX)
        layout.update(title=dict(title, text="", subtitle=dict(text="")), margin=dict(margin, t=TOP_PX))
        if size.height is None and layout.get("height"):
            layout["height"] = max(MIN_HEIGHT_PX, layout["height"] - removed)
    if size.height is not None:
        layout.pop("width", None), layout.pop("height", None)
        layout["autosize"] = True
    return figure


def placeholder(theme: Theme) -> dict:
    """The blank figure a slide shows until its figure, built for the measured area, arrives."""
    hidden = dict(visible=False)
    return dict(data=[], layout=dict(paper_bgcolor=theme.paper, plot_bgcolor=theme.paper,
                                     xaxis=hidden, yaxis=hidden, margin=dict(l=0, r=0, t=0, b=0)))


def area_size(area) -> Size | None:
    """The ``Size`` of a figure area the browser measured: a fixed height on a projector's grid,
    none on a phone, where the page scrolls and the figure takes the height it needs. None for
    what no browser would send (the store is the client's to write): no width, or not numbers.
    Sizes are held to an 8K screen."""
    try:
        width, height = int(area["width"]), area.get("height")
        height = None if height is None else int(height)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    if width < 1 or (height is not None and height < 1):
        return None
    return Size(min(width, MAX_PX[0]), None if height is None else min(height, MAX_PX[1]), slide=True)
