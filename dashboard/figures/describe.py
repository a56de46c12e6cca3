"""Text alternatives of the figures: what each figure shows, in one or two sentences built from
the data of the view, for screen readers (pure). The tab registry names each tab's describer."""

from __future__ import annotations

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.figures.compare import compare_rows
from dashboard.figures.schedule import schedule_day, schedule_rows
from dashboard.figures.territory_panel import shown_series
from dashboard.data.filters import filter_events
from dashboard.data.labels import side_label, topic_label
from dashboard.data.positions import filter_positions, view_filters
from dashboard.state import ViewState
from dashboard.data.times import DISPLAY_ZONE, format_date


def timeline(ds: Dataset, view: ViewState) -> str:
    events = filter_events(ds, view)
    if events.empty:  # the figure says so in words, without a territory panel
        return "Timeline with no events matching the filters."
    else:
        first, last = _day(events["anchor"].min()), _day(events["anchor"].max())
        when = f"on {first}" if first == last else f"from {first} to {last}"
        text = f"Timeline of {_count(len(events), 'event')} {when}, in lanes by {view.lanes}"
    shown = shown_series(ds, view)  # the territory panel's series
    if not shown:
        return text + "."
    percents = [p for s in shown for p in s.percents]
    return (text + f"; territory under Russian control from {min(percents):g}% to {max(percents):g}% "
            f"({len(shown)} series: {', '.join(s.measure for s in shown)}).")


def schedule(ds: Dataset, view: ViewState) -> str:
    day = schedule_day(ds, view)
    if not day:
        return "Talks day: no events are timed to the hour."
    rows = schedule_rows(ds, view)
    label = format_date(pd.Timestamp(day, tz=DISPLAY_ZONE), DISPLAY_ZONE)
    text = (f"Talks day {label}: {_count(len(rows), 'timed event')}, scheduled against actual "
            "times in GMT and Istanbul time")
    late = int((rows["delay_min"].dropna() > 0).sum())
    known = int(rows["delay_min"].notna().sum())
    if known:
        text += f"; {late} of {_count(known, 'event')} with a scheduled and an actual start began late"
    return text + "."


def compare(ds: Dataset, view: ViewState) -> str:
    rows = compare_rows(ds, view)
    if rows.empty:
        return "Comparison of the negotiation tracks: no rounds match the filters."
    parts = [f"{track}: {_count(len(group), 'round')} over {_count(group['day'].max() + 1, 'day')}"
             for track, group in rows.groupby("track", sort=False)]
    return ("Negotiation tracks (round series) aligned on day 0, each its first session or meeting. "
            + "; ".join(parts) + ".")


def positions(ds: Dataset, view: ViewState) -> str:
    shown = filter_positions(ds, **view_filters(view))
    if shown.empty:
        return "Positions matrix: no positions match the filters."
    sides = [side_label(s) for s in ds.enums["position_side"] if s in set(shown["side"])]
    occasions = ds.events.loc[shown["occasion"].unique()]
    first, last = _day(occasions["anchor"].min()), _day(occasions["anchor"].max())
    when = f"on {first}" if first == last else f"from {first} to {last}"
    topics = [t for t in ds.enums["topic"] if t in set(shown["topic"])]
    about = topic_label(topics[0]) if len(topics) == 1 else _count(len(topics), "topic")
    text = (f"Positions matrix: {_count(len(shown), 'position')} stated by {_and(sides)} on {about} at "
            f"{_count(len(occasions), 'occasion')} {when}")
    moved = shown["moved"].dropna().value_counts()
    if moved.empty:
        return text + "; the sources say of none how it moved."
    return (text + f"; the sources say how {moved.sum()} of them moved ("
            + ", ".join(f"{n} {m}" for m, n in moved.items()) + ").")


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _count(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _day(ts: pd.Timestamp) -> str:
    return format_date(ts, DISPLAY_ZONE)
