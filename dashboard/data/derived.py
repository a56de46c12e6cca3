"""What follows from the data alone, built once when it loads: ``Derived``, kept on the Dataset.

Event labels, talks days, lanes, eras of talks, the quiet stretch the timeline compresses and
the territory series depend on the validated tables and on no view, so ``derive`` computes
them before the data is served and every request and worker reads the same immutable values:
nothing is computed later behind a property or kept in a cache on the dataset.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping, NamedTuple

import pandas as pd

from dashboard.data.territory import Window, territory_then
from dashboard.data.labels import NO_ROUND, VERIFICATION_SYMBOLS, esc, event_labels, lane_label, side_label, vocabulary
from dashboard.data.times import DISPLAY_ZONE, local
from dashboard.i18n import LANGS, day_text, number, percent, record_text, translator

ERA_GAP = pd.Timedelta(days=120)   # rounds closer than this belong to one era of talks
HIDE_GAP = pd.Timedelta(days=365)  # a quiet stretch longer than this is compressed
GAP_PAD = pd.Timedelta(days=30)    # context kept visible on each side of a compressed gap
MONTH, HALF_YEAR = pd.offsets.MonthBegin(), pd.offsets.HalfYearBegin(startingMonth=1)  # gap ends


class TerritorySeries(NamedTuple):
    """One measure's points for the territory panel: its id (the ``territory`` URL parameter),
    dates as text, percentages, hover texts (escaped) per language and marker symbols (by
    verification)."""
    key: str
    measure: str
    dates: tuple[str, ...]
    percents: tuple[float, ...]
    hovers: tuple[tuple[str, tuple[str, ...]], ...]  # (language, one hover text per point) per language
    symbols: tuple[str, ...]

    def hover_in(self, lang: str) -> tuple[str, ...]:
        """The points' hover texts in ``lang`` (English for a language there are none for)."""
        hovers = dict(self.hovers)
        return hovers.get(lang, hovers[LANGS[0]])


@dataclass(frozen=True)
class Derived:
    """Display values computed by ``derive`` at load; read-only like the dataset's frames."""

    labels: pd.DataFrame  # per event, same index as events: when, date, hover, symbol, x (labels.event_labels)
    localized: Mapping[str, pd.DataFrame]  # language -> its ``labels`` (English: ``labels`` itself)
    talks_days: tuple[str, ...]  # Istanbul-local dates (YYYY-MM-DD) with events timed to the minute or hour
    busiest_day: str  # the talks day with the most timed events (ties: the latest); '' if none
    lane_titles: Mapping[str, tuple[str, ...]]  # lanes ("round", "side") -> lane names, top to bottom
    localized_lane_titles: Mapping[str, Mapping[str, tuple[str, ...]]]  # language -> its ``lane_titles``
    lanes: Mapping[str, tuple[str, ...]]  # the same as y-axis categories: wrapped, escaped, unique
    round_lanes: Mapping[str, str]  # round id -> its lane (its category in ``lanes["round"]``)
    eras: tuple[tuple[pd.Timestamp, pd.Timestamp], ...]  # stretches of talks: (first day, day after last)
    quiet_stretch: tuple[pd.Timestamp, pd.Timestamp] | None  # the gap to compress (UTC), if long enough
    territory_series: tuple[TerritorySeries, ...]  # one per measure, by name
    data_through: pd.Timestamp | None  # the local day of the latest event that happened or was reported
    publishers: tuple[str, ...]  # original outlets, most-cited first (citing rows; ties alphabetical)
    default_series: str  # the key of the series shown by default: the most points, then the longest

    def labels_in(self, lang: str) -> pd.DataFrame:
        """The event labels in ``lang`` (English for a language there are none for)."""
        return self.localized.get(lang, self.labels)

    def lane_titles_in(self, lang: str) -> Mapping[str, tuple[str, ...]]:
        """The lanes' names in ``lang``, in the order of ``lane_titles`` (rounds where the
        record has the title in it, else in English)."""
        return self.localized_lane_titles.get(lang, self.lane_titles)


def derive(*, sources: pd.DataFrame, rounds: pd.DataFrame, events: pd.DataFrame,
           territory: pd.DataFrame, window: Window, sides: tuple[str, ...], positions: pd.DataFrame) -> Derived:
    """Everything in ``Derived`` from the validated frames (``events`` sorted by anchor)."""
    days = _timed_days(events)
    ordered = rounds.sort_values(["start_date", "id"])
    titles = {lang: MappingProxyType({
        "round": (*(record_text(r, "title", lang).text for _, r in ordered.iterrows()),
                  translator(lang).gettext(NO_ROUND)),
        "side": tuple(side_label(s, lang) for s in sides)}) for lang in LANGS}
    then = territory_then(territory, events["anchor"], window) if len(events) else None  # once for all
    stated = positions["occasion"].value_counts().to_dict()  # each occasion's number of positions
    labels = {lang: event_labels(events, territory, window, lang, then, stated) for lang in LANGS}
    return Derived(
        labels=labels[LANGS[0]], localized=MappingProxyType(labels),
        talks_days=tuple(sorted(set(days))),
        busiest_day=_busiest(days),
        lane_titles=titles[LANGS[0]], localized_lane_titles=MappingProxyType(titles),
        lanes=MappingProxyType({mode: tuple(dict.fromkeys(map(lane_label, names)))
                                for mode, names in titles[LANGS[0]].items()}),
        round_lanes=MappingProxyType({round_id: lane_label(record_text(r, "title", LANGS[0]).text)
                                      for round_id, r in ordered.iterrows()}),
        eras=_eras(rounds),
        quiet_stretch=_quiet_stretch(events["anchor"]),
        territory_series=(series := _territory_series(territory, sources)),
        default_series=_default_series(series),
        data_through=_data_through(events),
        publishers=most_cited(sources, [*events["source_ids"], *territory["source_ids"]]),
    )


def _data_through(events: pd.DataFrame) -> pd.Timestamp | None:
    """How far the record runs: the local day of its latest event that took place or was
    reported (a round merely scheduled for later does not extend it)."""
    done = events[events["status"].isin(("held", "reported"))]
    if done.empty:
        return None
    last = done.loc[done["anchor"].idxmax()]
    return local(last["anchor"], last["local_tz"]).normalize()


def most_cited(sources: pd.DataFrame, cited: list[tuple[str, ...]]) -> tuple[str, ...]:
    """Original publishers by how many rows cite them, most first (ties alphabetical); a cell
    that is not a list of ids (its descriptor declares no separator) cites nothing."""
    counts = Counter(sources.at[source, "publisher"] for ids in cited if not isinstance(ids, str)
                     for source in ids)
    return tuple(sorted(counts, key=lambda publisher: (-counts[publisher], publisher)))


def _timed_days(events: pd.DataFrame) -> pd.Series:
    """The Istanbul-local date (YYYY-MM-DD) of each event timed to the minute or hour."""
    timed = events[events["precision"].isin(["minute", "hour"])]
    return timed["anchor"].dt.tz_convert(DISPLAY_ZONE).dt.strftime("%Y-%m-%d")


def _busiest(days: pd.Series) -> str:
    counts = days.value_counts()
    return max(counts.index, key=lambda day: (counts[day], day)) if len(counts) else ""


def _eras(rounds: pd.DataFrame) -> tuple[tuple[pd.Timestamp, pd.Timestamp], ...]:
    """Rounds less than ERA_GAP apart form one era."""
    rounds = rounds.sort_values("start_date")
    spans: list[list[pd.Timestamp]] = []
    for start, end in zip(rounds["start_date"], rounds["end_date"]):
        if spans and start - spans[-1][1] <= ERA_GAP:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return tuple((start, end + pd.Timedelta(days=1)) for start, end in spans)


def _quiet_stretch(anchors: pd.Series) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The longest stretch between events, padded, if it is long enough to compress: from a
    month's start to a half-year's start (UTC). plotly.js labels the point where a break ends;
    on 1 Jan or 1 Jul that label is one of the axis's own half-yearly ticks, not a crowding extra."""
    if len(anchors) < 2:  # the loader keeps events in time order
        return None
    gaps = anchors.diff()
    longest = gaps.idxmax()
    if gaps[longest] < HIDE_GAP:
        return None
    position = anchors.index.get_loc(longest)
    start = MONTH.rollforward((anchors.iloc[position - 1] + GAP_PAD).normalize())
    return start, HALF_YEAR.rollback((anchors.iloc[position] - GAP_PAD).normalize())


def _territory_series(territory: pd.DataFrame, sources: pd.DataFrame) -> tuple[TerritorySeries, ...]:
    series = []
    publisher = sources["publisher"].to_dict()
    for measure, rows in territory.groupby("measure", sort=True):
        cited = [", ".join(publisher[i] for i in ids) for ids in rows["source_ids"]]  # once for every language
        hovers = tuple((lang, _territory_hover(rows, measure, cited, lang)) for lang in LANGS)
        series.append(TerritorySeries(series_key(measure), measure, tuple(rows["date"].astype(str).tolist()),
                                      tuple(rows["percent"].tolist()), hovers,
                                      tuple(VERIFICATION_SYMBOLS.get(v, "circle") for v in rows["verification"])))
    return tuple(series)


def _territory_hover(rows: pd.DataFrame, measure: str, cited: list[str], lang: str) -> tuple[str, ...]:
    """Each point's hover: percent (and area), measure, date, verification, publishers
    (``cited``: each point's, joined)."""
    t = translator(lang)
    area = t.gettext("%(area)s km²")
    return tuple(
        f"<b>{percent(p, lang)}</b>{'' if pd.isna(a) else ' (' + area % {'area': number(a, lang, 0)} + ')'}"
        f" · {esc(measure)}<br>{day_text(d, lang)} · {esc(vocabulary(v, lang))}<br>"
        + esc(t.gettext("Source: %(publishers)s") % {"publishers": publishers})
        for p, a, d, v, publishers in zip(rows["percent"], rows["area_km2"], rows["date"], rows["verification"], cited)
    )


def series_key(measure: str) -> str:
    """A measure's id in links: lower case, words joined by hyphens ('War Mapper' -> 'war-mapper')."""
    return re.sub(r"[^a-z0-9]+", "-", measure.lower()).strip("-")[:80] or "series"


def _default_series(series: tuple[TerritorySeries, ...]) -> str:
    """The series with one consistent method over the longest run: the most points, then the
    longest span (DeepState in the shipped data: one publisher, one base, Nov 2022–Jan 2026)."""
    if not series:
        return ""
    return max(series, key=lambda s: (len(s.dates), pd.Timestamp(s.dates[-1]) - pd.Timestamp(s.dates[0]))).key
