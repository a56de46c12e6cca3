"""Text alternatives for the figures: an accessible name and a short description built from
the data, for screen readers (pure; every view and every figure uses these two functions)."""

from __future__ import annotations

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.figures.compare import compare_rows
from dashboard.figures.schedule import schedule_day, schedule_rows
from dashboard.data.filters import filter_events
from dashboard.state import ViewState
from dashboard.data.times import DISPLAY_ZONE, format_date

NAMES = {"timeline": "Timeline of the talks with the territory under Russian control",
         "schedule": "Talks day, hour by hour: scheduled against actual times",
         "compare": "Each year's talks side by side, aligned on their first session"}


def figure_name(view: ViewState) -> str:
    """The figure's accessible name (the table tab's figure is the timeline)."""
    return NAMES.get(view.tab, NAMES["timeline"])


def figure_description(ds: Dataset, view: ViewState) -> str:
    """What the figure for ``view`` shows, in one or two sentences, with counts and ranges
    from the data (dates are Istanbul-local days)."""
    describe = {"schedule": _schedule, "compare": _compare}.get(view.tab, _timeline)
    return describe(ds, view)


def _timeline(ds: Dataset, view: ViewState) -> str:
    events = filter_events(ds, view)
    if events.empty:
        text = "Timeline with no events matching the filters"
    else:
        first, last = _day(events["anchor"].min()), _day(events["anchor"].max())
        when = f"on {first}" if first == last else f"from {first} to {last}"
        text = f"Timeline of {_count(len(events), 'event')} {when}, in lanes by {view.lanes}"
    if ds.territory.empty:
        return text + "."
    low, high = ds.territory["percent"].min(), ds.territory["percent"].max()
    measures = sorted(ds.territory["measure"].unique())
    return (text + f"; territory under Russian control from {low:g}% to {high:g}% "
            f"({len(measures)} series: {', '.join(measures)}).")


def _schedule(ds: Dataset, view: ViewState) -> str:
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


def _compare(ds: Dataset, view: ViewState) -> str:
    rows = compare_rows(ds, view)
    if rows.empty:
        return "Comparison of each year's talks: no rounds match the filters."
    parts = [f"{effort}: {_count(len(group), 'round')} over {_count(group['day'].max() + 1, 'day')}"
             for effort, group in rows.groupby("effort", sort=True)]
    return "Each year's talks aligned on day 0, its first session. " + "; ".join(parts) + "."


def _count(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _day(ts: pd.Timestamp) -> str:
    return format_date(ts, DISPLAY_ZONE)
