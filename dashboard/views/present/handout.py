"""The handout (``/present?deck=<id>&handout=1``): every slide on paper, for A4 and Letter.

The print stylesheet (assets/present.css, ``@media print``) hides the controls and starts each
slide on a new page. Figures are Plotly's own SVG, drawn in the browser at a fixed width that
fits both paper sizes, so they print as vectors with no server-side image renderer. Speaker
notes stay off paper; each source's address is printed.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard.data.dataset import Dataset
from dashboard.views.present.deck import Deck, Slide, present_url, slide_sources
from dashboard.data.event_detail import SourceRef
from dashboard.tabs import build_figure
from dashboard.figures.theme import Theme, get_theme
from dashboard.views import components as c

PRINT, CAPTION = "handout-print", "handout-caption"
THEME = "light"
# A4 less 12 mm margins is 703 CSS px wide, Letter 725: one width prints on both.
FIGURE_WIDTH_PX, FIGURE_MAX_HEIGHT_PX = 700, 600
FIGURE_CONFIG = {"staticPlot": True, "displayModeBar": False}


def handout(ds: Dataset, deck: Deck, notes: list[str]) -> html.Div:
    theme = get_theme(THEME)
    return html.Div(className="page handout", children=[
        html.Header(className="handout-head", children=[
            html.H1(deck.title),
            html.P(f"Handout · {len(deck.slides)} slide{'s' if len(deck.slides) != 1 else ''} · {ds.title}",
                   className="muted"),
            html.Div(className="handout-actions", children=[
                html.Button("Print", id=PRINT, className="button", n_clicks=0),
                html.A("Back to the slides", href=present_url(deck, 1), className="button"),
            ]),
        ]),
        c.notes_banner(notes),
        html.Main(id="main", children=[
            _section(ds, slide, number, theme) for number, slide in enumerate(deck.slides, start=1)
        ]),
        html.Footer(f"Data: {ds.title}. Licence {ds.license}; data version {ds.version}. Times in GMT "
                    "and Istanbul time (UTC+3).", className="site-footer"),
    ])


def _section(ds: Dataset, slide: Slide, number: int, theme: Theme) -> html.Section:
    figure = build_figure(ds, slide.view, theme)
    figure.update_layout(width=FIGURE_WIDTH_PX,
                         height=min(figure.layout.height or FIGURE_MAX_HEIGHT_PX, FIGURE_MAX_HEIGHT_PX))
    return html.Section(className="handout-slide", children=[
        html.H2(f"{number}. {slide.title}"),
        html.Div(className="handout-figure", children=c.described_graph(
            dcc.Graph(figure=figure, config=FIGURE_CONFIG), f"{CAPTION}-{number}", ds, slide.view)),
        *([html.P(slide.text, className="handout-text")] if slide.text else []),
        sources_list(slide_sources(ds, slide), urls=True),
    ])


def sources_list(sources: tuple[SourceRef, ...], urls: bool) -> html.Div:
    """Publisher, title and date of each source; ``urls`` prints each address (on paper)."""
    items = [html.Li([html.A(s.publisher, href=s.url, target="_blank", rel="noopener noreferrer"),
                      f", “{s.title}”, {s.published}.",
                      *([" ", html.Span(s.url, className="source-url")] if urls else [])])
             for s in sources]
    return html.Div(className="slide-sources", children=[html.H2(f"Sources ({len(items)})"), html.Ol(items)]
                    if items else [])
