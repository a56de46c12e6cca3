"""A slide's figure: drawn for the size the browser measured, without the figure's own title
and credit line (the slide has its own), and the measured size read defensively."""

from __future__ import annotations

from dataclasses import replace

import pytest

import plotly.graph_objects as go
from dashboard.figures.size import Size
from dashboard.figures.theme import get_theme
from dashboard.state import ViewState
from dashboard.tabs import build_figure
from dashboard.views.present.figure import MAX_PX, PHONE_FONT_PX, TOP_PX, area_size, slide_figure

THEME = get_theme("present")


@pytest.mark.parametrize("area, size", [
    ({"width": 794, "height": 526, "search": "?deck=x"}, Size(794, 526, slide=True)),
    ({"width": 366, "height": None}, Size(366, None, slide=True)),  # a phone: the figure's own height
    ({"width": 10**9, "height": 10**9}, Size(*MAX_PX, slide=True)),
])
def test_a_measured_area_is_the_slide_figures_size(area, size):
    assert area_size(area) == size


@pytest.mark.parametrize("area", [None, {}, {"width": 0, "height": 500}, {"width": "wide"},
                                  {"width": 800, "height": -5}, {"width": [800]}, "800x600"])
def test_what_no_browser_sends_draws_nothing(area):
    assert area_size(area) is None


@pytest.mark.parametrize("view", [ViewState(), ViewState(tab="schedule", day="2025-05-16"), ViewState(tab="compare")])
def test_a_slide_figure_has_no_title_or_credit_and_fills_its_area(fixture_dataset, view):
    figure = go.Figure(slide_figure(fixture_dataset, view, THEME, Size(794, 526, slide=True)))
    assert not figure.layout.title.text and not figure.layout.title.subtitle.text
    built = go.Figure(build_figure(fixture_dataset, view, THEME, Size(794, 526, slide=True)))
    assert figure.layout.margin.t <= max(TOP_PX, built.layout.margin.t)
    assert figure.layout.height is None and figure.layout.width is None and figure.layout.autosize


def test_on_a_phone_a_slide_figure_keeps_its_own_height_less_the_title(fixture_dataset):
    size = Size(366, None, slide=True)
    figure = go.Figure(slide_figure(fixture_dataset, ViewState(), THEME, size))
    phone_theme = replace(THEME, font_size=PHONE_FONT_PX, marker_size=13.0, line_width=3.0)
    built = go.Figure(build_figure(fixture_dataset, ViewState(), phone_theme, size))
    assert not figure.layout.title.text
    assert figure.layout.template.layout.font.size == PHONE_FONT_PX  # phone type, not a wall's
    assert figure.layout.height <= built.layout.height
    if built.layout.title.text:  # the title's room is given back
        assert figure.layout.height < built.layout.height
