"""The request's language: its ``lang=``, else its ``Accept-Language``, else English.

The pages read their language from their query alone (``lang=``, a ViewState parameter);
``negotiated_query`` adds the browser's language to a query that names none, so the router,
the slide figure's callback, ``<html lang>`` and the error pages agree.
"""

from __future__ import annotations

from flask import has_request_context, request

from dashboard.i18n import DEFAULT, LANGS, query_lang


def request_lang() -> str:
    """The language of the request's ``Accept-Language`` among ours (werkzeug's negotiation:
    quality values and primary tags, so ``uk-UA`` is ``uk``); English without a match or a
    request."""
    if not has_request_context():
        return DEFAULT
    return request.accept_languages.best_match(LANGS, default=DEFAULT)


def negotiated_query(query: str) -> str:
    """``query`` as the pages read it: a query naming no language gets the request's
    (``lang=`` is added only when that is not English)."""
    query = (query or "").lstrip("?")
    if query_lang(query) is not None:
        return query
    lang = request_lang()
    return query if lang == DEFAULT else "&".join(filter(None, [query, f"lang={lang}"]))


def page_lang() -> str:
    """The language of the page this request asks for (its query, else Accept-Language)."""
    return query_lang(negotiated_query(request.query_string.decode("latin-1"))) or DEFAULT


def install(server) -> None:
    """A page whose query names no language is answered in the browser's: say so to caches
    (``Vary: Accept-Language``), so a shared cache never hands one reader another's language."""
    @server.after_request
    def vary_by_language(response):
        if response.mimetype == "text/html" and query_lang(request.query_string.decode("latin-1")) is None:
            response.vary.add("Accept-Language")
        return response
