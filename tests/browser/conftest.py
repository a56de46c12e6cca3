"""Browser tests: the real app served on a free port, driven in Debian's headless Chromium."""

from __future__ import annotations

import pytest

from tests.harness import chromium, served

from ..conftest import make_package


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    with served(make_package(tmp_path_factory.mktemp("served"))) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    with chromium() as browser:
        yield browser


def watch_console(page) -> None:
    """Collect the page's console errors and uncaught exceptions into ``page.console_errors``
    and its console warnings into ``page.console_warnings`` (the page's iframes included).

    plotly.js logs its warnings ("WARN: Invalid color specifier…") with console.trace, not
    console.warn, so a "trace" message counts as a warning: nothing else on our pages traces."""
    page.console_errors, page.console_warnings = [], []

    def on_console(message) -> None:
        if message.type == "error":
            page.console_errors.append(message.text)
        elif message.type in ("warning", "trace"):
            page.console_warnings.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))


def console_problems(page) -> list[str]:
    """Every console error and warning the page has logged so far, each marked with its kind:
    a test asserts this is [] where it once asserted ``page.console_errors == []``."""
    return ([f"error: {text}" for text in page.console_errors]
            + [f"warning: {text}" for text in page.console_warnings])


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    watch_console(page)
    page.set_default_timeout(15000)
    yield page
    context.close()


def wait_for_graph(page) -> None:
    """Wait with locators only: string predicates would need 'unsafe-eval', which our CSP forbids."""
    page.locator("#graph .scatterlayer .trace").first.wait_for()
    page.wait_for_load_state("networkidle")  # the chart's first autosize round trip is over
