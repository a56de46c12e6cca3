"""Rules of the record that a Table Schema cannot say; run by ``load_dataset`` on parsed rows.

- Corroboration: a row labelled ``verified`` cites sources from at least two different
  original publishers (``sources.publisher``: a reprint counts as the outlet that wrote it,
  whatever site it was read on). Every resource with a ``verification`` and a source column
  (``source_ids``) follows it.
- A territory series (``measure``) is one method on one area base: its rows never disagree on
  whether Crimea is counted.
- Attendance is stated once, by the events' ``participant_ids``: a round's head (``head_ids``)
  must sit at one of the round's events.
"""

from __future__ import annotations

from dashboard.data.problems import Problem

CORROBORATED_BY = 2  # distinct original publishers a ``verified`` row needs


def check_corroboration(schemas: dict, tables: dict) -> list[Problem]:
    """``uncorroborated`` for each ``verified`` row citing fewer than two original publishers."""
    publisher = {row.get("id"): row.get("publisher") for row in tables.get("sources", ())}
    problems = []
    for name, rows in tables.items():
        fields = {f["name"] for f in schemas[name]["schema"]["fields"]}
        if not {"verification", "source_ids"} <= fields:
            continue
        for row in rows:
            cited = row.get("source_ids")
            if row.get("verification") != "verified" or not isinstance(cited, tuple):
                continue  # not a list of ids unless the descriptor declares it one (x-separator)
            publishers = {publisher[s] for s in cited if s in publisher}
            if len(publishers) < CORROBORATED_BY:
                named = ", ".join(sorted(publishers)) or "no known source"
                problems.append(Problem(
                    schemas[name]["path"], row["_row"], "verification", "uncorroborated",
                    f"verified needs sources from {CORROBORATED_BY} different original publishers; "
                    f"this row cites {named}: add one, or label it single-source"))
    return problems


def check_series(file: str, territory: list[dict]) -> list[Problem]:
    """``mixed-series`` for a territory row whose area base (``includes_crimea``) differs from
    its series' first row: two bases are two series, whoever computed them."""
    first: dict[str, dict] = {}
    problems = []
    for row in sorted(territory, key=lambda r: (str(r.get("date")), r["_row"])):
        measure = row.get("measure")
        base = first.setdefault(measure, row)
        if row.get("includes_crimea") != base.get("includes_crimea"):
            problems.append(Problem(file, row["_row"], "includes_crimea", "mixed-series",
                                    f"series {measure!r} counts Crimea {'in' if base.get('includes_crimea') else 'out'} "
                                    f"on row {base['_row']}: name this row's series for its own area base"))
    return problems


def check_heads(file: str, rounds: list[dict], events: list[dict]) -> list[Problem]:
    """``head-not-present`` for a round's head who is in none of its events' participants."""
    present: dict[str, set] = {}
    for event in events:
        present.setdefault(event.get("round_id"), set()).update(event.get("participant_ids") or ())
    return [Problem(file, row["_row"], "head_ids", "head-not-present",
                    f"{head!r} led at {row.get('id')} but is in none of its events' participant_ids")
            for row in rounds for head in row.get("head_ids") or ()
            if head not in present.get(row.get("id"), ())]
