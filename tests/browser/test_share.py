"""The explore page's share / embed / download dialog in Chromium, kept in step with the view."""

from __future__ import annotations

from xml.etree import ElementTree

import pandas as pd
import pytest

from .conftest import console_problems, wait_for_graph, watch_console


@pytest.fixture
def share_page(browser, app_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    page = context.new_page()
    watch_console(page)
    page.set_default_timeout(15000)
    yield page
    context.close()


def open_dialog(page, url: str | None = None) -> None:
    """Open the dialog, on the page at ``url`` if given (else on the page as it is)."""
    if url:
        page.goto(url)
        wait_for_graph(page)
    page.click("#share-open")
    page.locator("#share-dialog").wait_for(state="visible")


def test_dialog_follows_the_view_and_copies_the_link(share_page, app_url):
    page = share_page
    page.goto(app_url + "/")
    wait_for_graph(page)
    page.get_by_label("Turkey").check()
    page.locator("#count", has_text="2 of 8").wait_for()
    open_dialog(page)
    page.locator("#share-link", has_text="side=turkey").wait_for()
    assert page.input_value("#share-link") == f"{app_url}/?side=turkey"
    assert f'src="{app_url}/embed?side=turkey"' in page.input_value("#share-iframe")
    assert f'data-negotiation-timeline="{app_url}/embed?side=turkey"' in page.input_value("#share-script")
    assert "Example Courier (Wire)" in page.input_value("#share-cite")
    page.click("#share-link-copy")
    page.locator("#share-copied", has_text="Copied the link.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == f"{app_url}/?side=turkey"
    page.keyboard.press("Escape")  # a native modal dialog: Escape closes it
    page.locator("#share-dialog").wait_for(state="hidden")
    assert console_problems(page) == []


def test_width_preset_changes_the_embed_code(share_page, app_url):
    page = share_page
    open_dialog(page, app_url + "/?tab=schedule")
    page.locator("#share-iframe", has_text="tab=schedule").wait_for()
    assert 'width="100%"' in page.input_value("#share-iframe")
    page.get_by_label("400 px (phone)").check()
    page.locator("#share-iframe", has_text='width="400"').wait_for()
    assert 'data-width="400"' in page.input_value("#share-script")
    page.click("#share-close")
    page.locator("#share-dialog").wait_for(state="hidden")


def test_downloads_csv_png_and_svg_of_the_view(share_page, app_url):
    page = share_page
    open_dialog(page, app_url + "/?side=turkey")
    page.locator("#share-csv[href='/download/events.csv?side=turkey']").wait_for()
    with page.expect_download() as csv_download:
        page.click("#share-csv")
    frame = pd.read_csv(csv_download.value.path())
    assert csv_download.value.suggested_filename == "negotiation-timeline-side-turkey.csv"
    assert sorted(frame["id"]) == ["e-beta-session", "e-beta-trilateral"]
    images = {}
    for fmt in ("png", "svg"):
        with page.expect_download() as download:
            page.click(f"#share-{fmt}")
        assert download.value.suggested_filename == f"negotiation-timeline-side-turkey.{fmt}"
        with open(download.value.path(), "rb") as handle:
            images[fmt] = handle.read()
    assert images["png"][:8] == b"\x89PNG\r\n\x1a\n"
    assert ElementTree.fromstring(images["svg"]).tag.endswith("svg")
    assert console_problems(page) == []
