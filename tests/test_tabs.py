"""The tab registry is the one list of tabs: a toy tab added to it is offered, routed,
described and embedded with no other change."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from dashboard import tabs
from dashboard.app import create_app
from dashboard.config import Config
from dashboard.state import ViewState
from dashboard.views import embed
from dashboard.views.embed_code import embed_height
from dashboard.views.explore import page as explore

from .conftest import make_package

TOY_HEIGHT = 333
BASE = "https://timeline.example"  # the configured public URL


def toy_figure(ds, view, theme, size):
    figure = tabs.build_figure(ds, replace(view, tab="schedule"), theme, size)
    figure["layout"].update(height=TOY_HEIGHT, title=dict(text="Toy figure"))
    return figure


TOY = tabs.Tab("toy", "Toy tab", "a toy", "A toy figure", toy_figure,
               lambda ds, view: "A toy description of the view.")


@pytest.fixture
def toy_app(tmp_path, monkeypatch):
    monkeypatch.setattr(tabs, "TABS", (*tabs.TABS, TOY))
    package = make_package(tmp_path / "package")
    return create_app(Config(data_dir=package, public_url=BASE)), tabs.load(package)


def components(tree):
    return [tree, *tree._traverse()]


def test_a_toy_tab_is_offered_routed_described_and_embedded(toy_app):
    app, ds = toy_app
    view, notes = ViewState.from_query("tab=toy", tabs.choices_for(ds))
    assert (view.tab, notes) == ("toy", [])

    page = explore.page(ds, "tab=toy")
    [radio] = [n for n in components(page) if getattr(n, "id", None) == explore.TAB]
    assert {"label": "Toy tab", "value": "toy"} in radio.options and radio.value == "toy"
    [graph] = [n for n in components(page) if getattr(n, "id", None) == explore.GRAPH]
    assert graph.figure["layout"]["title"]["text"] == "Toy figure"
    texts = [n.children for n in components(page) if isinstance(getattr(n, "children", None), str)]
    assert any("A toy figure. A toy description of the view." in t for t in texts), texts
    assert tabs.figure_name(view) == "A toy figure"

    embedded = app.server.test_client().get("/embed?tab=toy").get_data(as_text=True)
    assert f'id="{embed.GRAPH}"' in embedded and "A toy figure. A toy description of the view." in embedded
    drawn = json.loads(re.search(r'<script type="application/json" id="embed-data">(.*?)</script>',
                                 embedded, re.S).group(1))["figures"]
    assert {form: figure["layout"]["title"]["text"] for form, figure in drawn.items()} == dict.fromkeys(
        embed.FORMS, "Toy figure")
    assert embed_height(ds, view) == embed_height(ds, ViewState()) - int(
        tabs.build_figure(ds, ViewState())["layout"]["height"]) + TOY_HEIGHT

    answer = app.server.test_client().get("/oembed", query_string={"url": f"{BASE}/?tab=toy"})
    assert answer.status_code == 200 and "tab=toy" in answer.get_json()["html"]


def test_without_the_toy_its_links_fall_back_with_a_note(fixture_dataset):
    view, [note] = ViewState.from_query("tab=toy", tabs.choices_for(fixture_dataset))
    assert view.tab == "timeline" and "'toy' is not one of timeline, schedule, compare, table" in note


def test_unknown_values_get_the_default_tab():
    assert tabs.tab("nope") is tabs.TABS[0]
