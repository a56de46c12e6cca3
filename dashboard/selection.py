"""Which events a view shows: the one implementation of filters and search.

The explore page's count, the figures, the table, the CSV download and the export CLI all
call ``filter_events`` so they can never disagree.
"""

from __future__ import annotations

import pandas as pd

from .dataset import Dataset
from .memo import per_dataset
from .state import ViewState
from .timefmt import DISPLAY_ZONE

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


def territory_at(ds: Dataset, when: pd.Timestamp) -> pd.DataFrame:
    """Per measure, the latest territory row dated on or before ``when`` (UTC)."""
    day = when.tz_convert("UTC").tz_localize(None)
    known = ds.territory[ds.territory["date"] <= day]
    return known.groupby("measure", sort=True).tail(1)


def territory_lines(ds: Dataset, anchors: pd.Series) -> pd.Series:
    """For each time in ``anchors``, the territory figures then, with their dates (hover text)."""
    days = anchors.dt.tz_convert("UTC").dt.tz_localize(None).astype("datetime64[s]")
    frame = pd.DataFrame({"day": days.to_numpy(), "order": range(len(days))}).sort_values("day")
    parts = []
    for measure, rows in ds.territory.groupby("measure", sort=True):
        rows = rows[["date", "percent"]].rename(columns={"date": "on"}).sort_values("on")
        rows["day"] = rows["on"].astype("datetime64[s]")
        merged = pd.merge_asof(frame, rows, on="day", direction="backward")
        parts.append([
            "" if pd.isna(p) else f"{p:g}% ({measure}, {on:%-d %b %Y})"
            for p, on in zip(merged["percent"], merged["on"])
        ])
    text = ["; ".join(p for p in row if p) for row in zip(*parts)] if parts else [""] * len(frame)
    ordered = pd.Series(text, index=frame["order"].to_numpy()).sort_index()
    return pd.Series(ordered.to_numpy(), index=anchors.index)
