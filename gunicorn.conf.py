"""gunicorn settings for `negotiation-timeline serve --prod` (or `gunicorn -c gunicorn.conf.py
dashboard.wsgi:server`). Override any of them with GUNICORN_CMD_ARGS or flags."""

import multiprocessing
import os

bind = os.environ.get("NEGOTIATION_TIMELINE_BIND", "127.0.0.1:8050")
workers = int(os.environ.get("NEGOTIATION_TIMELINE_WORKERS", 2 * multiprocessing.cpu_count() + 1))
worker_class = "gthread"
threads = 4
preload_app = True  # load and validate the data once, before forking the workers
timeout = 30
graceful_timeout = 20
keepalive = 5
limit_request_line = 8190
limit_request_fields = 100
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# One access-log line per request: status and duration in microseconds (%(D)s).
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(D)sus rid=%({x-request-id}i)s'
