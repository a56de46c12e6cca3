"""The static embed's routes: the page, its figures as JSON, an event's and a position's
detail fragment (a position's for the explore page too) and a view's PNG; GET only, each
public, tagged and answered 304 when the cache holds it already (web/caching.py), so a CDN or the reverse proxy's cache carries any audience.

Every answer is a pure function of the data version and the URL: pages are kept per worker
(``PAGES_KEPT``, as the Dash pages are), and the first picture and the social card come
from the picture folder (dashboard/publishing/pictures.py) when ``publish --cache`` has filled it for
this data version (a worker never renders one); the tag says whether it had, so a page
learns of a new picture on its next request.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from flask import Flask, Response, abort, request

from dashboard import urls
from dashboard.publishing import pictures
from dashboard.data.dataset import Dataset
from dashboard.state import ViewState
from dashboard.tabs import choices_for, tab
from dashboard.i18n import DEFAULT, LANGS
from dashboard.views import embed
from dashboard.views import positions as pv
from dashboard.views.embed_code import app_origin, oembed_url
from dashboard.web.caching import cacheable, entity_tag

PAGES_KEPT = 16


def asset_url(name: str) -> str:
    """/assets/<name>?m=<digest of its bytes>: fingerprinted, so cached for a year (compression.py)."""
    digest = hashlib.blake2b((embed.ASSETS / name).read_bytes(), digest_size=8).hexdigest()
    return f"/assets/{name}?m={digest}"


def register(server: Flask, ds: Dataset, folder: Path) -> None:
    """``folder``: the picture folder ``publish --cache`` fills (Config.pictures_dir)."""
    scripts = tuple(asset_url(name) for name in embed.SCRIPTS)
    build = entity_tag(*scripts, embed.STYLE_TEXT)  # a new release of the page is a new tag too
    choices = choices_for(ds)

    @lru_cache(maxsize=PAGES_KEPT)
    def page(query: str, origin: str, shown: tuple[str, ...], card: bool) -> tuple[str, str]:
        view, notes = embed.view_of(ds, query)
        here = origin + view.url(urls.EMBED)
        links = embed.Links(scripts, urls.EMBED_DETAIL, urls.EMBED_FIGURES, here=here, oembed=oembed_url(origin, here),
                            image=origin + view.url(urls.THUMBNAIL) if card else "")
        drawn = {form: svg.decode("utf-8") for form in shown
                 if (svg := pictures.cached(folder, ds, view, form, "svg")) is not None}
        body = embed.render(ds, view, notes, links, drawn)
        return body, entity_tag(ds.version, "embed", view.to_query(), notes, build, shown, card, origin)

    def available(view: ViewState) -> tuple[str, ...]:
        if tab(view.tab).table:
            return ()
        return tuple(form for form in embed.FORMS if pictures.path(folder, ds, view, form, "svg").is_file())

    @server.get(urls.EMBED)
    def embed_page():
        query = request.query_string.decode("utf-8", "replace")
        view, _ = embed.view_of(ds, query)
        card = pictures.path(folder, ds, view, pictures.THUMBNAIL_FORM, "png").is_file()
        body, tag = page(query, app_origin(), available(view), card)
        return cacheable(Response(body, mimetype="text/html"), tag)

    @server.get(urls.EMBED_FIGURES)
    def embed_figures():
        view, _ = ViewState.from_query(request.query_string.decode("utf-8", "replace"), choices)
        body = embed.figures_json(embed.figures(ds, view))
        return cacheable(Response(body, mimetype="application/json"),
                         entity_tag(ds.version, "figures", view.to_query(), build))

    @server.get(urls.EMBED_DETAIL + "<event_id>.html")
    @server.get(urls.EMBED_DETAIL + "<lang>/<event_id>.html")
    def embed_detail(event_id: str, lang: str = DEFAULT):
        if event_id not in ds.events.index or lang not in LANGS:
            abort(404)
        return cacheable(Response(embed.detail_html(ds, event_id, lang), mimetype="text/html"),
                         entity_tag(ds.version, "detail", event_id, lang, build))

    for name, prefix, path in (("explore", urls.POSITION_DETAIL, urls.EXPLORE),
                               ("embed", urls.EMBED_POSITION_DETAIL, urls.EMBED)):
        def position_detail(position_id: str, lang: str = DEFAULT, path: str = path):
            """A position's detail; its links go to ``path``, the page it opens on."""
            if position_id not in ds.positions.index or lang not in LANGS:
                abort(404)
            return cacheable(Response(pv.detail_html(ds, position_id, path, lang), mimetype="text/html"),
                             entity_tag(ds.version, "position", position_id, path, lang, build))
        server.add_url_rule(prefix + "<position_id>.html", f"position_detail_{name}", position_detail)
        server.add_url_rule(prefix + "<lang>/<position_id>.html", f"position_detail_{name}_lang", position_detail)

    @server.get(urls.THUMBNAIL)
    def thumbnail():
        """The view's PNG, if ``publish --cache`` rendered it (a worker never runs kaleido: it
        hangs under gevent, and a request must not start a browser)."""
        view, _ = ViewState.from_query(request.query_string.decode("utf-8", "replace"), choices)
        picture = pictures.cached(folder, ds, view, pictures.THUMBNAIL_FORM, "png")
        if picture is None:
            abort(404)
        return cacheable(Response(picture, mimetype="image/png"),
                         entity_tag(ds.version, "thumbnail", view.to_query()))
