"""How responses travel: compression and cache lifetimes.

Compression is flask-compress (the library behind ``Dash(compress=True)``, configured here
rather than through that flag, which pins gzip): it negotiates Accept-Encoding, sets Vary, and
skips small, streamed-unsafe and already-compressed bodies — logic a hand-written hook would
have to redo. Brotli first, gzip for clients without it.

Pages and callback answers differ per request: they are compressed as they go out, at brotli
quality 5 (a tenth smaller than flask-compress's default 4, for a fraction of a millisecond
more per 100 kB). Static files (assets, Dash's component suites and favicon) are the same bytes
for every reader, so ``StaticBrotli`` compresses each once per process at quality 11, a tenth
smaller again (plotly.js: 306 kB instead of 341 kB). That costs seconds of CPU (about 2 s for
plotly.js, 3.5 s for all the files of a page), so it runs in the background, one file at a
time, and no request waits: until it is done, the file goes out like a page.

Assets carry their modification time (``/assets/x.js?m=…``) and Dash's component suites a
version in the file name (Dash already gives those a year): fingerprinted URLs are cached for
a year, immutable. Everything else keeps the default.
"""

from __future__ import annotations

import hashlib
import queue
import threading

import brotli
from flask import Flask, request
from flask_compress import Compress

YEAR = 365 * 24 * 3600  # seconds
DYNAMIC_BR_LEVEL, STATIC_BR_LEVEL = 5, 11
STATIC = ("/assets/", "/_dash-component-suites/", "/_favicon.ico")  # path prefixes of static files
STATIC_MAX = 2_000_000  # bytes: larger files (none our pages load) would take ~70 MB and 8 s at 11


class StaticBrotli:
    """Brotli bodies of static files at ``quality``, one per path, made by one background thread.

    One thread, one file at a time: a compression at quality 11 takes ~30 MB while it runs, and
    a thread of its own would keep its own malloc arena at that size afterwards. A body is kept
    with a digest of the bytes it was made from, so a file that changes (in development) is
    compressed again; in production the set of paths is fixed by the files on disk. Several
    gunicorn workers each keep their own copy: a pure cache, nothing to share."""

    def __init__(self, quality: int = STATIC_BR_LEVEL):
        self.quality = quality
        self._bodies: dict[str, tuple[bytes, bytes]] = {}  # path -> (digest of raw, compressed)
        self._busy: set[str] = set()  # paths queued or being compressed
        self._lock = threading.Lock()
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._worker: threading.Thread | None = None  # started by the first miss, in the serving process

    def get(self, path: str, raw: bytes) -> bytes | None:
        """The compressed ``raw`` served at ``path``, or None while it is being made."""
        digest = hashlib.blake2b(raw, digest_size=16).digest()
        with self._lock:
            known = self._bodies.get(path)
            if known and known[0] == digest:
                return known[1]
            if path in self._busy:
                return None
            self._busy.add(path)
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._compress, daemon=True, name="static-brotli")
                self._worker.start()
        self._queue.put((path, digest, raw))
        return None

    def _compress(self) -> None:
        while True:
            path, digest, raw = self._queue.get()
            body = brotli.compress(raw, quality=self.quality)  # releases the GIL
            with self._lock:
                self._bodies[path] = (digest, body)
                self._busy.discard(path)


def install(server: Flask) -> None:
    server.config.update(COMPRESS_ALGORITHM=["br", "gzip"], COMPRESS_ALGORITHM_STREAMING=["br", "deflate"],
                         COMPRESS_BR_LEVEL=DYNAMIC_BR_LEVEL)
    Compress(server)
    static = StaticBrotli()

    @server.after_request  # registered after flask-compress's hook, so it runs before it
    def compress_static(response):
        if (request.method in ("GET", "HEAD") and response.status_code == 200
                and request.path.startswith(STATIC) and "Content-Encoding" not in response.headers
                and response.mimetype in server.config["COMPRESS_MIMETYPES"]
                and request.accept_encodings.best_match(["br", "gzip"]) == "br"):
            response.direct_passthrough = False  # send_file's file wrapper: read it
            raw = response.get_data()
            small_enough = server.config["COMPRESS_MIN_SIZE"] <= len(raw) <= STATIC_MAX
            body = static.get(request.path, raw) if small_enough else None
            if body is not None:  # else flask-compress compresses it as usual
                response.set_data(body)
                response.headers["Content-Encoding"] = "br"
                etag, weak = response.get_etag()
                if etag and not weak:
                    response.set_etag(f"{etag}:br")  # what flask-compress does: one tag per encoding
                response.make_conditional(request)
        return response

    @server.after_request
    def cache_fingerprinted(response):
        if response.status_code == 200 and request.path.startswith("/assets/") and request.args.get("m"):
            response.cache_control.no_cache = None  # Flask's default for files: would revalidate each use
            response.cache_control.public = True
            response.cache_control.max_age = YEAR
            response.cache_control.immutable = True
        return response
