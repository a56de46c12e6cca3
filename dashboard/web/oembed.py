"""The server side of embedding: the oEmbed endpoint (cacheable, with a thumbnail) and its
discovery link in the explore page's head (the static /embed page writes its own).

Dash loads every script in assets/ into every page; ``ASSETS_IGNORE`` keeps the embed
scripts out, so the host-page script never runs inside the app and the embed page's own
scripts run on /embed alone (dashboard/views/embed.py). No page loads Dash's DataTable bundle
(no page renders a DataTable; tables are html.Table), and the server does not serve it
(web/guards.py).
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from dash import Dash
from flask import Response, json, request

from dashboard import urls
from dashboard.views.citation import APP_NAME
from dashboard.data.dataset import Dataset
from dashboard.views.embed_code import (
    app_origin,
    embed_height,
    embed_title,
    embed_url,
    iframe_code,
    frame_size,
    oembed_url,
)
from dashboard.urls import whole_number
from dashboard.state import ViewState
from dashboard.figures.size import LAYOUT_WIDTH, Size
from dashboard.publishing.pictures import THUMBNAIL_FORM
from dashboard.publishing.pictures import path as picture_path
from dashboard.tabs import build_figure, choices_for
from dashboard.views.present.deck import parse_present_query
from dashboard.web.caching import cacheable, entity_tag

ASSETS_IGNORE = r"^embed(-child|-page)?\.js$"
EMBEDDABLE = (urls.EXPLORE, urls.EMBED)  # paths whose URLs oEmbed answers for
DEFAULT_WIDTH = 800  # px: the rich response's width when the consumer sets no maxwidth
MAX_URL = 2500
MAX_PX = 99_999  # the largest maxwidth/maxheight taken
DATA_TABLE = "_dash-component-suites/dash/dash_table/"  # Dash's DataTable bundle, after the URL prefix


def install(app: Dash, ds: Dataset, pictures: Path) -> None:
    """Add /oembed to the server and the discovery link to the Dash pages it answers for."""
    plain_interpolate = app.interpolate_index
    data_table = (app.config.requests_pathname_prefix + DATA_TABLE,)

    def interpolate_index(**parts):
        parts["metas"] = parts.get("metas", "") + head_tags()
        for name in ("css", "scripts"):
            parts[name] = without(parts.get(name, ""), data_table)
        return plain_interpolate(**parts)

    app.interpolate_index = interpolate_index  # Dash's documented hook for the index page

    @app.server.route(urls.OEMBED)
    def oembed():
        status, body = oembed_response(ds, app_origin(), request.args, pictures)
        response = Response(json.dumps(body), status=status, mimetype="application/json")
        if status != 200:
            return response
        return cacheable(response, entity_tag(ds.version, "oembed", sorted(request.args.items(multi=True)),
                                              "thumbnail_url" in body))


def head_tags() -> str:
    """The discovery link, on pages oEmbed can answer for."""
    if request.path not in EMBEDDABLE:
        return ""
    href = oembed_url(app_origin(), app_origin() + request.full_path.rstrip("?"))
    return f'\n<link rel="alternate" type="application/json+oembed" href="{escape(href)}">'


def without(tags: str, urls: tuple[str, ...]) -> str:
    """Dash's stylesheet or script tags (an external one a line) less those loading a URL that
    starts with one of ``urls``; inline scripts stay as they are, so their CSP hashes hold."""
    def unused(line: str) -> bool:
        return line.startswith(("<script src=", "<link ")) and any(f'="{url}' in line for url in urls)

    return "\n".join(line for line in tags.split("\n") if not unused(line))


def oembed_response(ds: Dataset, base: str, args, pictures: Path | None = None) -> tuple[int, dict]:
    """(HTTP status, JSON body) for the oEmbed 1.0 request ``args`` made to the app at ``base``:
    a ``rich`` response whose html is an iframe of /embed with the URL's view, sized within
    maxwidth/maxheight, with the view's thumbnail where ``pictures`` holds it; a slide's link
    (``/present?deck=…&slide=…``) gets the embed of the slide's view. 400 for a missing or bad parameter, 404 for a URL that is not one of
    this app's pages, 501 for any format but json."""
    url = args.get("url", "")
    if not url:
        return 400, {"error": "the url parameter is required"}
    if args.get("format", "json") != "json":
        return 501, {"error": "only format=json is implemented"}
    limits = {}
    for name in ("maxwidth", "maxheight"):
        raw = args.get(name, "")
        limits[name] = whole_number(raw, 1, MAX_PX) if raw else None
        if raw and limits[name] is None:
            return 400, {"error": f"{name} must be a whole number of pixels from 1 to {MAX_PX}"}
    parts = urlsplit(url[:MAX_URL])
    slide = parts.path == urls.PRESENT and parts.query  # a slide's link: embed the slide's view
    if (parts.scheme not in ("http", "https") or parts.netloc.lower() != urlsplit(base).netloc.lower()
            or ((parts.path or "/") not in EMBEDDABLE and not slide)):
        return 404, {"error": "not a page of this app"}
    if slide:
        shown, _ = parse_present_query(ds, parts.query)
        if shown is None:
            return 404, {"error": "no deck to show"}
        view = shown.current.view
    else:
        view, _ = ViewState.from_query(parts.query, choices_for(ds))  # unusable parameters fall back, as on the page
    width = min(DEFAULT_WIDTH, limits["maxwidth"] or DEFAULT_WIDTH)
    height = embed_height(ds, view, size=frame_size(width))
    height = min(height, limits["maxheight"] or height)
    title = embed_title(ds, view.lang)
    return 200, {
        "type": "rich", "version": "1.0", "title": title,
        "provider_name": APP_NAME, "provider_url": base + "/",
        "html": iframe_code(embed_url(base, view), title, height, str(width)),
        "width": width, "height": height, "cache_age": 3600, **thumbnail(ds, base, view, pictures),
    }


def thumbnail(ds: Dataset, base: str, view: ViewState, folder: Path | None) -> dict:
    """The oEmbed thumbnail of a view, where ``publish --cache`` rendered its PNG into the
    picture ``folder`` (once per view and data version): its URL and size in px, the wide
    form's figure. oEmbed gives all three fields or none."""
    if folder is None or not picture_path(folder, ds, view, THUMBNAIL_FORM, "png").is_file():
        return {}
    return {"thumbnail_url": base + view.url(urls.THUMBNAIL), "thumbnail_width": LAYOUT_WIDTH[THUMBNAIL_FORM],
            "thumbnail_height": int(build_figure(ds, view, size=Size.of_form(THUMBNAIL_FORM))["layout"]["height"])}
