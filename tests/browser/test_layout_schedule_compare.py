"""The talks-day and comparison figures read at every width, in real Chromium on the shipped data.

Over the width sweep, on the explore page and the embed, every visible line of SVG text in the
Plotly figure (each ``tspan.line``, else the ``text``; the hover layer skipped) is collected and
checked: no two lines overlap by more than 15% of the smaller, none reaches outside the
figure's box, none is set under 10 px, the legend takes at most a quarter of the figure, and
the page never scrolls sideways. Every failure is printed; there must be none.
(tests/browser/test_layout_sweep.py sweeps the timeline the same way.)
"""

from __future__ import annotations

import pytest

from tests.conftest import DATA
from tests.harness import served

WIDTHS = (320, 360, 400, 480, 560, 640, 720, 800, 900, 1024, 1280, 1366, 1600, 1920)
PATHS = ("/?tab=schedule", "/?tab=compare", "/embed?tab=schedule", "/embed?tab=compare",
         "/?tab=schedule&day=2025-12-02", "/embed?tab=schedule&day=2022-03-29")
OVERLAP, MIN_FONT, LEGEND_SHARE = 0.15, 10, 0.25

# The figure's box, its visible text lines and its legend's box, measured in the page.
MEASURE = """(graph) => {
  const plot = document.querySelector(graph + ' .js-plotly-plot');
  if (!plot) return null;
  const rect = (r) => ({x: r.left, y: r.top, w: r.width, h: r.height});
  const lines = [];
  for (const text of plot.querySelectorAll('svg text')) {
    if (text.closest('.hoverlayer') || !text.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const style = getComputedStyle(text);
    if (parseFloat(style.opacity) === 0 || parseFloat(style.fillOpacity) === 0) continue;
    const parts = text.querySelectorAll('tspan.line');
    for (const part of (parts.length ? parts : [text])) {
      const box = part.getBoundingClientRect();
      const content = part.textContent.trim();
      if (!content || box.width === 0 || box.height === 0) continue;
      lines.push({text: content, font: parseFloat(getComputedStyle(part).fontSize), ...rect(box)});
    }
  }
  const legend = plot.querySelector('.legend .bg');
  return {figure: rect(plot.querySelector('.main-svg').getBoundingClientRect()), lines,
          legend: legend ? rect(legend.getBoundingClientRect()) : null,
          sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth};
}"""


def overlap(a: dict, b: dict) -> float:
    """The area two boxes share, as a share of the smaller one."""
    w = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
    h = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
    return 0.0 if w <= 0 or h <= 0 else w * h / min(a["w"] * a["h"], b["w"] * b["h"])


def outside(box: dict, frame: dict, slack: float = 1.0) -> bool:
    return (box["x"] < frame["x"] - slack or box["y"] < frame["y"] - slack
            or box["x"] + box["w"] > frame["x"] + frame["w"] + slack
            or box["y"] + box["h"] > frame["y"] + frame["h"] + slack)


def problems(measured: dict) -> list[str]:
    """What a reader would see go wrong in one figure, one line each."""
    found, lines, frame = [], measured["lines"], measured["figure"]
    for i, a in enumerate(lines):
        if a["font"] < MIN_FONT:
            found.append(f"{a['font']:g} px font: {a['text']!r}")
        if outside(a, frame):
            found.append(f"outside the figure: {a['text']!r}")
        found += [f"overlap {overlap(a, b):.0%}: {a['text']!r} / {b['text']!r}"
                  for b in lines[i + 1:] if overlap(a, b) > OVERLAP]
    legend = measured["legend"]
    if legend and legend["w"] * legend["h"] > LEGEND_SHARE * frame["w"] * frame["h"]:
        found.append(f"legend takes {legend['w'] * legend['h'] / (frame['w'] * frame['h']):.0%} of the figure")
    if measured["sideways"]:
        found.append("the page scrolls sideways")
    return found


def test_overlap_measures_the_share_of_the_smaller_box():
    a, b = dict(x=0, y=0, w=10, h=10), dict(x=5, y=0, w=100, h=100)
    assert overlap(a, b) == 0.5 and overlap(a, dict(x=10, y=0, w=5, h=5)) == 0.0
    assert problems(dict(figure=dict(x=0, y=0, w=100, h=100), legend=dict(x=0, y=0, w=60, h=50),
                         sideways=False, lines=[dict(text="a", font=9, **a), dict(text="b", font=12, **b)])) == [
        "9 px font: 'a'", "overlap 50%: 'a' / 'b'", "outside the figure: 'b'", "legend takes 30% of the figure"]


@pytest.fixture(scope="module")
def shipped_url():
    with served(DATA) as base:
        yield base


def test_schedule_and_compare_read_at_every_width(browser, shipped_url):
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    failures = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for path in PATHS:
            graph = "#embed-graph" if path.startswith("/embed") else "#graph"
            page.goto(shipped_url + path)
            page.locator(f"{graph} .main-svg").first.wait_for()
            page.wait_for_load_state("networkidle")  # the figure's first autosize round trip is over
            measured = page.evaluate(MEASURE, graph)
            assert measured and measured["lines"], (width, path)
            failures += [f"{width:>4} px {path}: {p}" for p in problems(measured)]
    context.close()
    print("\n".join(failures))
    assert failures == []
