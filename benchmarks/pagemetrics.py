"""What a reader's browser pays for a page: bytes and requests over the wire, the time to its
first picture (first contentful paint: the static embed's inline SVG where it has one) and to
its first interactive chart.

Measured in Debian's headless Chromium (tests.harness.chromium) through the DevTools
protocol: every request the page makes until the network is idle, its decoded body size (raw)
and its encoded size on the wire (transferred: compressed body plus headers). Each load uses a
fresh browser context, so nothing comes from the cache.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import brotli
import plotly

BUNDLE = "**/assets/plotly-timeline.min.js*"
FULL_BUNDLE = "**/_dash-component-suites/plotly/**"  # Dash's full plotly.js, which the app never serves
CHART = ".js-plotly-plot .scatterlayer .trace"
# Runs before the page's scripts (injected by DevTools, so the CSP does not apply to it):
# note when the first trace is in the DOM, in ms since navigation start.
PAINT_PROBE = """
new MutationObserver((_, observer) => {
  if (document.querySelector('%s')) {
    requestAnimationFrame(() => { window.__chartPainted = performance.now(); });
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
""" % CHART


@dataclass
class PageLoad:
    raw: int = 0           # decoded bytes of every response
    transferred: int = 0   # bytes on the wire, headers included
    painted_ms: float = 0  # navigation start -> first chart trace drawn by plotly.js (interactive)
    first_paint_ms: float = 0  # navigation start -> first contentful paint (a picture, or text)
    urls: list[str] = field(default_factory=list)
    posts: int = 0         # POST requests (none can come from a CDN's cache)
    full_plotly: bool = False  # the page was handed plotly.py's full plotly.js
    csp_violations: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def full_plotly() -> tuple[bytes, int]:
    """plotly.py's full plotly.min.js and its size in brotli at the pages' quality, 5, as the app
    sent it when it still served the file (too large to precompress at 11 in seconds)."""
    raw = (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_bytes()
    return raw, len(brotli.compress(raw, quality=5))


def load(browser, url: str, default_plotly: bool = False) -> PageLoad:
    """Load ``url`` once; with ``default_plotly`` the page gets plotly.py's full plotly.min.js
    instead of our bundle (a Dash page: our bundle answered empty, so dcc.Graph fetches the full
    one; the static embed: the full one where it loads ours). The app does not serve that file:
    the browser is handed it here, counted at its brotli size."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    result, sizes = PageLoad(), {}
    page.on("console", lambda m: "Content Security Policy" in m.text and result.csp_violations.append(m.text))
    if default_plotly:
        full_plotly()  # made before the page loads, never inside the route handler
        dash_page = "/embed" not in url
        page.route(BUNDLE, lambda route: route.fulfill(body="" if dash_page else full_plotly()[0],
                                                       content_type="text/javascript"))
        page.route(FULL_BUNDLE, lambda route: route.fulfill(body=full_plotly()[0], content_type="text/javascript"))
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    page.on("request", lambda r: setattr(result, "posts", result.posts + (r.method == "POST")))
    cdp.on("Network.responseReceived", lambda e: sizes.setdefault(e["requestId"], [e["response"]["url"], 0, 0]))
    cdp.on("Network.dataReceived", lambda e: _add(sizes, e["requestId"], 1, e["dataLength"]))
    cdp.on("Network.loadingFinished", lambda e: _add(sizes, e["requestId"], 2, e["encodedDataLength"]))
    page.add_init_script(PAINT_PROBE)
    try:
        page.goto(url, wait_until="networkidle", timeout=60000)
        page.locator(CHART).first.wait_for(timeout=60000)
        page.wait_for_timeout(300)  # let the requestAnimationFrame fire and late requests finish
        result.painted_ms = page.evaluate("window.__chartPainted || performance.now()")
        result.first_paint_ms = page.evaluate(
            "(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: 0}).startTime")
    finally:
        context.close()
    for request_url, raw, transferred in sizes.values():
        if default_plotly and "plotly-timeline.min.js" in request_url and dash_page:
            continue  # fulfilled by the browser, never on the wire
        if default_plotly and ("/_dash-component-suites/plotly/" in request_url
                               or "plotly-timeline.min.js" in request_url):
            raw, transferred = len(full_plotly()[0]), full_plotly()[1]
            result.full_plotly = True
        result.urls.append(request_url)
        result.raw += raw
        result.transferred += transferred
    return result


def _add(sizes: dict, request_id: str, slot: int, amount: int) -> None:
    if request_id in sizes:
        sizes[request_id][slot] += amount
