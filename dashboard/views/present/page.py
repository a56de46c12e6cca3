"""Present (``/present?deck=<id>&slide=<n>``): one full-window slide at a time, for a projector.

Each slide has its own URL: the prev/next controls are ``dcc.Link``s (history.pushState), the
router re-renders on every URL change, so reload and the back button land on the same slide.
``assets/present.js`` maps the keys and the clicker onto those links. ``handout=1`` renders
the printable handout (views/handout.py); ``view=<query>`` a one-slide deck of that view.
"""

from __future__ import annotations

from dataclasses import replace

import plotly.graph_objects as go
from dash import Dash, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate

from dashboard.data.dataset import Dataset
from dashboard.views.present.deck import (
    PATH,
    Deck,
    PresentRequest,
    parse_present_query,
    present_url,
    slide_sources,
    view_deck,
)
from dashboard.tabs import build_figure
from dashboard.figures.theme import Theme, get_theme
from dashboard.figures.size import Size
from dashboard.state import ViewState
from dashboard.views import components as c
from dashboard.views.present.handout import handout, sources_list

THEME = "present"
GRAPH, NOTES_PANEL, NOTES_TOGGLE, FULLSCREEN = "present-graph", "present-notes", "present-notes-toggle", "present-fullscreen"
CAPTION = "present-graph-caption"
FIRST, PREVIOUS, NEXT, LAST = "present-first", "present-prev", "present-next", "present-last"
GRAPH_CONFIG = {"displayModeBar": False, "displaylogo": False, "responsive": True, "scrollZoom": False}
KEYS_HELP = "Keys: → or Space next · ← previous · Home / End first / last · F full screen · N notes"


def page(ds: Dataset, query: str, size: Size = Size()) -> html.Div:
    """The page for a URL query string; parameters it cannot use become visible notes."""
    request, notes = parse_present_query(ds, query)
    if request is None:
        return no_decks(ds, notes)
    return handout(ds, request.deck, notes) if request.handout else slide_page(ds, request, notes, size)


def layout(ds: Dataset, view: ViewState, notes: list[str]) -> html.Div:
    """A one-slide deck of ``view`` (what "Start deck here" opens)."""
    return slide_page(ds, PresentRequest(view_deck(ds, view)), notes)


def theme_style(theme: Theme) -> dict:
    """The page colours from the figure theme, so the slide and its figure share one palette."""
    return {"--bg": theme.paper, "--fg": theme.text, "--muted": theme.muted, "--line": theme.grid,
            "--accent": theme.series_colors[0], "--panel": theme.paper}


def slide_page(ds: Dataset, request: PresentRequest, notes: list[str], size: Size = Size()) -> html.Div:
    deck, number = request.deck, request.slide
    slide, count = request.current, len(deck.slides)
    theme = get_theme(THEME)
    return html.Div(className="page present present-deck", style=theme_style(theme), children=[
        html.Header(className="present-bar", children=[
            html.A("← Explore", href=slide.view.url("/"), className="present-exit",
                   title="Open this slide's view on the explore page"),
            html.Span(deck.title, className="present-deck-title"),
            html.Span(f"{number} / {count}", className="present-counter", role="status",
                      **{"aria-label": f"Slide {number} of {count}", "aria-live": "polite"}),
            html.Div(className="present-progress", role="progressbar",
                     **{"aria-label": "Progress through the deck", "aria-valuemin": 1,
                        "aria-valuemax": count, "aria-valuenow": number},
                     children=html.Div(className="present-progress-fill",
                                       style={"width": f"{100 * number / count:.2f}%"})),
        ]),
        c.notes_banner(notes),
        html.Main(id="main", className="slide", children=[
            html.H1(slide.title, className="slide-title"),
            html.Div(className="slide-body", children=[
                html.Div(className="slide-figure", children=c.described_graph(dcc.Graph(
                    id=GRAPH, figure=slide_figure(ds, slide.view, size), config=GRAPH_CONFIG, style={"height": "100%"}),
                    CAPTION, ds, slide.view)),
                html.Div(className="slide-text", children=[
                    *([html.P(slide.text)] if slide.text else []),
                    sources_list(slide_sources(ds, slide), urls=False),
                ]),
            ]),
            html.Aside(id=NOTES_PANEL, className="slide-notes", **{"aria-label": "Speaker notes"}, children=[
                html.H2("Speaker notes"), html.P(slide.notes or "No notes for this slide."),
            ]),
        ]),
        html.Nav(className="present-controls", **{"aria-label": "Slides"}, children=[
            _step("« First", FIRST, deck, 1, number), _step("← Previous", PREVIOUS, deck, number - 1, number),
            _step("Next →", NEXT, deck, number + 1, number), _step("Last »", LAST, deck, count, number),
            html.Button("Notes (N)", id=NOTES_TOGGLE, className="button", n_clicks=0),
            html.Button("Full screen (F)", id=FULLSCREEN, className="button", n_clicks=0),
            html.A("Handout", href=present_url(deck, handout=True), className="button"),
            html.Span(KEYS_HELP, className="present-keys"),
        ]),
    ])


def slide_figure(ds: Dataset, view: ViewState, size: Size) -> go.Figure:
    """A slide's figure in the projector theme, as tall as the slide's figure area; on a phone,
    as tall as it needs, above the slide's text (present.css)."""
    theme = get_theme(THEME)
    narrow = size.form == "phone"
    if narrow:  # projector type is for a wall; a phone in a student's hand gets phone type
        theme = replace(theme, font_size=14, marker_size=13.0, line_width=3.0)
    figure = build_figure(ds, view, theme, size)
    if not narrow:
        figure.layout.height = None  # fill the slide's figure area instead of the page's fixed height
    return figure


def _step(label: str, component_id: str, deck: Deck, target: int, current: int):
    """A link to slide ``target``, or a disabled label where there is no such slide."""
    if target == current or not 1 <= target <= len(deck.slides):
        return html.Span(label, id=component_id, className="button disabled", **{"aria-disabled": "true"})
    return dcc.Link(label, id=component_id, href=present_url(deck, target), className="button")


def no_decks(ds: Dataset, notes: list[str]) -> html.Div:
    return html.Div(className="page present", children=[
        c.header(ds, PATH), c.notes_banner(notes),
        html.Main(id="main", className="not-found", children=[
            html.H1("No decks in this data package"),
            html.P("Add a deck to decks.csv and its slides to slides.csv, or present a view from the timeline."),
            dcc.Link("Go to the timeline", href="/"),
        ]),
    ])


def register(app: Dash, ds: Dataset) -> None:
    """Slide changes are links, keys and notes live in assets/present.js; the one callback
    redraws the slide's figure when the window crosses the narrow width."""
    @app.callback(Output(GRAPH, "figure"), Input(c.VIEWPORT, "data"), State(c.URL, "search"),
                  prevent_initial_call=True)
    def reshape(width_class, search):
        request, _ = parse_present_query(ds, search or "")
        if request is None or request.handout:
            raise PreventUpdate
        return slide_figure(ds, request.current.view, c.figure_size(width_class))
