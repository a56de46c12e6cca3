"""WSGI entry point: ``gunicorn dashboard.wsgi:server``.

If the data package does not validate, the server still starts but answers every request,
``/healthz`` included, with 503 and the list of problems in the log: a load balancer or an
orchestrator sees an unhealthy instance with a reason instead of a crash loop.
(``negotiation-timeline serve`` refuses to start instead.)
"""

from __future__ import annotations

import logging

from flask import Flask, Response

from dashboard.app import create_app
from dashboard.data.problems import DatasetError


def unavailable(error: DatasetError) -> Flask:
    logging.getLogger("negotiation_timeline").error("data package invalid:\n%s", error.report())
    fallback = Flask(__name__)

    @fallback.route("/", defaults={"path": ""})
    @fallback.route("/<path:path>")
    def down(path):
        return Response(f"Service unavailable: the data package has {len(error.problems)} problem(s).\n",
                        status=503, mimetype="text/plain")

    return fallback


try:
    server = create_app().server
except DatasetError as exc:
    server = unavailable(exc)
