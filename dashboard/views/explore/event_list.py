"""The keyboard path through the events (explore page): one button per event shown, in time
order, with a roving tab stop. assets/event-keys.js moves focus with the arrow keys, puts it on
the detail when an event opens and back on its button when Esc or Close shuts the detail. A
button press chooses the event in the "Open an event" control, so the page's one reducer
opens it.
"""

from __future__ import annotations

import pandas as pd
from dash import ALL, Dash, Input, Output, html

from dashboard.data.dataset import Dataset
from dashboard.i18n import N_, is_english, record_text, translator
from dashboard.views.components import LISTED_MAX, listed_note


LIST, HEADING, ITEM = "event-list", "event-list-heading", "event-item"
HINT = N_("↑ ↓ (or ← →) move between events, Home and End go to the first and last, "
           "Enter opens one, Esc closes it.")


def section(ds: Dataset, events: pd.DataFrame, selected: str, lang: str = "en") -> html.Section:
    t = translator(lang)
    return html.Section(className="event-list", **{"aria-labelledby": HEADING}, children=[
        html.H2(t.gettext("Events in time order"), id=HEADING),
        html.P(t.gettext(HINT), className="muted small"),
        html.Ol(id=LIST, children=items(ds, events, selected, lang)),
    ])


def items(ds: Dataset, events: pd.DataFrame, selected: str, lang: str = "en") -> list[html.Li]:
    """The tab stop is the open event's button, else the first; a title the record has only
    in English is marked so (``lang="en"``)."""
    note = listed_note(len(events), lang)
    events = events.iloc[:LISTED_MAX]
    ids = events["id"].tolist()
    stop = selected if selected in ids else (ids[0] if ids else "")
    return [*(html.Li(html.Button(
        _label(when, record_text(row, "title", lang), lang), id={"type": ITEM, "event": event},
        className="event-item", n_clicks=0, tabIndex="0" if event == stop else "-1",
        **{"data-event": event, "aria-current": "true" if event == selected else "false"}))
        for event, row, when in zip(ids, events.itertuples(), ds.derived.labels_in(lang).loc[events.index, "when"])),
        *([html.Li(note.strip(), className="muted small")] if note else [])]


def _label(when: str, title, lang: str):
    """'<when> · <title>' as one string, or the title in a ``lang="en"`` span where it is English."""
    if title.lang == lang or is_english(lang):
        return f"{when} · {title.text}"
    return [f"{when} · ", html.Span(title.text, lang="en")]


def register(app: Dash, pick_id: str) -> None:
    """A pressed button sets the ``pick_id`` control (the page's "Open an event")."""
    app.clientside_callback(
        """function (clicks) {
            const ctx = window.dash_clientside.callback_context;
            const fired = ctx.triggered.filter(t => t.value);
            return fired.length ? ctx.triggered_id.event : window.dash_clientside.no_update;
        }""",
        Output(pick_id, "value", allow_duplicate=True), Input({"type": ITEM, "event": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
