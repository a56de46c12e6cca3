"""Thousands of events in real Chromium: groups draw, hover and click; zooming in draws each."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from dashboard.figures.grouping import MAX_MARKERS
from tests.harness import served

from ..conftest import make_large_package
from .conftest import console_problems, wait_for_graph

MANY = MAX_MARKERS + 1000
GROUPS = "#graph .subplot.xy .scatterlayer .trace:first-child .points path"


@pytest.fixture(scope="module")
def large_url(tmp_path_factory):
    with served(make_large_package(tmp_path_factory.mktemp("large"), MANY)) as base:
        yield base


def test_groups_hover_and_open_an_event_on_click(page, large_url):
    page.goto(large_url + "/")
    wait_for_graph(page)
    expect(page.locator("#graph")).to_contain_text(f"{MANY + 8:,} events in view, grouped per")
    expect(page.locator("#graph")).to_contain_text("click a group to open its first")
    points = page.locator(GROUPS)
    point = points.nth(points.count() // 2)  # well inside the plot, away from its edges
    box = point.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    expect(page.locator("#graph .hoverlayer")).to_contain_text(re.compile(r"\d events? · "))
    hover = page.locator("#graph .hoverlayer").text_content()
    page.mouse.click(x, y)
    expect(page).to_have_url(re.compile(r"event=e-"))
    title = page.locator("#detail h2").text_content().strip()
    assert title and title in hover  # the group's first event, named in its hover
    assert console_problems(page) == []


def test_dragging_a_zoom_box_regroups_until_each_event_is_drawn(page, large_url):
    page.goto(large_url + "/?start=2022-05-01&end=2022-07-31")
    wait_for_graph(page)
    expect(page.locator("#graph")).to_contain_text("events in view, grouped per")
    plot = page.locator("#graph .draglayer .xy .nsewdrag").first.bounding_box()
    y = plot["y"] + plot["height"] / 2
    page.mouse.move(plot["x"] + 5, y)
    page.mouse.down()
    page.mouse.move(plot["x"] + plot["width"] / 12, y, steps=5)  # about a week of three months
    page.mouse.up()
    expect(page).to_have_url(re.compile(r"to=2022-05-(0\d|1[0-5])"))  # was 2022-07-31: the zoom's end
    expect(page.locator("#graph")).not_to_contain_text("grouped per")
    expect(page.locator("#graph .subplot.xy .scatterlayer .trace .points path").first).to_be_visible()
    assert console_problems(page) == []
