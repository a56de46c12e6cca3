"""Each figure's form (DESIGN.md §3): phone, column, wide. On a phone or in a column time keeps
the width, names move inside the plot, the title and credit wrap to the width; the browser and
the figures draw the forms' lines at the same widths."""

from __future__ import annotations

import re
from datetime import datetime
from html import unescape

import pytest

import plotly.graph_objects as go
from dashboard.data.dataset import load_dataset
from dashboard.figures.size import PHONE_BELOW, WIDE_ABOVE, Size
from dashboard.tabs import build_figure
from dashboard.figures.assembly import TOOLBAR_PX
from dashboard.figures.compare import LABEL_CHARS as COMPARE_CHARS
from dashboard.figures.text import chars_in, text_px
from dashboard.figures.schedule import schedule_figure
from dashboard.figures.theme import get_theme
from dashboard.figures.timeline import timeline_figure
from dashboard.state import ViewState

from ..conftest import ROOT, edit_cell, make_package

LIGHT = get_theme("light")


@pytest.mark.parametrize("tab", ["timeline"])  # the talks day and comparison: below
@pytest.mark.parametrize("width", [320, 390, PHONE_BELOW, 640])
def test_phone_and_column_figures_wrap_the_title_and_the_credit_to_their_width(fixture_dataset, tab, width):
    wide = go.Figure(build_figure(fixture_dataset, ViewState(tab=tab)))
    small = go.Figure(build_figure(fixture_dataset, ViewState(tab=tab), size=Size(width)))
    assert "<br>" not in wide.layout.title.text and "<br>" in small.layout.title.subtitle.text
    assert "<br>" in small.layout.title.text or width > 320
    for text, font in ((small.layout.title.text, small.layout.title.font.size),
                       (small.layout.title.subtitle.text, small.layout.title.subtitle.font.size)):
        assert max(len(unescape(line)) for line in text.split("<br>")) <= chars_in(width - 30, font)
    assert small.layout.title.pad.t >= TOOLBAR_PX  # the toolbar's band above the title


@pytest.mark.parametrize("width", [390, 640])
def test_phone_and_column_timelines_name_lanes_inside_the_plot_with_fewer_ticks(fixture_dataset, width):
    wide = go.Figure(timeline_figure(fixture_dataset, ViewState(), LIGHT, Size(1920)))
    small = go.Figure(timeline_figure(fixture_dataset, ViewState(), LIGHT, Size(width)))
    assert wide.layout.yaxis.ticklabelposition is None
    assert small.layout.yaxis.ticklabelposition == "inside top"
    assert [t.removesuffix("<br> ") for t in small.layout.yaxis.ticktext] == [
        "Testport round", "Testport round one", "Testport round two", "Context (outside the rounds)"]
    assert list(small.layout.yaxis.tickvals) == list(wide.layout.yaxis.categoryarray)
    assert 0 < len(small.layout.xaxis.tickvals) < len(wide.layout.xaxis.tickvals)
    bands = [a for a in small.layout.annotations if a.text.startswith("Talks ")]
    dates = [a for a in small.layout.annotations if a.x in small.layout.xaxis.tickvals and a.yref == "y domain"]
    assert bands and dates  # the dates over the lanes, the band labels in their own row above them
    assert min(b.yshift for b in bands) > max(d.yshift for d in dates)
    assert len(small.layout.shapes) == len(wide.layout.shapes)
    assert any("Share of Ukraine under Russian control (%)" in a.text for a in small.layout.annotations)


def test_a_long_lane_name_is_shortened_to_one_line(tmp_path):
    package = make_package(tmp_path / "long")
    edit_cell(package, "rounds.csv", "r-alpha", "title", "Testport round of the long name <b>with</b> many more words")
    narrow = go.Figure(timeline_figure(load_dataset(package), ViewState(), LIGHT, Size(320)))
    name = narrow.layout.yaxis.ticktext[0].removesuffix("<br> ")
    assert name == "Testport round of the long name …"  # cut at a word to the phone's width
    assert len(unescape(name)) <= chars_in(320 - 70, 11)
    wide = go.Figure(timeline_figure(load_dataset(package), ViewState(), LIGHT, Size(1200)))
    assert wide.layout.yaxis.ticktext[0] == "Testport round of the long name …"
    hovers = [h for t in wide.data if t.type == "scatter" and t.hovertext for h in t.hovertext]
    assert any(h.endswith("many more words") for h in hovers)  # the full name in the events' hover


@pytest.mark.parametrize("tab", ["schedule", "compare"])
@pytest.mark.parametrize("width", [320, 390, 480, 640])
def test_phone_and_column_wrap_the_title_and_credit_and_put_a_compact_key_under_the_plot(fixture_dataset, tab, width):
    wide = go.Figure(build_figure(fixture_dataset, ViewState(tab=tab)))
    narrow = go.Figure(build_figure(fixture_dataset, ViewState(tab=tab), size=Size(width)))
    assert "<br>" not in wide.layout.title.text and "<br>" in narrow.layout.title.text
    assert "<br>" in narrow.layout.title.subtitle.text  # the credit line wraps too
    room = (480 if width >= 480 else 320) - 20  # the form's narrowest width, less the padding
    title = narrow.layout.title
    for text, font in ((title.text, title.font.size), (title.subtitle.text, title.subtitle.font.size)):
        assert max(text_px(line, font) for line in text.split("<br>")) <= room
    for figure in (wide, narrow):
        legend = figure.layout.legend
        assert (legend.orientation, legend.yref, legend.y, legend.yanchor) == ("h", "container", 0, "bottom")
        assert figure.layout.margin.b > 20  # room for the key under the plot


@pytest.mark.parametrize("width", [390, 640])
def test_narrow_schedule_names_each_row_above_its_marks_with_its_delay(fixture_dataset, width):
    view = ViewState(tab="schedule", day="2025-05-16")
    wide = go.Figure(schedule_figure(fixture_dataset, view, LIGHT))
    narrow = go.Figure(schedule_figure(fixture_dataset, view, LIGHT, Size(width)))
    assert wide.layout.yaxis.showticklabels is True and narrow.layout.yaxis.showticklabels is False
    assert narrow.layout.margin.l < 40 < wide.layout.margin.l
    rows = {a.text.split("<br>")[0]: a for a in narrow.layout.annotations if a.xref == "paper" and a.yref != "paper"}
    assert set(rows) == {t.replace("<br>", " ") for t in wide.layout.yaxis.ticktext}
    delays = [a.text for a in wide.layout.annotations if "late" in a.text or "early" in a.text]
    assert delays and all(any(f"<i>{d}</i>" in a.text for a in rows.values()) for d in delays)
    bars = [t for t in narrow.data if t.type == "bar"]
    assert bars and all(0 < y % 1 < 0.5 for t in bars for y in t.y)  # in the lower half, under the name
    assert len(narrow.layout.xaxis.tickvals) < len(wide.layout.xaxis.tickvals)


@pytest.mark.parametrize("width", [320, 390, 480, 640, 901, 1366])
def test_hour_labels_are_horizontal_and_never_touch_at_the_narrowest_width_of_the_form(shipped_dataset, width):
    for day in shipped_dataset.derived.talks_days:
        figure = go.Figure(schedule_figure(shipped_dataset, ViewState(tab="schedule", day=day), LIGHT, Size(width)))
        least = {390: 320, 640: 480, 1366: 901}.get(width, width)
        plot_px = least - figure.layout.margin.l - figure.layout.margin.r
        x0, x1 = (datetime.fromisoformat(v) for v in figure.layout.xaxis.range)
        ticks = [datetime.fromisoformat(v) for v in figure.layout.xaxis.tickvals]
        assert len(ticks) >= 2, day
        step = (ticks[1] - ticks[0]) / (x1 - x0) * plot_px
        widest = max(text_px(t, 13) for t in (*figure.layout.xaxis.ticktext, *figure.layout.xaxis2.ticktext))
        assert step > widest + 8, (day, width)
        assert figure.layout.xaxis.tickangle == 0 and figure.layout.xaxis2.tickangle == 0


def test_narrow_compare_labels_fit_a_phone(fixture_dataset):
    narrow = go.Figure(build_figure(fixture_dataset, ViewState(tab="compare"), size=Size(390)))
    labels = [a.text for a in narrow.layout.annotations if a.showarrow]
    assert labels
    lines = [line.replace("<b>", "").replace("</b>", "") for text in labels for line in text.split("<br>")]
    assert max(map(len, lines)) <= COMPARE_CHARS["phone"]
    names = [a.text for a in narrow.layout.annotations if not a.showarrow]  # each track named above its row
    assert names == ["<b>Testport 2022</b> · 1 round", "<b>Testport 2025</b> · 2 rounds in 18 days"]
    assert list(narrow.layout.yaxis.ticktext) == []


def test_the_browser_and_the_figures_draw_the_forms_lines_at_the_same_widths():
    script = (ROOT / "assets" / "viewport.js").read_text(encoding="utf-8")
    assert re.search(r"var PHONE_BELOW = (\d+);", script).group(1) == str(PHONE_BELOW)
    assert re.search(r"var WIDE_ABOVE = (\d+);", script).group(1) == str(WIDE_ABOVE)


@pytest.mark.parametrize("width, form", [(320, "phone"), (479, "phone"), (480, "column"), (900, "column"),
                                         (901, "wide"), (1920, "wide")])
def test_a_width_picks_its_form_and_a_form_is_laid_out_at_its_narrowest(width, form):
    assert Size(width).form == form
    assert Size.of_form(form).form == form and Size.of_form(form).width <= width



def test_a_slide_is_its_measured_figure_area():
    """The slide page measures its figure area (635 px wide on a 1024×768 projector)."""
    assert Size(635, 568, slide=True).form == "slide" and Size(390, 600, slide=True).form == "phone"
    assert Size.of_form("slide") == Size(1191, 819, slide=True)
