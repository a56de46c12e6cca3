"""Security headers for every response, set in one small after-request hook.

A hook rather than flask-talisman: we need per-route framing (embeds are framed by news
sites, nothing else is) and Dash's inline-script hashes, and no HTTPS redirects (TLS ends at
the reverse proxy). The policy allows scripts only from this origin plus the hashed inline
scripts Dash writes (``Dash.csp_hashes()``); no 'unsafe-eval'. Styles need 'unsafe-inline'
because plotly.js and React set style attributes.
"""

from __future__ import annotations

from flask import Flask, request

from dashboard import urls

FRAMEABLE = (urls.EMBED, urls.OEMBED)
BASELINE = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin"}
# A page that may load nothing and be framed nowhere (the 503 page of a server without data).
LOCKED = {**BASELINE, "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
          "X-Frame-Options": "DENY"}


def policy(script_hashes: list[str], frame_ancestors: str) -> str:
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(["'self'", *script_hashes]),
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data: blob:",
        "font-src": "'self' data:",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": frame_ancestors,
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def install(server: Flask, frame_ancestors: str, script_hashes: list[str]) -> None:
    """Add the headers; call after every inline (clientside) callback is registered."""
    framed, same_origin = policy(script_hashes, frame_ancestors), policy(script_hashes, "'self'")

    @server.after_request
    def add_headers(response):
        headers = response.headers
        headers.update(BASELINE)
        if request.path in FRAMEABLE:
            headers["Content-Security-Policy"] = framed
        else:
            headers["Content-Security-Policy"] = same_origin
            headers["X-Frame-Options"] = "SAMEORIGIN"
        return response
