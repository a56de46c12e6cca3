"""Checks on decks.csv and slides.csv that a Table Schema cannot express; run by load_dataset.

Types, required cells, keys and id references (deck_id, event_ids, source_ids) are checked by
the loader like every other table. Here: slides numbered 1, 2, 3 … per deck, no deck without
slides, and each slide's ``view``, parsed by the explore page's own URL parser against the
dataset, so a slide can never show something its link would not.
"""

from __future__ import annotations

from dataclasses import replace

from dashboard.data.problems import Problem
from dashboard.state import ViewState, dataset_choices


def check_numbering(decks_file: str, decks: list[dict], slides_file: str, slides: list[dict]) -> list[Problem]:
    """``empty-deck`` for a deck without slides; ``slide-gap`` where numbering skips a number."""
    numbers: dict[str, dict[int, int]] = {}
    for row in slides:
        if row.get("deck_id") and isinstance(row.get("slide"), int):
            numbers.setdefault(row["deck_id"], {}).setdefault(row["slide"], row["_row"])
    problems = [Problem(decks_file, deck["_row"], "id", "empty-deck", f"deck {deck['id']!r} has no rows in {slides_file}")
                for deck in decks if deck.get("id") and deck["id"] not in numbers]
    for deck_id, rows in numbers.items():
        for position, number in enumerate(sorted(rows), start=1):
            if number != position:
                problems.append(Problem(slides_file, rows[number], "slide", "slide-gap",
                                        f"deck {deck_id!r} has no slide {position}: number slides 1, 2, 3 … "
                                        "without gaps"))
                break
    return problems


def check_views(ds, slides_file: str, slides: list[dict], tabs: tuple[str, ...]) -> list[Problem]:
    """``bad-view`` for each note the URL parser makes; ``unknown-event`` for an event= id not in events."""
    choices = dataset_choices(ds, tabs)
    any_event = replace(choices, events=frozenset())  # the event id is checked below, with its own code
    problems = []
    for row in slides:
        view, notes = ViewState.from_query(row.get("view") or "", any_event)
        problems += [Problem(slides_file, row["_row"], "view", "bad-view", note) for note in notes]
        if view.event and view.event not in choices.events:
            problems.append(Problem(slides_file, row["_row"], "view", "unknown-event",
                                    f"event={view.event!r} is not an id in events"))
    return problems
