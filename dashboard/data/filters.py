"""Which events a view shows: the one implementation of filters and search.

The explore page's count, the figures, the table, the CSV download and the export CLI all
call ``filter_events`` so they can never disagree.
"""

from __future__ import annotations

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.data.memo import per_dataset
from dashboard.state import ViewState
from dashboard.data.times import DISPLAY_ZONE

SIDE_LABELS = {"russia": "Russia", "ukraine": "Ukraine", "turkey": "Turkey",
               "united-states": "United States", "united-nations": "United Nations",
               "belarus": "Belarus"}
NO_ROUND = "Context (outside the rounds)"


def side_label(side: str) -> str:
    return SIDE_LABELS.get(side, side.replace("-", " ").title())


def filter_events(ds: Dataset, view: ViewState) -> pd.DataFrame:
    """Events passing the round, side, kind and verification filters and the text search."""
    events = ds.events
    keep = pd.Series(True, index=events.index)
    if view.rounds:
        keep &= events["round_id"].isin(view.rounds)
    if view.sides:
        wanted = set(view.sides)
        keep &= events["sides"].map(lambda sides: not wanted.isdisjoint(sides))
    if view.kinds:
        keep &= events["kind"].isin(view.kinds)
    if view.verification:
        keep &= events["verification"].isin(view.verification)
    if view.q.strip():
        text = events["title"].fillna("") + " " + events["summary"].fillna("")
        for word in view.q.split():
            keep &= text.str.contains(word, case=False, regex=False)
    return events[keep]


def round_title(ds: Dataset, round_id) -> str:
    if round_id is None or pd.isna(round_id) or round_id not in ds.rounds.index:
        return NO_ROUND
    return ds.rounds.at[round_id, "title"]


def _timed_days(ds: Dataset) -> pd.Series:
    """The Istanbul-local date (YYYY-MM-DD) of each event timed to the minute or hour."""
    timed = ds.events[ds.events["precision"].isin(["minute", "hour"])]
    return timed["anchor"].dt.tz_convert(DISPLAY_ZONE).dt.strftime("%Y-%m-%d")


@per_dataset
def talks_days(ds: Dataset) -> list[str]:
    """Istanbul-local dates (YYYY-MM-DD) with events timed to the minute or hour, in order."""
    return sorted(set(_timed_days(ds)))


@per_dataset
def busiest_day(ds: Dataset) -> str:
    """The talks day with the most timed events (ties: the latest); '' if none."""
    counts = _timed_days(ds).value_counts()
    return max(counts.index, key=lambda day: (counts[day], day)) if len(counts) else ""
