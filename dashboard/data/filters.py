"""Which events a view shows: the one implementation of filters and search.

The explore page's count, the figures, the table, the CSV download and the export CLI all
call ``filter_events`` so they can never disagree.
"""

from __future__ import annotations

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.data.labels import NO_ROUND
from dashboard.i18n import RecordText, record_text, translator
from dashboard.state import ViewState


def filter_events(ds: Dataset, view: ViewState) -> pd.DataFrame:
    """Events passing the round, side, kind and verification filters and the text search."""
    events = ds.events
    keep = pd.Series(True, index=events.index)
    if view.rounds:
        keep &= events["round_id"].isin(view.rounds)
    if view.sides:
        wanted = set(view.sides)
        keep &= events["sides"].map(lambda sides: not wanted.isdisjoint(sides))
    if view.kinds:
        keep &= events["kind"].isin(view.kinds)
    if view.verification:
        keep &= events["verification"].isin(view.verification)
    if view.q.strip():
        text = events["title"].fillna("") + " " + events["summary"].fillna("")
        for word in view.q.split():
            keep &= text.str.contains(word, case=False, regex=False)
    return events.copy(deep=False) if keep.all() else events[keep]  # copy-on-write: the caller's own frame


def round_title(ds: Dataset, round_id, lang: str = "en") -> str:
    return round_text(ds, round_id, lang).text


def round_text(ds: Dataset, round_id, lang: str = "en") -> RecordText:
    """A round's title in ``lang`` where the record has it (else English, saying so); events
    outside the rounds are "Context", an interface string."""
    if round_id is None or pd.isna(round_id) or round_id not in ds.rounds.index:
        return RecordText(translator(lang).gettext(NO_ROUND), lang)
    columns = [c for c in ("title", f"title_{lang}") if c in ds.rounds.columns]  # scalars: no row built
    return record_text({c: ds.rounds.at[round_id, c] for c in columns}, "title", lang)
