"""The record's credit: the original outlets it cites most, and how far and how recently it runs.

One wording for every figure footer, embed credit, export and slide: "Source: Reuters, TASS,
AFP and 139 more" (never the alphabetically first) and "Data through 13 Mar 2026 · reviewed
1 Dec 2026" (the latest event that took place or was reported; the package's ``reviewed``).
"""

from __future__ import annotations

import pandas as pd

APP_NAME = "negotiation-timeline"
NAMED = 3  # publishers named before "and N more"


def source_text(publishers: tuple[str, ...] | list[str], named: int = NAMED) -> str:
    """'Source: A, B, C and 2 more', for publishers already ordered most-cited first."""
    more = len(publishers) - named
    return f"Source: {', '.join(publishers[:named])}{f' and {more} more' if more > 0 else ''}"


def currency_text(ds) -> str:
    """'Data through 13 Mar 2026 · reviewed 1 Dec 2026' (either part left out if unknown); the
    dates' spaces do not break, so a wrapped credit never splits a date over two lines."""
    parts = []
    if ds.derived.data_through:
        parts.append(f"Data through {_unbroken(ds.derived.data_through)}")
    if ds.reviewed:
        parts.append(f"reviewed {_unbroken(f'{pd.Timestamp(ds.reviewed):%-d %b %Y}')}")
    return " · ".join(parts)


def _unbroken(text: str) -> str:
    return text.replace(" ", "\u00a0")


def record_credit(ds) -> str:
    """The figures' footer: the whole record's most-cited outlets, its currency, licence and
    version (a figure's footer is the same whatever the filters)."""
    return " · ".join(filter(None, [source_text(ds.derived.publishers), currency_text(ds),
                                    f"{ds.license}", f"{APP_NAME} (data version {ds.version})"]))
