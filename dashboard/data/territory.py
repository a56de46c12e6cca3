"""Territorial control at a moment: per series, the figure "then", for details and hover text.

"Then" is honest about time: for each series, the latest figure of the ``Window`` before the
moment (90 days, and never across a break such as the invasion of 24 February 2022, after
which a pre-war figure no longer describes the country), else nothing: the text says "no
measurement near this date". The window is the data package's (``x-territory-window`` in
datapackage.json). Both functions take the territory table itself, not the dataset: the event
labels are built from them while the data loads, before there is a Dataset.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.i18n import N_, day_text, percent, translator

NO_MEASUREMENT = N_("no measurement near this date")


@dataclass(frozen=True)
class Window:
    """How far back a figure still says what the territory was at a moment."""

    days: int = 90
    breaks: tuple[pd.Timestamp, ...] = ()  # naive UTC days no figure is carried across

    @classmethod
    def from_descriptor(cls, spec: dict | None) -> "Window":
        spec = spec or {}
        return cls(int(spec.get("days", cls.days)), tuple(sorted(pd.Timestamp(d) for d in spec.get("breaks", ()))))

    def earliest(self, days: np.ndarray) -> np.ndarray:
        """For each naive UTC day, the earliest date a figure may have to describe it."""
        earliest = days - np.timedelta64(self.days, "D")
        if self.breaks:
            breaks = np.array(self.breaks, dtype="datetime64[s]")
            last = np.searchsorted(breaks, days, side="right") - 1
            earliest = np.where(last >= 0, np.maximum(earliest, breaks[np.maximum(last, 0)]), earliest)
        return earliest


def territory_at(territory: pd.DataFrame, when: pd.Timestamp, window: Window) -> pd.DataFrame:
    """Per measure, the latest territory row of ``window`` before ``when`` (UTC)."""
    day = np.datetime64(when.tz_convert("UTC").tz_localize(None), "s")
    earliest = window.earliest(np.array([day]))[0]
    dates = territory["date"].to_numpy(dtype="datetime64[s]")
    known = territory[(dates <= day) & (dates >= earliest)]
    return known.groupby("measure", sort=True).tail(1)


def territory_lines(territory: pd.DataFrame, anchors: pd.Series, window: Window, lang: str = "en",
                    then: list | None = None) -> pd.Series:
    """For each time in ``anchors``, the territory figures then with their dates (hover text,
    in ``lang``), or NO_MEASUREMENT. ``then``: ``territory_then`` of the same arguments, where
    the caller has it already (one lookup serves every language)."""
    none = translator(lang).gettext(NO_MEASUREMENT)
    order, parts = then if then is not None else territory_then(territory, anchors, window)
    lines = [[f"{percent(p, lang)} ({measure}, {day_text(on, lang)})" for measure, p, on in row] for row in parts]
    text = ["; ".join(row) or none for row in lines]
    ordered = pd.Series(text, index=order).sort_index()
    return pd.Series(ordered.to_numpy(), index=anchors.index)


def territory_then(territory: pd.DataFrame, anchors: pd.Series, window: Window) -> tuple:
    """For each time in ``anchors`` (in time order, with their places in ``anchors``), each
    measure's latest figure of ``window`` before it: (places, [[(measure, percent, date), …], …])."""
    days = anchors.dt.tz_convert("UTC").dt.tz_localize(None).astype("datetime64[s]")
    frame = pd.DataFrame({"day": days.to_numpy(), "order": range(len(days))}).sort_values("day")
    earliest = window.earliest(frame["day"].to_numpy())
    found = [[] for _ in range(len(frame))]
    for measure, rows in territory.groupby("measure", sort=True):
        rows = rows[["date", "percent"]].rename(columns={"date": "on"}).sort_values("on")
        rows["day"] = rows["on"].astype("datetime64[s]")
        merged = pd.merge_asof(frame, rows, on="day", direction="backward")
        fresh = merged["on"].to_numpy(dtype="datetime64[s]") >= earliest
        for i, (p, on, ok) in enumerate(zip(merged["percent"], merged["on"], fresh)):
            if ok and not pd.isna(p):
                found[i].append((measure, p, on))
    return frame["order"].to_numpy(), found
