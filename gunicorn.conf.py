"""gunicorn settings for `negotiation-timeline serve --prod` (or `gunicorn -c gunicorn.conf.py
dashboard.wsgi:server`). Override any of them with GUNICORN_CMD_ARGS or flags.

Workers are gevent's: every connection is a greenlet, so a client that trickles its request
header a byte a second holds a few kB, not one of a handful of threads (with gthread, 8 such
sockets starved 2 workers × 4 threads). The app's work is CPU-bound Python under one GIL, so
greenlets cost nothing in throughput; the app makes no outbound calls that patching could
change. (kaleido hangs under gevent's patching: no route renders images, the pages draw
PNG/SVG in the browser, and `negotiation-timeline export` runs unpatched.) Still run it
behind the buffering proxy of docs/nginx/: it times out slow headers and bodies, and it alone
should face the internet.
"""

import multiprocessing
import os
import signal

bind = os.environ.get("NEGOTIATION_TIMELINE_BIND", "127.0.0.1:8050")
workers = int(os.environ.get("NEGOTIATION_TIMELINE_WORKERS", 2 * multiprocessing.cpu_count() + 1))
worker_class = "gevent"
worker_connections = 1000  # open connections per worker, slow ones included
preload_app = True  # load and validate the data once, before forking the workers
timeout = 30  # a worker silent this long (a request stuck in CPU) is killed and replaced
graceful_timeout = 20
keepalive = 5
limit_request_line = 8190
limit_request_fields = 100
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# One access-log line per request: status, duration in microseconds (%(D)s) and the request id
# the app answered with (sanitised, never the raw header).
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(D)sus rid=%({x-request-id}o)s'


# The signals the master sends its workers. A gevent worker installs its handlers only after
# monkey-patching (a few hundred ms after the fork); one that arrived before was lost, and the
# worker served on: after a SIGHUP soon after a start it kept serving the old data for ever.
HELD = {signal.SIGTERM, signal.SIGQUIT, signal.SIGINT, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2,
        signal.SIGWINCH, signal.SIGABRT}


def post_fork(server, worker):
    """In the new worker: hold the master's signals until the worker can handle them."""
    signal.pthread_sigmask(signal.SIG_BLOCK, HELD)


def post_worker_init(worker):
    """The worker's handlers are in place: take the held signals now."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, HELD)


def on_reload(server):
    """SIGHUP: load and validate the data again before the new workers fork. Valid data: they
    serve it (a new data_version in /healthz); invalid: the old app keeps serving and the
    problems are logged. (With preload_app, gunicorn alone would fork the old data again.)"""
    from dashboard.wsgi import reloaded

    server.app.callable = reloaded(server.app.callable)
