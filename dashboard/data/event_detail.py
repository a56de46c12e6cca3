"""What the detail panel says about one event, as plain data (no Dash): the page, the
presentation handout and the tests share it."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.data.filters import round_title
from dashboard.data.labels import side_label
from dashboard.data.positions import Position, occasion_positions
from dashboard.data.territory import territory_at
from dashboard.data.times import format_delay, format_span, minutes_between


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


def cell_text(value) -> str:
    """A cell as text: blank for a missing value."""
    return "" if value is None or (not isinstance(value, tuple) and pd.isna(value)) else str(value)


def source_refs(ds: Dataset, ids) -> tuple[SourceRef, ...]:
    refs = []
    for source_id in ids:
        row = ds.sources.loc[source_id]
        published = "date not shown" if pd.isna(row["published"]) else f"{row['published']:%-d %b %Y}"
        refs.append(SourceRef(row["publisher"], row["title"], published, row["url"]))
    return tuple(refs)


def event_detail(ds: Dataset, event_id: str) -> EventDetail | None:
    if event_id not in ds.events.index:
        return None
    row = ds.events.loc[event_id]
    zone, precision = row["local_tz"], row["precision"]
    delay = ""
    if not pd.isna(row["start"]) and not pd.isna(row["scheduled_start"]) and precision in ("minute", "hour"):
        delay = format_delay(minutes_between(row["scheduled_start"], row["start"]), bool(row["approximate"]))
    round_id = row["round_id"]
    people = tuple(
        (ds.participants.at[p, "name"], side_label(ds.participants.at[p, "side"]),
         cell_text(ds.participants.at[p, "role"]))
        for p in row["participant_ids"] or ()
    )
    territory = tuple(
        f"{t.percent:g}%{'' if pd.isna(t.area_km2) else f' ({t.area_km2:,.0f} km²)'} on {t.date:%-d %b %Y} "
        f"— {t.measure}, {t.verification}"
        for t in territory_at(ds.territory, row["anchor"], ds.territory_window).itertuples()
    )
    return EventDetail(
        id=event_id, title=row["title"], kind=row["kind"], status=row["status"],
        verification=row["verification"], round=round_title(ds, round_id),
        when=format_span(row["start"], row["end"], precision, zone, bool(row["approximate"])),
        scheduled=format_span(row["scheduled_start"], row["scheduled_end"], precision, zone),
        delay=delay, summary=cell_text(row["summary"]),
        outcome=cell_text(ds.rounds.at[round_id, "outcome"]) if round_id in ds.rounds.index else "",
        note=cell_text(row["note"]), participants=people, territory=territory,
        sources=source_refs(ds, row["source_ids"]), positions=occasion_positions(ds, event_id),
    )
