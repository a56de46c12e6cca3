"""Display of times: every time in GMT/UTC and in Istanbul local time, honest about precision.

A day-precision value prints as its local date ("16 May 2025"), never as "00:00"; an
approximate time carries "≈". Zone conversion is done by pandas, never by hand.
"""

from __future__ import annotations

import pandas as pd

DISPLAY_ZONE = "Europe/Istanbul"
DISPLAY_ZONE_LABEL = "Istanbul"


def local(ts: pd.Timestamp, zone: str = DISPLAY_ZONE) -> pd.Timestamp:
    return ts.tz_convert(zone)


def format_date(ts: pd.Timestamp, zone: str) -> str:
    """The calendar date of ``ts`` in ``zone``, e.g. '16 May 2025'."""
    return local(ts, zone).strftime("%-d %b %Y")


def iso_date(ts: pd.Timestamp, precision: str, zone: str) -> str:
    """The local date in ``zone`` as a CSV holds it: '2022-04' at month precision, else '2022-03-29'."""
    return local(ts, zone).strftime("%Y-%m" if precision == "month" else "%Y-%m-%d")


def format_clock(ts: pd.Timestamp, zone: str = "UTC") -> str:
    return local(ts, zone).strftime("%H:%M")


def format_when(ts: pd.Timestamp, precision: str, zone: str, approximate: bool = False) -> str:
    """One time for a reader: '16 May 2025, ≈10:35 GMT (13:35 Istanbul)', '28 Feb 2022', 'Apr 2022'.

    ``zone`` is the event's own zone; day and month values are dates in that zone.
    """
    if ts is None or pd.isna(ts):
        return "not reported"
    if precision == "month":
        return local(ts, zone).strftime("%b %Y")
    if precision == "day":
        return format_date(ts, zone)
    mark = "≈" if approximate else ""
    return (f"{format_date(ts, 'UTC')}, {mark}{format_clock(ts)} GMT "
            f"({mark}{format_clock(ts, DISPLAY_ZONE)} {DISPLAY_ZONE_LABEL})")


def format_span(start, end, precision: str, zone: str, approximate: bool = False) -> str:
    """'16 May 2025, 10:35–12:20 GMT (13:35–15:20 Istanbul)' or a date range for coarse precision."""
    if start is None or pd.isna(start):
        return "not reported"
    if end is None or pd.isna(end) or end == start:
        return format_when(start, precision, zone, approximate)
    if precision in ("day", "month"):
        return f"{format_when(start, precision, zone)} – {format_when(end, precision, zone)}"
    mark = "≈" if approximate else ""
    same_day = format_date(start, "UTC") == format_date(end, "UTC")
    if not same_day:
        return f"{format_when(start, precision, zone, approximate)} – {format_when(end, precision, zone)}"
    return (f"{format_date(start, 'UTC')}, {mark}{format_clock(start)}–{format_clock(end)} GMT "
            f"({mark}{format_clock(start, DISPLAY_ZONE)}–{format_clock(end, DISPLAY_ZONE)} "
            f"{DISPLAY_ZONE_LABEL})")


def format_span_in(start, end, precision: str, zone: str, approximate: bool = False, *,
                   clock: str = "UTC") -> str:
    """A span on one clock, for a table column: '16 May 2025, ≈10:35–12:20' read in ``clock``
    (an IANA zone); day and month values stay dates in the event's own ``zone``."""
    if start is None or pd.isna(start) or precision in ("day", "month"):
        return format_span(start, end, precision, zone)
    mark = "≈" if approximate else ""
    first = f"{format_date(start, clock)}, {mark}{format_clock(start, clock)}"
    if end is None or pd.isna(end) or end == start:
        return first
    if format_date(start, clock) == format_date(end, clock):
        return f"{first}–{format_clock(end, clock)}"
    return f"{first} – {format_date(end, clock)}, {format_clock(end, clock)}"


def minutes_between(first: pd.Timestamp, second: pd.Timestamp) -> int:
    """Whole minutes from ``first`` to ``second`` (negative if earlier)."""
    return int(round((second - first) / pd.Timedelta(minutes=1)))


def format_delay(minutes: int, approximate: bool = False) -> str:
    """'started 65 min late', 'started on time', 'started 10 min early'."""
    mark = "≈" if approximate else ""
    if minutes == 0:
        return "started on time"
    return f"started {mark}{abs(minutes)} min {'late' if minutes > 0 else 'early'}"


def naive_utc(values: pd.Series | pd.Timestamp):
    """UTC wall time without a zone, for plotly.js (which ignores offsets); axes are labelled GMT."""
    if isinstance(values, pd.Series):
        return values.dt.tz_convert("UTC").dt.tz_localize(None)
    return values.tz_convert("UTC").tz_localize(None)
