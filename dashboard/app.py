"""The app factory: load and validate the data once, build the Dash app, register the views.

Routing is one callback on the URL path rather than Dash Pages: Dash's page registry is
process-global (two apps in one process would overwrite each other's pages) and Pages
re-renders the whole page on every query-string change, while our views write the state
into the URL themselves (history.replaceState) and must not re-render when they do.

The pages' components exist only once routed, so callback exceptions are suppressed; Dash's
alternative, a validation layout, is inlined into every page's HTML (350 kB with our figures).
tests/test_app.py checks every callback's ids against the views' layouts instead.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from dash import ClientsideFunction, Dash, Input, Output, ctx, dcc, html
from dash.exceptions import PreventUpdate

from dashboard.web import compression as delivery
from dashboard.web import downloads
from dashboard.web import embed_routes
from dashboard.web import oembed as embedding
from dashboard.web import guards as hardening
from dashboard.web import headers
from dashboard.web import routes
from dashboard.config import Config
from dashboard.data.dataset import Dataset
from dashboard.tabs import load
from dashboard.views import positions as positions_view
from dashboard.views.embed_code import ORIGIN_KEY
from dashboard.views.explore import page as explore
from dashboard.views.present import page as present
from dashboard.figures.size import Size
from dashboard.views.components import NOTES, NOTES_CLOSE, URL, VIEWPORT, figure_size
from dashboard.web import language
from dashboard.web.language import negotiated_query, page_lang
from dashboard.i18n import query_lang, translator

ASSETS = Path(__file__).resolve().parent.parent / "assets"
PAGE = "page"
VIEWS = {explore.PATH: explore, present.PATH: present}  # Dash pages; /embed is a plain GET page
# Pages kept per app: a page is a pure function of (path, query) and the immutable dataset, so
# a burst of readers on one link (a news embed, a class) is answered from memory; every worker
# fills its own copy and gives the same answer, and nothing about a reader is kept.
PAGES_KEPT = 16


def create_app(config: Config | None = None, dataset: Dataset | None = None) -> Dash:
    """The app on ``config``'s data (``dataset``: that data, where the caller has loaded it)."""
    config = config or Config()
    dataset = load(config.data_dir) if dataset is None else dataset  # raises DatasetError: never start on bad data
    app = Dash(__name__, title="Istanbul talks timeline · negotiation-timeline", update_title=None,
               assets_folder=str(ASSETS), assets_ignore=embedding.ASSETS_IGNORE, serve_locally=True,
               suppress_callback_exceptions=True)  # wiring is checked in tests/test_app.py instead
    app.index_string = app.index_string.replace("<html>", '<html lang="en">', 1)  # screen readers' language
    _localize_index(app)
    app.server.config.update(TRUSTED_HOSTS=config.trusted_hosts, **{ORIGIN_KEY: config.origin})
    app.layout = _shell()
    _register_router(app, dataset)
    for view in VIEWS.values():
        view.register(app, dataset)
    positions_view.register(app)  # the Positions tab's phone topic picker, on explore and embed
    routes.register(app.server, dataset)
    downloads.register(app.server, dataset)
    embed_routes.register(app.server, dataset, config.pictures_dir)
    embedding.install(app, dataset, config.pictures_dir)
    hardening.install(app, tuple(VIEWS))
    delivery.install(app.server)  # compression, cache lifetimes of fingerprinted files
    language.install(app.server)  # Vary: Accept-Language where the browser chooses the language
    headers.install(app.server, config.frame_ancestors, app.csp_hashes())  # after all callbacks
    return app


def _localize_index(app: Dash) -> None:
    """``<html lang>`` in the page's language: Dash's ``interpolate_index`` hook, on the
    request for the page (its ``lang=``, else its Accept-Language)."""
    interpolate = app.interpolate_index

    def localized(**kwargs) -> str:
        return interpolate(**kwargs).replace('<html lang="en">', f'<html lang="{page_lang()}">', 1)

    app.interpolate_index = localized


def _shell() -> html.Div:
    """The URL, the form of the figures' box ("phone", "column" or "wide", measured in the
    browser by assets/viewport.js) and the routed page."""
    return html.Div([dcc.Location(id=URL, refresh=False), dcc.Store(id=VIEWPORT), html.Div(id=PAGE)])


def _register_router(app: Dash, ds: Dataset) -> None:
    @lru_cache(maxsize=PAGES_KEPT)
    def render(pathname: str, search: str, size: Size):
        view_module = VIEWS.get(pathname)
        return not_found(pathname, search) if view_module is None else view_module.page(ds, search, size)

    # The figures' form is known before the first page is asked for, so a phone or a column
    # gets its figures at once; later changes redraw only the figures (the views' callbacks).
    app.clientside_callback(ClientsideFunction("viewport", "form"), Output(VIEWPORT, "data"),
                            Input(URL, "pathname"))

    @app.callback(Output(PAGE, "children"), Input(URL, "pathname"), Input(URL, "search"),
                  Input(VIEWPORT, "data"))
    def route(pathname, search, form):
        if list(ctx.triggered_prop_ids) == [f"{VIEWPORT}.data"]:
            raise PreventUpdate  # the figures' box crossed a form: the page stays, its figures redraw
        return render(pathname or "/", negotiated_query(search or ""), figure_size(form))

    app.clientside_callback("function (n) { return n > 0; }", Output(NOTES, "hidden"),
                            Input(NOTES_CLOSE, "n_clicks"), prevent_initial_call=True)


def not_found(pathname: str, search: str = "") -> html.Main:
    lang = query_lang(search) or "en"
    t = translator(lang)
    return html.Main(id="main", className="not-found", children=[
        html.H1(t.gettext("Page not found")),
        html.P(t.gettext("There is no page at %(path)s.") % {"path": f"{pathname!s:.80}"}),
        dcc.Link(t.gettext("Go to the timeline"), href="/" if lang == "en" else f"/?lang={lang}"),
    ])
