"""The narrow form of every figure (a phone, a narrow embed column): time keeps the width,
names move inside the plot, the title wraps and the legend lies under the plot."""

from __future__ import annotations

import re

import pytest

from dashboard.data.dataset import load_dataset
from dashboard.figures.assembly import NARROW_PX
from dashboard.figures.size import Size
from dashboard.tabs import build_figure
from dashboard.figures.assembly import legend_height
from dashboard.figures.compare import NARROW_LABEL_WIDTH as COMPARE_WIDTH
from dashboard.figures.schedule import schedule_figure
from dashboard.figures.theme import get_theme
from dashboard.figures.timeline import NARROW_LABEL_WIDTH, timeline_figure
from dashboard.state import ViewState

from ..conftest import ROOT, edit_cell, make_package

LIGHT = get_theme("light")
TABS = ("timeline", "schedule", "compare")


@pytest.mark.parametrize("tab", TABS)
def test_narrow_figures_wrap_the_title_and_put_the_legend_under_the_plot(fixture_dataset, tab):
    wide = build_figure(fixture_dataset, ViewState(tab=tab))
    narrow = build_figure(fixture_dataset, ViewState(tab=tab), size=Size(390))
    assert "<br>" not in wide.layout.title.text and "<br>" in narrow.layout.title.text
    assert "<br>" in narrow.layout.title.subtitle.text  # the credit line wraps too
    assert (narrow.layout.legend.orientation, narrow.layout.legend.yref, narrow.layout.legend.y) == ("v", "container", 0)
    assert wide.layout.legend.yref is None
    room = legend_height([t.to_plotly_json() for t in narrow.data], LIGHT)
    assert narrow.layout.margin.b >= room > 50  # the figure grew by its legend, under the plot


def test_narrow_timeline_names_lanes_inside_the_plot_with_fewer_ticks(fixture_dataset):
    wide = timeline_figure(fixture_dataset, ViewState(), LIGHT)
    narrow = timeline_figure(fixture_dataset, ViewState(), LIGHT, Size(390))
    assert wide.layout.yaxis.ticklabelposition is None
    assert narrow.layout.yaxis.ticklabelposition == "inside top"
    assert list(narrow.layout.yaxis.ticktext) == ["Testport round", "Testport round one", "Testport round two",
                                                  "Context (outside the rounds)"]
    assert list(narrow.layout.yaxis.tickvals) == list(wide.layout.yaxis.categoryarray)
    assert (wide.layout.xaxis.nticks, narrow.layout.xaxis.nticks) == (10, 4)
    labels = [a.text for a in narrow.layout.annotations]
    assert any(t.startswith("Talks ") for t in (a.text for a in wide.layout.annotations))
    assert not any(t.startswith("Talks ") for t in labels)  # era labels would collide; the shading stays
    assert len(narrow.layout.shapes) == len(wide.layout.shapes)
    assert "Share of Ukraine under Russian control (%)<br>times in GMT/UTC" in labels


def test_a_long_lane_name_is_shortened_to_one_line(tmp_path):
    package = make_package(tmp_path / "long")
    edit_cell(package, "rounds.csv", "r-alpha", "title", "Testport round of the long name <b>with</b> many more words")
    narrow = timeline_figure(load_dataset(package), ViewState(), LIGHT, Size(390))
    name = narrow.layout.yaxis.ticktext[0]
    assert name == "Testport round of the long name &lt;b&gt;with&lt;/b&gt; …"  # escaped, cut at a word
    assert len("Testport round of the long name <b>with</b> …") <= NARROW_LABEL_WIDTH


def test_narrow_schedule_names_each_row_above_its_marks_with_its_delay(fixture_dataset):
    view = ViewState(tab="schedule", day="2025-05-16")
    wide = schedule_figure(fixture_dataset, view, LIGHT)
    narrow = schedule_figure(fixture_dataset, view, LIGHT, Size(390))
    assert wide.layout.yaxis.showticklabels is None and narrow.layout.yaxis.showticklabels is False
    assert narrow.layout.margin.l == 10 < wide.layout.margin.l
    rows = {a.text.split("<br>")[0]: a for a in narrow.layout.annotations if a.xref == "x domain"}
    assert set(rows) == {t.replace("<br>", " ") for t in wide.layout.yaxis.ticktext}
    delays = [a.text for a in wide.layout.annotations if "late" in a.text or "early" in a.text]
    assert delays and all(any(f"<i>{d}</i>" in a.text for a in rows.values()) for d in delays)
    bars = [t for t in narrow.data if t.type == "bar"]
    assert bars and all(0 < y % 1 < 0.5 for t in bars for y in t.y)  # under the row's name
    assert (len(wide.layout.xaxis.tickvals), len(narrow.layout.xaxis.tickvals)) == (10, 6)  # every 1 h, every 2 h


def test_narrow_compare_labels_fit_a_phone(fixture_dataset):
    narrow = build_figure(fixture_dataset, ViewState(tab="compare"), size=Size(390))
    labels = [a.text for a in narrow.layout.annotations if a.showarrow]
    assert labels
    lines = [line.replace("<b>", "").replace("</b>", "") for text in labels for line in text.split("<br>")]
    assert max(map(len, lines)) <= COMPARE_WIDTH + 8


def test_the_browser_and_the_figures_draw_the_line_at_the_same_width():
    script = (ROOT / "assets" / "viewport.js").read_text(encoding="utf-8")
    assert re.search(r"var NARROW_BELOW = (\d+);", script).group(1) == str(NARROW_PX)
