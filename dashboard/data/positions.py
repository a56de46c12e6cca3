"""What was on the table (issue 20): each side's terms, occasion by occasion, as plain data.

The Positions tab's matrix, the event detail panel's list and the CSV download all start from
``filter_positions``, so what a reader sees and what they download cannot disagree. No Dash
here: the views render these values and the tests read them directly.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.data.fields import SOURCE_COLUMNS, source_cells, spreadsheet_safe, write_cell
from dashboard.data.times import iso_date
from dashboard.i18n import DEFAULT, record_text

OCCASION_COLUMNS = ("occasion_date", "occasion_title")  # what the CSV adds about each occasion


@dataclass(frozen=True)
class Position:
    """One row of positions.csv as a reader needs it; ``moved`` is '' where the data does not say."""
    id: str
    occasion: str
    side: str
    topic: str
    position: str
    quote: bool  # ``position`` is the source's exact words
    moved: str
    status: str
    verification: str
    numbers: str = ""  # figures the source gives (e.g. an army ceiling), '' where none
    note: str = ""
    source_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Column:
    """One column of the matrix: a side at one occasion (an event)."""
    side: str
    occasion: str
    date: str  # the occasion's date in its own zone, in the matrix's language: '29 Mar 2022'
    title: str
    title_lang: str = DEFAULT  # the language ``title`` is in (English where the event has no translation)


@dataclass(frozen=True)
class Matrix:
    """Topics (rows, in the vocabulary's order) × columns grouped by side (in the side
    vocabulary's order), each side's occasions in time order. ``cells[row][column]`` holds that
    side's positions on that topic at that occasion: usually one, none where it stated none."""
    topics: tuple[str, ...]
    columns: tuple[Column, ...]
    cells: tuple[tuple[tuple[Position, ...], ...], ...]

    def sides(self) -> tuple[tuple[str, int], ...]:
        """(side, how many columns it spans), left to right: the header over each group."""
        spans: dict[str, int] = {}
        for column in self.columns:
            spans[column.side] = spans.get(column.side, 0) + 1
        return tuple(spans.items())


def view_filters(view) -> dict:
    """A ``ViewState``'s positions filters as the keyword arguments of the functions below."""
    return dict(sides=view.sides, topics=view.topics, changes_only=view.changes, occasions=view.occasions)


def filter_positions(ds: Dataset, sides: tuple[str, ...] = (), topics: tuple[str, ...] = (),
                     changes_only: bool = False, occasions: tuple[str, ...] = ()) -> pd.DataFrame:
    """The positions of the given sides and topics (empty: all), only those whose ``moved`` is
    set when ``changes_only``, only those stated at ``occasions`` (event ids) if given; in the
    dataset's order (occasions in time order, then side, topic)."""
    positions = ds.positions
    keep = pd.Series(True, index=positions.index)
    if occasions:
        keep &= positions["occasion"].isin(occasions)
    if sides:
        keep &= positions["side"].isin(sides)
    if topics:
        keep &= positions["topic"].isin(topics)
    if changes_only:
        keep &= positions["moved"].notna()
    return positions[keep]


def position_matrix(ds: Dataset, sides: tuple[str, ...] = (), topics: tuple[str, ...] = (),
                    changes_only: bool = False, occasions: tuple[str, ...] = (), lang: str = DEFAULT) -> Matrix:
    """The matrix of what ``filter_positions`` keeps; only topics and columns with a position.
    The columns' dates and titles are in ``lang`` (a title without a translation in English)."""
    shown = filter_positions(ds, sides, topics, changes_only, occasions)
    side_order = {side: n for n, side in enumerate(ds.enums["position_side"])}
    keys = sorted(dict.fromkeys(zip(shown["side"], shown["occasion"])),
                  key=lambda key: side_order[key[0]])  # stable: each side's occasions stay in time order
    columns = tuple(occasion_column(ds, side, occasion, lang) for side, occasion in keys)
    row_topics = tuple(t for t in ds.enums["topic"] if t in set(shown["topic"]))
    found: dict[tuple[str, str, str], list[Position]] = {}
    for position in map(_position, shown.itertuples(index=False)):
        found.setdefault((position.topic, position.side, position.occasion), []).append(position)
    cells = tuple(tuple(tuple(found.get((topic, c.side, c.occasion), ())) for c in columns)
                  for topic in row_topics)
    return Matrix(row_topics, columns, cells)


def occasion_column(ds: Dataset, side: str, occasion: str, lang: str = DEFAULT) -> Column:
    """``side``'s column at ``occasion``: its date and title in ``lang`` (the title in English
    where the event has no translation)."""
    title = record_text(ds.events.loc[occasion], "title", lang)
    return Column(side, occasion, ds.derived.labels_in(lang).at[occasion, "date"], *title)


def position_of(ds: Dataset, position_id: str) -> Position:
    """One position by its id (KeyError for an id the data lacks)."""
    return _position(next(ds.positions.loc[[position_id]].itertuples(index=False)))


def occasion_positions(ds: Dataset, event_id: str) -> tuple[Position, ...]:
    """The positions stated at one occasion, by side and topic (the event detail panel's list)."""
    return tuple(map(_position, ds.positions[ds.positions["occasion"] == event_id].itertuples(index=False)))


def positions_csv(ds: Dataset, sides: tuple[str, ...] = (), topics: tuple[str, ...] = (),
                  changes_only: bool = False, occasions: tuple[str, ...] = ()) -> str:
    """The positions a filter shows: the columns of positions.csv (written as it holds them, so
    the rows load back), the occasion's local date (YYYY-MM-DD) and title, and the cited
    sources' original publishers and URLs. Would-be formulas are written as text."""
    shown = filter_positions(ds, sides, topics, changes_only, occasions)
    columns, separators = ds.fields["positions"], ds.separators["positions"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*columns, *OCCASION_COLUMNS, *SOURCE_COLUMNS])
    for row in shown.itertuples(index=False):
        record = row._asdict()
        event = ds.events.loc[record["occasion"]]
        cells = [write_cell(record[name], separators.get(name)) for name in columns]
        occasion = [iso_date(event["anchor"], event["precision"], event["local_tz"]), event["title"]]
        sources = source_cells(ds.sources, record["source_ids"], separators["source_ids"])
        writer.writerow([spreadsheet_safe(cell) for cell in (*cells, *occasion, *sources)])
    return out.getvalue()


def _position(row) -> Position:
    return Position(id=row.id, occasion=row.occasion, side=row.side, topic=row.topic,
                    position=row.position, quote=bool(row.quote), moved=write_cell(row.moved),
                    status=row.status, verification=row.verification, numbers=write_cell(row.numbers),
                    note=write_cell(row.note), source_ids=tuple(row.source_ids))
