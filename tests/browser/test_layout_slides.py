"""The slide cases of the layout sweep (DESIGN.md §3), in real Chromium on the shipped decks.

Every slide of every shipped deck at the classroom sizes, 16:9 and a 4:3 projector, and on a
phone. One page per size steps through a deck with the → key (as a clicker does), so the app
loads once.

Two checks per projector size, each printing every failure (a phone: the page never scrolls
sideways, nothing is cut off at its edge):
- the slide (views/present, present.css): it fits the window and never scrolls; its figure
  fills the figure area and draws no title or credit line of its own; body text ≥ 28 px at
  1920×1080 and never under 18 px, the title larger; the text column is never empty and never
  overflows;
- the figure's text (the figure modules): every visible SVG text line box (each tspan.line,
  else the text; the hover layer skipped) overlaps no other by more than 15% of the smaller,
  stays inside the figure's box and clear of the toolbar, is at least 18 px; the legend takes
  at most a quarter of the figure.
"""

from __future__ import annotations

import pytest

from dashboard.config import DEFAULT_DATA_DIR
from dashboard.tabs import load
from dashboard.views.present.deck import get_deck
from tests.harness import served

SHIPPED = load(DEFAULT_DATA_DIR)
DECKS = {deck_id: get_deck(SHIPPED, deck_id) for deck_id in SHIPPED.decks.index}
SIZES = [(1280, 720), (1366, 768), (1920, 1080), (1024, 768)]
PHONE = (390, 844)  # a student's phone: the slide becomes a page that scrolls down, never sideways
OVERLAP, FIGURE_FONT_PX, LEGEND_SHARE = 0.15, 18, 0.25
BODY_FONT_PX, BODY_FONT_PX_1080 = 18, 28
FILL = 0.5  # the figure area's least share of the window's width and of its height

# One evaluation per slide: every measure the checks need (a function, so the CSP allows it).
MEASURE = """() => {
  const box = (e) => { const r = e.getBoundingClientRect();
                       return {x: r.x, y: r.y, w: r.width, h: r.height}; };
  const shown = (e) => { for (let n = e; n && n.nodeType === 1; n = n.parentNode) {
                           const s = getComputedStyle(n);
                           if (s.display === 'none' || s.visibility === 'hidden' || +s.opacity === 0) return false; }
                         return true; };
  const graph = document.querySelector('#present-graph');
  const svg = graph.querySelector('.main-svg');
  const texts = [];
  for (const t of graph.querySelectorAll('text')) {
    if (t.closest('.hoverlayer') || !shown(t)) continue;
    const lines = t.querySelectorAll('tspan.line');
    for (const line of (lines.length ? lines : [t])) {
      const b = box(line);
      if (!line.textContent.trim() || b.w < 0.5 || b.h < 0.5) continue;
      texts.push(Object.assign(b, {text: line.textContent.trim(),
                                   font: parseFloat(getComputedStyle(line).fontSize),
                                   title: !!line.closest('.g-gtitle')}));
    }
  }
  const legends = [...graph.querySelectorAll('.infolayer > g[class^="legend"] > rect.bg')].filter(shown).map(box);
  const toolbars = [...document.querySelectorAll('.modebar')].filter(shown).map(box);
  const doc = document.documentElement;
  const text = document.querySelector('.slide-text');
  const body = text.querySelector('p');
  return {figure: box(svg), area: box(document.querySelector('.slide-figure')), texts, legends, toolbars,
          window: {w: innerWidth, h: innerHeight},
          scroll: {x: doc.scrollWidth - doc.clientWidth, y: doc.scrollHeight - doc.clientHeight},
          controls: box(document.querySelector('.present-controls')),
          sources: box(document.querySelector('.slide > .slide-sources')),
          body: {chars: body.textContent.trim().length, font: parseFloat(getComputedStyle(body).fontSize),
                 overflow: text.scrollHeight - text.clientHeight},
          title: parseFloat(getComputedStyle(document.querySelector('.slide-title')).fontSize)};
}"""


@pytest.fixture(scope="module")
def shipped_url():
    with served(DEFAULT_DATA_DIR) as base:
        yield base


@pytest.fixture(scope="module")
def measured(browser, shipped_url):
    """Measures of every slide at a size, taken once per size: {(w, h): [(label, measure)]}."""
    taken: dict[tuple[int, int], list] = {}

    def at(size: tuple[int, int]) -> list:
        if size not in taken:
            taken[size] = _measure_decks(browser, shipped_url, size)
        return taken[size]

    return at


def _measure_decks(browser, base: str, size: tuple[int, int]) -> list:
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    page.set_default_timeout(30000)
    results = []
    for deck_id, deck in DECKS.items():
        page.goto(f"{base}/present?deck={deck_id}")
        for number in range(1, len(deck.slides) + 1):
            if number > 1:
                page.keyboard.press("ArrowRight")
            page.locator(f".present-deck[data-slide='{number}'] .slide-figure.drawn .main-svg").first.wait_for()
            page.locator(".slide-figure.drawn #present-graph .main-svg").first.evaluate(
                "e => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            results.append((f"{deck_id} slide {number} at {size[0]}×{size[1]}", page.evaluate(MEASURE)))
    context.close()
    return results


def _overlap(a: dict, b: dict) -> float:
    w = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
    h = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
    return max(0.0, w) * max(0.0, h) / min(a["w"] * a["h"], b["w"] * b["h"])


def _inside(inner: dict, outer: dict, slack: float = 1.0) -> bool:
    return (inner["x"] >= outer["x"] - slack and inner["y"] >= outer["y"] - slack
            and inner["x"] + inner["w"] <= outer["x"] + outer["w"] + slack
            and inner["y"] + inner["h"] <= outer["y"] + outer["h"] + slack)


def slide_failures(label: str, m: dict, size: tuple[int, int]) -> list[str]:
    problems = []
    if m["scroll"]["x"] > 0 or m["scroll"]["y"] > 0:
        problems.append(f"the page scrolls by {m['scroll']}")
    if m["controls"]["y"] + m["controls"]["h"] > m["window"]["h"] + 1:
        problems.append("the controls run below the window")
    area, figure = m["area"], m["figure"]
    if area["w"] < FILL * m["window"]["w"] or area["h"] < FILL * m["window"]["h"]:
        problems.append(f"the figure area is {area['w']:.0f}×{area['h']:.0f}, under half the window")
    if abs(figure["w"] - area["w"]) > 2 or abs(figure["h"] - area["h"]) > 2:
        problems.append(f"the figure ({figure['w']:.0f}×{figure['h']:.0f}) does not fill its area "
                        f"({area['w']:.0f}×{area['h']:.0f})")
    own = [t["text"] for t in m["texts"] if t["title"] or "data version" in t["text"]]
    if own:
        problems.append(f"the figure draws its own title or credit: {own}")
    body = m["body"]
    least = BODY_FONT_PX_1080 if size == (1920, 1080) else BODY_FONT_PX
    if body["font"] < least:
        problems.append(f"body text {body['font']:.1f} px, under {least} px")
    if m["title"] < 1.4 * body["font"]:
        problems.append(f"the title ({m['title']:.1f} px) is not larger than the body ({body['font']:.1f} px)")
    if body["chars"] == 0:
        problems.append("the text column is empty")
    if body["overflow"] > 1:
        problems.append(f"the text overflows its column by {body['overflow']} px")
    return [f"{label}: {p}" for p in problems]


def figure_failures(label: str, m: dict) -> list[str]:
    problems = []
    texts, figure = m["texts"], m["figure"]
    for i, a in enumerate(texts):
        if a["font"] < FIGURE_FONT_PX:
            problems.append(f"{a['text']!r} is {a['font']:g} px, under {FIGURE_FONT_PX} px")
        if not _inside(a, figure):
            problems.append(f"{a['text']!r} reaches outside the figure")
        for b in texts[i + 1:]:
            share = _overlap(a, b)
            if share > OVERLAP:
                problems.append(f"{a['text']!r} and {b['text']!r} overlap by {share:.0%}")
        if any(_overlap(a, bar) > 0 for bar in m["toolbars"]):
            problems.append(f"the toolbar covers {a['text']!r}")
    legend = sum(b["w"] * b["h"] for b in m["legends"])
    if legend > LEGEND_SHARE * figure["w"] * figure["h"]:
        problems.append(f"the legend takes {legend / (figure['w'] * figure['h']):.0%} of the figure")
    return [f"{label}: {p}" for p in problems]


def _report(failures: list[str]) -> None:
    for failure in failures:
        print(failure)
    assert not failures, f"{len(failures)} failures (printed above); first: {failures[0]}"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_slide_fits_its_window_with_a_figure_filling_its_area(measured, size):
    _report([f for label, m in measured(size) for f in slide_failures(label, m, size)])


def phone_failures(label: str, m: dict) -> list[str]:
    problems = []
    if m["scroll"]["x"] > 0:
        problems.append(f"the page scrolls sideways by {m['scroll']['x']} px")
    if m["figure"]["x"] < 0 or m["figure"]["x"] + m["figure"]["w"] > m["window"]["w"] + 1:
        problems.append(f"the figure ({m['figure']['w']:.0f} px wide) runs past the window")
    if m["body"]["chars"] == 0 or m["body"]["font"] < BODY_FONT_PX:
        problems.append(f"the text is empty or under {BODY_FONT_PX} px")
    wide = [t["text"] for t in m["texts"] if t["x"] < -1 or t["x"] + t["w"] > m["window"]["w"] + 1]
    if wide:
        problems.append(f"figure text cut off at the window's edge: {wide[:5]}")
    return [f"{label}: {p}" for p in problems]


def test_every_slide_on_a_phone_is_a_page_that_never_scrolls_sideways(measured):
    _report([f for label, m in measured(PHONE) for f in phone_failures(label, m)])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_slide_figure_has_legible_text_that_never_collides(measured, size):
    _report([f for label, m in measured(size) for f in figure_failures(label, m)])
