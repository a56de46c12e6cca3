"""Browser tests: the real app served on a free port, driven in Debian's headless Chromium."""

from __future__ import annotations

import pytest

from dashboard.harness import chromium, served

from ..conftest import make_package


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    with served(make_package(tmp_path_factory.mktemp("served"))) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    page.set_default_timeout(15000)
    yield page
    context.close()


def wait_for_graph(page) -> None:
    """Wait with locators only: string predicates would need 'unsafe-eval', which our CSP forbids."""
    page.locator("#graph .scatterlayer .trace").first.wait_for()
    page.wait_for_load_state("networkidle")  # the chart's first autosize round trip is over
