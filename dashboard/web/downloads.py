"""``/download/events.csv?<view query>``: the CSV of the events a view shows, as a file;
``/download/positions.csv?<view query>``: the positions its Positions tab shows.

The same query as the page; parameters it cannot use fall back to their defaults, as the
page does, so a download never fails on a bad link.
"""

from __future__ import annotations

from flask import Flask, Response, request

from dashboard.data.dataset import Dataset
from dashboard.data.positions import positions_csv, view_filters
from dashboard.export import events_csv, export_filename
from dashboard.state import ViewState
from dashboard.tabs import choices_for
from dashboard import urls



def register(server: Flask, ds: Dataset) -> None:
    @server.route(urls.EVENTS_CSV)
    def download_events_csv():
        view, _ = ViewState.from_query(request.query_string.decode("utf-8", "replace"), choices_for(ds))
        return Response(events_csv(ds, view), mimetype="text/csv", headers={
            "Content-Disposition": f'attachment; filename="{export_filename(view)}.csv"'})

    @server.route(urls.POSITIONS_CSV)
    def download_positions_csv():
        view, _ = ViewState.from_query(request.query_string.decode("utf-8", "replace"), choices_for(ds))
        return Response(positions_csv(ds, **view_filters(view)), mimetype="text/csv", headers={
            "Content-Disposition": f'attachment; filename="{export_filename(view)}-positions.csv"'})
