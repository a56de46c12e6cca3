"""The record's credit: the original outlets it cites most, and how far and how recently it runs.

One wording for every figure footer, embed credit, export and slide: "Source: Reuters, TASS,
AFP and 139 more" (never the alphabetically first) and "Data through 13 Mar 2026 · reviewed
1 Dec 2026" (the latest event that took place or was reported; the package's ``reviewed``).
"""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import day_text, translator

APP_NAME = "negotiation-timeline"
NAMED = 3  # publishers named before "and N more"


def source_text(publishers: tuple[str, ...] | list[str], named: int = NAMED, lang: str = "en") -> str:
    """'Source: A, B, C and 2 more', for publishers already ordered most-cited first (in ``lang``)."""
    t = translator(lang)
    more = len(publishers) - named
    names = ", ".join(publishers[:named])
    if more > 0:
        names = t.ngettext("%(names)s and %(n)s more", "%(names)s and %(n)s more", more, names=names)
    return t.gettext("Source: %(publishers)s") % {"publishers": names}


def currency_text(ds, lang: str = "en") -> str:
    """'Data through 13 Mar 2026 · reviewed 1 Dec 2026' (either part left out if unknown); the
    dates' spaces do not break, so a wrapped credit never splits a date over two lines."""
    t = translator(lang)
    parts = []
    if ds.derived.data_through is not None:
        parts.append(t.gettext("Data through %(day)s") % {"day": _unbroken(day_text(ds.derived.data_through, lang))})
    if ds.reviewed:
        parts.append(t.gettext("reviewed %(day)s") % {"day": _unbroken(day_text(pd.Timestamp(ds.reviewed), lang))})
    return " · ".join(parts)


def _unbroken(text: str) -> str:
    return text.replace(" ", "\u00a0")


def record_credit(ds, lang: str = "en") -> str:
    """The figures' footer: the whole record's most-cited outlets, its currency, licence and
    version (a figure's footer is the same whatever the filters)."""
    version = translator(lang).gettext("%(app)s (data version %(version)s)") % {"app": APP_NAME, "version": ds.version}
    return " · ".join(filter(None, [source_text(ds.derived.publishers, lang=lang), currency_text(ds, lang),
                                    f"{ds.license}", version]))
