"""Rules of the record that a Table Schema cannot say; run by ``load_dataset`` on parsed rows.

- Corroboration: a row labelled ``verified`` cites sources from at least two different
  original publishers (``sources.publisher``: a reprint counts as the outlet that wrote it,
  whatever site it was read on). Every resource with a ``verification`` and a source column
  (``source_ids``) follows it.
- A territory series (``measure``) is one method on one area base: its rows never disagree on
  whether Crimea is counted.
- Attendance is stated once, by the events' ``participant_ids``: a round's head (``head_ids``)
  must sit at one of the round's events.
- A translation (a field with ``x-translation``) says what its English cell says: it has an
  English cell to translate and carries the same numbers (dates, counts, decree numbers).
"""

from __future__ import annotations

import re
from collections import Counter

from dashboard.data.problems import Problem

# A number as written in any of the languages: digits grouped by ',', '.', or a (narrow,
# no-break) space; the groups are joined, so 1,000 = 1 000 = 1.000 and 19.4 = 19,4.
_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")

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


def numbers_in(text: str) -> Counter:
    """The numbers ``text`` states, separators dropped, counted (word order differs by language)."""
    return Counter(re.sub(r"\D", "", n) for n in _NUMBER.findall(text or ""))


def check_translations(schemas: dict, tables: dict) -> list[Problem]:
    """``translation-without-original`` for a translated cell whose English cell is blank;
    ``translation-numbers`` where a translation drops, adds or changes a number."""
    problems = []
    for name, rows in tables.items():
        for field in schemas[name]["schema"]["fields"]:
            original = field.get("x-translation", {}).get("of")
            if original is None:
                continue
            for row in rows:
                text, english = row.get(field["name"]), row.get(original)
                if not text:
                    continue
                if not english:
                    problems.append(Problem(schemas[name]["path"], row["_row"], field["name"],
                                            "translation-without-original",
                                            f"{field['name']} is filled but {original} is blank"))
                elif numbers_in(text) != numbers_in(english):
                    missing = numbers_in(english) - numbers_in(text)
                    extra = numbers_in(text) - numbers_in(english)
                    problems.append(Problem(
                        schemas[name]["path"], row["_row"], field["name"], "translation-numbers",
                        f"{field['name']} should state the numbers of {original}: "
                        f"missing {sorted(missing) or 'none'}, extra {sorted(extra) or 'none'}"))
    return problems
