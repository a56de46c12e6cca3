"""The figures' accessible names and descriptions are built from the data of the view."""

from __future__ import annotations

from dashboard.tabs import figure_description, figure_name
from dashboard.state import ViewState

TERRITORY = "territory under Russian control from 7% to 22% (1 series: Monitor A)."


def test_timeline_states_count_dates_lanes_and_territory_range(fixture_dataset):
    assert figure_description(fixture_dataset, ViewState()) == (
        f"Timeline of 8 events from 29 Mar 2022 to 2 Jun 2025, in lanes by round; {TERRITORY}")


def test_timeline_follows_the_filters(fixture_dataset):
    assert figure_description(fixture_dataset, ViewState(sides=("turkey",), lanes="side")) == (
        f"Timeline of 2 events on 16 May 2025, in lanes by side; {TERRITORY}")
    assert figure_description(fixture_dataset, ViewState(q="no such words")) == (
        "Timeline with no events matching the filters.")


def test_timeline_names_the_territory_series_it_shows(fixture_dataset):
    assert figure_description(fixture_dataset, ViewState(territory=("all",))).endswith(
        "territory under Russian control from 7% to 22% (2 series: Monitor A, Monitor B).")
    assert figure_description(fixture_dataset, ViewState(territory=("monitor-b",))).endswith(
        "territory under Russian control from 19.25% to 20% (1 series: Monitor B).")


def test_talks_day_counts_timed_events_and_late_starts(fixture_dataset):
    assert figure_description(fixture_dataset, ViewState(tab="schedule")) == (
        "Talks day 16 May 2025: 2 timed events, scheduled against actual times in GMT and Istanbul "
        "time; 1 of 1 event with a scheduled and an actual start began late.")


def test_comparison_counts_rounds_and_days_per_track(fixture_dataset):
    assert figure_description(fixture_dataset, ViewState(tab="compare")) == (
        "Negotiation tracks (round series) aligned on day 0, each its first session or meeting. "
        "Testport 2022: 1 round over 1 day; Testport 2025: 2 rounds over 18 days.")
    assert figure_description(fixture_dataset, ViewState(tab="compare", q="no such words")) == (
        "Comparison of the negotiation tracks: no rounds match the filters.")


def test_names_say_which_figure_and_the_table_tab_describes_the_timeline(fixture_dataset):
    assert figure_name(ViewState(tab="table")) == figure_name(ViewState())
    assert len({figure_name(ViewState(tab=tab)) for tab in ("timeline", "schedule", "compare")}) == 3
    assert figure_description(fixture_dataset, ViewState(tab="table")) == (
        figure_description(fixture_dataset, ViewState()))
