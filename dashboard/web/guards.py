"""Hostile or broken requests get a clear 4xx, server bugs a 5xx, and nothing shows a traceback.

- request bodies above MAX_BODY are refused (413);
- a callback request that names no callback of the app, or sends other inputs than it
  declares, is malformed: 400; a callback that raises on a well-formed request is a bug: 500,
  logged with the request id, so monitoring sees it;
- a path that is no page gets a friendly 404 (Dash would serve its index for any path), and so
  does a component-suite file Dash does not know or no page loads (``UNSERVED``);
- every response carries the request id: the client's ``X-Request-ID`` if it is 1 to 64 of
  ``[A-Za-z0-9._-]``, else a fresh one; the access log and every error log line name it.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from html import escape

from dash import Dash
from dash.exceptions import DependencyException
from flask import Response, g, request
from werkzeug.exceptions import HTTPException

from dashboard.i18n import N_, translator
from dashboard.state import ViewState
from dashboard.web.language import page_lang

MAX_BODY = 256 * 1024  # bytes; the largest real callback body is a few kB
CALLBACK = "/_dash-update-component"
SUITES = "/_dash-component-suites/"
# Bundles Dash registers that no page loads: plotly.py's full plotly.js (4.8 MB; the pages load
# assets/plotly-timeline.min.js, and dcc.Graph fetches this one only when window.Plotly is
# missing), the DataTable (tables are html.Table) and the chunks of dcc components no view uses.
UNUSED_DCC = ("datepicker", "slider", "upload", "markdown", "mathjax", "highlight")
UNSERVED = (SUITES + "plotly/", SUITES + "dash/dash_table/",
            *(f"{SUITES}dash/dcc/async-{chunk}" for chunk in UNUSED_DCC))
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
log = logging.getLogger("negotiation_timeline")

PAGE = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; margin: 2rem; line-height: 1.5">
<main><h1>{title}</h1><p>{message}</p><p><a href="{home}">{back}</a></p></main></body></html>"""


def install(app: Dash, pages: tuple[str, ...]) -> None:
    """``pages`` are the app's page paths; other paths that only Dash's catch-all matches are 404s.
    Call after every callback is registered (malformed requests are told by ``app.callback_map``)."""
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_BODY

    @server.before_request
    def guard():
        g.request_id = request_id()
        rule = request.url_rule.rule if request.url_rule else None
        if (rule == "/<path:path>" and request.path not in pages) or request.path.startswith(UNSERVED):
            return _page(N_("Page not found"), N_("There is no page at this address."), 404)
        if request.path == CALLBACK and request.method == "POST" and not _well_formed(app.callback_map):
            return _json_error("malformed callback request", 400)
        return None

    @server.after_request
    def name_the_request(response):
        response.headers["X-Request-ID"] = g.get("request_id") or request_id()
        return response

    @server.errorhandler(Exception)
    def on_error(error):
        if isinstance(error, DependencyException):  # a component-suite path Dash does not serve
            return _page(N_("Page not found"), N_("There is no page at this address."), 404)
        if isinstance(error, HTTPException):
            if request.path == CALLBACK:
                return _json_error(error.name.lower(), error.code)
            return _page(error.name, N_("The request could not be answered."), error.code)
        log.exception("request %s failed: %s %s", g.get("request_id", "-"), request.method, request.path)
        if request.path == CALLBACK:
            return _json_error(f"server error (request id {g.get('request_id', '-')})", 500)
        return _page(N_("Something went wrong"), N_("The error was logged with request id %(id)s."), 500,
                     id=g.get("request_id", "-"))


def request_id() -> str:
    """The client's (or the proxy's) X-Request-ID if it is safe to echo and log, else a fresh one."""
    sent = request.headers.get("X-Request-ID", "")
    return sent if REQUEST_ID.fullmatch(sent) else uuid.uuid4().hex[:16]


def _well_formed(callbacks: dict) -> bool:
    """A JSON callback request for one of ``callbacks`` with exactly its inputs and states."""
    try:
        body = json.loads(request.get_data(cache=True) or b"null")
    except (ValueError, UnicodeDecodeError):
        return False
    if not isinstance(body, dict) or not isinstance(body.get("output"), str):
        return False
    spec = callbacks.get(body["output"])
    if spec is None or "callback" not in spec:  # clientside callbacks never reach the server
        return False
    return all(_sends(spec.get(part, []), body.get(part, [])) for part in ("inputs", "state"))


def _sends(declared: list[dict], sent: object) -> bool:
    """Whether ``sent`` is one item per declared dependency, with its id and property (a
    pattern-matching one a list of such items, each with a dict id)."""
    if not isinstance(sent, list) or len(sent) != len(declared):
        return False
    for want, item in zip(declared, sent):
        items, pattern = (item, True) if isinstance(item, list) else ([item], False)
        for one in items:
            if not isinstance(one, dict) or one.get("property") != want["property"]:
                return False
            if (not isinstance(one.get("id"), dict)) if pattern else one.get("id") != want["id"]:
                return False
    return True


def _page(title: str, message: str, status: int, **values) -> Response:
    """An error page in the request's language (``title`` and ``message`` are messages; an
    HTTP reason phrase that is none stays English)."""
    lang = page_lang()
    t = translator(lang)
    return Response(PAGE.format(title=escape(t.gettext(title)), message=escape(t.gettext(message) % values),
                                lang=lang, home=escape(ViewState(lang=lang).url("/")),
                                back=escape(t.gettext("Go to the timeline"))),
                    status=status, mimetype="text/html")


def _json_error(message: str, status: int) -> Response:
    return Response(json.dumps({"error": message}), status=status, mimetype="application/json")
