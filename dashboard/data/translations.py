"""A record's text in the reader's language, where the data carries a translation.

Events, rounds and slides may carry ``<field>_<lang>`` columns (``title_uk``, ``text_uk`` …,
declared in datapackage.json with ``x-translation``). A blank or absent cell means "not
translated": the English text is shown instead, and the caller marks it as English (``lang``
on the element), which is why the answer says whether it is a translation.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

ENGLISH = "en"


def translated(row: Mapping | pd.Series, field: str, lang: str) -> tuple[str, bool]:
    """``(text, is_translation)``: the row's ``<field>_<lang>`` when it holds text, else the
    English ``field`` ('' where that is blank too) and False."""
    if lang != ENGLISH:
        text = _text(row.get(f"{field}_{lang}"))
        if text:
            return text, True
    return _text(row.get(field)), False


def _text(value) -> str:
    """A cell as text: '' for a missing value (None, NaN) or blank text."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).strip()
