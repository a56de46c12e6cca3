"""Hostile or broken requests get a clear 4xx, errors never show a traceback.

- request bodies above MAX_BODY are refused (413);
- a malformed Dash callback request is a 400, not a 500;
- a path that is no page gets a friendly 404 (Dash would serve its index for any path);
- any other error is logged with a request id and answered with a plain page naming it.
"""

from __future__ import annotations

import json
import logging
import uuid

from flask import Flask, Response, g, request
from werkzeug.exceptions import HTTPException

MAX_BODY = 256 * 1024  # bytes; the largest real callback body is a few kB
CALLBACK = "/_dash-update-component"
log = logging.getLogger("negotiation_timeline")

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; margin: 2rem; line-height: 1.5">
<main><h1>{title}</h1><p>{message}</p><p><a href="/">Go to the timeline</a></p></main></body></html>"""


def install(server: Flask, pages: tuple[str, ...]) -> None:
    """``pages`` are the app's page paths; other paths that only Dash's catch-all matches are 404s."""
    server.config["MAX_CONTENT_LENGTH"] = MAX_BODY

    @server.before_request
    def guard():
        g.request_id = request.headers.get("X-Request-ID", "")[:64] or uuid.uuid4().hex[:16]
        rule = request.url_rule.rule if request.url_rule else None
        if rule == "/<path:path>" and request.path not in pages:
            return _page("Page not found", "There is no page at this address.", 404)
        if request.path == CALLBACK and request.method == "POST" and not _looks_like_callback():
            return _json_error("malformed callback request", 400)
        return None

    @server.errorhandler(Exception)
    def on_error(error):
        if isinstance(error, HTTPException):
            if request.path == CALLBACK:
                return _json_error(error.name.lower(), error.code)
            return _page(error.name, "The request could not be answered.", error.code)
        log.exception("request %s failed: %s %s", g.get("request_id", "-"), request.method, request.path)
        if request.path == CALLBACK:  # the callbacks are pure: an exception means a bad request
            return _json_error(f"bad callback request (request id {g.request_id})", 400)
        return _page("Something went wrong",
                     f"The error was logged with request id {g.get('request_id', '-')}.", 500)


def _looks_like_callback() -> bool:
    try:
        body = json.loads(request.get_data(cache=True) or b"null")
    except (ValueError, UnicodeDecodeError):
        return False
    return (isinstance(body, dict) and isinstance(body.get("output"), str)
            and isinstance(body.get("inputs"), list)
            and all(isinstance(i, (dict, list)) for i in body["inputs"]))


def _page(title: str, message: str, status: int) -> Response:
    return Response(PAGE.format(title=title, message=message), status=status, mimetype="text/html")


def _json_error(message: str, status: int) -> Response:
    return Response(json.dumps({"error": message}), status=status, mimetype="application/json")
