"""The slide-stepping links both of a deck's windows carry (present.js clicks them on ← →)."""

from __future__ import annotations

from dash import dcc, html

from dashboard.views.present.deck import Deck, present_url
from dashboard.i18n import N_, translator

FIRST, PREVIOUS, NEXT, LAST = "present-first", "present-prev", "present-next", "present-last"


def steps(deck: Deck, current: int, presenting: bool = False) -> list:
    """First, previous, next and last: links to slides (in the presenter's window if
    ``presenting``), disabled labels where there is no such slide."""
    count = len(deck.slides)
    _ = translator(deck.lang).gettext
    return [_step(_(label), component_id, deck, target, current, presenting) for label, component_id, target in (
        (N_("« First"), FIRST, 1), (N_("← Previous"), PREVIOUS, current - 1),
        (N_("Next →"), NEXT, current + 1), (N_("Last »"), LAST, count))]


def _step(label: str, component_id: str, deck: Deck, target: int, current: int, presenting: bool):
    if target == current or not 1 <= target <= len(deck.slides):
        return html.Span(label, id=component_id, className="button disabled", **{"aria-disabled": "true"})
    return dcc.Link(label, id=component_id, href=present_url(deck, target, presenter=presenting), className="button")
