"""The main timeline figure on the fictional fixture."""

from __future__ import annotations

import json

import pandas as pd

import plotly.graph_objects as go
from dashboard.figures.theme import THEMES, get_theme
from dashboard.figures.positions import RING_NAME
from dashboard.figures.timeline import timeline_figure
from dashboard.state import ViewState

LIGHT = get_theme("light")


def traces(figure, kind=None):
    return [t for t in figure.data if kind is None or t.type == kind]


def event_ids(figure) -> set:
    return {i for t in figure.data if t.customdata is not None and t.name not in ("duration", "selected")
            for i in t.customdata}


def test_every_event_is_a_marker_and_one_territory_series_by_default(fixture_dataset):
    figure = go.Figure(timeline_figure(fixture_dataset, ViewState(), LIGHT))
    assert event_ids(figure) == set(fixture_dataset.events["id"])
    lines = [t for t in figure.data if t.yaxis == "y2"]
    assert [t.name for t in lines] == ["Monitor A"]  # the default series: the most points
    assert fixture_dataset.derived.default_series == "monitor-a"
    everything = go.Figure(timeline_figure(fixture_dataset, ViewState(territory=("all",)), LIGHT))
    lines = [t for t in everything.data if t.yaxis == "y2"]
    assert sorted(t.name for t in lines) == ["Monitor A", "Monitor B"]
    assert all(t.mode == "lines+markers" and t.line.shape == "hv" for t in lines)
    chosen = go.Figure(timeline_figure(fixture_dataset, ViewState(territory=("monitor-b",)), LIGHT))
    assert [t.name for t in chosen.data if t.yaxis == "y2"] == ["Monitor B"]


def test_territory_colours_never_share_a_hue_with_a_kind_and_series_are_named_at_their_end(fixture_dataset):
    for theme in THEMES.values():
        assert not set(theme.territory_colors) & set(theme.kind_colors.values())
    figure = go.Figure(timeline_figure(fixture_dataset, ViewState(), LIGHT))
    [line] = [t for t in figure.data if t.yaxis == "y2"]
    assert line.showlegend is False
    [label] = [a for a in figure.layout.annotations if a.text == "Monitor A"]
    assert (label.x, label.y, label.xanchor) == (line.x[-1], line.y[-1], "right")


def test_a_series_holds_its_value_only_to_a_point_within_90_days(fixture_dataset):
    series = fixture_dataset.derived.territory_series[0]
    held = go.Figure(timeline_figure(fixture_dataset, ViewState(territory=(series.key,)), LIGHT))
    [line] = [t for t in held.data if t.yaxis == "y2"]
    dates = [pd.Timestamp(d) for d in series.dates]
    breaks = sum(b - a > pd.Timedelta(days=90) for a, b in zip(dates, dates[1:]))
    assert list(line.x).count(None) == breaks > 0  # no line across a longer gap


def test_spans_cover_sessions_and_whole_days(fixture_dataset):
    def spans(view):
        [bars] = [t for t in go.Figure(timeline_figure(fixture_dataset, view, LIGHT)).data if t.name == "duration"]
        return dict(zip(bars.customdata, zip(bars.base, bars.x)))

    # A session from 10:35 to 12:20 UTC: 105 minutes, drawn from its UTC start.
    assert spans(ViewState(start="2025-05-16", end="2025-05-16"))["e-beta-session"] == (
        "2025-05-16 10:35:00", 105 * 60_000)
    # A day-precision event is the whole local day (Istanbul midnight is 21:00 UTC), never a point.
    assert spans(ViewState(start="2022-03-28", end="2022-03-31"))["e-alpha-statement"] == (
        "2022-03-29 21:00:00", 24 * 3_600_000)
    whole = spans(ViewState())
    assert "e-proposal" not in whole  # a point in time has no span
    # Over the whole range the 105 minutes would be under a pixel: drawn MIN_BAR_PX wide instead.
    assert whole["e-beta-session"][1] > 105 * 60_000


def test_lanes_by_round_and_by_side(fixture_dataset):
    by_round = fixture_dataset.derived.lanes["round"]
    assert by_round == ("Testport round", "Testport round one", "Testport round two",
                        "Context (outside the rounds)")
    figure = go.Figure(timeline_figure(fixture_dataset, ViewState(lanes="side"), LIGHT))
    turkey = [y for t in traces(figure, "scatter") if t.yaxis in (None, "y") and t.name != RING_NAME
              for y in (t.y or ()) if y == "Turkey"]
    assert len(turkey) == 2  # the trilateral meeting and the round-one session (their markers, not rings)


def test_filters_reduce_the_markers(fixture_dataset):
    figure = go.Figure(timeline_figure(fixture_dataset, ViewState(kinds=("session",), q="round one"), LIGHT))
    assert event_ids(figure) == {"e-beta-session"}


def test_empty_filter_says_so_in_words_without_empty_lanes(fixture_dataset):
    figure = go.Figure(timeline_figure(fixture_dataset, ViewState(q="no such words"), LIGHT))
    assert event_ids(figure) == set()
    assert any(a.text.startswith("No events match these filters") for a in figure.layout.annotations)
    assert figure.layout.yaxis.visible is False and not figure.data


def test_filtering_to_a_round_zooms_to_it_and_keeps_only_its_lanes(fixture_dataset):
    figure = go.Figure(timeline_figure(fixture_dataset, ViewState(rounds=("r-beta",)), LIGHT))
    start, end = (pd.Timestamp(t) for t in figure.layout.xaxis.range)
    anchors = fixture_dataset.events.loc[fixture_dataset.events["round_id"] == "r-beta", "anchor"]
    assert start <= anchors.min().tz_localize(None) and anchors.max().tz_localize(None) <= end
    assert end - start < pd.Timedelta(days=60)
    assert len(figure.layout.yaxis.categoryarray) == 1


def test_long_quiet_stretch_is_compressed_unless_asked(fixture_dataset):
    start, end = fixture_dataset.derived.quiet_stretch
    # 30 days past the last event before it (30 Apr 2022 21:00), to the next month's start; 30
    # days before the first after it (10 Apr 2025 22:00), back to the half-year's start
    assert start == pd.Timestamp("2022-05-01T00:00:00Z") and end == pd.Timestamp("2025-01-01T00:00:00Z")
    compressed = go.Figure(timeline_figure(fixture_dataset, ViewState(), LIGHT))
    assert compressed.layout.xaxis.rangebreaks[0].bounds == ("2022-05-01 00:00:00", "2025-01-01 00:00:00")
    to_scale = go.Figure(timeline_figure(fixture_dataset, ViewState(gap="show"), LIGHT))
    assert not to_scale.layout.xaxis.rangebreaks


def test_zoom_range_from_the_state(fixture_dataset):
    figure = go.Figure(timeline_figure(fixture_dataset, ViewState(start="2025-05-01", end="2025-06-30"), LIGHT))
    assert figure.layout.xaxis.range == ("2025-05-01 00:00:00", "2025-07-01 00:00:00")


def test_hover_shows_gmt_istanbul_and_territory_then(fixture_dataset):
    figure = go.Figure(timeline_figure(fixture_dataset, ViewState(), LIGHT))
    hovers = {i: h for t in traces(figure, "scatter") if None not in (t.customdata, t.hovertext)  # not the rings
              for i, h in zip(t.customdata, t.hovertext)}
    assert "≈10:35–12:20 GMT (≈13:35–15:20 Istanbul)" in hovers["e-beta-session"]
    assert "18.7% (Monitor A, 15 May 2025)" in hovers["e-beta-session"]
    assert "30 Mar 2022" in hovers["e-alpha-statement"] and "00:00" not in hovers["e-alpha-statement"]


def test_data_text_is_escaped_and_themes_are_templates(fixture_dataset):
    for name, theme in THEMES.items():
        figure = go.Figure(timeline_figure(fixture_dataset, ViewState(theme=name), theme))
        assert figure.layout.template.layout.paper_bgcolor == theme.paper
    payload = json.dumps(go.Figure(timeline_figure(fixture_dataset, ViewState(), LIGHT)).to_plotly_json(), default=str)
    assert "<b>Second</b>" not in payload


def test_figure_does_not_mutate_the_dataset(fixture_dataset):
    before = fixture_dataset.events.copy()
    go.Figure(timeline_figure(fixture_dataset, ViewState(lanes="side"), LIGHT))
    pd.testing.assert_frame_equal(before, fixture_dataset.events)


def test_the_open_event_is_ringed(fixture_dataset):
    figure = go.Figure(timeline_figure(fixture_dataset, ViewState(event="e-proposal"), LIGHT))
    [ring] = [t for t in figure.data if t.name == "selected"]
    assert list(ring.customdata) == ["e-proposal"] and ring.marker.symbol == "circle-open"
    assert not [t for t in go.Figure(timeline_figure(fixture_dataset, ViewState(), LIGHT)).data if t.name == "selected"]
