"""Shared caching for what a CDN may carry: the embed page, its JSON, its pictures and oEmbed.

Each of these answers is a pure function of the data version and the URL, so any cache may
keep it: ``Cache-Control: public`` with a short ``max-age`` (a data update reaches readers
within minutes) and a long ``stale-while-revalidate`` (a reader is never kept waiting while
the cache asks again), and a strong ``ETag`` from what the answer depends on. A request whose
``If-None-Match`` names the current tag gets 304 with no body. flask-compress tags a
compressed body ``"<tag>:br"`` and answers conditional requests for that form itself.
"""

from __future__ import annotations

import hashlib

from flask import Response, request

MAX_AGE = 300  # seconds a cache serves the answer without asking
STALE_WHILE_REVALIDATE = 86_400  # seconds it may serve a stale answer while it asks again


def entity_tag(*parts: object) -> str:
    """A strong tag for an answer that depends on exactly ``parts`` (data version, view, …)."""
    return hashlib.blake2b("\x1f".join(map(str, parts)).encode("utf-8"), digest_size=12).hexdigest()


def cacheable(response: Response, tag: str) -> Response:
    """``response`` marked public and tagged; a 304 if the request already holds ``tag``."""
    response.cache_control.public = True
    response.cache_control.max_age = MAX_AGE
    response.cache_control.stale_while_revalidate = STALE_WHILE_REVALIDATE
    response.set_etag(tag)
    return response.make_conditional(request)
