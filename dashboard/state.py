"""The view state: one frozen dataclass that round-trips through the URL query string.

``to_query()`` writes only what differs from the default (a default view is a bare ``/``);
``from_query()`` never raises: a parameter it cannot use falls back to its default and adds a
note the page shows. Old parameter names keep working through ``RENAMED``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, urlencode

from dateutil.parser import isoparse

from dashboard.i18n import LANGS, N_, translator
from dashboard.urls import DATE
LANES = ("round", "side")
THEMES = ("light", "dark", "contrast")
GAPS = ("compress", "show")
ORDERS = ("asc", "desc")
ALL_SERIES = "all"  # territory=all: every territory series
MAX_QUERY = 2000
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,80}")

# Parameter name in the URL -> field; one entry per field, in the order written.
PARAMS = {
    "tab": "tab", "lanes": "lanes", "round": "rounds", "side": "sides", "kind": "kinds",
    "verification": "verification", "topic": "topics", "changes": "changes", "occasion": "occasions",
    "q": "q", "event": "event", "day": "day",
    "from": "start", "to": "end", "gap": "gap", "territory": "territory", "order": "order", "theme": "theme",
    "lang": "lang",
}
# Old or alternative parameter names -> current name, so shared links keep working.
RENAMED = {"rounds": "round", "sides": "side", "kinds": "kind", "search": "q", "id": "event",
           "date": "day", "start": "from", "end": "to"}
# What each parameter means (README's table); ``tab``'s line comes from the tab registry.
DOCS = {
    "lanes": "timeline lanes: round or side",
    "round": "comma-separated round ids to show (default: all)",
    "side": "comma-separated sides to show (default: all)",
    "kind": "comma-separated kinds of event to show (default: all)",
    "verification": "comma-separated verification labels to show (default: all)",
    "topic": "positions tab: comma-separated topics to show, e.g. nato,army-size-weapons (default: all)",
    "changes": "positions tab: 1 shows only the positions the sources say moved (new, softened, hardened, unchanged)",
    "occasion": "positions tab: comma-separated ids of the occasions (events) whose positions to show (default: all)",
    "q": "free-text search over titles and summaries",
    "event": "id of the event whose detail is open",
    "day": "talks day for the schedule, YYYY-MM-DD in Istanbul time (default: the busiest)",
    "from": "start of the zoomed time range, YYYY-MM-DD",
    "to": "end of the zoomed time range, YYYY-MM-DD",
    "gap": "compress (default) hides the long stretch without talks; show draws it to scale",
    "territory": ("comma-separated territory series ids for the timeline's lower panel, e.g. "
                  "deepstate,war-mapper, or all (default: the longest consistent series, DeepState)"),
    "order": "table order by time: asc (default) or desc",
    "theme": "light, dark or contrast",
    "lang": ("language of the interface: en (default), uk, ru or tr; without it, the browser's "
             "Accept-Language chooses"),
}


@dataclass(frozen=True)
class Choices:
    """What the dataset and the tab registry allow; without it, ids and tabs are only checked
    for shape."""

    tabs: tuple[str, ...] = ()  # in the registry's order
    rounds: frozenset = frozenset()
    sides: frozenset = frozenset()
    kinds: frozenset = frozenset()
    verification: frozenset = frozenset()
    topics: frozenset = frozenset()  # the positions' topic vocabulary
    events: frozenset = frozenset()
    occasions: frozenset = frozenset()  # events at which positions were stated
    territory: frozenset = frozenset()  # series ids ("all" is always allowed)


@dataclass(frozen=True)
class ViewState:
    tab: str = "timeline"
    lanes: str = "round"
    rounds: tuple[str, ...] = ()
    sides: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    verification: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()  # positions tab: topic vocabulary values
    changes: bool = False  # positions tab: only positions whose ``moved`` is stated
    occasions: tuple[str, ...] = ()  # positions tab: only these occasions' positions (event ids)
    q: str = ""
    event: str = ""
    day: str = ""
    start: str = ""
    end: str = ""
    gap: str = "compress"
    territory: tuple[str, ...] = ()  # territory series ids; () the default series, ("all",) every one
    order: str = "asc"
    theme: str = "light"
    lang: str = "en"  # the interface's language (dashboard.i18n.LANGS)

    def to_query(self) -> str:
        """The query string (no leading '?') holding only non-default values, in a fixed order."""
        default, pairs = ViewState(), []
        for param, name in PARAMS.items():
            value = getattr(self, name)
            if value != getattr(default, name):
                pairs.append((param, ",".join(value) if isinstance(value, tuple) else
                              "1" if value is True else value))
        return urlencode(pairs, safe=",")

    def url(self, path: str = "/") -> str:
        """The one link builder: share links, embed code, slide links and the CLI's --view."""
        query = self.to_query()
        return f"{path}?{query}" if query else path

    @classmethod
    def from_query(cls, query: str, choices: Choices | None = None) -> tuple["ViewState", list[str]]:
        """Parse ``query`` (with or without '?'); return the state and notes on what was dropped,
        in the state's language (an unknown ``lang`` falls back to English, with a note)."""
        notes: list[tuple[str, dict]] = []  # (message, its values), translated once the language is known
        query = (query or "").lstrip("?")
        values: dict[str, object] = {}
        if len(query) > MAX_QUERY:
            notes.append((N_("The link's parameters were too long (%(count)s characters) and were "
                             "ignored."), {"count": len(query)}))
            return _with_notes(cls(**values), notes)
        for raw_name, raw in parse_qsl(query, keep_blank_values=True):
            param = RENAMED.get(raw_name, raw_name)
            if param not in PARAMS:
                notes.append((N_("Unknown parameter %(name)s was ignored."), {"name": _quote(raw_name)}))
                continue
            name = PARAMS[param]
            value, note = _parse(name, raw if name == "q" else raw.strip(), choices)
            if note:
                notes.append((N_("%(param)s: %(note)s"), {"param": param, "note": note}))
            if value is not None:
                values[name] = value
        state = cls(**values)
        if state.start and state.end and state.end < state.start:
            notes.append((N_("from/to: the range ends before it starts; showing the whole time line."), {}))
            state = replace(state, start="", end="")
        return _with_notes(state, notes)


def _with_notes(state: ViewState, notes: list[tuple[str, dict]]) -> tuple[ViewState, list[str]]:
    """The notes in the state's language; a nested note (a ``(message, values)`` pair) too."""
    t = translator(state.lang)

    def text(message: str, values: dict) -> str:
        values = {k: text(*v) if isinstance(v, tuple) else v for k, v in values.items()}
        return t.gettext(message) % values

    return state, [text(message, values) for message, values in notes]


def _parse(name: str, raw: str, choices: Choices | None) -> tuple[object, tuple[str, dict] | None]:
    """The value of one parameter (None: use the default) and a note on what was dropped."""
    if name in ("rounds", "sides", "kinds", "verification", "territory", "topics", "occasions"):
        items = tuple(dict.fromkeys(v.strip() for v in raw.split(",") if v.strip()))
        allowed = getattr(choices, name) if choices else None
        if name == "territory" and ALL_SERIES in items:
            return (ALL_SERIES,), None
        good = tuple(v for v in items if _ID.fullmatch(v) and (not allowed or v in allowed))
        bad = [v for v in items if v not in good]
        return tuple(sorted(good)), ((N_("ignored unknown value(s) %(values)s."),
                                      {"values": ", ".join(map(_quote, bad))}) if bad else None)
    if name == "event":
        known = choices.events if choices else None
        if raw and _ID.fullmatch(raw) and (not known or raw in known):
            return raw, None
        return None, (N_("no event %(id)s; showing the timeline."), {"id": _quote(raw)}) if raw else None
    if name == "changes":
        if raw in ("0", "1"):
            return raw == "1", None
        return None, (N_("%(value)s is not 1 or 0; showing every position."), {"value": _quote(raw)})
    if name in ("day", "start", "end"):
        if DATE.fullmatch(raw) and _real_date(raw):
            return raw, None
        return None, (N_("%(value)s is not a date written YYYY-MM-DD."), {"value": _quote(raw)}) if raw else None
    if name == "q":
        return raw[:200], None
    if name == "tab":
        known = choices.tabs if choices else None
        if _ID.fullmatch(raw) and (not known or raw in known):
            return raw, None
        return None, ((N_("%(value)s is not one of %(allowed)s."), {"value": _quote(raw), "allowed": ", ".join(known)})
                      if known else (N_("%(value)s is not a tab name."), {"value": _quote(raw)}))
    allowed = {"lanes": LANES, "theme": THEMES, "gap": GAPS, "order": ORDERS, "lang": LANGS}[name]
    if raw in allowed:
        return raw, None
    return None, (N_("%(value)s is not one of %(allowed)s."), {"value": _quote(raw), "allowed": ", ".join(allowed)})


def _real_date(text: str) -> bool:
    try:
        isoparse(text)
    except ValueError:
        return False
    return True


def _quote(text: str) -> str:
    """Quote user text for a note, shortened; notes render as text, never as markup."""
    return repr(text[:40] + ("…" if len(text) > 40 else ""))



def dataset_choices(ds, tabs: tuple[str, ...] = ()) -> Choices:
    """The ids a dataset allows and the ``tabs`` there are, for validating URL parameters
    (``dashboard.tabs.choices_for`` passes the registry's tabs). ``side`` takes the events'
    sides and the positions' (``europe`` states positions but sits at no event)."""
    events = ds.events
    return Choices(tabs=tabs, rounds=frozenset(ds.rounds["id"]),
                   sides=frozenset(ds.enums["side"]) | frozenset(ds.enums["position_side"]),
                   kinds=frozenset(ds.enums["kind"]), verification=frozenset(ds.enums["verification"]),
                   topics=frozenset(ds.enums["topic"]), events=frozenset(events["id"]),
                   occasions=frozenset(ds.positions["occasion"]),
                   territory=frozenset(s.key for s in ds.derived.territory_series))
