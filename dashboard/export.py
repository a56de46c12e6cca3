"""Files of one view: the CSV of its events, a standalone offline HTML page, PNG and SVG.

Each is built from exactly what the page shows: ``filter_events(ds, view)`` for the CSV and
``build_figure(ds, view)`` for the rest. The HTML is deterministic (fixed div id, no
timestamps, sources sorted), so exporting twice gives identical bytes.
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
import shutil
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import plotly.io as pio

from dashboard.data.credits import currency_text
from dashboard.data.fields import SOURCE_COLUMNS, source_cells, spreadsheet_safe, write_cell
from dashboard.views.citation import APP_NAME, cited_sources, credit_line
from dashboard.data.dataset import TIME_FIELDS, Dataset
from dashboard.figures.size import Size
from dashboard.data.positions import positions_csv, view_filters
from dashboard.tabs import build_figure, tab
from dashboard.figures.theme import get_theme
from dashboard.data.labels import when_text
from dashboard.i18n import translator
from dashboard.data.filters import filter_events
from dashboard.state import ViewState
from dashboard.data.times import DISPLAY_ZONE, iso_date

DIV_ID = "negotiation-timeline-figure"
# plotly.js with only our trace types (scripts/build_plotly_bundle.sh), inlined: 1.07 MB, not 4.8 MB
PLOTLY_BUNDLE = Path(__file__).resolve().parent.parent / "assets" / "plotly-timeline.min.js"
PLOTLY_LOCALES = PLOTLY_BUNDLE.with_name("plotly-locales.js")  # registered by the bundle as it loads
CLOCK_COLUMNS = {"time_gmt": "UTC", "time_istanbul": DISPLAY_ZONE}  # text columns added to the CSV
ISTANBUL_COLUMNS = {f"{name}_istanbul": name for name in TIME_FIELDS}  # ISO times in Istanbul time
IMAGE_WIDTH = 1200  # px, when no width is asked for; the height defaults to the figure's own
IMAGE_TIMEOUT = 60  # seconds for one image render
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")


class ExportError(Exception):
    """An export that could not be written; the message is one line for the reader."""


def export_filename(view: ViewState) -> str:
    """A file name (no extension) that says which view it holds, e.g.
    'negotiation-timeline-tab-schedule-side-turkey'."""
    slug = re.sub(r"[^a-z0-9]+", "-", view.to_query().lower()).strip("-")[:80].strip("-")
    return f"{APP_NAME}-{slug}" if slug else APP_NAME


def events_csv(ds: Dataset, view: ViewState) -> str:
    """The events the view shows, with the columns of events.csv (schema order, same cell
    format, so the rows load back), then their times as text in GMT and in Istanbul time, the
    four times as ISO 8601 in Istanbul time (``start_istanbul``: 2025-05-16T12:30:00+03:00; a
    day or month as its local date) and the cited sources' original publishers and URLs (in
    ``source_ids`` order, joined by its separator). A cell a spreadsheet would run as a formula
    is written as text (``spreadsheet_safe``)."""
    events = filter_events(ds, view)
    columns = ds.fields["events"]
    separator = ds.separators["events"]["source_ids"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*columns, *CLOCK_COLUMNS, *ISTANBUL_COLUMNS, *SOURCE_COLUMNS])
    clocks = [when_text(events, zone) for zone in CLOCK_COLUMNS.values()]
    for position, row in enumerate(events.itertuples(index=False)):
        record = row._asdict()
        cells = [_cell(record[name], name, record["precision"], record["local_tz"], ds.separators["events"])
                 for name in columns]
        istanbul = [_cell(record[name], name, record["precision"], record["local_tz"], {}, DISPLAY_ZONE)
                    for name in ISTANBUL_COLUMNS.values()]
        sources = source_cells(ds.sources, record["source_ids"], separator)
        writer.writerow([spreadsheet_safe(cell) for cell in
                         (*cells, *(texts[position] for texts in clocks), *istanbul, *sources)])
    return out.getvalue()


def view_csv(ds: Dataset, view: ViewState) -> str:
    """The CSV of what the view's tab shows: its positions on the Positions tab, else its events."""
    return positions_csv(ds, **view_filters(view)) if tab(view.tab).matrix else events_csv(ds, view)


def _cell(value, name: str, precision: str, zone: str, separators: dict, clock: str = "UTC") -> str:
    """One value written as events.csv holds it: times with seconds and offset on ``clock``
    (UTC, as stored), day and month values as the local date, anything else by ``write_cell``."""
    if name in TIME_FIELDS and not pd.isna(value):
        if precision in ("day", "month"):
            return iso_date(value, precision, zone)
        return value.tz_convert(clock).isoformat()
    return write_cell(value, separators.get(name))


def standalone_html(ds: Dataset, view: ViewState) -> str:
    """One HTML file that works offline: our plotly.js bundle inlined, the title, the credit
    and every cited source listed under the figure."""
    figure = build_figure(ds, view)
    theme = get_theme(view.theme)
    config = {"displaylogo": False, "responsive": True,
              "toImageButtonOptions": {"filename": export_filename(view)}}
    if view.lang != "en":  # plotly.js's own words and numbers in the view's language, as on the page
        config["locale"] = view.lang
    chart = pio.to_html(figure, include_plotlyjs=False, full_html=False, div_id=DIV_ID, config=config,
                        default_width="100%", default_height=f"{figure['layout']['height']}px", validate=False)
    locales = f'<script type="text/javascript">{PLOTLY_LOCALES.read_text(encoding="utf-8")}</script>\n' \
        if view.lang != "en" else ""
    chart = f'{locales}<script type="text/javascript">{PLOTLY_BUNDLE.read_text(encoding="utf-8")}</script>\n{chart}'
    sources = "\n".join(
        f'<li>{_e(s.publisher)}: <a href="{_e(s.url)}">{_e(s.title)}</a> ({_e(s.published)})</li>'
        for s in cited_sources(ds, view))
    _ = translator(view.lang).gettext
    return HTML_PAGE.format(
        title=_e(ds.title), credit=_e(f"{credit_line(ds, view)} · {currency_text(ds, view.lang)}"), chart=chart,
        sources=sources, lang=view.lang, sources_heading=_e(_("Sources")),
        meta=_("Exported view %(view)s · data version %(version)s · %(license)s. Times are in GMT/UTC; "
               "day-precision events are drawn as whole days.") % {
            "view": f"<code>{_e(view.url('/'))}</code>", "version": _e(ds.version), "license": _e(ds.license)},
        paper=theme.paper, text=theme.text, muted=theme.muted, accent=theme.kind_color("session"),
    )


def _e(text) -> str:
    return html.escape(str(text))


HTML_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ margin: 0; background: {paper}; color: {text};
       font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.45; }}
main {{ max-width: 1400px; margin: 0 auto; padding: 1rem; }}
h1 {{ font-size: 1.35rem; margin: 0 0 .5rem; }}
h2 {{ font-size: 1.05rem; margin: 1.25rem 0 .25rem; }}
a {{ color: {accent}; }}
.credit, .meta {{ color: {muted}; font-size: .9rem; }}
.sources li {{ overflow-wrap: anywhere; margin-bottom: .25rem; }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
{chart}
<p class="credit">{credit}</p>
<h2>{sources_heading}</h2>
<ol class="sources">
{sources}
</ol>
<p class="meta">{meta}</p>
</main>
</body>
</html>
"""


def _browser() -> str:
    browser = os.environ.get("BROWSER_PATH") or next(filter(None, map(shutil.which, BROWSERS)), None)
    if not browser:
        raise ExportError("no Chromium found to render images: install it (Debian: apt-get install "
                          "chromium) or set BROWSER_PATH")
    return browser


_shared_renderer = []  # the browser ``image_renderer`` holds open, while it does


@contextmanager
def image_renderer(timeout: float = IMAGE_TIMEOUT):
    """One browser for every ``figure_image`` inside the block: a first image takes about 5 s
    (the browser starts), each further one a fraction of a second (``publish`` renders many)."""
    import kaleido

    if _shared_renderer:
        yield
        return
    kaleido.start_sync_server(n=1, path=_browser(), mathjax=False, timeout=timeout, silence_warnings=True)
    _shared_renderer.append(True)
    try:
        yield
    finally:
        _shared_renderer.clear()
        kaleido.stop_sync_server(silence_warnings=True)


def figure_image(ds: Dataset, view: ViewState, fmt: str, width: int | None = None,
                 height: int | None = None, timeout: float = IMAGE_TIMEOUT, scale: int = 1) -> bytes:
    """PNG or SVG bytes of the view's figure, rendered by kaleido in the system's Chromium
    (no browser download, no MathJax from a CDN), laid out for the form of ``width`` (a phone,
    an article column or wide; dashboard/figures/size.py); ``scale`` 2 gives a PNG of twice the
    pixels (for high-density screens and print). Raises ExportError with a one-line reason."""
    import kaleido  # imported here: only image exports need it
    from kaleido.errors import ChromeNotFoundError

    browser = _browser()
    width = width or IMAGE_WIDTH
    figure = build_figure(ds, view, size=Size(width, height))
    for number, trace in enumerate(figure["data"]):  # plotly.js would name each a random id in an SVG
        trace["uid"] = f"trace-{number}"
    options = dict(format=fmt, width=width, height=height or figure["layout"]["height"], scale=scale)
    try:
        if _shared_renderer:
            return kaleido.calc_fig_sync(figure, opts=options)
        return kaleido.calc_fig_sync(figure, opts=options,
                                     kopts=dict(timeout=timeout, mathjax=False, path=browser))
    except ChromeNotFoundError:
        raise ExportError(f"no browser found at {browser}: install Chromium or set BROWSER_PATH") from None
    except TimeoutError:
        raise ExportError(f"rendering the {fmt} took longer than {timeout:g} s") from None
    except Exception as exc:  # kaleido and the browser fail in many ways; name it in one line
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise ExportError(f"rendering the {fmt} failed: {reason}") from None
