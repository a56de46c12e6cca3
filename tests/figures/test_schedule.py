"""The talks-day schedule: scheduled vs actual, honest precision, GMT and Istanbul axes."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

import plotly.graph_objects as go
from dashboard.data.dataset import load_dataset
from dashboard.figures.schedule import schedule_figure, schedule_rows
from dashboard.figures.theme import get_theme
from dashboard.state import ViewState

from ..conftest import edit_cell

LIGHT = get_theme("light")
AXIS_TRACE = "time axis"
DAY_PRECISION = {"e-alpha-statement", "e-beta-exchange"}


def marks(figure) -> list:
    """The clickable traces (everything but the invisible trace that pins the top axis)."""
    return [t for t in figure.data if t.name != AXIS_TRACE]


def ids_drawn(figure) -> set[str]:
    return {i for t in marks(figure) for i in t.customdata}


def strings(node):
    """Every string in a parsed JSON figure."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


def rendered_text(figure) -> list[str]:
    """What a reader can see: titles, tick labels, annotations, mark labels and hover text."""
    layout = figure.layout
    texts = [layout.title.text, *(a.text for a in layout.annotations)]
    for axis in (layout.xaxis, layout.xaxis2, layout.yaxis):
        texts += list(axis.ticktext or ())
    for trace in figure.data:
        texts += [trace.text] if isinstance(trace.text, str) else list(trace.text or ())
        texts += [trace.name or "", *(trace.hovertext or ())]
    return texts


# --- negative cases first -------------------------------------------------------------------

def test_day_precision_events_never_appear(fixture_dataset):
    for day in [*fixture_dataset.derived.talks_days, "2022-03-30"]:
        view = ViewState(day=day)
        assert not DAY_PRECISION & set(schedule_rows(fixture_dataset, view)["id"])
        assert not DAY_PRECISION & ids_drawn(go.Figure(schedule_figure(fixture_dataset, view, LIGHT)))


@pytest.mark.parametrize("day", ["", "2022-03-29", "2025-05-11", "2025-05-16", "2025-06-02"])
def test_no_midnight_clock_is_ever_rendered(fixture_dataset, day):
    texts = rendered_text(go.Figure(schedule_figure(fixture_dataset, ViewState(day=day), LIGHT)))
    assert len(texts) > 10 and not any("00:00" in t for t in texts)


def test_a_midnight_tick_shows_the_date(fixture_dataset):
    # e-proposal: 22:00 GMT on 10 May is 01:00 on 11 May in Istanbul; the GMT axis crosses midnight.
    figure = go.Figure(schedule_figure(fixture_dataset, ViewState(day="2025-05-11"), LIGHT))
    assert "11 May" in figure.layout.xaxis.ticktext


@pytest.mark.parametrize("view", [
    ViewState(day="2025-05-16", kinds=("statement",)),   # filter leaves nothing timed
    ViewState(day="2025-05-16", q="no-such-word"),
    ViewState(day="2024-01-01"),                          # no events that day
    ViewState(day="2025-05-10"),                          # 22:00 GMT on 10 May is 11 May in Istanbul
])
def test_empty_selection_gives_the_empty_figure(fixture_dataset, view):
    assert schedule_rows(fixture_dataset, view).empty
    figure = go.Figure(schedule_figure(fixture_dataset, view, LIGHT))
    assert len(figure.data) == 0
    texts = [a.text for a in figure.layout.annotations]
    assert any("No event timed to the hour or minute" in t and "2025-05-16" in t for t in texts)


def test_html_in_data_stays_text(fixture_dir):
    edit_cell(fixture_dir, "events.csv", "e-gamma-session", "title", "<b>Second</b> session")
    ds = load_dataset(fixture_dir)
    figure = go.Figure(schedule_figure(ds, ViewState(day="2025-06-02"), LIGHT))
    texts = list(strings(json.loads(figure.to_json())))
    assert not any("<b>Second</b>" in s for s in texts)
    assert any("&lt;b&gt;Second&lt;/b&gt; session" in s for s in figure.layout.yaxis.ticktext)


def test_fixture_summary_html_is_not_rendered(fixture_dataset):
    figure = go.Figure(schedule_figure(fixture_dataset, ViewState(day="2025-06-02"), LIGHT))
    assert "<b>Second</b>" not in figure.to_json()


# --- rows -------------------------------------------------------------------------------------

def test_default_day_is_the_busiest_and_rows_are_in_time_order(fixture_dataset):
    rows = schedule_rows(fixture_dataset, ViewState())
    assert list(rows["id"]) == ["e-beta-trilateral", "e-beta-session"]


@pytest.mark.parametrize("day, event, minutes, text", [
    ("2022-03-29", "e-alpha-session", 30, "started 30 min late"),
    ("2025-05-16", "e-beta-session", 65, "started ≈65 min late"),   # approximate start
    ("2025-06-02", "e-gamma-session", 104, "started 104 min late"),
])
def test_delays(fixture_dataset, day, event, minutes, text):
    rows = schedule_rows(fixture_dataset, ViewState(day=day)).set_index("id")
    assert rows["delay_min"].dtype == "Int64"
    assert rows.at[event, "delay_min"] == minutes
    assert rows.at[event, "delay_text"] == text


def test_unknown_delay_is_na_and_blank(fixture_dataset):
    rows = schedule_rows(fixture_dataset, ViewState(day="2025-05-16")).set_index("id")
    assert pd.isna(rows.at["e-beta-trilateral", "delay_min"])
    assert rows.at["e-beta-trilateral", "delay_text"] == ""


def test_day_is_the_istanbul_local_date(fixture_dataset):
    assert list(schedule_rows(fixture_dataset, ViewState(day="2025-05-11"))["id"]) == ["e-proposal"]


def test_an_event_shows_on_its_scheduled_day_too(fixture_dir):
    # scheduled for 23:00 Istanbul on 1 Jun, held on 2 Jun: it belongs to both days
    edit_cell(fixture_dir, "events.csv", "e-gamma-session", "scheduled_start", "2025-06-01T20:00:00+00:00")
    ds = load_dataset(fixture_dir)
    for day in ("2025-06-01", "2025-06-02"):
        assert list(schedule_rows(ds, ViewState(day=day))["id"]) == ["e-gamma-session"]


# --- figure -----------------------------------------------------------------------------------

@pytest.mark.parametrize("day, expected", [
    # scheduled start only -> open marker; approximate actual session -> hatched bar
    ("2025-05-16", [("scatter", "Scheduled start, end not set", 2),
                    ("bar", "Actual session ≈ (approximate)", 1)]),
    ("2022-03-29", [("scatter", "Scheduled start, end not set", 1), ("bar", "Actual session", 1)]),
    ("2025-06-02", [("scatter", "Scheduled start, end not set", 1),
                    ("scatter", "Actual start, end not reported", 1)]),
])
def test_traces(fixture_dataset, day, expected):
    figure = go.Figure(schedule_figure(fixture_dataset, ViewState(day=day), LIGHT))
    assert [(t.type, t.name, len(t.customdata)) for t in marks(figure)] == expected
    assert len(figure.data) == len(expected) + 1  # plus the top axis trace


def test_scheduled_is_hollow_and_actual_filled(fixture_dataset):
    figure = go.Figure(schedule_figure(fixture_dataset, ViewState(day="2025-06-02"), LIGHT))
    scheduled, actual = marks(figure)
    assert scheduled.marker.symbol.endswith("-open") and not actual.marker.symbol.endswith("-open")
    bar = marks(go.Figure(schedule_figure(fixture_dataset, ViewState(day="2022-03-29"), LIGHT)))[1]
    assert bar.marker.color[0] == LIGHT.kind_color("session") and bar.marker.opacity == 1


def test_approximate_times_are_marked(fixture_dataset):
    figure = go.Figure(schedule_figure(fixture_dataset, ViewState(day="2025-05-16"), LIGHT))
    bar = next(t for t in figure.data if t.type == "bar")
    assert bar.customdata == ("e-beta-session",)
    assert bar.marker.pattern.shape == "/" and bar.marker.opacity < 1 and "≈" in bar.text
    assert [s.line.dash for s in figure.layout.shapes] == ["dash"]
    exact = next(t for t in go.Figure(schedule_figure(fixture_dataset, ViewState(day="2022-03-29"), LIGHT)).data
                 if t.type == "bar")
    assert exact.marker.pattern.shape is None and "≈" not in exact.text


def test_delay_annotations(fixture_dataset):
    texts = [a.text for a in go.Figure(schedule_figure(fixture_dataset, ViewState(day="2025-05-16"), LIGHT))
             .layout.annotations]
    assert "started ≈65 min late" in texts
    assert not any("late" in t for t in texts if t != "started ≈65 min late")


def test_every_mark_is_clickable_and_hover_has_both_zones(fixture_dataset):
    figure = go.Figure(schedule_figure(fixture_dataset, ViewState(day="2025-05-16"), LIGHT))
    assert ids_drawn(figure) == {"e-beta-trilateral", "e-beta-session"}
    for trace in marks(figure):
        assert len(trace.customdata) == len(trace.hovertext)
        for text in trace.hovertext:
            assert "GMT" in text and "Istanbul" in text and "verified" in text
    session = next(t for t in figure.data if t.type == "bar").hovertext[0]
    assert "Scheduled: 16 May 2025, 09:30 GMT (12:30 Istanbul)" in session
    assert "Actual: 16 May 2025, ≈10:35–12:20 GMT (≈13:35–15:20 Istanbul)" in session


@pytest.mark.parametrize("day", ["2022-03-29", "2025-05-11", "2025-05-16", "2025-06-02"])
def test_top_axis_shows_the_same_instants_in_istanbul_time(fixture_dataset, day):
    figure = go.Figure(schedule_figure(fixture_dataset, ViewState(day=day), LIGHT))
    bottom, top = figure.layout.xaxis, figure.layout.xaxis2
    assert top.overlaying == "x" and top.side == "top" and top.matches == "x"
    assert list(top.tickvals) == list(bottom.tickvals) and list(top.range) == list(bottom.range)
    assert any(t.xaxis == "x2" for t in figure.data)  # without a trace plotly would not draw it
    istanbul = ZoneInfo("Europe/Istanbul")
    for value, gmt, local in zip(bottom.tickvals, bottom.ticktext, top.ticktext):
        utc = datetime.fromisoformat(value).replace(tzinfo=timezone.utc)
        for when, label in ((utc, gmt), (utc.astimezone(istanbul), local)):
            midnight = when.hour == 0 and when.minute == 0
            assert label == (f"{when.day} {when:%b}" if midnight else f"{when:%H:%M}")
    assert list(top.ticktext) != list(bottom.ticktext)


def test_title_and_height(fixture_dataset):
    one = go.Figure(schedule_figure(fixture_dataset, ViewState(day="2025-06-02"), LIGHT))
    two = go.Figure(schedule_figure(fixture_dataset, ViewState(day="2025-05-16"), LIGHT))
    assert two.layout.title.text == "16 May 2025 hour by hour (GMT and Istanbul time)"
    assert two.layout.height > one.layout.height
    assert list(two.layout.yaxis.ticktext) == ["Host meeting", "Testport round one session"]


@pytest.mark.parametrize("theme", ["light", "dark", "contrast", "present"])
def test_serializes_in_every_theme(fixture_dataset, theme):
    figure = go.Figure(schedule_figure(fixture_dataset, ViewState(), get_theme(theme)))
    assert json.loads(figure.to_json())["layout"]["xaxis2"]["side"] == "top"
