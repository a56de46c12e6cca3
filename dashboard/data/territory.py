"""Territorial control at a moment: per series, the figure then, for details and hover text.

Both take the territory table itself (``Dataset.territory``), not the dataset: the event labels
are built from them while the data loads, before there is a Dataset.
"""

from __future__ import annotations

import pandas as pd


def territory_at(territory: pd.DataFrame, when: pd.Timestamp) -> pd.DataFrame:
    """Per measure, the latest territory row dated on or before ``when`` (UTC)."""
    day = when.tz_convert("UTC").tz_localize(None)
    known = territory[territory["date"] <= day]
    return known.groupby("measure", sort=True).tail(1)


def territory_lines(territory: pd.DataFrame, anchors: pd.Series) -> pd.Series:
    """For each time in ``anchors``, the territory figures then, with their dates (hover text)."""
    days = anchors.dt.tz_convert("UTC").dt.tz_localize(None).astype("datetime64[s]")
    frame = pd.DataFrame({"day": days.to_numpy(), "order": range(len(days))}).sort_values("day")
    parts = []
    for measure, rows in territory.groupby("measure", sort=True):
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
