"""The handout (``/present?deck=<id>&handout=1``): a cover, then one page per slide, on A4 or Letter.

The print stylesheet (assets/present.css, ``@media print``) hides the controls and starts each
slide on a new page. Figures are Plotly's own SVG, drawn in the browser at a fixed width that
fits both paper sizes, so they print as vectors with no server-side image renderer. Speaker
notes stay off paper; each source's address is printed.

A page holds its slide's title, figure, text and sources: the figure takes the height the text
and the sources leave on the shorter paper (Letter), and a slide citing many sources prints
them smaller, then without their titles (the address stays), so a slide never runs onto a
second page. The estimate is by characters per line; tests/browser print both papers.
"""

from __future__ import annotations

import math

from dash import dcc, html

from dashboard.data.credits import currency_text
from dashboard.data.dataset import Dataset
from dashboard.views.present.deck import Deck, Slide, present_url, slide_sources
from dashboard.data.event_detail import SourceRef
from dashboard.figures.size import Size
from dashboard.figures.theme import get_theme
from dashboard.tabs import figure_description
from dashboard.views import components as c
from dashboard.views.present.figure import slide_figure
from dashboard.i18n import translator

PRINT, CAPTION = "handout-print", "handout-caption"
THEME = "light"
# A4 less 12 mm margins is 703 CSS px wide and 1032 tall, Letter 725 by 965: one width prints
# on both, and a page is planned for Letter's height less a safety margin.
FIGURE_WIDTH_PX, PAGE_PX = 700, 920
FIGURE_PX = (220, 460)  # the figure's least and greatest height on paper
HEADING_PX, GAPS_PX = 40, 36  # the slide's title; the space between the parts of the page
TEXT_PT, SOURCES_HEADING_PX = 10.5, 22
# Source lists from roomiest to tightest: type size (pt) and whether titles are printed.
SOURCE_STYLES = ((8.5, True), (7.5, True), (7.5, False), (6.5, False))
FIGURE_CONFIG = {"staticPlot": True, "displayModeBar": False}


def handout(ds: Dataset, deck: Deck, notes: list[str]) -> html.Div:
    count = len(deck.slides)
    t = translator(deck.lang)
    credit = t.gettext("Data: %(title)s. %(currency)s. Licence %(license)s; data version %(version)s. Times in GMT "
                       "and Istanbul time (UTC+3).") % {"title": ds.title, "currency": currency_text(ds, deck.lang),
                                                       "license": ds.license, "version": ds.version}
    return html.Div(className="page handout", children=[
        html.Header(className="handout-head", children=[
            html.H1(deck.title),
            *([html.P(deck.description, className="handout-description")] if deck.description else []),
            html.P(t.ngettext("Handout · %(n)s slide · %(title)s", "Handout · %(n)s slides · %(title)s", count,
                              title=ds.title), className="muted"),
            html.Div(className="handout-actions", children=[
                html.Button(t.gettext("Print"), id=PRINT, className="button", n_clicks=0),
                html.A(t.gettext("Back to the slides"), href=present_url(deck, 1), className="button"),
            ]),
            html.Ul([html.Li(slide.title) for slide in deck.slides], className="handout-contents",
                    **{"aria-label": t.gettext("Slides")}),
            html.P(credit, className="handout-credit"),
        ]),
        c.notes_banner(notes, deck.lang),
        html.Main(id="main", children=[
            _section(ds, slide, number) for number, slide in enumerate(deck.slides, start=1)
        ]),
    ])


def _section(ds: Dataset, slide: Slide, number: int) -> html.Section:
    text = slide.text or figure_description(ds, slide.view)
    sources = slide_sources(ds, slide)
    height, (points, titled) = page_plan(text, sources)
    figure = slide_figure(ds, slide.view, get_theme(THEME), Size(FIGURE_WIDTH_PX, height, slide=True))
    figure["layout"].update(width=FIGURE_WIDTH_PX, height=height)
    return html.Section(className="handout-slide", children=[
        html.H2(f"{number}. {slide.title}"),
        html.Div(className="handout-figure", children=c.described_graph(
            dcc.Graph(figure=figure, config=c.graph_config(FIGURE_CONFIG, slide.view.lang)), f"{CAPTION}-{number}", ds, slide.view)),
        html.P(text, className="handout-text"),
        sources_list(sources, titled, points, slide.view.lang),
    ])


def page_plan(text: str, sources: tuple[SourceRef, ...]) -> tuple[int, tuple[float, bool]]:
    """The figure's height (px) and the source list's style that fit one page with ``text``."""
    room = PAGE_PX - HEADING_PX - GAPS_PX - _lines(len(text), TEXT_PT) * _line_px(TEXT_PT)
    for points, titled in SOURCE_STYLES:
        left = room - SOURCES_HEADING_PX - sum(
            _lines(len(_source_text(s, titled)) + 5, points) for s in sources) * _line_px(points)
        if left >= FIGURE_PX[0]:
            return min(int(left), FIGURE_PX[1]), (points, titled)
    return FIGURE_PX[0], SOURCE_STYLES[-1]


def _line_px(points: float) -> float:
    return points * 4 / 3 * 1.3


def _lines(chars: int, points: float) -> int:
    """Lines ``chars`` characters take across the page (DejaVu Sans averages 0.56 em a character)."""
    return max(1, math.ceil(chars / (FIGURE_WIDTH_PX / (points * 4 / 3 * 0.56))))


def _source_text(source: SourceRef, titled: bool) -> str:
    title = f", “{source.title}”" if titled else ""
    return f"{source.publisher}{title}, {source.published}. {source.url}"


def sources_list(sources: tuple[SourceRef, ...], titles: bool, points: float, lang: str = "en") -> html.Div:
    """Each source's publisher, title and date, and its address; on paper at ``points`` pt and,
    unless ``titles``, without the titles (present.css: ``.untitled``)."""
    items = [html.Li([html.A(s.publisher, href=s.url, target="_blank", rel="noopener noreferrer"),
                      html.Span(f", “{s.title}”", className="source-title"), f", {s.published}. ",
                      html.Span(s.url, className="source-url")])
             for s in sources]
    return html.Div(className="handout-sources" + ("" if titles else " untitled"),
                    style={"--source-pt": f"{points}pt"},
                    children=[html.H3(translator(lang).gettext("Sources (%(count)s)") % {"count": len(items)}),
                              html.Ol(items)] if items else [])
