"""Display text: each event's, formatted once when the data loads, and the names of sides, topics and lanes.

The figures, the event list and the table slice ``Dataset.derived.labels`` (this module's
``event_labels``, built by ``dashboard.data.derived`` at load) instead of formatting times per
request, so a filter change costs pandas indexing rather than thousands of time-zone
conversions. Data text is escaped here for Plotly's HTML-like labels: data is shown as text,
never markup. The labels are built once per language of ``dashboard.i18n.LANGS``: the names
below are English messages, translated where they are shown.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Mapping
from functools import partial

import pandas as pd

from dashboard.data.territory import Window, territory_lines
from dashboard.data.times import format_date, format_span, format_span_in, naive_utc
from dashboard.i18n import N_, record_text, translator

VERIFICATION_SYMBOLS = {"verified": "circle", "single-source": "diamond", "derived": "square",
                        "unverified": "x"}
PLANNED_STATUSES = ("scheduled", "postponed", "cancelled")
TIME_COLUMNS = ["start", "end", "scheduled_start", "scheduled_end", "precision", "local_tz", "approximate"]
SIDE_LABELS = {"russia": N_("Russia"), "ukraine": N_("Ukraine"), "turkey": N_("Turkey"),
               "united-states": N_("United States"), "united-nations": N_("United Nations"),
               "belarus": N_("Belarus"), "europe": N_("Europe")}
# positions.topic's vocabulary (datapackage.json defines each) as a reader names it
TOPIC_LABELS = {
    "territory-crimea": N_("Crimea"), "territory-donbas": N_("Donbas"),
    "territory-zaporizhzhia-kherson": N_("Zaporizhzhia and Kherson"), "territory-other": N_("Other territory"),
    "territory-general": N_("Territory in general"), "nato": N_("NATO"),
    "neutrality-non-nuclear": N_("Neutrality and non-nuclear status"), "army-size-weapons": N_("Army size and weapons"),
    "security-guarantees": N_("Security guarantees"), "foreign-troops": N_("Foreign troops"),
    "sanctions-frozen-assets": N_("Sanctions and frozen assets"),
    "language-church-denazification": N_("Language, church, ‘denazification’"),
    "prisoners-children": N_("Prisoners and children"), "nuclear-plant": N_("Zaporizhzhia nuclear plant"),
    "elections-referendum": N_("Elections and referendums"), "eu-membership": N_("EU membership"),
    "ceasefire-sequencing": N_("Ceasefire and sequencing"), "overall-framework": N_("The plan as a whole"),
}
# positions.moved's vocabulary as a cell's tag and the key name it (a position: feminine in uk and ru)
MOVED_LABELS = {"new": N_("New"), "softened": N_("Softened"), "hardened": N_("Hardened"),
                "unchanged": N_("Unchanged")}
NO_ROUND = N_("Context (outside the rounds)")
# The data's vocabularies (datapackage.json's enums) as messages: kinds, statuses (the events'
# and the positions'), verifications.
VOCABULARY = frozenset((
    N_("session"), N_("meeting"), N_("statement"), N_("proposal"), N_("agreement"), N_("exchange"),
    N_("military"), N_("territorial"), N_("diplomatic"), N_("scheduled"), N_("held"), N_("postponed"),
    N_("cancelled"), N_("reported"), N_("published"), N_("leaked"), N_("denied"), N_("verified"),
    N_("single-source"), N_("derived"), N_("unverified")))
LABEL_WIDTH = 32  # characters per line of a timeline lane's label


def esc(text) -> str:
    """Escape data text for Plotly's HTML-like labels."""
    return "" if text is None or (isinstance(text, float) and pd.isna(text)) else html.escape(str(text))


def side_label(side: str, lang: str = "en") -> str:
    return translator(lang).gettext(SIDE_LABELS[side]) if side in SIDE_LABELS else side.replace("-", " ").title()


def topic_label(topic: str, lang: str = "en") -> str:
    return translator(lang).gettext(TOPIC_LABELS[topic]) if topic in TOPIC_LABELS \
        else topic.replace("-", " ").capitalize()


def moved_label(moved: str, lang: str = "en") -> str:
    """How a position moved, capitalised ('Softened'); a value the vocabulary lacks as it is."""
    return translator(lang).gettext(MOVED_LABELS[moved]) if moved in MOVED_LABELS else moved


def vocabulary(value: str, lang: str = "en") -> str:
    """A kind, status or verification value in ``lang`` (a value the vocabularies lack as it is)."""
    return translator(lang).gettext(value) if value in VOCABULARY else value


def lane_label(title: str) -> str:
    """A lane's title wrapped onto lines of at most LABEL_WIDTH characters (escaped)."""
    return "<br>".join(esc(line) for line in textwrap.wrap(title, LABEL_WIDTH)) or esc(title)


def when_text(events: pd.DataFrame, clock: str | None = None, lang: str = "en") -> list[str]:
    """Actual (else scheduled) time of each event, in GMT and Istanbul time, or on one
    ``clock`` (an IANA zone) only."""
    span = partial(format_span, lang=lang) if clock is None else partial(format_span_in, clock=clock, lang=lang)
    scheduled = translator(lang).gettext("Scheduled %(when)s")
    return [
        scheduled % {"when": span(planned, planned_end, precision, zone)} if pd.isna(start)
        else span(start, end, precision, zone, approximate)
        for start, end, planned, planned_end, precision, zone, approximate
        in zip(*(events[column].tolist() for column in TIME_COLUMNS))
    ]


def marker_symbols(events: pd.DataFrame) -> list[str]:
    """Shape = verification; open = only planned (scheduled, postponed, cancelled)."""
    symbols = []
    for verification, status in zip(events["verification"], events["status"]):
        symbol = VERIFICATION_SYMBOLS.get(verification, "circle")
        if status in PLANNED_STATUSES and symbol != "x":
            symbol += "-open"
        symbols.append(symbol)
    return symbols


def event_labels(events: pd.DataFrame, territory: pd.DataFrame, window: Window, lang: str = "en",
                 then: tuple | None = None, stated: Mapping[str, int] | None = None) -> pd.DataFrame:
    """Per event (same index as ``events``), in ``lang``: ``when`` (GMT and Istanbul), ``date``
    (in the event's own zone), ``hover`` (title, time, kind, status, verification, territory
    then; ``then``: ``territory_then`` of the events, where the caller has it for every
    language), marker ``symbol``, ``x``, the anchor as naive UTC text for plotly.js, and
    ``stated``, the timeline's hover line on an occasion with positions (``stated``: event id
    -> the number of positions; '' elsewhere)."""
    when = when_text(events, lang=lang)
    land = territory_lines(territory, events["anchor"], window, lang, then) if len(events) else pd.Series(dtype=str)
    then_label = translator(lang).gettext("Territory then: %(figures)s")
    hover = [
        f"<b>{esc(title)}</b><br>{esc(time)}<br>{esc(vocabulary(kind, lang))} · {esc(vocabulary(status, lang))} · "
        f"{esc(vocabulary(verification, lang))}" + (f"<br>{esc(then_label % {'figures': then})}" if then else "")
        for title, time, kind, status, verification, then in zip(
            [record_text(row, "title", lang).text for row in events.itertuples()], when, events["kind"],
            events["status"], events["verification"], land)
    ]
    date = [format_date(anchor, zone, lang) for anchor, zone in zip(events["anchor"], events["local_tz"])]
    return pd.DataFrame({"when": when, "date": date, "hover": hover, "symbol": marker_symbols(events),
                         "x": naive_utc(events["anchor"]).astype(str).tolist() if len(events) else [],
                         "stated": stated_lines(events.index, stated or {}, lang)},
                        index=events.index)


def stated_lines(ids, stated: Mapping[str, int], lang: str) -> list[str]:
    """'<br><b>2 positions stated</b> (see the Positions tab)' for each id in ``stated``, else ''."""
    t = translator(lang)
    see = esc(t.gettext("(see the Positions tab)"))
    return [f"<br><b>{esc(t.ngettext('%(n)s position stated', '%(n)s positions stated', stated[i]))}</b> {see}"
            if i in stated else "" for i in ids]
