"""Display of times: every time in GMT/UTC and in Istanbul local time, honest about precision.

A day-precision value prints as its local date ("16 May 2025"), never as "00:00"; an
approximate time carries "≈". Zone conversion is done by pandas, never by hand. Every
function takes the reader's ``lang`` (dashboard.i18n): dates in its words, "GMT" and
"Istanbul" in its names; the clock is the same 24-hour HH:MM in all four languages.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from dashboard.i18n import N_, day_text, month_text, translator

DISPLAY_ZONE = "Europe/Istanbul"
DISPLAY_ZONE_LABEL = N_("Istanbul")
GMT = N_("GMT")
NOT_REPORTED = N_("not reported")


@lru_cache(maxsize=8192)
def local(ts: pd.Timestamp, zone: str = DISPLAY_ZONE) -> pd.Timestamp:
    """``ts`` on ``zone``'s clock. Remembered: the labels show each instant in every language,
    and a conversion takes tens of µs."""
    return ts.tz_convert(zone)


def format_date(ts: pd.Timestamp, zone: str, lang: str = "en") -> str:
    """The calendar date of ``ts`` in ``zone``, e.g. '16 May 2025', '16 травня 2025'."""
    return day_text(local(ts, zone), lang)


def iso_date(ts: pd.Timestamp, precision: str, zone: str) -> str:
    """The local date in ``zone`` as a CSV holds it: '2022-04' at month precision, else '2022-03-29'."""
    return local(ts, zone).strftime("%Y-%m" if precision == "month" else "%Y-%m-%d")


def format_clock(ts: pd.Timestamp, zone: str = "UTC") -> str:
    return local(ts, zone).strftime("%H:%M")


def format_when(ts: pd.Timestamp, precision: str, zone: str, approximate: bool = False,
                lang: str = "en") -> str:
    """One time for a reader: '16 May 2025, ≈10:35 GMT (13:35 Istanbul)', '28 Feb 2022', 'Apr 2022'.

    ``zone`` is the event's own zone; day and month values are dates in that zone.
    """
    t = translator(lang)
    if ts is None or pd.isna(ts):
        return t.gettext(NOT_REPORTED)
    if precision == "month":
        return month_text(local(ts, zone), lang)
    if precision == "day":
        return format_date(ts, zone, lang)
    mark = "≈" if approximate else ""
    return (f"{format_date(ts, 'UTC', lang)}, {mark}{format_clock(ts)} {t.gettext(GMT)} "
            f"({mark}{format_clock(ts, DISPLAY_ZONE)} {t.gettext(DISPLAY_ZONE_LABEL)})")


def format_span(start, end, precision: str, zone: str, approximate: bool = False,
                lang: str = "en") -> str:
    """'16 May 2025, 10:35–12:20 GMT (13:35–15:20 Istanbul)' or a date range for coarse precision."""
    t = translator(lang)
    if start is None or pd.isna(start):
        return t.gettext(NOT_REPORTED)
    if end is None or pd.isna(end) or end == start:
        return format_when(start, precision, zone, approximate, lang)
    if precision in ("day", "month"):
        return f"{format_when(start, precision, zone, lang=lang)} – {format_when(end, precision, zone, lang=lang)}"
    mark = "≈" if approximate else ""
    same_day = format_date(start, "UTC") == format_date(end, "UTC")
    if not same_day:
        return (f"{format_when(start, precision, zone, approximate, lang)} – "
                f"{format_when(end, precision, zone, lang=lang)}")
    return (f"{format_date(start, 'UTC', lang)}, {mark}{format_clock(start)}–{format_clock(end)} "
            f"{t.gettext(GMT)} ({mark}{format_clock(start, DISPLAY_ZONE)}–{format_clock(end, DISPLAY_ZONE)} "
            f"{t.gettext(DISPLAY_ZONE_LABEL)})")


def format_span_in(start, end, precision: str, zone: str, approximate: bool = False, *,
                   clock: str = "UTC", lang: str = "en") -> str:
    """A span on one clock, for a table column: '16 May 2025, ≈10:35–12:20' read in ``clock``
    (an IANA zone); day and month values stay dates in the event's own ``zone``."""
    if start is None or pd.isna(start) or precision in ("day", "month"):
        return format_span(start, end, precision, zone, lang=lang)
    mark = "≈" if approximate else ""
    first = f"{format_date(start, clock, lang)}, {mark}{format_clock(start, clock)}"
    if end is None or pd.isna(end) or end == start:
        return first
    if format_date(start, clock) == format_date(end, clock):
        return f"{first}–{format_clock(end, clock)}"
    return f"{first} – {format_date(end, clock, lang)}, {format_clock(end, clock)}"


def minutes_between(first: pd.Timestamp, second: pd.Timestamp) -> int:
    """Whole minutes from ``first`` to ``second`` (negative if earlier)."""
    return int(round((second - first) / pd.Timedelta(minutes=1)))


def format_delay(minutes: int, approximate: bool = False, lang: str = "en") -> str:
    """'started 65 min late', 'started on time', 'started 10 min early'."""
    t = translator(lang)
    if minutes == 0:
        return t.gettext("started on time")
    values = {"mark": "≈" if approximate else "", "minutes": abs(minutes)}
    if minutes > 0:
        return t.gettext("started %(mark)s%(minutes)s min late") % values
    return t.gettext("started %(mark)s%(minutes)s min early") % values


def naive_utc(values: pd.Series | pd.Timestamp):
    """UTC wall time without a zone, for plotly.js (which ignores offsets); axes are labelled GMT."""
    if isinstance(values, pd.Series):
        return values.dt.tz_convert("UTC").dt.tz_localize(None)
    return values.tz_convert("UTC").tz_localize(None)
