"""Figures are assembled without Plotly's per-property validation (for speed), so every kind
of figure is checked here against the full schema: a typo in a property name fails."""

from __future__ import annotations

import itertools
import json

import plotly.graph_objects as go
import pytest

from dashboard.figures.assembly import figure_json
from dashboard.figures.size import FORMS, Size
from dashboard.tabs import build_figure
from dashboard.state import ViewState


@pytest.mark.parametrize("tab,lanes,theme,form", list(itertools.product(
    ("timeline", "schedule", "compare"), ("round", "side"), ("light", "present"), FORMS)))
def test_every_figure_passes_plotly_validation(fixture_dataset, tab, lanes, theme, form):
    view = ViewState(tab=tab, lanes=lanes, theme=theme, event=fixture_dataset.events.index[0])
    go.Figure(json.loads(figure_json(build_figure(fixture_dataset, view, size=Size.of_form(form)))))  # raises on a bad property


@pytest.mark.parametrize("tab", ("schedule", "compare"))
def test_empty_figures_pass_plotly_validation_in_every_form(fixture_dataset, tab):
    for form in FORMS:
        go.Figure(json.loads(figure_json(build_figure(fixture_dataset, ViewState(tab=tab, q="no such words"),
                                                      size=Size.of_form(form)))))


def test_an_invalid_property_is_caught(fixture_dataset):
    bad = json.loads(figure_json(build_figure(fixture_dataset, ViewState())))
    bad["data"][0]["hovertext_typo"] = "x"
    with pytest.raises(ValueError):
        go.Figure(bad)
