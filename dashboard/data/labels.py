"""Display text: each event's, formatted once when the data loads, and the names of sides, topics and lanes.

The figures, the event list and the table slice ``Dataset.derived.labels`` (this module's
``event_labels``, built by ``dashboard.data.derived`` at load) instead of formatting times per
request, so a filter change costs pandas indexing rather than thousands of time-zone
conversions. Data text is escaped here for Plotly's HTML-like labels: data is shown as text,
never markup.
"""

from __future__ import annotations

import html
import textwrap
from functools import partial

import pandas as pd

from dashboard.data.territory import Window, territory_lines
from dashboard.data.times import format_date, format_span, format_span_in, naive_utc

VERIFICATION_SYMBOLS = {"verified": "circle", "single-source": "diamond", "derived": "square",
                        "unverified": "x"}
PLANNED_STATUSES = ("scheduled", "postponed", "cancelled")
TIME_COLUMNS = ["start", "end", "scheduled_start", "scheduled_end", "precision", "local_tz", "approximate"]
SIDE_LABELS = {"russia": "Russia", "ukraine": "Ukraine", "turkey": "Turkey",
               "united-states": "United States", "united-nations": "United Nations",
               "belarus": "Belarus"}
# positions.topic's vocabulary (datapackage.json defines each) as a reader names it
TOPIC_LABELS = {
    "territory-crimea": "Crimea", "territory-donbas": "Donbas",
    "territory-zaporizhzhia-kherson": "Zaporizhzhia and Kherson", "territory-other": "Other territory",
    "territory-general": "Territory in general", "nato": "NATO",
    "neutrality-non-nuclear": "Neutrality and non-nuclear status", "army-size-weapons": "Army size and weapons",
    "security-guarantees": "Security guarantees", "foreign-troops": "Foreign troops",
    "sanctions-frozen-assets": "Sanctions and frozen assets",
    "language-church-denazification": "Language, church, ‘denazification’",
    "prisoners-children": "Prisoners and children", "nuclear-plant": "Zaporizhzhia nuclear plant",
    "elections-referendum": "Elections and referendums", "eu-membership": "EU membership",
    "ceasefire-sequencing": "Ceasefire and sequencing", "overall-framework": "The plan as a whole",
}
NO_ROUND = "Context (outside the rounds)"
LABEL_WIDTH = 32  # characters per line of a timeline lane's label


def esc(text) -> str:
    """Escape data text for Plotly's HTML-like labels."""
    return "" if text is None or (isinstance(text, float) and pd.isna(text)) else html.escape(str(text))


def side_label(side: str) -> str:
    return SIDE_LABELS.get(side, side.replace("-", " ").title())


def topic_label(topic: str) -> str:
    return TOPIC_LABELS.get(topic, topic.replace("-", " ").capitalize())


def lane_label(title: str) -> str:
    """A lane's title wrapped onto lines of at most LABEL_WIDTH characters (escaped)."""
    return "<br>".join(esc(line) for line in textwrap.wrap(title, LABEL_WIDTH)) or esc(title)


def when_text(events: pd.DataFrame, clock: str | None = None) -> list[str]:
    """Actual (else scheduled) time of each event, in GMT and Istanbul time, or on one
    ``clock`` (an IANA zone) only."""
    span = format_span if clock is None else partial(format_span_in, clock=clock)
    return [
        "Scheduled " + span(planned, planned_end, precision, zone) if pd.isna(start)
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


def event_labels(events: pd.DataFrame, territory: pd.DataFrame, window: Window) -> pd.DataFrame:
    """Per event (same index as ``events``): ``when`` (GMT and Istanbul), ``date`` (in the
    event's own zone), ``hover`` (title, time, kind, status, verification, territory then),
    marker ``symbol``, and ``x``, the anchor as naive UTC text for plotly.js."""
    when = when_text(events)
    land = territory_lines(territory, events["anchor"], window) if len(events) else pd.Series(dtype=str)
    hover = [
        f"<b>{esc(title)}</b><br>{esc(time)}<br>{esc(kind)} · {esc(status)} · {esc(verification)}"
        + (f"<br>Territory then: {esc(then)}" if then else "")
        for title, time, kind, status, verification, then in zip(
            events["title"], when, events["kind"], events["status"], events["verification"], land)
    ]
    date = [format_date(anchor, zone) for anchor, zone in zip(events["anchor"], events["local_tz"])]
    return pd.DataFrame({"when": when, "date": date, "hover": hover, "symbol": marker_symbols(events),
                         "x": naive_utc(events["anchor"]).astype(str).tolist() if len(events) else []},
                        index=events.index)
