"""/embed inside a host page served from another origin (another loopback port), in Chromium:
the iframe follows its content's height, speaks pym.js, and opens events inside the iframe."""

from __future__ import annotations

import re
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

from .conftest import console_problems

MESSAGE = re.compile(r"^pymxPYMx(.+)xPYMxheightxPYMx(\d+)$")
HOST_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A news article</title><link rel="icon" href="data:,">
<script>window.received = []; window.addEventListener('message', e => window.received.push(e.data));</script>
</head><body style="margin: 0; font-family: serif">
<article><h1>An article about the talks</h1><p>Some text before the chart.</p>
{embed}
<p>Some text after the chart.</p></article>
<script src="{app}/assets/embed.js" async></script>
</body></html>"""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def host(tmp_path_factory, app_url):
    """A static 'news site' on its own port; ``host(name, embed_html)`` returns a page URL."""
    root = tmp_path_factory.mktemp("host")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def make(name: str, embed: str) -> str:
        (root / f"{name}.html").write_text(HOST_PAGE.format(app=app_url, embed=embed), encoding="utf-8")
        return f"http://127.0.0.1:{server.server_port}/{name}.html"

    yield make
    server.shutdown()


def iframe(src: str, height: int = 150) -> str:
    return f'<iframe id="chart" src="{src}" title="Chart" width="100%" height="{height}" style="width:100%;border:0"></iframe>'


def settled(page, selector: str = "iframe", timeout: float = 15) -> tuple[object, int]:
    """Wait until the iframe's height equals its document's content height; return (frame, px)."""
    deadline = time.monotonic() + timeout
    element = page.locator(selector)
    element.wait_for()
    while True:
        frame = element.element_handle().content_frame()
        outer = page.evaluate(f"document.querySelector('{selector}').getBoundingClientRect().height")
        inner = _content_height(frame)
        if inner > 200 and abs(outer - inner) < 1 and frame.locator(".embed-credit").count():
            time.sleep(0.3)  # still the same a moment later: settled
            if page.evaluate(f"document.querySelector('{selector}').getBoundingClientRect().height") == outer:
                return frame, int(outer)
        if time.monotonic() > deadline:
            raise AssertionError(f"iframe height {outer} never matched its content ({inner})")
        time.sleep(0.1)


def _content_height(frame) -> int:
    """The frame's content height, 0 while it has none: not there yet, or still navigating from
    about:blank to the embed (a lazy iframe loads when it nears the viewport)."""
    if frame is None:
        return 0
    try:
        return frame.evaluate("Math.ceil(document.body.getBoundingClientRect().height)")
    except PlaywrightError as exc:
        if "context was destroyed" not in str(exc):
            raise
        return 0


def no_inner_scrollbar(frame) -> bool:
    return frame.evaluate("document.documentElement.scrollHeight <= document.documentElement.clientHeight")


def test_iframe_height_follows_its_content_across_widths(page, host, app_url):
    article = host("table", iframe(f"{app_url}/embed?tab=table&side=turkey"))
    assert urlsplit(article).port != urlsplit(app_url).port  # the app is on another origin
    page.goto(article)
    frame, wide = settled(page)
    assert no_inner_scrollbar(frame)
    page.set_viewport_size({"width": 360, "height": 800})  # a phone: the table's text wraps
    frame, narrow = settled(page)
    assert narrow > wide + 50
    assert no_inner_scrollbar(frame)
    assert frame.locator(".events-table tbody tr").count() == 2
    assert console_problems(page) == []


def test_embed_speaks_pym_js_with_the_child_id_a_pym_parent_gives(page, host, app_url):
    src = f"{app_url}/embed?tab=schedule&initialWidth=700&childId=pym-chart&parentTitle=A&parentUrl=http%3A%2F%2Fx"
    page.goto(host("pym", iframe(src)))
    frame, height = settled(page)
    messages = [m for m in page.evaluate("window.received") if isinstance(m, str) and MESSAGE.match(m)]
    assert messages and all(MESSAGE.match(m).group(1) == "pym-chart" for m in messages)
    assert int(MESSAGE.match(messages[-1]).group(2)) == height
    assert frame.locator("#url-notes").is_hidden()  # pym's own parameters are not the view's


def test_event_link_opens_the_event_inside_the_iframe(page, host, app_url):
    page.goto(host("event", iframe(f"{app_url}/embed?event=e-beta-session")))
    frame, height = settled(page)
    assert frame.locator("#embed-detail h2").text_content() == "Testport round one session"
    assert "started ≈65 min late" in frame.locator("#embed-detail").text_content()
    assert frame.locator("#embed-back").get_attribute("href") == "/?event=e-beta-session"
    assert no_inner_scrollbar(frame)
    frame.locator("#embed-detail-close").click()
    frame.locator("#embed-detail").wait_for(state="hidden")
    _, closed = settled(page)
    assert closed < height  # the iframe shrinks with its content


def test_clicking_a_point_opens_its_detail_and_the_iframe_grows(page, host, app_url):
    page.goto(host("click", iframe(f"{app_url}/embed")))
    frame, before = settled(page)
    point = frame.locator("#embed-graph .subplot.xy .scatterlayer .trace .points path").first
    point.click(force=True)
    frame.locator("#embed-detail h2").wait_for()
    _, after = settled(page)
    assert after > before
    assert frame.locator("#embed-back").get_attribute("href").startswith("/?event=")


def test_script_embed_becomes_a_lazy_titled_iframe_that_resizes(page, host, app_url):
    box = (f'<div data-negotiation-timeline="{app_url}/embed?tab=compare" data-title="Talks compared" '
           f'data-height="300"><a href="{app_url}/?tab=compare">Talks compared</a></div>')
    page.goto(host("script", box))
    frame, height = settled(page, "div[data-negotiation-timeline] iframe")
    element = page.locator("div[data-negotiation-timeline] iframe")
    assert element.get_attribute("title") == "Talks compared"
    assert element.get_attribute("loading") == "lazy"
    assert height != 300 and no_inner_scrollbar(frame)
    assert console_problems(page) == []  # e.g. no message posted to a frame not loaded yet


def test_parent_script_ignores_height_messages_from_frames_of_other_origins(page, host, app_url):
    spoof = ("<iframe id=\"other\" height=\"100\" srcdoc=\"<script>setInterval(() => parent.postMessage("
             "'pymxPYMxotherxPYMxheightxPYMx777', '*'), 50)</script>\"></iframe>")
    page.goto(host("spoof", iframe(f"{app_url}/embed?tab=schedule") + spoof))
    settled(page, "#chart")
    other = page.locator("#other")
    assert (other.get_attribute("height"), other.get_attribute("style")) == ("100", None)
    assert "pymxPYMxotherxPYMxheightxPYMx777" in page.evaluate("window.received")  # it did send
