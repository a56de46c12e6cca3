"""The explore page's reducer: the next view from the control that changed."""

from __future__ import annotations

from dataclasses import replace

from dashboard.state import ViewState
from dashboard.views.explore import page as e


def controls(view: ViewState) -> dict:
    """The controls' values as the browser holds them for ``view``."""
    return {e.TAB: view.tab, e.LANES: view.lanes, e.ROUNDS: list(view.rounds), e.SIDES: list(view.sides),
            e.KINDS: list(view.kinds), e.VERIFICATION: list(view.verification), e.SEARCH: view.q,
            e.GAP: view.gap, e.TERRITORY: list(view.territory), e.DAY: view.day, e.THEME: view.theme, e.PICK: view.event or None,
            e.ZOOM: {"start": view.start, "end": view.end}}


def test_a_change_keeps_a_choice_and_a_zoom_whose_answers_were_dropped():
    stale = ViewState()  # the page never received the answers that opened the event and zoomed
    now = controls(replace(stale, event="e-one", start="2022-03-01", end="2022-04-02", sides=("russia",)))
    view = e.reduce(stale, e.SIDES, now)
    assert (view.event, view.start, view.end, view.sides) == ("e-one", "2022-03-01", "2022-04-02", ("russia",))


def test_the_zoom_store_sets_and_clears_the_range():
    view = ViewState(event="e-one")
    zoomed = e.reduce(view, e.ZOOM, {**controls(view), e.ZOOM: {"start": "2022-03-01", "end": "2022-04-02"}})
    assert (zoomed.start, zoomed.end, zoomed.event) == ("2022-03-01", "2022-04-02", "e-one")
    assert e.reduce(zoomed, e.ZOOM, {**controls(zoomed), e.ZOOM: {"start": "", "end": ""}}) == view


def test_a_malformed_zoom_is_no_zoom():
    view = ViewState(start="2022-03-01", end="2022-04-02")
    for zoom in (None, [], "2022-03-01", {"start": None}):
        assert (e.reduce(view, e.ZOOM, {**controls(view), e.ZOOM: zoom}).start) == ""


def test_clear_drops_the_filters_and_keeps_the_rest():
    view = ViewState(tab="table", sides=("russia",), kinds=("session",), q="grain", event="e-one",
                     start="2022-03-01", end="2022-04-02")
    assert e.reduce(view, e.CLEAR, controls(view)) == ViewState(tab="table", event="e-one", start="2022-03-01",
                                                                 end="2022-04-02")


def test_reset_returns_the_default_and_order_flips():
    view = ViewState(tab="table", q="grain")
    assert e.reduce(view, e.RESET, controls(view)) == ViewState()
    assert e.reduce(view, e.ORDER, controls(view)).order == "desc"
    assert e.reduce(replace(view, order="desc"), e.ORDER, controls(view)).order == "asc"


def test_a_control_change_reads_every_control():
    view = ViewState()
    changed = replace(view, lanes="side", rounds=("r-b", "r-a"), theme="dark", event="e-two")
    assert e.reduce(view, e.LANES, controls(changed)) == replace(changed, rounds=("r-a", "r-b"))


def test_the_territory_control_chooses_series_and_all_wins():
    view = ViewState()
    chosen = e.reduce(view, e.TERRITORY, {**controls(view), e.TERRITORY: ["war-mapper", "deepstate"]})
    assert chosen.territory == ("deepstate", "war-mapper")
    everything = e.reduce(view, e.TERRITORY, {**controls(view), e.TERRITORY: ["deepstate", "all"]})
    assert everything.territory == ("all",) and "territory=all" in everything.to_query()
