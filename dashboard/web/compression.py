"""How responses travel: compression and cache lifetimes.

Compression is flask-compress (the library behind ``Dash(compress=True)``, configured here
rather than through that flag, which pins gzip): it negotiates Accept-Encoding, sets Vary, and
skips small, streamed-unsafe and already-compressed bodies. Brotli first, gzip for clients
without it. Pages and callback answers differ per request: they are compressed as they go out,
at brotli quality 5 (a tenth smaller than flask-compress's default 4, for a fraction of a
millisecond more per 100 kB).

Static files (assets, Dash's component suites) are the same bytes for every reader: they are
compressed once, at install time (``negotiation-timeline precompress``, run by ``make``), at
brotli's highest quality and gzip's, into ``PRECOMPRESSED`` as ``<digest of the file>.br`` and
``.gz`` (plotly.js: 306 kB instead of 341 kB at quality 5). A request for a static file is
answered with the stored body for its bytes; a file without one (changed since, in development)
is compressed as it goes out, like a page. Nothing is compressed in the background.

Assets carry their modification time (``/assets/x.js?m=…``) and Dash's component suites a
version in the file name (Dash already gives those a year): fingerprinted URLs are cached for
a year, immutable. Everything else keeps the default.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path

import brotli
from dash import Dash
from flask import Flask, request
from flask_compress import Compress

from dashboard.urls import EXPLORE, PRESENT
from dashboard.web.guards import SUITES, UNSERVED

YEAR = 365 * 24 * 3600  # seconds
DYNAMIC_BR_LEVEL, STATIC_BR_LEVEL = 5, 11
STATIC = ("/assets/", SUITES, "/_favicon.ico")  # path prefixes of static files
PRECOMPRESSED = Path(os.environ.get("NEGOTIATION_TIMELINE_PRECOMPRESSED",
                                    Path(__file__).resolve().parents[2] / "build" / "precompressed"))
ENCODINGS = {"br": lambda raw: brotli.compress(raw, quality=STATIC_BR_LEVEL),
             "gzip": lambda raw: gzip.compress(raw, compresslevel=9, mtime=0)}
PAGES = (EXPLORE, PRESENT)  # the Dash pages: loading them registers every bundle Dash serves


def stored_name(raw: bytes, encoding: str) -> str:
    return f"{hashlib.blake2b(raw, digest_size=16).hexdigest()}.{encoding}"


def precompress(app: Dash, folder: Path = PRECOMPRESSED, urls: list[str] | None = None) -> int:
    """Store each static file the pages may load (or each of ``urls``), compressed each way;
    return how many bodies were written (those already stored are skipped: running it again
    is cheap)."""
    client, written = app.server.test_client(), 0
    for page in PAGES:
        client.get(page)  # Dash registers the component-suite files as it writes the pages
    folder.mkdir(parents=True, exist_ok=True)
    for url in static_urls(app) if urls is None else urls:
        response = client.get(url)
        if response.status_code != 200 or response.headers.get("Content-Encoding"):
            continue
        raw = response.get_data()
        for encoding, compress in ENCODINGS.items():
            target = folder / stored_name(raw, encoding)
            if not target.exists():
                partial = target.with_suffix(f".{os.getpid()}.part")
                partial.write_bytes(compress(raw))
                partial.replace(target)  # atomic: a worker never reads half a body
                written += 1
    return written


def static_urls(app: Dash) -> list[str]:
    """The URLs of the assets and of every component-suite file Dash serves (no source maps)."""
    assets = Path(app.config.assets_folder)
    urls = [f"/assets/{path.relative_to(assets).as_posix()}" for path in sorted(assets.rglob("*")) if path.is_file()]
    urls += [f"{SUITES}{package}/{path}" for package, paths in sorted(app.registered_paths.items())
             for path in sorted(paths) if not path.endswith(".map")]
    return [url for url in urls if not url.startswith(UNSERVED)]


def install(server: Flask) -> None:
    server.config.update(COMPRESS_ALGORITHM=["br", "gzip"], COMPRESS_ALGORITHM_STREAMING=["br", "deflate"],
                         COMPRESS_BR_LEVEL=DYNAMIC_BR_LEVEL, PRECOMPRESSED=PRECOMPRESSED)
    Compress(server)

    @server.after_request  # registered after flask-compress's hook, so it runs before it
    def serve_precompressed(response):
        if (request.method in ("GET", "HEAD") and response.status_code == 200
                and request.path.startswith(STATIC) and "Content-Encoding" not in response.headers):
            encoding = request.accept_encodings.best_match(list(ENCODINGS))
            if encoding is None:
                return response
            response.direct_passthrough = False  # send_file's file wrapper: read it
            try:
                body = (server.config["PRECOMPRESSED"] / stored_name(response.get_data(), encoding)).read_bytes()
            except OSError:
                return response  # not stored: flask-compress compresses it as usual
            response.set_data(body)
            response.headers["Content-Encoding"] = encoding
            response.vary.add("Accept-Encoding")
            etag, weak = response.get_etag()
            if etag and not weak:
                response.set_etag(f"{etag}:{encoding}")  # what flask-compress does: one tag per encoding
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
