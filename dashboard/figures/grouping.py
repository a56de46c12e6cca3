"""Many events at once: one marker per lane and time bin instead of one per event.

Thousands of SVG markers make a page slow to send and to draw (WebGL is not an option: its
regl renderer needs ``eval``, which the CSP forbids). Above ``MAX_MARKERS`` events in the
visible range, the timeline groups them into bins of a round width (hour … year) chosen so
about ``COLUMNS`` bins span the range. Zooming in redraws with finer bins, and once few enough
events are in view each is drawn on its own. A group's hover counts its events and names the
first few; a click opens the first of them.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from dashboard.data.labels import esc, vocabulary
from dashboard.data.times import naive_utc
from dashboard.figures.theme import Theme
from dashboard.i18n import day_text, percent, translator

MAX_MARKERS = 2000  # events drawn one by one, at most
COLUMNS = 120       # bins across the visible range when grouped (markers of a few px each)
NAMED = 3           # titles a group's hover names
WIDTHS = [pd.Timedelta(hours=h) for h in (1, 3, 6, 12)] + [pd.Timedelta(days=d) for d in (1, 2, 7, 14, 30, 91, 365)]


def may_group(ds) -> bool:
    """Whether this dataset is large enough for zooming to change the drawing."""
    return len(ds.events) > MAX_MARKERS


def bin_width(first: pd.Timestamp, last: pd.Timestamp) -> pd.Timedelta:
    """The smallest round width that splits first..last into at most COLUMNS bins."""
    return next((w for w in WIDTHS if (last - first) / w <= COLUMNS), WIDTHS[-1])


def in_range(placed: pd.DataFrame, start: pd.Timestamp | None, end: pd.Timestamp | None) -> pd.DataFrame:
    """Events whose anchor lies in [start, end) (UTC; either may be None for open)."""
    anchor = placed["anchor"].to_numpy(dtype="datetime64[ns]")  # naive UTC: numpy compares without pandas' overhead
    keep = np.ones(len(anchor), dtype=bool)
    if start is not None:
        keep &= anchor >= start.tz_convert(None).to_datetime64()
    if end is not None:
        keep &= anchor < end.tz_convert(None).to_datetime64()
    return placed if keep.all() else placed[keep]


def grouped_markers(placed: pd.DataFrame, theme: Theme, lang: str = "en") -> tuple[list[dict], str]:
    """One trace of group markers, each in the colour of its most common kind, a legend of
    those kinds, and a note saying so (``placed`` has ``lane`` and ``kind``, in time order),
    in ``lang``."""
    t = translator(lang)
    width = bin_width(placed["anchor"].min(), placed["anchor"].max())
    bins = placed["anchor"].dt.floor(width).reset_index(drop=True)
    groups = pd.DataFrame({"lane": placed["lane"].array, "bin": bins}).groupby(["lane", "bin"], sort=False)
    code = groups.ngroup().to_numpy()  # groups numbered in order of first appearance
    counts = np.bincount(code).tolist()
    first = np.unique(code, return_index=True)[1]  # each group's first event
    named = np.flatnonzero(groups.cumcount().to_numpy() < NAMED)  # each group's first NAMED events
    named = named[np.argsort(code[named], kind="stable")]  # by group, in time order within each
    titles = placed["title"].to_numpy()[named].tolist()
    ends = np.cumsum(np.minimum(counts, NAMED)).tolist()
    names = [titles[a:b] for a, b in zip([0, *ends[:-1]], ends)]
    kind_code, kinds = pd.factorize(placed["kind"], sort=True)
    tally = np.bincount(code * len(kinds) + kind_code, minlength=len(counts) * len(kinds)).reshape(-1, len(kinds))
    main = tally.argmax(axis=1)  # each group's most common kind
    shares = (tally.max(axis=1) / np.asarray(counts)).tolist()
    colors = [theme.kind_color(kind, index) for index, kind in enumerate(kinds)]
    starts, which = np.unique(bins.dt.tz_convert(None).to_numpy()[first], return_inverse=True)  # format once
    starts = pd.Series(pd.DatetimeIndex(starts).tz_localize("UTC"))
    periods, centres = _periods(starts, width, lang), naive_utc(starts + width / 2).astype(str).tolist()
    top = max(counts) ** 0.5
    trace = dict(
        type="scatter", x=[centres[w] for w in which.tolist()], y=placed["lane"].to_numpy()[first].tolist(),
        mode="markers", name=t.gettext("groups of events (per %(width)s)") % {"width": _width_text(width, lang)},
        showlegend=False,
        marker=dict(symbol="circle", color=[colors[k] for k in main.tolist()], opacity=0.8,
                    line=dict(width=1, color=theme.text),
                    size=np.round(theme.marker_size * (0.5 + np.sqrt(counts) / top), 1).tolist()),
        customdata=placed["id"].to_numpy()[first].tolist(), hoverinfo="text",
        hovertext=_hovers(counts, [periods[w] for w in which.tolist()], names,
                          [(kinds[k], round(100 * share)) for k, share in zip(main.tolist(), shares)], lang),
    )
    legend = [dict(type="scatter", x=[None], y=[None], mode="markers", name=esc(vocabulary(str(kind), lang)),
                   legendgroup="kinds", legendgrouptitle=dict(text=esc(t.gettext("Most common kind in a group"))),
                   marker=dict(symbol="circle", color=color, size=theme.marker_size))
              for kind, color in zip(kinds, colors)]
    note = t.ngettext("%(n)s event in view, grouped per %(width)s · zoom in or filter to see each · click a "
                      "group to open its first",
                      "%(n)s events in view, grouped per %(width)s · zoom in or filter to see each · click a "
                      "group to open its first", len(placed), width=_width_text(width, lang))
    return [trace, *legend], note


def _periods(starts: pd.Series, width: pd.Timedelta, lang: str = "en") -> list[str]:
    """Each bin as GMT dates: '3 Mar 2022', or '3 Mar 2022 – 9 Mar 2022' for bins over a day."""
    first = [day_text(s, lang) for s in starts]  # once per bin shown, not per event
    if width > pd.Timedelta(days=1):
        last = [day_text(s, lang) for s in starts + width - pd.Timedelta(seconds=1)]
        return [f"{a} – {b}" for a, b in zip(first, last)]
    return first


def _hovers(counts: list[int], periods: list[str], names: list[list[str]], mains: list[tuple[str, int]],
            lang: str = "en") -> list[str]:
    """Each group's hover: '<b>12 events</b> · 3 Mar 2022 (GMT)', its most common kind and its
    share (``mains``: kind, percent), the first titles, and how many more (escaped). The
    messages are translated and escaped once per count or kind, not once per group."""
    t = translator(lang)
    events = cache(lambda n: esc(t.ngettext("%(n)s event", "%(n)s events", n)))
    more = cache(lambda n: esc(t.ngettext("… and %(n)s more", "… and %(n)s more", n)))
    mostly = esc(t.gettext("mostly %(kind)s"))
    kind_text = {main: mostly % {"kind": f"{esc(vocabulary(main[0], lang))} ({percent(main[1], lang)})"}
                 for main in set(mains)}
    period_text = {period: esc(period) for period in set(periods)}
    hovers = []
    for count, period, group, main in zip(counts, periods, names, mains):
        lines = [f"<b>{events(count)}</b> · {period_text[period]} (GMT)",
                 kind_text[main], *map(esc, group)]
        if count > len(group):
            lines.append(more(count - len(group)))
        hovers.append("<br>".join(lines))
    return hovers


def _width_text(width: pd.Timedelta, lang: str = "en") -> str:
    """A bin's width in words: 'hour', '3 hours', 'day', 'week', '14 days', 'year'."""
    t = translator(lang)
    if width < pd.Timedelta(days=1):
        hours = width // pd.Timedelta(hours=1)
        return t.ngettext("%(n)s hours", "%(n)s hours", hours) if width > pd.Timedelta(hours=1) else t.gettext("hour")
    days = width // pd.Timedelta(days=1)
    named = {1: t.gettext("day"), 7: t.gettext("week"), 365: t.gettext("year")}
    return named.get(days) or t.ngettext("%(n)s days", "%(n)s days", days)
