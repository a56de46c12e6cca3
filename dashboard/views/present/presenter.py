"""The presenter's window (``/present?deck=<id>&slide=<n>&presenter=1``): what the speaker reads
while the room sees the slide: this slide's notes, what it shows, the next slide's title, a
clock and a timer.

It opens from the projected slide (P, or the *Presenter view* button) as a second window; the
two are kept in step by assets/present.js over a BroadcastChannel named by the deck
(``deck.channel``): a slide shown in either window is announced and the other follows. The
clock and timer are drawn by present.js too (the timer survives slide changes and a reload).
"""

from __future__ import annotations

from dash import html, dcc

from dashboard.data.dataset import Dataset
from dashboard.views.present.controls import steps
from dashboard.views.present.deck import PresentRequest, channel
from dashboard.views import components as c
from dashboard.i18n import translator

SYNC = "present-sync"  # a store on both pages: its clientside callback announces the slide shown
CLOCK, TIMER = "presenter-clock", "presenter-timer"
TIMER_PAUSE, TIMER_RESET = "presenter-timer-pause", "presenter-timer-reset"


def page(ds: Dataset, request: PresentRequest, notes: list[str], style: dict) -> html.Div:
    deck, number = request.deck, request.slide
    slide, count = request.current, len(deck.slides)
    following = deck.slides[number] if number < count else None
    _ = translator(deck.lang).gettext
    return html.Div(className="page present present-presenter", style=style,
                    **{"data-channel": channel(deck), "data-slide": str(number), "data-count": str(count)}, children=[
        html.Header(className="present-bar", children=[
            html.Span(_("Presenter view"), className="present-deck-title"),
            html.Span(deck.title),
            html.Span(f"{number} / {count}", className="present-counter", role="status",
                      **{"aria-label": _("Slide %(number)s of %(count)s") % {"number": number, "count": count}, "aria-live": "polite"}),
            html.Span(className="presenter-times", children=[
                html.Span([_("Clock") + " ", html.Time("--:--", id=CLOCK, className="presenter-clock")]),
                html.Span([_("Timer") + " ", html.Span("0:00", id=TIMER, role="timer", className="presenter-timer",
                                                **{"aria-live": "off"})]),
                html.Button(_("Pause"), id=TIMER_PAUSE, className="button small", n_clicks=0,
                            **{"data-pause": _("Pause"), "data-resume": _("Resume")}),
                html.Button(_("Reset"), id=TIMER_RESET, className="button small", n_clicks=0),
            ]),
        ]),
        c.notes_banner(notes, deck.lang),
        html.Main(id="main", className="presenter", children=[
            html.H1(slide.title, className="presenter-title"),
            html.Section(className="presenter-notes", **{"aria-label": _("Speaker notes")}, children=[
                html.H2(_("Notes")), html.P(slide.notes or _("No notes for this slide.")),
            ]),
            html.Section(className="presenter-next", **{"aria-label": _("Next slide")}, children=[
                html.H2(_("Next")),
                html.P(f"{number + 1}. {following.title}" if following else _("End of the deck.")),
            ]),
            html.Section(className="presenter-shown", **{"aria-label": _("On the screen")}, children=[
                html.H2(_("On the screen")), html.P(slide.text or _("A figure of the view, described in words.")),
            ]),
        ]),
        html.Nav(className="present-controls", **{"aria-label": _("Slides")}, children=[
            *steps(deck, number, presenting=True),
        ]),
        dcc.Store(id=SYNC),
    ])
