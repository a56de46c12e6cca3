"""What the detail panel says about one event, as plain data (no Dash): the page, the
presentation handout and the tests share it."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.data.filters import round_text
from dashboard.data.labels import side_label, vocabulary
from dashboard.data.positions import Position, occasion_positions
from dashboard.data.territory import territory_at
from dashboard.data.times import format_delay, format_span, minutes_between
from dashboard.i18n import day_text, number, percent, record_text, translator


@dataclass(frozen=True)
class SourceRef:
    publisher: str
    title: str
    published: str  # '16 May 2025', or 'date not shown'
    url: str


@dataclass(frozen=True)
class EventDetail:
    id: str
    title: str
    kind: str
    status: str
    verification: str
    round: str
    when: str
    scheduled: str
    delay: str
    summary: str
    outcome: str
    note: str
    participants: tuple[tuple[str, str, str], ...]  # (name, side, role)
    territory: tuple[str, ...]
    sources: tuple[SourceRef, ...]
    positions: tuple[Position, ...]  # stated at this event, when it is a positions occasion
    in_english: frozenset = frozenset()  # of "title", "summary", "round": shown in English to a reader of another language


def cell_text(value) -> str:
    """A cell as text: blank for a missing value."""
    return "" if value is None or (not isinstance(value, tuple) and pd.isna(value)) else str(value)


def source_refs(ds: Dataset, ids, lang: str = "en") -> tuple[SourceRef, ...]:
    refs = []
    for source_id in ids:
        row = ds.sources.loc[source_id]
        published = (translator(lang).gettext("date not shown") if pd.isna(row["published"])
                     else day_text(row["published"], lang))
        refs.append(SourceRef(row["publisher"], row["title"], published, row["url"]))
    return tuple(refs)


def event_detail(ds: Dataset, event_id: str, lang: str = "en") -> EventDetail | None:
    """The detail of one event in ``lang`` (the data's own text, titles and summaries, as
    the data holds it); None for an unknown id."""
    if event_id not in ds.events.index:
        return None
    t = translator(lang)
    row = ds.events.loc[event_id]
    zone, precision = row["local_tz"], row["precision"]
    delay = ""
    if not pd.isna(row["start"]) and not pd.isna(row["scheduled_start"]) and precision in ("minute", "hour"):
        delay = format_delay(minutes_between(row["scheduled_start"], row["start"]), bool(row["approximate"]), lang)
    round_id = row["round_id"]
    people = tuple(
        (ds.participants.at[p, "name"], side_label(ds.participants.at[p, "side"], lang),
         cell_text(ds.participants.at[p, "role"]))
        for p in row["participant_ids"] or ()
    )
    territory = tuple(
        t.gettext("%(percent)s%(area)s on %(day)s — %(measure)s, %(verification)s") % {
            "percent": percent(f.percent, lang), "day": day_text(f.date, lang), "measure": f.measure,
            "area": "" if pd.isna(f.area_km2) else " (" + t.gettext("%(area)s km²") % {"area": number(f.area_km2, lang, 0)} + ")",
            "verification": vocabulary(f.verification, lang)}
        for f in territory_at(ds.territory, row["anchor"], ds.territory_window).itertuples()
    )
    title, summary, round_name = (record_text(row, "title", lang), record_text(row, "summary", lang),
                                  round_text(ds, round_id, lang))
    english = frozenset(field for field, text in (("title", title), ("summary", summary), ("round", round_name))
                        if text.lang != lang)
    return EventDetail(
        id=event_id, title=title.text, kind=vocabulary(row["kind"], lang), status=vocabulary(row["status"], lang),
        verification=row["verification"], round=round_name.text, in_english=english,
        when=format_span(row["start"], row["end"], precision, zone, bool(row["approximate"]), lang),
        scheduled=format_span(row["scheduled_start"], row["scheduled_end"], precision, zone, lang=lang),
        delay=delay, summary=summary.text,
        outcome=cell_text(ds.rounds.at[round_id, "outcome"]) if round_id in ds.rounds.index else "",
        note=cell_text(row["note"]), participants=people, territory=territory,
        sources=source_refs(ds, row["source_ids"], lang), positions=occasion_positions(ds, event_id),
    )
