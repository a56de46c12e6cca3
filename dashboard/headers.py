"""Response headers for every route, set in one after-request hook.

Framing: only the embed page and the oEmbed endpoint may be framed by other sites
(``Config.frame_ancestors``, default any); every other route is same-origin only.
"""

from __future__ import annotations

from flask import Flask, request

FRAMEABLE = ("/embed", "/oembed")


def install(server: Flask, frame_ancestors: str) -> None:
    @server.after_request
    def add_headers(response):
        headers = response.headers
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        if request.path in FRAMEABLE:
            headers["Content-Security-Policy"] = f"frame-ancestors {frame_ancestors}"
        else:
            headers["Content-Security-Policy"] = "frame-ancestors 'self'"
            headers["X-Frame-Options"] = "SAMEORIGIN"
        return response
