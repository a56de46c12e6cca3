"""Text alternatives of the figures: what each figure shows, in one or two sentences built from
the data of the view, for screen readers (pure), in the view's language. The tab registry
names each tab's describer."""

from __future__ import annotations

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.figures.compare import compare_rows
from dashboard.figures.schedule import schedule_day, schedule_rows
from dashboard.figures.territory_panel import shown_series
from dashboard.data.filters import filter_events
from dashboard.data.labels import side_label, topic_label
from dashboard.data.positions import filter_positions, view_filters
from dashboard.i18n import percent, translator
from dashboard.state import ViewState
from dashboard.data.times import DISPLAY_ZONE, format_date


def timeline(ds: Dataset, view: ViewState) -> str:
    t = translator(view.lang)
    events = filter_events(ds, view)
    if events.empty:  # the figure says so in words, without a territory panel
        return t.gettext("Timeline with no events matching the filters.")
    first, last = _day(events["anchor"].min(), view), _day(events["anchor"].max(), view)
    when = (t.gettext("on %(day)s") % {"day": first} if first == last
            else t.gettext("from %(first)s to %(last)s") % {"first": first, "last": last})
    lanes = t.gettext("in lanes by round") if view.lanes == "round" else t.gettext("in lanes by side")
    text = t.ngettext("Timeline of %(n)s event %(when)s, %(lanes)s", "Timeline of %(n)s events %(when)s, %(lanes)s",
                      len(events), when=when, lanes=lanes)
    shown = shown_series(ds, view)  # the territory panel's series
    if not shown:
        return text + "."
    percents = [p for s in shown for p in s.percents]
    return text + t.ngettext(
        "; territory under Russian control from %(low)s to %(high)s (%(n)s series: %(names)s).",
        "; territory under Russian control from %(low)s to %(high)s (%(n)s series: %(names)s).", len(shown),
        low=percent(min(percents), view.lang), high=percent(max(percents), view.lang),
        names=", ".join(s.measure for s in shown))


def schedule(ds: Dataset, view: ViewState) -> str:
    t = translator(view.lang)
    day = schedule_day(ds, view)
    if not day:
        return t.gettext("Talks day: no events are timed to the hour.")
    rows = schedule_rows(ds, view)
    label = format_date(pd.Timestamp(day, tz=DISPLAY_ZONE), DISPLAY_ZONE, view.lang)
    text = t.ngettext("Talks day %(day)s: %(n)s timed event, scheduled against actual times in GMT and Istanbul time",
                      "Talks day %(day)s: %(n)s timed events, scheduled against actual times in GMT and Istanbul "
                      "time", len(rows), day=label)
    late = int((rows["delay_min"].dropna() > 0).sum())
    known = int(rows["delay_min"].notna().sum())
    if known:
        text += t.ngettext("; %(late)s of %(n)s event with a scheduled and an actual start began late",
                           "; %(late)s of %(n)s events with a scheduled and an actual start began late",
                           known, late=late)
    return text + "."


def compare(ds: Dataset, view: ViewState) -> str:
    t = translator(view.lang)
    rows = compare_rows(ds, view)
    if rows.empty:
        return t.gettext("Comparison of the negotiation tracks: no rounds match the filters.")
    parts = [t.ngettext("%(track)s: %(rounds)s over %(n)s day", "%(track)s: %(rounds)s over %(n)s days",
                        int(group["day"].max()) + 1, track=track,
                        rounds=t.ngettext("%(n)s round", "%(n)s rounds", len(group)))
             for track, group in rows.groupby("track", sort=False)]
    return (t.gettext("Negotiation tracks (round series) aligned on day 0, each its first session or meeting.")
            + " " + "; ".join(parts) + ".")


def positions(ds: Dataset, view: ViewState) -> str:
    t = translator(view.lang)
    shown = filter_positions(ds, **view_filters(view))
    if shown.empty:
        return t.gettext("Positions matrix: no positions match the filters.")
    sides = [side_label(s, view.lang) for s in ds.enums["position_side"] if s in set(shown["side"])]
    occasions = ds.events.loc[shown["occasion"].unique()]
    first, last = _day(occasions["anchor"].min(), view), _day(occasions["anchor"].max(), view)
    when = (t.gettext("on %(day)s") % {"day": first} if first == last
            else t.gettext("from %(first)s to %(last)s") % {"first": first, "last": last})
    topics = [topic for topic in ds.enums["topic"] if topic in set(shown["topic"])]
    text = t.gettext("Positions matrix: %(positions)s stated by %(sides)s on %(topics)s at %(occasions)s %(when)s") % {
        "positions": t.ngettext("%(n)s position", "%(n)s positions", len(shown)), "sides": _and(sides, t),
        "topics": topic_label(topics[0], view.lang) if len(topics) == 1
        else t.ngettext("%(n)s topic", "%(n)s topics", len(topics)),
        "occasions": t.ngettext("%(n)s occasion", "%(n)s occasions", len(occasions)), "when": when}
    moved = shown["moved"].dropna().value_counts()
    if moved.empty:
        return text + t.gettext("; the sources say of none how it moved.")
    counts = ", ".join(_moved_count(m, n, t) for m, n in moved.items())
    return text + t.ngettext("; the sources say how %(n)s of them moved (%(counts)s).",
                             "; the sources say how %(n)s of them moved (%(counts)s).", int(moved.sum()), counts=counts)


def _moved_count(moved: str, n: int, t) -> str:
    """'2 softened': how many positions moved one way (positions.moved's vocabulary)."""
    if moved == "new":
        return t.ngettext("%(n)s new", "%(n)s new", n)
    if moved == "softened":
        return t.ngettext("%(n)s softened", "%(n)s softened", n)
    if moved == "hardened":
        return t.ngettext("%(n)s hardened", "%(n)s hardened", n)
    if moved == "unchanged":
        return t.ngettext("%(n)s unchanged", "%(n)s unchanged", n)
    return f"{n} {moved}"


def _and(items: list[str], t) -> str:
    return items[0] if len(items) == 1 else t.gettext("%(items)s and %(last)s") % {
        "items": ", ".join(items[:-1]), "last": items[-1]}


def _day(ts: pd.Timestamp, view: ViewState) -> str:
    return format_date(ts, DISPLAY_ZONE, view.lang)
