"""The keyboard path through the events (explore page): one button per event shown, in time
order, with a roving tab stop. assets/event-keys.js moves focus with the arrow keys, puts it on
the detail when an event opens and back on its button when Esc or Close shuts the detail. A
button press chooses the event in the "Open an event" control, so the page's one reducer
opens it.
"""

from __future__ import annotations

import pandas as pd
from dash import ALL, Dash, Input, Output, html

from ..figures.common import when_text

LIST, HEADING, ITEM = "event-list", "event-list-heading", "event-item"
HINT = ("↑ ↓ (or ← →) move between events, Home and End go to the first and last, "
        "Enter opens one, Esc closes it.")


def section(events: pd.DataFrame, selected: str) -> html.Section:
    return html.Section(className="event-list", **{"aria-labelledby": HEADING}, children=[
        html.H2("Events in time order", id=HEADING),
        html.P(HINT, className="muted small"),
        html.Ol(id=LIST, children=items(events, selected)),
    ])


def items(events: pd.DataFrame, selected: str) -> list[html.Li]:
    """The tab stop is the open event's button, else the first."""
    stop = selected if selected in set(events["id"]) else (events["id"].iloc[0] if len(events) else "")
    return [html.Li(html.Button(
        f"{when} · {row.title}", id={"type": ITEM, "event": row.id},
        className="event-item", n_clicks=0, tabIndex="0" if row.id == stop else "-1",
        **{"data-event": row.id, "aria-current": "true" if row.id == selected else "false"}))
        for row, when in zip(events.itertuples(), when_text(events))]


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
