"""Embed code for a view: the iframe and script snippets of the share dialog and the oEmbed
response. Every link comes from ``ViewState.url``; ``base`` is the app's origin
('https://host', no trailing slash): ``app_origin()``, the configured public URL, never the
request's Host header (which anyone can forge).
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlencode

from flask import current_app

from dashboard.data.dataset import Dataset
from dashboard.figures.size import Size
from dashboard.tabs import build_figure, tab
from dashboard.data.filters import filter_events
from dashboard.data.positions import position_matrix, view_filters
from dashboard.urls import whole_number
from dashboard.state import ViewState
from dashboard import urls
from dashboard.i18n import N_, translator

EMBED_CHROME_PX = 110  # the embed page's title, credit and link around the figure
EMBED_PADDING_PX = 24  # the embed page's padding either side of the figure (assets/embed.css)
TABLE_ROW_PX = 64  # a table row at article width: an estimate, the resize script corrects it
MATRIX_ROW_PX = 150  # a row of the positions matrix (a topic) at article width: the same
TABLE_MAX_PX = 640  # the embed's table box scrolls by itself beyond this height (assets/embed.css)
# Width presets of the share dialog: the iframe's width attribute -> label.
WIDTHS = {"100%": N_("Fill the column (responsive)"), "640": N_("640 px"), "400": N_("400 px (phone)")}


ORIGIN_KEY = "PUBLIC_ORIGIN"  # the Flask config key create_app sets from Config.public_url


def app_origin() -> str:
    """The configured public origin of the app serving this request."""
    return current_app.config[ORIGIN_KEY]


def page_url(base: str, view: ViewState) -> str:
    return base + view.url(urls.EXPLORE)


def embed_url(base: str, view: ViewState) -> str:
    return base + view.url(urls.EMBED)


def oembed_url(base: str, url: str) -> str:
    """The oEmbed endpoint's URL for the page at ``url`` (a CMS finds it in the page's head)."""
    return f"{base}{urls.OEMBED}?{urlencode({'url': url, 'format': 'json'})}"


def embed_title(ds: Dataset, lang: str = "en") -> str:
    """The iframe's title attribute, read out by screen readers (in the embed's language)."""
    return translator(lang).gettext("%(title)s (interactive chart)") % {"title": ds.title}


def embed_height(ds: Dataset, view: ViewState, figure_height: int | None = None, size: Size = Size()) -> int:
    """The embed page's height in px: the figure's own height at ``size`` (pass it if that
    figure is built already; a table is estimated per row, up to its box's TABLE_MAX_PX) plus
    the title and credit."""
    if tab(view.tab).table:
        return EMBED_CHROME_PX + min(TABLE_MAX_PX, TABLE_ROW_PX * (len(filter_events(ds, view)) + 1))
    if tab(view.tab).matrix:
        return EMBED_CHROME_PX + MATRIX_ROW_PX * (len(position_matrix(ds, **view_filters(view)).topics) + 2)
    return EMBED_CHROME_PX + int(figure_height or build_figure(ds, view, size=size)["layout"]["height"])


def frame_size(width: str | int) -> Size:
    """The size the embed page lays its figure out at in an iframe ``width`` px wide: the form
    of its box (the iframe less the page's padding, assets/embed.css), as the browser will
    report it; '100%' fills an article column: the column form."""
    px = whole_number(str(width), 1, 100_000)
    if px is not None:
        return Size.of_form(Size(max(1, px - EMBED_PADDING_PX)).form)
    return Size.of_form("column")


def iframe_code(url: str, title: str, height: int, width: str = "100%") -> str:
    """A plain iframe; ``width`` is a key of WIDTHS (or a px number). Without the parent script
    it keeps ``height``; with it, the height follows the content."""
    size = "width:100%" if width == "100%" else f"width:{int(width)}px;max-width:100%"
    return (f'<iframe src="{escape(url)}" title="{escape(title)}" width="{escape(width)}" '
            f'height="{int(height)}" loading="lazy" style="{size};border:0" '
            'allow="clipboard-write" referrerpolicy="strict-origin-when-cross-origin"></iframe>')


def script_code(base: str, url: str, page: str, title: str, height: int, width: str = "100%") -> str:
    """A placeholder the parent script turns into a self-resizing iframe; without JavaScript
    it is a link to the full view."""
    return (f'<div data-negotiation-timeline="{escape(url)}" data-title="{escape(title)}" '
            f'data-height="{int(height)}" data-width="{escape(width)}">'
            f'<a href="{escape(page)}">{escape(title)}</a></div>\n'
            f'<script src="{escape(base + urls.EMBED_SCRIPT)}" async></script>')
