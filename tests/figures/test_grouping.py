"""Many events: grouped per lane and time bin above MAX_MARKERS in view, each drawn once
zoomed in; the text lists stop at LISTED_MAX with a note."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

import plotly.graph_objects as go
from dashboard.data.dataset import load_dataset
from dashboard.tabs import build_figure
from dashboard.figures.grouping import MAX_MARKERS, bin_width
from dashboard.figures.theme import get_theme
from dashboard.state import ViewState
from dashboard.views.explore import event_list
from dashboard.views.components import LISTED_MAX, events_table

from ..conftest import make_large_package

MANY = MAX_MARKERS + 500


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    return load_dataset(make_large_package(tmp_path_factory.mktemp("large"), MANY))


def groups(figure) -> list:
    return [t for t in figure.data if (t.name or "").startswith("groups of events")]


def test_many_events_in_view_are_grouped(large):
    figure = go.Figure(build_figure(large, ViewState()))
    (trace,) = groups(figure)
    assert len(trace.x) < len(large.events) / 5
    counts = [int(text.split("</b>")[0].removeprefix("<b>").split()[0].replace(",", "")) for text in trace.hovertext]
    assert sum(counts) == len(large.events)  # every event is in exactly one group
    assert set(trace.customdata) <= set(large.events["id"])  # a click opens a real event
    assert not any(x is not None for t in figure.data if t.name == "session" for x in t.x)  # no per-event markers
    notes = [a.text for a in figure.layout.annotations if "grouped per" in (a.text or "")]
    assert notes and f"{len(large.events):,} events in view" in notes[0]
    assert len(figure.to_json()) / len(large.events) < 200  # bytes per event


def test_groups_take_the_colour_of_their_most_common_kind_with_a_legend(large):
    figure = go.Figure(build_figure(large, ViewState()))
    (trace,) = groups(figure)
    theme = get_theme("light")
    mains = [re.search(r"<br>mostly (\w+) \((\d+)%\)", text).groups() for text in trace.hovertext]
    assert [theme.kind_color(kind) for kind, _ in mains] == list(trace.marker.color)
    assert {kind for kind, _ in mains} > {"session"}  # the fixture's other kinds lead some groups
    assert ("session", "100") in mains
    legend = {t.name: t.marker.color for t in figure.data if t.x == (None,)}
    assert legend == {k: theme.kind_color(k) for k in sorted(large.events["kind"].unique())}


def test_a_group_click_opens_its_first_event(large):
    trace = groups(go.Figure(build_figure(large, ViewState())))[0]
    first_many = large.events[large.events["id"].str.startswith("e-many-")].iloc[0]
    assert first_many["id"] in trace.customdata


def test_zooming_in_draws_each_event(large):
    view = ViewState(start="2022-05-01", end="2022-05-10")  # 240 hourly events, under the limit
    figure = go.Figure(build_figure(large, view))
    assert groups(figure) == []
    drawn = sum(len(t.x) for t in figure.data if t.name == "session")
    in_range = large.events[(large.events["anchor"] >= pd.Timestamp("2022-05-01", tz="UTC"))
                            & (large.events["anchor"] < pd.Timestamp("2022-05-11", tz="UTC"))]
    assert drawn == len(in_range) >= 240


def test_few_events_are_never_grouped(fixture_dataset):
    figure = go.Figure(build_figure(fixture_dataset, ViewState()))
    assert groups(figure) == [] and sum(len(t.x) for t in figure.data if t.customdata is not None) >= 8


@pytest.mark.parametrize("hours,width", [(24, "1h"), (120, "1h"), (121, "3h"), (24 * 7 * 120, "7D"),
                                         (24 * 365 * 300, "365D")])
def test_bins_are_round_and_at_most_120_across(hours, width):
    first = pd.Timestamp("2022-01-01", tz="UTC")
    assert bin_width(first, first + pd.Timedelta(hours=hours)) == pd.Timedelta(width)


def test_the_event_list_and_table_stop_at_the_limit_with_a_note(large):
    items = event_list.items(large, large.events, "")
    buttons = [i for i in items if getattr(i.children, "id", None)]
    assert len(buttons) == LISTED_MAX and f"of {len(large.events):,}" in items[-1].children
    table = json.dumps(events_table(large, large.events, "asc").to_plotly_json(), default=str)
    assert f"The first {LISTED_MAX:,} of {len(large.events):,}" in table


def test_the_grouping_note_gets_its_own_room_between_the_panels(large):
    grouped = go.Figure(build_figure(large, ViewState()))
    each = go.Figure(build_figure(large, ViewState(start="2022-05-01", end="2022-05-10")))
    gap = grouped.layout.yaxis.domain[0] - grouped.layout.yaxis2.domain[1]
    assert gap > each.layout.yaxis.domain[0] - each.layout.yaxis2.domain[1] + 0.02
