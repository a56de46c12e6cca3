"""The exported HTML opens and draws its figure in Chromium with every network request refused."""

from __future__ import annotations

from dashboard.data.dataset import load_dataset
from dashboard.export import DIV_ID, standalone_html
from dashboard.state import ViewState

from ..conftest import make_package


def test_html_export_draws_offline(browser, tmp_path):
    ds = load_dataset(make_package(tmp_path / "package"))
    out = tmp_path / "timeline.html"
    out.write_text(standalone_html(ds, ViewState(tab="compare")), encoding="utf-8")
    context = browser.new_context(offline=True)
    requested = []

    def refuse(route):  # anything but the file itself would be a network fetch
        requested.append(route.request.url)
        route.abort()

    context.route("http*://**/*", refuse)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(out.as_uri())
    page.locator(f"#{DIV_ID} .main-svg").first.wait_for(timeout=15000)
    assert page.locator(f"#{DIV_ID} .scatterlayer .trace").count() > 0
    assert "Testport round one" in page.locator(f"#{DIV_ID}").text_content()
    assert page.locator("ol.sources li").count() == 4  # every source the view cites
    assert requested == [] and errors == []
    context.close()
