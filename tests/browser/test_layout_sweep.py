"""Every figure legible at every size (DESIGN.md §3), measured in real Chromium on the shipped data.

At each width of ``WIDTHS`` on every tab of ``/`` and ``/embed`` (the tab registry's), and on
every slide of the shipped decks at the projector sizes of ``SCREENS``, the sweep collects the
box of every visible line of SVG text inside each Plotly figure (each ``tspan.line``, else the
``text``; the hover layer skipped) and reports: two boxes overlapping by more than 15% of the
smaller; a box reaching outside the figure's box; the toolbar (shown on hover or a tap) over
text; a font under 10 px (18 px on slides); a legend over a quarter of the figure's area; a
page that scrolls sideways. Each failure is printed.

One browser, a page per address loaded once and resized through its sizes (so the figure
box's ResizeObserver redraws it at each form boundary, as a reader's turned phone or resized
window does), the pages driven at once (Playwright's async API on a thread of its own): the
sweep of some 200 cases stays well under two minutes.
"""

from __future__ import annotations

import asyncio
import shutil
import threading
import time

import pytest

from dashboard.config import DEFAULT_DATA_DIR
from dashboard.data.dataset import load_dataset
from dashboard.tabs import all_tabs
from tests.harness import CHROMIUM_ARGS, served

WIDTHS = (320, 360, 400, 480, 560, 640, 720, 800, 900, 1024, 1280, 1366, 1600, 1920)
SCREENS = ((1280, 720), (1366, 768), (1920, 1080), (1024, 768))
# Pages at once: on 2 cores more only share the same CPU (12 made a page's load take over 20 s).
PAGES_AT_ONCE = 6
LOAD_MS = 60_000  # a page's load and first figure or table, at most (speed is measured in benchmarks/)
OVERLAP, LEGEND_SHARE = 0.15, 0.25
SETTLE_S, SETTLED_TIMEOUT_S = 0.35, 10  # the observer's debounce and more; at most, per size
# Settled: no Dash callback pending, every figure laid out at its box's width, and a slide's
# figure built for its area as it now is (within the 16 px present.js lets pass).
SETTLED = """() => !document.querySelector('[data-dash-is-loading]')
  && Array.from(document.querySelectorAll('.js-plotly-plot')).every(
       (gd) => !gd._fullLayout || !gd.clientWidth || Math.abs(gd._fullLayout.width - gd.clientWidth) < 2)
  && Array.from(document.querySelectorAll('.slide-figure')).every((area) => {
       const [w, h] = (area.getAttribute('data-drawn') || '0x0').split('x').map(Number);
       const box = area.getBoundingClientRect();
       return Math.abs(w - box.width) < 17 && (!h || Math.abs(h - box.height) < 17); })"""

MEASURE = """([minFont, overlap, legendShare]) => {
  const out = [];
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth + 1) {
    out.push(`the page scrolls sideways (${page.scrollWidth} px in ${page.clientWidth} px)`);
  }
  const shown = (node, root) => {
    for (let e = node; e && e !== root; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) { return false; }
    }
    return true;
  };
  const area = (r) => Math.max(0, r.width) * Math.max(0, r.height);
  const meet = (a, b) => area({width: Math.min(a.right, b.right) - Math.max(a.left, b.left),
                               height: Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)});
  document.querySelectorAll('.js-plotly-plot').forEach((gd, figureIndex) => {
    const figure = gd.getBoundingClientRect();
    if (!figure.width || !figure.height || !shown(gd, null)) { return; }
    const where = `figure ${figureIndex + 1}`;
    const boxes = [];
    gd.querySelectorAll('svg text').forEach((text) => {
      if (text.closest('.hoverlayer') || !shown(text, gd)) { return; }
      const font = parseFloat(getComputedStyle(text).fontSize);
      const lines = text.querySelectorAll('tspan.line');
      (lines.length ? Array.from(lines) : [text]).forEach((line) => {
        const words = line.textContent.trim();
        const box = line.getBoundingClientRect();
        if (!words || !box.width || !box.height) { return; }
        boxes.push({words, box, font});
      });
    });
    boxes.forEach(({words, box, font}) => {
      if (font < minFont) { out.push(`${where}: "${words}" is set in ${font} px (under ${minFont} px)`); }
      if (box.left < figure.left - 1 || box.right > figure.right + 1 || box.top < figure.top - 1
          || box.bottom > figure.bottom + 1) {
        out.push(`${where}: "${words}" reaches outside the figure`);
      }
    });
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const shared = meet(boxes[i].box, boxes[j].box);
        if (shared > overlap * Math.min(area(boxes[i].box), area(boxes[j].box))) {
          out.push(`${where}: "${boxes[i].words}" overlaps "${boxes[j].words}"`);
        }
      }
    }
    const toolbar = gd.querySelector('.modebar');
    if (toolbar && getComputedStyle(toolbar).display !== 'none') {  // shown on hover or a tap
      const bar = toolbar.getBoundingClientRect();
      boxes.filter(({box}) => meet(box, bar) > 0).forEach(({words}) => {
        out.push(`${where}: the toolbar covers "${words}"`);
      });
    }
    const legend = gd.querySelector('.legend .bg');
    if (legend && shown(legend, gd) && area(legend.getBoundingClientRect()) > legendShare * area(figure)) {
      out.push(`${where}: the legend takes ${Math.round(100 * area(legend.getBoundingClientRect()) / area(figure))}% of the figure`);
    }
  });
  return out;
}"""


def _dataset():
    return load_dataset(DEFAULT_DATA_DIR, tuple(t.value for t in all_tabs()))


def _jobs(cases) -> list[tuple[str, list[tuple[str, dict, bool]]]]:
    """The cases grouped by address: (path, [(case id, viewport, is a slide), …])."""
    jobs: dict[str, list] = {}
    for name, path, viewport, slide in cases:
        jobs.setdefault(path, []).append((name, viewport, slide))
    return sorted(jobs.items(), key=lambda job: -len(job[1]))


def _cases() -> list[tuple[str, str, dict, bool]]:
    """(case id, path, viewport, is a slide)."""
    cases = []
    for width in WIDTHS:
        for path in ("/", "/embed"):
            for tab in all_tabs():
                query = "" if tab.value == all_tabs()[0].value else f"?tab={tab.value}"
                cases.append((f"{path}{query}@{width}", path + query, {"width": width, "height": 900}, False))
    slides = _dataset().slides
    for width, height in SCREENS:
        for deck, number in zip(slides["deck_id"], slides["slide"]):
            cases.append((f"{deck}/{number}@{width}x{height}", f"/present?deck={deck}&slide={number}",
                          {"width": width, "height": height}, True))
    return cases


CASES = _cases()
# The other languages' longer (or shorter) labels, on every tab of / at a phone's and a wide
# page's width, and on a slide: a few cases per language, so the sweep stays quick.
LANGUAGE_WIDTHS = {"uk": (360, 1366), "ru": (640, 1920), "tr": (390, 1280)}
LANGUAGE_SLIDES = (1280, 720), ("istanbul-2022-2025", (3, 8, 10), "us-track-2025-2026", (5, 7))
LANGUAGE_CASES = [
    (f"{page}?{query}@{width}", f"{page}?{query}", {"width": width, "height": 900}, False)
    for lang, widths in LANGUAGE_WIDTHS.items() for width in widths for tab in all_tabs()
    for page in ("/", "/embed")[:2 if width == widths[0] else 1]  # the embed at each language's first width
    for query in ["&".join(filter(None, [f"tab={tab.value}" if tab != all_tabs()[0] else "", f"lang={lang}"]))]
] + [
    (f"{deck}/{number}?lang={lang}@{LANGUAGE_SLIDES[0][0]}x{LANGUAGE_SLIDES[0][1]}",
     f"/present?deck={deck}&slide={number}&lang={lang}",
     {"width": LANGUAGE_SLIDES[0][0], "height": LANGUAGE_SLIDES[0][1]}, True)
    for lang in LANGUAGE_WIDTHS for deck, numbers in zip(*[iter(LANGUAGE_SLIDES[1])] * 2) for number in numbers
]


async def _sweep(base: str, cases) -> dict[str, list[str]]:
    from playwright.async_api import async_playwright

    results: dict[str, list[str]] = {}
    queue: asyncio.Queue = asyncio.Queue()
    for job in _jobs(cases):
        queue.put_nowait(job)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)

        async def settled(page) -> None:
            await asyncio.sleep(SETTLE_S)
            deadline = time.monotonic() + SETTLED_TIMEOUT_S
            while not await page.evaluate(SETTLED) and time.monotonic() < deadline:
                await asyncio.sleep(0.1)

        async def worker() -> None:
            page = await browser.new_page()
            page.set_default_timeout(LOAD_MS)
            while not queue.empty():
                path, sizes = queue.get_nowait()
                for index, (name, viewport, slide) in enumerate(sizes):
                    await page.set_viewport_size(viewport)
                    if index == 0:
                        await page.goto(base + path)
                        try:
                            await page.wait_for_selector(
                                ".js-plotly-plot .main-svg, .events-table, .positions-table", state="attached")
                        except Exception as exc:  # say which page, for the report
                            raise RuntimeError(f"{path} at {viewport}: {exc}") from exc
                    await settled(page)
                    results[name] = await page.evaluate(MEASURE, [18 if slide else 10, OVERLAP, LEGEND_SHARE])
            await page.close()

        await asyncio.gather(*(worker() for _ in range(PAGES_AT_ONCE)))
        await browser.close()
    return results


def _measured(cases) -> dict:
    """Every case's failures, measured once on the app serving the shipped data."""
    results: dict = {}

    def run() -> None:
        with served(DEFAULT_DATA_DIR) as base:
            try:
                results.update(asyncio.run(_sweep(base, cases)))
            except Exception as exc:  # reported by every case below
                results["error"] = repr(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=600)
    assert "error" not in results, results.get("error")
    return results


@pytest.fixture(scope="module")
def sweep():
    return _measured(CASES)


@pytest.fixture(scope="module")
def language_sweep():
    return _measured(LANGUAGE_CASES)


def _no_failures(failures: list[str], name: str) -> None:
    for failure in failures:
        print(f"{name}: {failure}")
    assert failures == [], f"{name}: {len(failures)} failure(s), first: {failures[:3]}"


@pytest.mark.parametrize("name", [name for name, _, _, _ in CASES])
def test_text_never_collides_is_never_cut_off_and_stays_legible(sweep, name):
    _no_failures(sweep[name], name)


@pytest.mark.parametrize("name", [name for name, _, _, _ in LANGUAGE_CASES])
def test_text_holds_in_the_other_languages(language_sweep, name):
    _no_failures(language_sweep[name], name)
