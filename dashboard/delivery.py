"""How responses travel: compression and cache lifetimes.

Compression is flask-compress (the library behind ``Dash(compress=True)``, configured here
rather than through that flag, which pins gzip): it negotiates Accept-Encoding, sets Vary, and
skips small, streamed-unsafe and already-compressed bodies — logic a hand-written hook would
have to redo. Brotli first (smaller than gzip on plotly.js at a similar CPU cost at quality 4),
gzip for clients without it.

Assets carry their modification time (``/assets/x.js?m=…``) and Dash's component suites a
version in the file name (Dash already gives those a year): fingerprinted URLs are cached for
a year, immutable. Everything else keeps the default.
"""

from __future__ import annotations

from flask import Flask, request
from flask_compress import Compress

YEAR = 365 * 24 * 3600  # seconds


def install(server: Flask) -> None:
    server.config.update(COMPRESS_ALGORITHM=["br", "gzip"], COMPRESS_ALGORITHM_STREAMING=["br", "deflate"])
    Compress(server)

    @server.after_request
    def cache_fingerprinted(response):
        if response.status_code == 200 and request.path.startswith("/assets/") and request.args.get("m"):
            response.cache_control.public = True
            response.cache_control.max_age = YEAR
            response.cache_control.immutable = True
        return response
