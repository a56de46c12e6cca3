"""Present (``/present?deck=<id>&slide=<n>``): one full-window slide at a time, for a projector.

Each slide has its own URL: the prev/next controls are ``dcc.Link``s (history.pushState), the
router re-renders on every URL change, so reload and the back button land on the same slide.
``assets/present.js`` maps the keys and the clicker onto those links and keeps the projected
and the presenter's window in step. ``handout=1`` renders the printable handout (handout.py),
``presenter=1`` the speaker's window (presenter.py), ``view=<query>`` a one-slide deck.

The slide is a grid sized to the window (present.css): title, figure area, text column,
sources, controls. The figure is drawn for the figure area's real size: the browser measures
the area once the slide is laid out (and again when it changes) and writes it to the
``present-area`` store, and the server builds the figure for that ``Size``. The page itself
carries no figure, so a slide never draws twice, and the URL never holds the size.
"""

from __future__ import annotations

from functools import lru_cache

from dash import ClientsideFunction, Dash, Input, Output, dcc, html
from dash.exceptions import PreventUpdate

from dashboard.data.credits import currency_text
from dashboard.data.dataset import Dataset
from dashboard.data.event_detail import SourceRef
from dashboard.views.present.deck import (
    PATH,
    PresentRequest,
    channel,
    parse_present_query,
    present_url,
    slide_sources,
    view_deck,
)
from dashboard.tabs import figure_description
from dashboard.figures.assembly import Figure
from dashboard.figures.theme import Theme, get_theme
from dashboard.figures.size import Size
from dashboard.state import ViewState
from dashboard.views import components as c
from dashboard.views.present.handout import handout
from dashboard.views.present import presenter
from dashboard.views.present.controls import steps
from dashboard.views.present.figure import area_size, placeholder, slide_figure
from dashboard.i18n import DEFAULT, N_, query_lang, translator
from dashboard.web.language import negotiated_query

THEME = "present"
GRAPH, AREA, FIGURE_AREA, NOTES_PANEL = "present-graph", "present-area", "present-figure-area", "present-notes"
NOTES_TOGGLE, FULLSCREEN, PRESENTER = "present-notes-toggle", "present-fullscreen", "present-presenter"
CAPTION = "present-graph-caption"
GRAPH_CONFIG = {"displayModeBar": False, "displaylogo": False, "responsive": True, "scrollZoom": False}
KEYS_HELP = N_("→ / Space next · ← previous · F full screen · N notes · P presenter")
SOURCES_SHOWN = 8  # sources listed on the slide itself; the rest behind "and N more" and in the handout
FIGURES_KEPT = 64  # slide figures per app: (view, size) → figure; a class on one deck shares them


def page(ds: Dataset, query: str, size: Size = Size()) -> html.Div:
    """The page for a URL query string; parameters it cannot use become visible notes.
    (``size`` is the router's guess; a slide measures its own figure area instead.)"""
    request, notes = parse_present_query(ds, query)
    if request is None:
        return no_decks(ds, notes, query_lang(query) or DEFAULT)
    if request.handout:
        return handout(ds, request.deck, notes)
    if request.presenter:
        return presenter.page(ds, request, notes, theme_style(get_theme(THEME)))
    return slide_page(ds, request, notes)


def layout(ds: Dataset, view: ViewState, notes: list[str]) -> html.Div:
    """A one-slide deck of ``view`` (what "Start deck here" opens)."""
    return slide_page(ds, PresentRequest(view_deck(ds, view)), notes)


def theme_style(theme: Theme) -> dict:
    """The page colours from the figure theme, so the slide and its figure share one palette."""
    return {"--bg": theme.paper, "--fg": theme.text, "--muted": theme.muted, "--line": theme.grid,
            "--accent": theme.series_colors[0], "--panel": theme.paper}


def slide_page(ds: Dataset, request: PresentRequest, notes: list[str]) -> html.Div:
    deck, number = request.deck, request.slide
    slide, count = request.current, len(deck.slides)
    theme = get_theme(THEME)
    lang = deck.lang
    t = translator(lang)
    _ = t.gettext
    return html.Div(className="page present present-deck", style=theme_style(theme),
                    **{"data-channel": channel(deck), "data-slide": str(number), "data-count": str(count)}, children=[
        html.Header(className="present-bar", children=[
            html.A(_("← Explore"), href=slide.view.url("/"), className="present-exit",
                   title=_("Open this slide's view on the explore page")),
            html.Span(deck.title, className="present-deck-title"),
            html.Span(f"{number} / {count}", className="present-counter", role="status",
                      **{"aria-label": _("Slide %(number)s of %(count)s") % {"number": number, "count": count},
                         "aria-live": "polite"}),
            html.Div(className="present-progress", role="progressbar",
                     **{"aria-label": _("Progress through the deck"), "aria-valuemin": 1,
                        "aria-valuemax": count, "aria-valuenow": number},
                     children=html.Div(className="present-progress-fill",
                                       style={"width": f"{100 * number / count:.2f}%"})),
            c.language_switcher(slide.view, PATH, present_query(deck, number)),
        ]),
        c.notes_banner(notes, lang),
        html.Main(id="main", className="slide", children=[
            html.H1(slide.title, className="slide-title", **({"lang": "en"} if "title" in slide.in_english else {})),
            html.Div(id=FIGURE_AREA, className="slide-figure", children=c.described_graph(dcc.Graph(
                id=GRAPH, figure=placeholder(theme), config=c.graph_config(GRAPH_CONFIG, lang), style={"height": "100%"}),
                CAPTION, ds, slide.view)),
            # Never empty: a slide without text (a view's one-slide deck) says what its figure shows.
            html.Div(className="slide-text", children=html.P(
                slide.text or figure_description(ds, slide.view), **({"lang": "en"} if "text" in slide.in_english else {}))),
            slide_sources_line(slide_sources(ds, slide), currency_text(ds, lang), lang),
            html.Aside(id=NOTES_PANEL, className="slide-notes", **{"aria-label": _("Speaker notes")}, children=[
                html.H2(_("Speaker notes")),
                html.P(slide.notes, lang="en") if slide.notes and lang != DEFAULT
                else html.P(slide.notes or _("No notes for this slide.")),
            ]),
        ]),
        html.Nav(className="present-controls", **{"aria-label": _("Slides")}, children=[
            *steps(deck, number),
            html.Button(_("Notes (N)"), id=NOTES_TOGGLE, className="button", n_clicks=0),
            html.Button(_("Full screen (F)"), id=FULLSCREEN, className="button", n_clicks=0),
            html.A(_("Presenter view (P)"), id=PRESENTER, href=present_url(deck, number, presenter=True),
                   target="present-presenter", className="button",
                   title=_("Open the speaker's window: notes, next slide, clock and timer")),
            html.A(_("Handout"), href=present_url(deck, handout=True), className="button"),
            html.Span(_(KEYS_HELP), className="present-keys"),
        ]),
        dcc.Store(id=AREA),
        dcc.Store(id=presenter.SYNC),
    ])


def present_query(deck, number: int) -> str:
    """The query of one slide of ``deck`` (what the language switcher re-asks in another language)."""
    return present_url(deck, number).partition("?")[2]


def slide_sources_line(sources: tuple[SourceRef, ...], currency: str, lang: str = DEFAULT) -> html.Div:
    """The slide's sources as one compact run (publisher and date, each a link, its title on
    hover): a slide is read from the back of a room; the handout prints titles and addresses.
    ``currency``: how far the record runs ("Data through … · reviewed …")."""
    t = translator(lang)
    items = [html.Li([html.A(s.publisher, href=s.url, title=s.title, target="_blank",
                             rel="noopener noreferrer"), f", {s.published}"]) for s in sources]
    more = items[SOURCES_SHOWN:]  # a long run would take the figure's room: the rest open on demand
    return html.Div(className="slide-sources", children=[
        html.H2(t.gettext("Sources (%(count)s)") % {"count": len(items)} if items else t.gettext("Sources")),
        html.Ol(items[:SOURCES_SHOWN]) if items else html.P(
            t.gettext("This view cites no sources; its events' sources are on the explore page.")),
        html.Details(className="slide-sources-more", children=[
            html.Summary(t.gettext("and %(count)s more") % {"count": len(more)}),
            html.Ol(more, start=SOURCES_SHOWN + 1)]) if more else None,
        html.P(currency, className="slide-currency"),
    ])


def no_decks(ds: Dataset, notes: list[str], lang: str = DEFAULT) -> html.Div:
    t = translator(lang)
    return html.Div(className="page present", children=[
        c.header(ds, PATH, ViewState(lang=lang)), c.notes_banner(notes, lang),
        html.Main(id="main", className="not-found", children=[
            html.H1(t.gettext("No decks in this data package")),
            html.P(t.gettext("Add a deck to decks.csv and its slides to slides.csv, or present a view from the "
                             "timeline.")),
            dcc.Link(t.gettext("Go to the timeline"), href=ViewState(lang=lang).url("/")),
        ]),
    ])


def register(app: Dash, ds: Dataset) -> None:
    """The browser measures the figure area (assets/present.js) as soon as a slide is laid out
    and whenever it changes; the server draws the slide's figure for that size. A second
    clientside callback announces each slide shown to the deck's other windows."""
    app.clientside_callback(ClientsideFunction("present", "measure"), Output(AREA, "data"),
                            Input(GRAPH, "id"))
    app.clientside_callback(ClientsideFunction("present", "shown"), Output(presenter.SYNC, "data"),
                            Input(presenter.SYNC, "id"))

    @lru_cache(maxsize=FIGURES_KEPT)
    def figure(view: ViewState, size: Size) -> Figure:
        return slide_figure(ds, view, get_theme(THEME), size)

    # "drawn" marks the figure area once its figure (not the placeholder) is in, and data-drawn
    # the area (px) it was built for: tests wait on them.
    @app.callback(Output(GRAPH, "figure"), Output(FIGURE_AREA, "className"), Output(FIGURE_AREA, "data-drawn"),
                  Input(AREA, "data"), prevent_initial_call=True)
    def draw(area):
        size = area_size(area)
        if size is None:
            raise PreventUpdate
        request, _ = parse_present_query(ds, negotiated_query(str(area.get("search") or "")))
        if request is None or request.handout or request.presenter:
            raise PreventUpdate
        return figure(request.current.view, size), "slide-figure drawn", f"{size.width}x{size.height or 0}"
