"""The readers' languages: message catalogs and locale-aware dates and numbers (Babel).

English is the source language: its messages are the msgids, so ``translator("en")`` hands
them back unchanged and every English string stays where it is written. The catalogs live in
``dashboard/locale/<lang>/LC_MESSAGES/messages.po`` (``babel.cfg`` says where ``pybabel
extract`` looks); their compiled ``.mo`` files are committed beside them, so every install,
gunicorn started directly and the tests read the same catalogs without a build step
(tests/test_i18n.py checks they are compiled from the current ``.po`` files).

This module imports nothing from the package, so data, figures and views can all use it; the
catalogs are read once, when it is imported. Times are stored in UTC; these functions only
write them for a reader.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qsl
from types import MappingProxyType

import pandas as pd
from babel.dates import format_date as babel_date
from babel.numbers import format_decimal, format_percent
from babel.support import NullTranslations, Translations

from dashboard.data.translations import translated

LANGS = ("en", "uk", "ru", "tr")  # the ``lang`` view parameter's values; English first (the default)
DEFAULT = LANGS[0]
# Each language named in itself, for the switcher.
NAMES = MappingProxyType({"en": "English", "uk": "Українська", "ru": "Русский", "tr": "Türkçe"})
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"


def N_(message: str) -> str:
    """Mark a module-level message for ``pybabel extract``; translate it where it is shown."""
    return message


def _load(lang: str) -> NullTranslations:
    if lang == DEFAULT:
        return NullTranslations()
    catalog = Translations.load(str(LOCALE_DIR), [lang], DOMAIN)
    if not isinstance(catalog, Translations):  # Babel answers an empty NullTranslations for a missing .mo
        raise FileNotFoundError(f"no compiled catalog for {lang!r} in {LOCALE_DIR}")
    return catalog


_CATALOGS = MappingProxyType({lang: _load(lang) for lang in LANGS})


class Translator:
    """gettext and ngettext in one language (plural forms from its catalog: Ukrainian and
    Russian have three), and the language's code for dates and numbers."""

    def __init__(self, lang: str):
        self.lang = lang if lang in _CATALOGS else DEFAULT
        self._catalog = _CATALOGS[self.lang]

    def gettext(self, message: str) -> str:
        return self._catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int, **values) -> str:
        """The form for ``count``, its ``%(n)s`` filled with the localised count and the other
        placeholders with ``values``."""
        return self._catalog.ngettext(singular, plural, count) % {"n": number(count, self.lang), **values}


_TRANSLATORS = MappingProxyType({lang: Translator(lang) for lang in LANGS})


def translator(lang: str) -> Translator:
    """The translator for ``lang`` (English for a code that is not one of LANGS)."""
    return _TRANSLATORS.get(lang, _TRANSLATORS[DEFAULT])


def query_lang(query: str) -> str | None:
    """The language a query string asks for (``lang=``; a present link's ``view=`` may hold it),
    English for an unknown one, None where it names none."""
    params = dict(parse_qsl((query or "").lstrip("?"), keep_blank_values=True))
    if "lang" in params:
        return params["lang"] if params["lang"] in LANGS else DEFAULT
    return query_lang(params["view"]) if "view" in params else None


def is_english(lang: str) -> bool:
    return translator(lang).lang == DEFAULT


def lang_folder(lang: str) -> str:
    """Where a fragment in ``lang`` lives under its route or folder: English at the top, another
    language under its code ('', 'uk/')."""
    return "" if is_english(lang) else f"{lang}/"


def day_text(ts, lang: str) -> str:
    """A calendar date: '16 May 2025', '16 травня 2025', '16 мая 2025', '16 Mayıs 2025'.
    ``ts`` is already in the zone whose date is meant."""
    if is_english(lang):
        return f"{ts:%-d %b %Y}"
    return _babel_date(_date(ts), "d MMMM y", lang)


def short_day_text(ts, lang: str) -> str:
    """A date where room is short (axis ticks, compact lists): '16 May', '16 трав.'."""
    if is_english(lang):
        return f"{ts:%-d %b}"
    return _babel_date(_date(ts), "d MMM", lang)


def month_text(ts, lang: str, year: bool = True) -> str:
    """A month on its own: 'Apr 2022', 'квітень 2022', 'Nisan 2022' (without ``year``: 'Apr')."""
    if is_english(lang):
        return f"{ts:%b %Y}" if year else f"{ts:%b}"
    return _babel_date(_date(ts), "LLL y" if year else "LLL", lang)


@lru_cache(maxsize=8192)
def number(value, lang: str, digits: int | None = None) -> str:
    """A number with the language's separators ('1,234.5', '1 234,5', '1.234,5'); ``digits``
    after the point exactly, else as many as the value has. Remembered: counts and figures
    recur in every figure, and Babel takes tens of µs a number."""
    if digits is not None:
        return format_decimal(value, format="#,##0" + ("." + "0" * digits if digits else ""),
                              locale=_babel_locale(lang))
    return format_decimal(value, locale=_babel_locale(lang), decimal_quantization=False)


def percent(value: float, lang: str) -> str:
    """A percentage (of 100, as the data holds it) in the language's form: '19.3%', '19,3%',
    '19,3 %', '%19,3'."""
    if is_english(lang):
        return f"{value:g}%"
    return format_percent(value / 100, locale=_babel_locale(lang), decimal_quantization=False)


def _babel_locale(lang: str) -> str:
    return "en" if is_english(lang) else lang


@lru_cache(maxsize=8192)
def _babel_date(day, pattern: str, lang: str) -> str:
    """Babel's date formatting, remembered: a record repeats its dates in every label, and
    Babel takes ~50 µs a date."""
    return babel_date(day, pattern, locale=lang)


def _date(ts):
    return ts.date() if isinstance(ts, pd.Timestamp) else ts


class RecordText(NamedTuple):
    """A record's text and the language it is in: the reader's, or ``en`` where the record has
    no translation (the page marks that element ``lang="en"`` for screen readers)."""

    text: str
    lang: str


def record_text(row, field: str, lang: str) -> RecordText:
    """The ``field`` of a data row (a pandas Series, a dict or an itertuples row) in ``lang``:
    its translation where the data has one (dashboard/data/translations.py reads the
    ``<field>_<lang>`` columns), else the English ``field``."""
    text, is_translation = translated(row if hasattr(row, "get") else row._asdict(), field, lang)
    return RecordText(text, lang if is_translation else DEFAULT)
