"""Parse and check single CSV cells against a Table Schema field (datapackage.json).

The schema is the one description of types, required cells, enums, patterns and ranges;
this module applies it so the app and `frictionless validate` agree. Each check returns
``(value, None)`` or ``(None, (code, message))``.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from urllib.parse import urlsplit

import pandas as pd
from dateutil import tz
from dateutil.parser import isoparse

Failure = tuple[str, str]

_DATE = re.compile(r"(?a)\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"(?a)\d{4}-\d{2}")
# Seconds and an explicit offset are required (Frictionless rejects 09:30+00:00).
_DATETIME = re.compile(r"(?a)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})")
_NUMBER = re.compile(r"(?a)[+-]?(\d+(\.\d*)?|\.\d+)")
_INTEGER = re.compile(r"(?a)[+-]?\d{1,18}")
# What a spreadsheet runs as a formula when a cell starts with it (OWASP "CSV injection"); a
# leading '-' only when the cell is no number ('-5' is a number, '-1+2' or '-cmd' a formula).
_FORMULA_START = ("=", "+", "@", "\t", "\r", "-")
SOURCE_COLUMNS = ("source_publishers", "source_urls")  # what an exported row adds to its source_ids
_TRUE, _FALSE = {"true", "True", "TRUE", "yes", "1"}, {"false", "False", "FALSE", "no", "0"}
# The letters of the two scripts a translation is written in (Cyrillic: the Cyrillic and
# Cyrillic Supplement blocks without their signs and combining marks; Latin: ASCII, Latin-1's
# letters, Latin Extended-A/B and Latin Extended Additional).
_SCRIPT_LETTERS = {"Cyrillic": re.compile("[\u0400-\u0481\u048a-\u052f]"),
                   "Latin": re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")}
# Letters of one Cyrillic alphabet that the other lacks: a Russian letter in a Ukrainian cell
# (or the reverse) is a slip of language or keyboard layout, invisible on screen.
_FOREIGN_LETTERS = {"uk": set("ыэъёЫЭЪЁ"), "ru": set("іїєґІЇЄҐ")}


def parse_date(text: str) -> tuple[date | None, Failure | None]:
    """A calendar date written YYYY-MM-DD (no time, no zone)."""
    if not _DATE.fullmatch(text):
        return None, ("bad-date", f"{text!r} is not a date written YYYY-MM-DD")
    try:
        return isoparse(text).date(), None
    except ValueError:
        return None, ("bad-date", f"{text!r} is not a real calendar date")


def parse_month(text: str) -> tuple[date | None, Failure | None]:
    """A month written YYYY-MM; returns its first day."""
    if not _MONTH.fullmatch(text):
        return None, ("bad-date", f"{text!r} is not a month written YYYY-MM")
    try:
        return isoparse(text).date(), None
    except ValueError:
        return None, ("bad-date", f"{text!r} is not a real month")


def parse_utc_datetime(text: str) -> tuple[datetime | None, Failure | None]:
    """An ISO 8601 datetime with seconds and the offset +00:00 (data is stored in UTC)."""
    if not _DATETIME.fullmatch(text):
        return None, (
            "bad-datetime",
            f"{text!r} needs seconds and an explicit UTC offset, e.g. 2025-05-16T09:30:00+00:00",
        )
    try:
        value = isoparse(text)
    except ValueError:
        return None, ("bad-datetime", f"{text!r} is not a real date and time")
    offset = value.utcoffset()
    if offset is None or offset.total_seconds() != 0:
        utc = value.astimezone(tz.UTC)
        return None, ("not-utc", f"store times in UTC: {text} is {utc.isoformat()}")
    return value, None


def is_formula(text: str) -> bool:
    """Whether a spreadsheet would run ``text`` as a formula."""
    return text.startswith(_FORMULA_START) and not (text[0] == "-" and _NUMBER.fullmatch(text))


def spreadsheet_safe(text: str) -> str:
    """``text`` for a CSV cell: a would-be formula gets a leading apostrophe (OWASP's rule), so
    a spreadsheet shows it as text; every other cell is written as it is."""
    return "'" + text if is_formula(text) else text


def write_cell(value, separator: str | None = None) -> str:
    """A parsed value as its CSV holds it (what ``parse_cell`` reads back): a list joined by
    its field's ``separator``, a boolean as true/false, blank for a missing value."""
    if isinstance(value, tuple):
        return separator.join(value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if pd.api.types.is_bool(value):
        return "true" if value else "false"
    return str(value)


def source_cells(sources: pd.DataFrame, ids: tuple[str, ...], separator: str) -> list[str]:
    """The ``SOURCE_COLUMNS`` of an exported row: its cited sources' original publishers and
    URLs, in ``ids`` order, joined by the list's separator (where each fact comes from)."""
    cited = sources.loc[list(ids)]
    return [separator.join(cited["publisher"]), separator.join(cited["url"])]


def check_url(text: str) -> Failure | None:
    """Only absolute http(s) URLs without markup, whitespace, control or bidi characters and
    without a user name or password (``https://trusted.example@evil.example/``) are allowed."""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "bad-url", f"{text[:80]!r} is not an http(s) URL"
    if re.search(r"[\s<>\"'`]", text) or any(unicodedata.category(c) in ("Cc", "Cf") for c in text):
        return "bad-url", f"{text[:80]!r} contains whitespace, markup, control or bidi characters"
    if "@" in parts.netloc:
        return "bad-url", f"{text[:80]!r} carries a user name or password"
    return None


def check_translation(raw: str, field: dict) -> Failure | None:
    """A translated cell (a field with ``"x-translation": {"of", "lang", "script"}``) holds
    clean text in its language's script: no surrounding space, no control, zero-width or bidi
    characters, most letters in the script (Latin names and acronyms may stand among
    Cyrillic), no word mixing scripts (a Latin 'i' in a Ukrainian word looks like 'і'), and
    no letter of the neighbouring Cyrillic alphabet."""
    name = field["name"]
    if raw != raw.strip():
        return "untrimmed", f"{name} starts or ends with a space"
    # isprintable() is False for every control, format and line or paragraph separator (and for
    # harmless no-break spaces): only then is each character looked up.
    bad = [] if raw.isprintable() else [c for c in raw if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")]
    if bad:
        return "control-character", f"{name} contains {bad[0]!r}: write plain text on one line"
    translation = field["x-translation"]
    counts = {script: len(letters.findall(raw)) for script, letters in _SCRIPT_LETTERS.items()}
    if sum(counts.values()) and counts[translation["script"]] * 2 <= sum(counts.values()):
        return "wrong-script", f"{name} should be written mostly in {translation['script']} letters"
    for word in re.findall(r"\w+", raw):
        if all(letters.search(word) for letters in _SCRIPT_LETTERS.values()):
            return "mixed-script", f"{word!r} in {name} mixes Cyrillic and Latin letters"
    foreign = _FOREIGN_LETTERS.get(translation["lang"], set()) & set(raw)
    if foreign:
        return "wrong-letter", f"{name} contains {''.join(sorted(foreign))!r}, not a letter of its language"
    return None


def parse_cell(text: str, field: dict, raw: str | None = None) -> tuple[object, Failure | None]:
    """Parse ``text`` by the Table Schema ``field``; a blank optional cell gives None. ``raw``
    is the cell as the file holds it (before stripping): a leading tab or CR is a formula too."""
    constraints = field.get("constraints", {})
    if text.strip() == "":
        if constraints.get("required"):
            return None, ("blank-required", f"{field['name']} is required")
        return None, None
    kind = field.get("type", "string")
    if kind == "date":
        return parse_date(text)
    if kind in ("number", "integer"):
        integer = kind == "integer"
        if not (_INTEGER if integer else _NUMBER).fullmatch(text.strip()):
            return None, ("bad-number", f"{text!r} is not {'an integer' if integer else 'a number'}")
        value = int(text) if integer else float(text)
        low, high = constraints.get("minimum"), constraints.get("maximum")
        if (low is not None and value < low) or (high is not None and value > high):
            return None, ("out-of-range", f"{text} is outside [{low}, {high}]")
        return value, None
    if kind == "boolean":
        if text in _TRUE or text in _FALSE:
            return text in _TRUE, None
        return None, ("bad-boolean", f"{text!r} is not true or false")
    if is_formula(raw or text) or is_formula(text):
        return None, ("formula-cell", f"{text[:40]!r} would run as a formula in a spreadsheet: "
                      "start it with another character")
    enum = constraints.get("enum")
    if enum is not None and text not in enum:
        return None, ("bad-enum", f"{text!r} is not one of {', '.join(enum)}")
    if field.get("format") == "uri":
        failure = check_url(text)
        return (None, failure) if failure else (text, None)
    pattern = constraints.get("pattern")
    if pattern and not re.fullmatch(pattern, text):
        return None, ("bad-format", f"{text!r} does not match the pattern {pattern}")
    longest = constraints.get("maxLength")
    if longest is not None and len(text) > longest:
        return None, ("too-long", f"{field['name']} has {len(text)} characters, at most {longest}")
    failure = check_translation(raw if raw is not None else text, field) if "x-translation" in field else None
    return (None, failure) if failure else (text, None)
