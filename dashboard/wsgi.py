"""WSGI entry point: ``gunicorn dashboard.wsgi:server``.

If the data package does not validate, the server still starts but answers every request,
``/healthz`` included, with 503 and the list of problems in the log: a load balancer or an
orchestrator sees an unhealthy instance with a reason instead of a crash loop.
(``negotiation-timeline serve`` refuses to start instead.) On SIGHUP, gunicorn.conf.py swaps
in ``reloaded()``: the new data if it validates, else the app already serving.
"""

from __future__ import annotations

import logging

from flask import Flask, Response

from dashboard.app import create_app
from dashboard.data.problems import DatasetError
from dashboard.web.guards import request_id
from dashboard.web.headers import LOCKED

log = logging.getLogger("negotiation_timeline")
RETRY_AFTER = 60  # seconds: about the time to fix the data, validate and send SIGHUP


def unavailable(error: DatasetError) -> Flask:
    log.error("data package invalid:\n%s", error.report())
    fallback = Flask(__name__)

    @fallback.route("/", defaults={"path": ""})
    @fallback.route("/<path:path>")
    def down(path):
        return Response(f"Service unavailable: the data package has {len(error.problems)} problem(s).\n",
                        status=503, mimetype="text/plain",
                        headers={**LOCKED, "Cache-Control": "no-store", "Retry-After": str(RETRY_AFTER),
                                 "X-Request-ID": request_id()})

    return fallback


def reloaded(current: Flask) -> Flask:
    """A new app on the data as it is now, or ``current`` (logging why) if it does not
    validate: a bad edit never replaces data that serves (gunicorn.conf.py's SIGHUP hook)."""
    try:
        return create_app().server
    except DatasetError as exc:
        log.error("data reload refused, the data loaded before keeps serving:\n%s", exc.report())
        return current


try:
    server = create_app().server
except DatasetError as exc:
    server = unavailable(exc)
