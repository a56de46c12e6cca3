"""Plain HTTP routes beside the Dash pages."""

from __future__ import annotations

from flask import Flask, jsonify

from dashboard import urls
from dashboard.data.dataset import Dataset


def register(server: Flask, ds: Dataset) -> None:
    @server.route(urls.HEALTH)
    def healthz():
        """200 with the data version: this process loaded and validated its data."""
        response = jsonify(status="ok", data_version=ds.version, events=len(ds.events))
        response.cache_control.no_store = True  # a probe must see this process, never a cached answer
        return response
