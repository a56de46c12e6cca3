"""The comparison of negotiation tracks (round series), each aligned on its own day 0 (Istanbul dates)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import plotly.graph_objects as go
from dashboard.data.dataset import load_dataset
from dashboard.figures.compare import X_TITLE, compare_figure, compare_rows, track_name
from dashboard.figures.size import Size
from dashboard.figures.theme import get_theme
from dashboard.state import ViewState

from ..conftest import edit_cell

LIGHT = get_theme("light")
ROUND_EVENTS = {"e-alpha-session", "e-alpha-statement", "e-beta-trilateral", "e-beta-session",
                "e-beta-exchange", "e-gamma-session"}
# Monitor B's 2022 figure is years old by 2025: only figures of the 90 days before a round are "then".
MONITOR_A_2025 = "18.7% (Monitor A, 15 May 2025)"


def markers(figure) -> list:
    return [t for t in figure.data if t.customdata is not None]


def round_labels(figure) -> list:
    return [a for a in figure.layout.annotations if a.showarrow]


def shape_key(figure) -> list[str]:
    return [t.name for t in figure.data if t.legendgroup == "shapes"]


# --- negative cases first -------------------------------------------------------------------

@pytest.mark.parametrize("view", [ViewState(kinds=("military",)),  # only outside any round
                                  ViewState(q="no-such-word"), ViewState(rounds=("r-nowhere",))])
def test_empty_selection_gives_the_empty_figure(fixture_dataset, view):
    assert compare_rows(fixture_dataset, view).empty
    figure = go.Figure(compare_figure(fixture_dataset, view, LIGHT))
    assert len(figure.data) == 0
    assert any("No round has events" in a.text for a in figure.layout.annotations)


def test_events_outside_rounds_are_left_out(fixture_dataset):
    drawn = {i for t in markers(go.Figure(compare_figure(fixture_dataset, ViewState(), LIGHT))) for i in t.customdata}
    assert drawn == ROUND_EVENTS  # not e-proposal nor e-context-month


def test_html_in_data_stays_text(fixture_dir):
    edit_cell(fixture_dir, "rounds.csv", "r-gamma", "title", "<b>Second</b> round")
    edit_cell(fixture_dir, "events.csv", "e-gamma-session", "title", "<b>Second</b> session")
    figure = go.Figure(compare_figure(load_dataset(fixture_dir), ViewState(), LIGHT))
    assert "<b>Second</b>" not in json.dumps(json.loads(figure.to_json()), ensure_ascii=False)
    label = next(a for a in round_labels(figure) if a.x == 17)
    assert label.text.startswith("<b>&lt;b&gt;Second&lt;/b&gt; round</b>")
    assert any("&lt;b&gt;Second&lt;/b&gt; session" in h for t in markers(figure) for h in t.hovertext)


def test_fixture_summary_html_is_not_rendered(fixture_dataset):
    assert "<b>Second</b>" not in go.Figure(compare_figure(fixture_dataset, ViewState(), LIGHT)).to_json()


# --- rows -------------------------------------------------------------------------------------

def test_rows(fixture_dataset):
    rows = compare_rows(fixture_dataset, ViewState())
    assert list(rows["round_id"]) == ["r-alpha", "r-beta", "r-gamma"]
    assert list(rows["track"]) == ["Testport 2022", "Testport 2025", "Testport 2025"]
    assert list(rows["day"]) == [0, 0, 17]
    assert list(rows["sessions"]) == [1, 1, 1]
    assert rows["session_minutes"].dtype == "Int64"
    assert rows["session_minutes"].tolist()[:2] == [150, 105]
    assert pd.isna(rows.at["r-gamma", "session_minutes"])  # end not reported
    assert list(rows["outcome"]) == ["Draft principles exchanged.", "Exchange of detainees agreed.", ""]
    assert list(rows["title"]) == ["Testport round", "Testport round one", "Testport round two"]


def test_territory_at_each_round(fixture_dataset):
    rows = compare_rows(fixture_dataset, ViewState())
    # Monitor B has no reading before June 2022, so the 2022 round shows Monitor A only.
    assert rows["territory"].to_dict() == {"r-alpha": "22% (Monitor A, 28 Mar 2022)",
                                           "r-beta": MONITOR_A_2025, "r-gamma": MONITOR_A_2025}


def test_day0_falls_back_to_any_event_when_no_session_or_meeting(fixture_dataset):
    rows = compare_rows(fixture_dataset, ViewState(kinds=("statement",)))
    assert list(rows["round_id"]) == ["r-alpha"]
    assert list(rows["day"]) == [-1]  # day 0 = the statement's date, 30 Mar; the round began 29 Mar


def test_day0_ignores_earlier_statements_when_there_is_a_session(fixture_dir):
    edit_cell(fixture_dir, "events.csv", "e-alpha-statement", "start", "2022-03-27")
    rows = compare_rows(load_dataset(fixture_dir), ViewState())
    assert rows.at["r-alpha", "day"] == 0


@pytest.mark.parametrize("meeting_utc, beta_day", [
    ("2025-05-15T22:30:00+00:00", 0),  # 01:30 on 16 May in Istanbul: still the round's day
    ("2025-05-15T20:00:00+00:00", 1),  # 23:00 on 15 May in Istanbul: day 0 moves a day earlier
])
def test_day0_is_the_istanbul_date_of_the_first_session_or_meeting(fixture_dir, meeting_utc, beta_day):
    edit_cell(fixture_dir, "events.csv", "e-beta-trilateral", "scheduled_start", meeting_utc)
    rows = compare_rows(load_dataset(fixture_dir), ViewState())
    assert rows["day"].to_dict() == {"r-alpha": 0, "r-beta": beta_day, "r-gamma": 17 + beta_day}


# --- figure -----------------------------------------------------------------------------------

def test_traces_one_per_kind_plus_a_key_of_the_shapes_drawn(fixture_dataset):
    figure = go.Figure(compare_figure(fixture_dataset, ViewState(), LIGHT))
    assert [t.name for t in markers(figure)] == ["agreement", "meeting", "session", "statement"]
    # circles, a diamond and an open circle are drawn: no square, no cross in the key
    assert shape_key(figure) == ["shape: verified", "shape: single-source", "open: planned only"]
    assert len(figure.data) == 4 + 3
    for trace in markers(figure):
        assert trace.marker.color == LIGHT.kind_color(trace.name, 0)
        assert len(trace.hovertext) == len(trace.customdata) == len(trace.x)
    sessions = go.Figure(compare_figure(fixture_dataset, ViewState(kinds=("session",)), LIGHT))
    assert shape_key(sessions) == ["shape: verified"]


def test_marker_shapes_follow_verification_and_status(fixture_dataset):
    figure = go.Figure(compare_figure(fixture_dataset, ViewState(), LIGHT))
    symbols = {i: s for t in markers(figure) for i, s in zip(t.customdata, t.marker.symbol)}
    assert symbols["e-alpha-statement"] == "diamond"          # single source
    assert symbols["e-beta-trilateral"] == "circle-open"      # only scheduled
    assert symbols["e-gamma-session"] == "circle"


def test_x_is_days_since_day0_in_istanbul_time(fixture_dataset):
    figure = go.Figure(compare_figure(fixture_dataset, ViewState(), LIGHT))
    x = {i: v for t in markers(figure) for i, v in zip(t.customdata, t.x)}
    assert x["e-alpha-session"] == pytest.approx(10.5 / 24)        # 07:30 GMT = 10:30 Istanbul
    assert x["e-gamma-session"] == pytest.approx(17 + 14 / 24 + 44 / 1440)
    assert x["e-beta-exchange"] == pytest.approx(0.5)              # a whole day: drawn mid-day
    assert x["e-alpha-statement"] == pytest.approx(1.5)
    assert figure.layout.xaxis.title.text == X_TITLE


def test_one_row_per_track_earliest_on_top(fixture_dataset):
    figure = go.Figure(compare_figure(fixture_dataset, ViewState(), LIGHT))
    yaxis = figure.layout.yaxis
    assert list(yaxis.ticktext) == ["<b>Testport 2022</b><br>1 round", "<b>Testport 2025</b><br>2 rounds in 18 days"]
    assert yaxis.range[0] > yaxis.range[1]  # reversed: smaller y is higher
    lanes = dict(zip(["2022", "2025"], yaxis.tickvals))
    y = {i: v for t in markers(figure) for i, v in zip(t.customdata, t.y)}
    gap = (lanes["2025"] - lanes["2022"]) / 2
    assert all(abs(y[i] - lanes["2022"]) < gap for i in ("e-alpha-session", "e-alpha-statement"))
    assert all(abs(y[i] - lanes["2025"]) < gap for i in ("e-beta-session", "e-gamma-session"))
    assert lanes["2022"] < lanes["2025"]


def test_a_track_is_a_round_series_not_a_year(fixture_dir):
    edit_cell(fixture_dir, "rounds.csv", "r-gamma", "series", "us-brokered-2025")
    rows = compare_rows(load_dataset(fixture_dir), ViewState())
    assert list(rows["track"]) == ["Testport 2022", "Testport 2025", "US-brokered 2025"]
    assert list(rows["day"]) == [0, 0, 0]  # the second round starts its own track's day 0
    assert [track_name(s) for s in ("trilateral-2026", "istanbul-2022", "un", "black-sea")] == [
        "Trilateral 2026", "Istanbul 2022", "UN", "Black-sea"]


def test_the_shipped_tracks_include_the_trilateral_and_us_brokered_talks(shipped_dataset):
    figure = go.Figure(compare_figure(shipped_dataset, ViewState(), LIGHT))
    names = [t.split("<br>")[0] for t in figure.layout.yaxis.ticktext]
    for track in ("Istanbul 2022", "Istanbul 2025", "US-brokered 2025", "Trilateral 2026"):
        assert f"<b>{track}</b>" in names
    order = [names.index(f"<b>{track}</b>") for track in ("Istanbul 2022", "Istanbul 2025", "Trilateral 2026")]
    assert order == sorted(order)  # earliest day 0 on top


def label_boxes(figure, plot_px: float) -> list[tuple[float, float, float, float]]:
    """Each round label's box (left, right in px of the plot; top, bottom in px), estimated
    as the figure estimates text."""
    x0, x1 = figure.layout.xaxis.range
    boxes = []
    for a in round_labels(figure):
        lines = [line.replace("<b>", "").replace("</b>", "") for line in a.text.split("<br>")]
        w = max(len(line) for line in lines) * a.font.size * 0.68
        left = (a.x - x0) / (x1 - x0) * plot_px - (w if a.xanchor == "right" else 0)
        bottom = a.y + a.ay
        boxes.append((left, left + w, bottom - len(lines) * a.font.size * 1.3, bottom))
    return boxes


@pytest.mark.parametrize("width", [320, 480, 901, 1920])
def test_round_labels_never_stack_on_each_other(shipped_dataset, width):
    figure = go.Figure(compare_figure(shipped_dataset, ViewState(), LIGHT, Size(width)))
    plot_px = width - figure.layout.margin.l - figure.layout.margin.r
    boxes = label_boxes(figure, plot_px)
    assert len(boxes) >= 8  # at least one label per track
    for i, a in enumerate(boxes):
        assert a[0] >= -1 and a[1] <= plot_px + 1  # inside the plot
        for b in boxes[i + 1:]:
            assert a[1] <= b[0] or b[1] <= a[0] or a[3] <= b[2] or b[3] <= a[2], (a, b)


def test_round_labels_name_the_round_and_the_hover_has_the_territory(fixture_dataset):
    figure = go.Figure(compare_figure(fixture_dataset, ViewState(), LIGHT))
    labels = {(a.x, a.text) for a in round_labels(figure)}
    assert labels == {(0, "<b>Testport round</b>"), (0, "<b>Testport round one</b>"), (17, "<b>Testport round two</b>")}
    hovers = [a.hovertext for a in round_labels(figure)]
    assert any(MONITOR_A_2025 in h and "Exchange of detainees agreed." in h for h in hovers)
    assert any("22% (Monitor A, 28 Mar 2022)" in h for h in hovers)


@pytest.mark.parametrize("theme", ["light", "dark", "contrast", "present"])
def test_serializes_in_every_theme(fixture_dataset, theme):
    figure = go.Figure(compare_figure(fixture_dataset, ViewState(), get_theme(theme)))
    assert len(json.loads(figure.to_json())["data"]) == 4 + 3
