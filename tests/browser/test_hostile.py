"""Hostile data is inert: markup in every text cell renders as text, nothing executes."""

from __future__ import annotations

import csv
import json

import pytest

from dashboard.data.record_rules import numbers_in
from tests.harness import served

from ..conftest import DATA, make_package

PAYLOADS = [
    "<script>window.__pwned = 'script'</script>",
    "<img src=x onerror=\"window.__pwned = 'img'\">",
    "[read more](javascript:window.__pwned='md')",
    "\"><svg onload=\"window.__pwned = 'svg'\"></svg>",
    "<a href=\"javascript:window.__pwned='a'\">link</a>",
]
# Cells that hold free text (ids, enums, dates, URLs and lists are validated, not free text).
TEXT_TYPES = {"string"}
# A Ukrainian or Russian translation must stay mostly Cyrillic (wrong-script) and state its
# English cell's numbers (translation-numbers): its payload follows this text, which outweighs
# the payload's Latin letters and fits every maxLength, and those numbers.
CYRILLIC = "Разметка здесь только текст и теги тоже текст"


def free_text_fields(resource: dict) -> set[str]:
    keys = {name for key in resource["schema"].get("foreignKeys", [])
            for name in ([key["fields"]] if isinstance(key["fields"], str) else key["fields"])}
    fields = set()
    for field in resource["schema"]["fields"]:
        constraints = field.get("constraints", {})
        if (field.get("type", "string") in TEXT_TYPES and "enum" not in constraints
                and "pattern" not in constraints and field.get("format") != "uri"
                and not field["name"].endswith(("id", "_ids", "_tz")) and field["name"] not in keys
                and field["name"] not in ("sides", "view")):  # a slide's view is a checked query
            fields.add(field["name"])
    return fields


def make_hostile_package(target):
    make_package(target)
    package = json.loads((DATA / "datapackage.json").read_text())
    for resource in package["resources"]:
        path = target / resource["path"]
        if not path.is_file():
            continue
        fields = free_text_fields(resource)
        cyrillic = {f["name"]: f["x-translation"]["of"] for f in resource["schema"]["fields"]
                    if f.get("x-translation", {}).get("script") == "Cyrillic"}
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for number, row in enumerate(rows):
            for index, name in enumerate(sorted(fields & set(row))):
                text = (" / ".join((CYRILLIC, *numbers_in(row[cyrillic[name]]).elements())) if name in cyrillic
                        else row[name] or "x")
                row[name] = f"{text} {PAYLOADS[(number + index) % len(PAYLOADS)]}"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return target


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    with served(make_hostile_package(tmp_path_factory.mktemp("hostile"))) as base:
        yield base


PAGES = ["/", "/?event=e-beta-session", "/?tab=table", "/?tab=schedule", "/?tab=compare",
         "/embed?event=e-gamma-session", "/present"]


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_nothing_executes_on_any_page(browser, hostile_url, bypass_csp):
    context = browser.new_context(bypass_csp=bypass_csp, viewport={"width": 1300, "height": 900})
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in PAGES:
        page.goto(hostile_url + path)
        page.locator("#main").first.wait_for()
        page.wait_for_timeout(400)
        for link in page.locator("a[href]").all():
            assert not link.get_attribute("href").strip().lower().startswith("javascript:")
        assert page.evaluate("window.__pwned") is None, path
    assert dialogs == []
    context.close()


def test_markup_shows_as_text_and_the_page_still_works(page, hostile_url):
    page.goto(hostile_url + "/?event=e-beta-session")
    page.locator("#detail h2").wait_for()
    assert "<" in page.text_content("#detail")  # the payload is visible as text
    assert "<" in page.text_content("#detail .positions")  # in the positions stated, too
    assert page.locator("#detail script, #detail img, #detail svg").count() == 0
    assert page.text_content("#count") == "8 of 8 events shown"
    page.locator("#graph .scatterlayer .trace").first.wait_for()
    assert page.evaluate("window.__pwned") is None
