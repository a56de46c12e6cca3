"""Load the data package in ``data/`` once, validate it strictly, return an immutable Dataset.

Every problem is collected (file, row, column, stable code) before ``DatasetError`` is raised,
so an editor fixes a spreadsheet in one pass. The rules come from ``datapackage.json``: types,
constraints, primary keys and ``foreignKeys`` as Table Schema states them, and two custom field
properties for ``;``-separated lists (``x-separator``) and the ids in them (``x-references``),
so the descriptor and the validator cannot disagree about a key.

Times become tz-aware pandas Timestamps in UTC; a day- or month-precision value becomes the
start of that local day or month in the event's ``local_tz`` and keeps its precision, so it is
drawn and printed as a day, never as 00:00.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from dateutil import tz

from dashboard.data.derived import Derived, derive
from dashboard.data.fields import parse_cell, parse_date, parse_month, parse_utc_datetime
from dashboard.data.deck_checks import check_numbering, check_views
from dashboard.data.keys import check_keys, check_references
from dashboard.data.territory import Window
from dashboard.data.record_rules import check_corroboration, check_heads, check_series, check_translations
from dashboard.data.problems import DatasetError, Problem

RESOURCES = ("sources", "rounds", "participants", "events", "territory", "decks", "slides", "positions")
TIME_FIELDS = ("scheduled_start", "scheduled_end", "start", "end")
PERIODS = {"day": pd.DateOffset(days=1), "month": pd.DateOffset(months=1)}


@dataclass(frozen=True)
class Dataset:
    """The validated data, and what follows from it (``derived``, built once in ``load_dataset``).
    Frames are shared, never mutated: treat them as read-only.

    ``events`` is sorted by ``anchor`` (the actual start, else the scheduled start) and has
    ``until``, the end of what is drawn: the end time, the end of a day- or month-precision
    period, or NaT for a point in time;
    time columns are tz-aware UTC Timestamps (NaT where blank); list columns hold tuples.
    """

    sources: pd.DataFrame
    rounds: pd.DataFrame
    participants: pd.DataFrame
    events: pd.DataFrame
    territory: pd.DataFrame
    decks: pd.DataFrame  # indexed by id; the slides are in ``slides`` (dashboard.views.present.deck reads both)
    slides: pd.DataFrame  # sorted by deck_id, slide
    positions: pd.DataFrame  # indexed by id; in time order of the occasions, then by side, topic and id
    enums: dict  # allowed values from the schema: side, kind, status, verification, precision of
    # the events; topic, moved and position_side (the participants' sides and 'europe') of the positions
    fields: dict  # resource name -> its column names in schema order (what its CSV holds)
    separators: dict  # resource name -> {list field: the separator its cells use} (x-separator)
    version: str
    title: str
    license: str
    reviewed: str  # the date the record was last reviewed (YYYY-MM-DD), '' if not stated
    territory_window: Window  # how far back a territory figure says what was "then"
    derived: Derived  # labels, talks days, lanes, eras … computed from the frames above at load

    @property
    def sides(self) -> tuple[str, ...]:
        return self.enums["side"]

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in RESOURCES}


def load_dataset(data_dir: str | Path, tabs: tuple[str, ...] = ()) -> Dataset:
    """Read and validate ``data_dir``; raise DatasetError listing every problem. ``tabs``: the
    tab registry's values (``dashboard.tabs.load``), which the slides' views may name; without
    them a slide's tab is checked for shape only."""
    data_dir = Path(data_dir)
    package, problems = _read_package(data_dir)
    if package is None:
        raise DatasetError(problems)
    schemas = {r["name"]: r for r in package.get("resources", [])}
    tables: dict[str, list[dict]] = {}
    for name in RESOURCES:
        if name not in schemas:
            problems.append(Problem("datapackage.json", None, None, "missing-resource",
                                    f"no resource named {name!r}"))
            continue
        tables[name] = _read_table(data_dir, schemas[name], problems)
    if len(tables) == len(RESOURCES):
        side_enum = _field(schemas["participants"], "side")["constraints"]["enum"]
        problems += check_keys(schemas, tables)
        problems += check_references(schemas, tables)
        _check_sides(schemas["events"]["path"], tables["events"], side_enum, problems)
        _check_rounds(schemas["rounds"]["path"], tables["rounds"], problems)
        problems += check_heads(schemas["rounds"]["path"], tables["rounds"], tables["events"])
        problems += check_corroboration(schemas, tables)
        problems += check_series(schemas["territory"]["path"], tables["territory"])
        problems += check_translations(schemas, tables)
        _parse_event_times(schemas["events"]["path"], tables["events"], problems)
        problems += check_numbering(schemas["decks"]["path"], tables["decks"],
                                    schemas["slides"]["path"], tables["slides"])
    if problems:
        raise DatasetError(problems)
    licenses = package.get("licenses") or [{}]
    sources = _frame(tables["sources"], index="id")
    rounds = _frame(tables["rounds"], index="id", dates=("start_date", "end_date"))
    events = _events_frame(tables["events"])
    territory = _frame(tables["territory"], dates=("date",)).sort_values(["measure", "date"])
    window = Window.from_descriptor(package.get("x-territory-window"))
    enums = {"side": tuple(side_enum), **{
        name: tuple(_field(schemas["events"], name)["constraints"]["enum"])
        for name in ("kind", "status", "verification", "precision")}, **{
        name: tuple(_field(schemas["positions"], field)["constraints"]["enum"])
        for name, field in (("topic", "topic"), ("moved", "moved"), ("position_side", "side"))}}
    positions = _positions_frame(tables["positions"], schemas["positions"], events, enums)
    dataset = Dataset(
        sources=sources, rounds=rounds,
        participants=_frame(tables["participants"], index="id"),
        events=events, territory=territory,
        decks=_frame(tables["decks"], index="id", columns=schemas["decks"]),
        slides=_frame(tables["slides"], columns=schemas["slides"]).sort_values(["deck_id", "slide"]),
        positions=positions,
        enums=enums,
        fields={name: tuple(f["name"] for f in schemas[name]["schema"]["fields"]) for name in RESOURCES},
        separators={name: {f["name"]: f["x-separator"] for f in schemas[name]["schema"]["fields"]
                           if "x-separator" in f} for name in RESOURCES},
        version=_version(data_dir, package),
        title=package.get("title", ""),
        license=licenses[0].get("title") or licenses[0].get("name", ""),
        reviewed=str(package.get("reviewed") or ""), territory_window=window,
        derived=derive(sources=sources, rounds=rounds, events=events, territory=territory, window=window,
                       sides=tuple(side_enum), positions=positions),
    )
    problems = check_views(dataset, schemas["slides"]["path"], tables["slides"], tabs)
    if problems:  # views are checked against the dataset's ids, so only once the rest is valid
        raise DatasetError(problems)
    return dataset


def _read_package(data_dir: Path) -> tuple[dict | None, list[Problem]]:
    path = data_dir / "datapackage.json"
    if not path.is_file():
        return None, [Problem("datapackage.json", None, None, "missing-file", f"{path} not found")]
    try:
        return json.loads(path.read_text(encoding="utf-8")), []
    except (ValueError, UnicodeDecodeError) as exc:
        return None, [Problem("datapackage.json", None, None, "bad-json", str(exc))]


def _field(resource: dict, name: str) -> dict:
    return next(f for f in resource["schema"]["fields"] if f["name"] == name)


def _read_table(data_dir: Path, resource: dict, problems: list[Problem]) -> list[dict]:
    """Rows as dicts of parsed values, each with its spreadsheet row number under ``_row``."""
    file = resource["path"]
    path = data_dir / file
    if not path.is_file():
        problems.append(Problem(file, None, None, "missing-file", f"{path} not found"))
        return []
    try:  # utf-8-sig drops a spreadsheet's BOM; newline="" accepts CRLF line ends.
        with path.open(encoding="utf-8-sig", newline="") as handle:
            records = _records(csv.reader(handle))
    except UnicodeDecodeError as exc:
        problems.append(Problem(file, None, None, "bad-encoding", f"not UTF-8: {exc.reason}"))
        return []
    except csv.Error as exc:
        problems.append(Problem(file, None, None, "bad-csv", str(exc)))
        return []
    if not records:
        problems.append(Problem(file, None, None, "empty-file", "no header row"))
        return []
    fields = {f["name"]: f for f in resource["schema"]["fields"]}
    (_, header), body = records[0], records[1:]
    header = [h.strip() for h in header]
    for name in fields:
        if name not in header:
            problems.append(Problem(file, 1, name, "missing-column", f"column {name!r} is missing"))
    for name in header:
        if name not in fields:
            problems.append(Problem(file, 1, name, "unknown-column",
                                    f"column {name!r} is not in datapackage.json"))
    rows = []
    for line, cells in body:
        if len(cells) != len(header):
            problems.append(Problem(file, line, None, "ragged-row",
                                    f"{len(cells)} cells, the header has {len(header)}"))
            continue
        row: dict = {"_row": line}
        for name, text in zip(header, cells):
            if name not in fields:
                continue
            if name in TIME_FIELDS:  # parsed with the row's precision in _parse_event_times
                row[name] = text.strip()
                continue
            value, failure = parse_cell(text.strip(), fields[name], raw=text)
            if failure:
                problems.append(Problem(file, line, name, *failure))
            elif "x-separator" in fields[name]:
                value = tuple(v.strip() for v in (value or "").split(fields[name]["x-separator"]) if v.strip())
            row[name] = value
        rows.append(row)
    return rows


def _records(reader) -> list[tuple[int, list[str]]]:
    """(first line number, cells) per non-blank record; quoted cells may span lines."""
    records, line = [], 1
    for cells in reader:
        if any(c.strip() for c in cells):
            records.append((line, cells))
        line = reader.line_num + 1
    return records


def _check_sides(file: str, rows: list[dict], side_enum: list, problems: list[Problem]) -> None:
    """An event's ``sides`` are each one of the participants' sides (an enum on a list)."""
    for row in rows:
        for side in row.get("sides") or ():
            if side not in side_enum:
                problems.append(Problem(file, row["_row"], "sides", "bad-enum",
                                        f"{side!r} is not one of {', '.join(side_enum)}"))


def _check_rounds(file: str, rows: list[dict], problems: list[Problem]) -> None:
    for row in rows:
        start, end = row.get("start_date"), row.get("end_date")
        if start and end and end < start:
            problems.append(Problem(file, row["_row"], "end_date", "end-before-start",
                                    f"end_date {end} is before start_date {start}"))


def _parse_event_times(file: str, rows: list[dict], problems: list[Problem]) -> None:
    """Parse the four time fields by the row's precision into UTC Timestamps (in place)."""
    for row in rows:
        precision, zone_name = row.get("precision"), row.get("local_tz")
        zone = tz.gettz(zone_name) if zone_name else None
        if zone_name and zone is None:
            problems.append(Problem(file, row["_row"], "local_tz", "bad-timezone",
                                    f"{zone_name!r} is not an IANA time zone"))
        texts = {name: row.get(name, "") for name in TIME_FIELDS}
        failed = precision is None
        for name, text in texts.items():
            row[name] = pd.NaT
            if text and precision is not None:
                value, failure = _parse_time(text, precision, zone or tz.UTC)
                if failure:
                    problems.append(Problem(file, row["_row"], name, *failure))
                    failed = True
                else:
                    row[name] = value
        if failed:
            continue
        if pd.isna(row["start"]) and pd.isna(row["scheduled_start"]):
            problems.append(Problem(file, row["_row"], "start", "no-time",
                                    "fill start or scheduled_start"))
        for first, last in (("start", "end"), ("scheduled_start", "scheduled_end")):
            if pd.isna(row[first]) and not pd.isna(row[last]):
                problems.append(Problem(file, row["_row"], last, "end-without-start",
                                        f"{last} is set but {first} is blank"))
            elif not pd.isna(row[first]) and not pd.isna(row[last]) and row[last] < row[first]:
                problems.append(Problem(file, row["_row"], last, "end-before-start",
                                        f"{last} is before {first}"))


def _parse_time(text: str, precision: str, zone) -> tuple[pd.Timestamp | None, tuple | None]:
    if precision in ("minute", "hour"):
        if len(text) <= 10:
            return None, ("precision-mismatch",
                          f"precision is {precision} but {text!r} has no time of day")
        value, failure = parse_utc_datetime(text)
        if failure:
            return None, failure
        if value.second or (precision == "hour" and value.minute):
            return None, ("precision-mismatch", f"{text!r} is finer than {precision} precision")
        return pd.Timestamp(value).tz_convert("UTC"), None
    if "T" in text:
        return None, ("precision-mismatch",
                      f"precision is {precision}: write {text[:10 if precision == 'day' else 7]!r}, "
                      "not a time of day")
    value, failure = (parse_date if precision == "day" else parse_month)(text)
    if failure:
        return None, failure
    return pd.Timestamp(value).tz_localize(zone).tz_convert("UTC"), None


def _frame(rows: list[dict], index: str | None = None, dates: tuple = (),
           columns: dict | None = None) -> pd.DataFrame:
    """``columns``: the resource, to give a table without rows its columns (a package may have no decks)."""
    names = [f["name"] for f in columns["schema"]["fields"]] if columns else None
    frame = pd.DataFrame([{k: v for k, v in r.items() if k != "_row"} for r in rows], columns=names)
    for column in dates:
        frame[column] = pd.to_datetime(frame[column])
    return frame.set_index(index, drop=False).rename_axis(None) if index else frame


def _events_frame(rows: list[dict]) -> pd.DataFrame:
    frame = _frame(rows, index="id")
    for column in TIME_FIELDS:
        frame[column] = pd.to_datetime(frame[column], utc=True)
    frame["anchor"] = frame["start"].fillna(frame["scheduled_start"])
    last = frame["end"].fillna(frame["start"]).fillna(frame["scheduled_end"]).fillna(frame["anchor"])
    frame["until"] = [
        _period_end(ts, precision, zone) if precision in PERIODS else end
        for ts, precision, zone, end in zip(last, frame["precision"], frame["local_tz"], frame["end"])
    ]
    frame["until"] = pd.to_datetime(frame["until"], utc=True)
    return frame.sort_values(["anchor", "id"])


def _positions_frame(rows: list[dict], resource: dict, events: pd.DataFrame, enums: dict) -> pd.DataFrame:
    """Positions in time order of their occasions (``events`` is sorted by anchor), then by
    the vocabularies' order of side and topic: the order every list and matrix shows them in."""
    frame = _frame(rows, index="id", columns=resource)
    order = {"occasion": {event: n for n, event in enumerate(events.index)},
             "side": {side: n for n, side in enumerate(enums["position_side"])},
             "topic": {topic: n for n, topic in enumerate(enums["topic"])}}
    return frame.sort_values(["occasion", "side", "topic", "id"],
                             key=lambda column: column.map(order[column.name]) if column.name in order else column)


def _period_end(ts: pd.Timestamp, precision: str, zone: str) -> pd.Timestamp:
    """The end of the local day or month that ``ts`` starts (a day is drawn as a whole day)."""
    return (ts.tz_convert(zone) + PERIODS[precision]).tz_convert("UTC")


def _version(data_dir: Path, package: dict) -> str:
    """A short hash of the package's files: the data version shown in /healthz and exports."""
    digest = hashlib.sha256((data_dir / "datapackage.json").read_bytes())
    for resource in package["resources"]:
        path = data_dir / resource["path"]
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
