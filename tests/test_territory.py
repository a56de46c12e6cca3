"""Territory "then": per series, the latest figure of the 90 days before a moment, never across
the invasion of 24 Feb 2022, else "no measurement near this date"."""

from __future__ import annotations

import pandas as pd

from dashboard.data.event_detail import event_detail
from dashboard.data.territory import NO_MEASUREMENT, Window, territory_at, territory_lines

WINDOW = Window(90, (pd.Timestamp("2022-02-24"),))


def at(day: str) -> pd.Timestamp:
    return pd.Timestamp(day, tz="UTC")


def test_the_latest_figure_of_each_series_within_the_window(fixture_dataset):
    territory = fixture_dataset.territory
    then = territory_at(territory, at("2025-05-16"), WINDOW)
    assert list(zip(then["measure"], then["date"].astype(str))) == [("Monitor A", "2025-05-15")]
    assert territory_at(territory, at("2025-08-14"), WINDOW).empty  # 91 days after the last figure
    assert list(territory_at(territory, at("2025-08-13"), WINDOW)["measure"]) == ["Monitor A"]


def test_no_figure_is_carried_across_a_break(fixture_dataset):
    territory = fixture_dataset.territory
    assert territory_at(territory, at("2022-03-10"), WINDOW).empty  # only the pre-war 7%
    assert len(territory_at(territory, at("2022-03-10"), Window(90))) == 1  # without the break


def test_hover_text_says_when_there_is_no_measurement(fixture_dataset):
    lines = territory_lines(fixture_dataset.territory, pd.Series([at("2022-03-10"), at("2022-03-29")]), WINDOW)
    assert lines.tolist() == [NO_MEASUREMENT, "22% (Monitor A, 28 Mar 2022)"]


def test_the_shipped_data_never_shows_an_old_or_pre_war_figure_as_then(shipped_dataset):
    ds = shipped_dataset
    assert ds.territory_window == WINDOW  # read from datapackage.json
    for event_id, anchor in ds.events["anchor"].items():
        then = territory_at(ds.territory, anchor, ds.territory_window)
        day = anchor.tz_convert("UTC").tz_localize(None)
        assert ((day - then["date"]) <= pd.Timedelta(days=90)).all(), event_id
        assert not (day >= pd.Timestamp("2022-02-24")) or (then["date"] >= pd.Timestamp("2022-02-24")).all(), event_id
        assert len(event_detail(ds, event_id).territory) == len(then)
    session = event_detail(ds, "ist25-r1-session")  # 16 May 2025: no 2022 figure
    assert session.territory and not any("2022" in line for line in session.territory)
