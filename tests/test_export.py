"""Exports of a view: CSV (as events.csv, plus clock columns), offline HTML, PNG and SVG."""

from __future__ import annotations

import io
import json
import re
import struct
import subprocess
import sys
from html.parser import HTMLParser
from xml.etree import ElementTree

import pandas as pd
import pytest

from dashboard.data.dataset import load_dataset
from dashboard.export import DIV_ID, events_csv, export_filename, figure_image, image_renderer, standalone_html
from dashboard.data.filters import filter_events
from dashboard.state import ViewState
from dashboard.data.times import format_span_in

from .conftest import DATA, edit_cell, make_package

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def schema_fields(resource: str) -> list[str]:
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    return next([f["name"] for f in r["schema"]["fields"]] for r in package["resources"] if r["name"] == resource)


def test_csv_has_the_columns_of_events_csv_plus_gmt_and_istanbul_times(fixture_dataset):
    frame = pd.read_csv(io.StringIO(events_csv(fixture_dataset, ViewState())), dtype=str, keep_default_na=False)
    assert list(frame.columns) == [*schema_fields("events"), "time_gmt", "time_istanbul", "scheduled_start_istanbul",
                                   "scheduled_end_istanbul", "start_istanbul", "end_istanbul",
                                   "source_publishers", "source_urls"]
    assert list(frame["id"]) == list(filter_events(fixture_dataset, ViewState())["id"])
    session = frame.set_index("id").loc["e-beta-session"]
    assert session["start"] == "2025-05-16T10:35:00+00:00"
    assert session["sides"] == "russia;ukraine;turkey" and session["approximate"] == "true"
    assert session["time_gmt"] == "16 May 2025, ≈10:35–12:20"
    assert session["time_istanbul"] == "16 May 2025, ≈13:35–15:20"
    assert (session["start_istanbul"], session["end_istanbul"]) == ("2025-05-16T13:35:00+03:00",
                                                                    "2025-05-16T15:20:00+03:00")
    assert session["source_publishers"] == "Example Courier (Wire);Example Herald"
    assert session["source_urls"] == "https://example.org/courier/meet-again;https://example.org/herald/second-account"
    day = frame.set_index("id").loc["e-alpha-statement"]  # a day is its local date, never 00:00
    assert (day["start"], day["time_gmt"], day["time_istanbul"]) == ("2022-03-30", "30 Mar 2022", "30 Mar 2022")
    assert (day["start_istanbul"], day["end_istanbul"]) == ("2022-03-30", "")
    planned = frame.set_index("id").loc["e-beta-trilateral"]
    assert planned["time_istanbul"] == "Scheduled 16 May 2025, 10:45"


def test_clock_columns_cross_midnight_on_their_own_clock():
    start, end = pd.Timestamp("2025-05-16T20:30:00+00:00"), pd.Timestamp("2025-05-16T22:00:00+00:00")
    assert format_span_in(start, end, "minute", "Europe/Istanbul") == "16 May 2025, 20:30–22:00"
    assert format_span_in(start, end, "minute", "Europe/Istanbul", clock="Europe/Istanbul") == \
        "16 May 2025, 23:30 – 17 May 2025, 01:00"


def test_csv_holds_only_the_events_the_view_shows(fixture_dataset):
    view = ViewState(sides=("turkey",))
    frame = pd.read_csv(io.StringIO(events_csv(fixture_dataset, view)))
    assert sorted(frame["id"]) == ["e-beta-session", "e-beta-trilateral"]


def test_csv_rows_load_back_as_the_same_events(tmp_path, fixture_dataset):
    """The schema columns are written exactly as events.csv holds them: the loader accepts
    the file in place of events.csv and reads the same events."""
    frame = pd.read_csv(io.StringIO(events_csv(fixture_dataset, ViewState())), dtype=str, keep_default_na=False)
    package = make_package(tmp_path / "again")
    frame[schema_fields("events")].to_csv(package / "events.csv", index=False)
    again = load_dataset(package)
    pd.testing.assert_frame_equal(again.events, fixture_dataset.events)


def test_export_filename_names_the_view():
    assert export_filename(ViewState()) == "negotiation-timeline"
    assert export_filename(ViewState(tab="schedule", sides=("turkey",))) == "negotiation-timeline-tab-schedule-side-turkey"
    assert re.fullmatch(r"[a-z0-9-]+", export_filename(ViewState(q="<script> ü ../x")))


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts, self.links, self.ids = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts.append(attrs.get("src"))
        if tag == "a":
            self.links.append(attrs.get("href"))
        if "id" in attrs:
            self.ids.append(attrs["id"])


def test_html_is_standalone_with_title_credit_and_sources(fixture_dataset):
    text = standalone_html(fixture_dataset, ViewState(tab="compare"))
    parsed = _Page()
    parsed.feed(text)
    assert all(src is None for src in parsed.scripts)  # every script is inline: no CDN, no network
    assert not re.search(r"<script[^>]+src=", text)
    assert DIV_ID in parsed.ids
    assert f"<title>{fixture_dataset.title}</title>" in text
    assert "Source: Example Herald, Example Courier (Wire), Example Gazette and 1 more · negotiation-timeline" in text
    assert sorted(parsed.links) == ["https://example.org/courier/meet-again", "https://example.org/gazette/talks-open",
                                    "https://example.org/herald/second-account", "https://example.org/monitor/map"]
    assert "Plotly.newPlot" in text and len(text) > 1_000_000  # plotly.js is inlined


def test_html_writes_data_text_as_text(fixture_dir):
    edit_cell(fixture_dir, "sources.csv", "src-gazette", "title", "<img src=x onerror=alert(1)>")
    text = standalone_html(load_dataset(fixture_dir), ViewState())
    assert "<img src=x" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text


def _export(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dashboard", "export", *args],
                          capture_output=True, text=True, timeout=180)


def test_html_export_is_byte_identical_across_runs(fixture_dir, tmp_path):
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    for out in (first, second):  # two processes: nothing may depend on a process's hash seed or clock
        run = _export("--data", str(fixture_dir), "--view", "/?side=turkey&event=e-beta-session",
                      "--format", "html", "--out", str(out))
        assert run.returncode == 0, run.stderr
    assert first.read_bytes() == second.read_bytes()


@pytest.fixture(scope="module")
def images(tmp_path_factory):
    """One PNG, one PNG at 2x and one SVG of the talks-day view at a requested size (kaleido +
    Chromium, one browser for the three)."""
    ds = load_dataset(make_package(tmp_path_factory.mktemp("img")))
    view = ViewState(tab="schedule")
    with image_renderer():
        images = {fmt: figure_image(ds, view, fmt, width=640, height=420) for fmt in ("png", "svg")}
        images["png 2x"] = figure_image(ds, view, "png", width=640, height=420, scale=2)
    return images


def test_png_has_the_signature_and_the_requested_size(images):
    png = images["png"]
    assert png[:8] == PNG_SIGNATURE
    assert png[12:16] == b"IHDR"
    assert struct.unpack(">II", png[16:24]) == (640, 420)


def test_a_png_at_2x_has_twice_the_pixels_of_the_same_figure(images):
    png = images["png 2x"]
    assert png[:8] == PNG_SIGNATURE and struct.unpack(">II", png[16:24]) == (1280, 840)


def test_svg_parses_as_xml_with_the_requested_size(images):
    root = ElementTree.fromstring(images["svg"])
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert (root.get("width"), root.get("height")) == ("640", "420")
    assert "Testport round one session" in images["svg"].decode()


def test_an_image_as_narrow_as_a_phone_takes_the_phone_form(fixture_dataset):
    svg = figure_image(fixture_dataset, ViewState(), "svg", width=375).decode()
    root = ElementTree.fromstring(svg)
    assert root.get("width") == "375"
    title = re.search(r'<text class="gtitle".*?</text>', svg).group(0)
    assert title.count('class="line"') >= 2  # the title wrapped to the phone's width
    assert "Share of Ukraine under Russian control (%)</tspan>" in svg
