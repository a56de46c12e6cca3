"""The explore page's reducer: the next view from the control that changed."""

from __future__ import annotations

from dataclasses import replace

from dashboard.state import ViewState
from dashboard.views import explore as e


def controls(view: ViewState) -> dict:
    """The controls' values as the browser holds them for ``view``."""
    return {e.TAB: view.tab, e.LANES: view.lanes, e.ROUNDS: list(view.rounds), e.SIDES: list(view.sides),
            e.KINDS: list(view.kinds), e.VERIFICATION: list(view.verification), e.SEARCH: view.q,
            e.GAP: view.gap, e.DAY: view.day, e.THEME: view.theme, e.PICK: view.event or None}


def test_a_relayout_keeps_a_choice_whose_answer_was_dropped():
    stale = ViewState()  # the page never received the answer that opened the event
    now = controls(replace(stale, event="e-one", sides=("russia",)))
    view = e.reduce(stale, "relayout", now, {"autosize": True})
    assert (view.event, view.sides) == ("e-one", ("russia",))


def test_a_zoom_sets_the_range_and_autorange_clears_it():
    view = ViewState(event="e-one")
    zoomed = e.reduce(view, "relayout", controls(view),
                      {"xaxis.range[0]": "2022-03-01 10:00:00", "xaxis.range[1]": "2022-04-02"})
    assert (zoomed.start, zoomed.end, zoomed.event) == ("2022-03-01", "2022-04-02", "e-one")
    assert e.reduce(zoomed, "relayout", controls(zoomed), {"xaxis.autorange": True}) == view


def test_a_zoom_outside_the_timeline_changes_nothing():
    view = ViewState(tab="compare")
    assert e.reduce(view, "relayout", controls(view), {"xaxis.range[0]": "2022-03-01",
                                                       "xaxis.range[1]": "2022-04-02"}) == view


def test_clear_drops_the_filters_and_keeps_the_rest():
    view = ViewState(tab="table", sides=("russia",), kinds=("session",), q="grain", event="e-one")
    assert e.reduce(view, e.CLEAR, controls(view), None) == ViewState(tab="table", event="e-one")


def test_reset_returns_the_default_and_order_flips():
    view = ViewState(tab="table", q="grain")
    assert e.reduce(view, e.RESET, controls(view), None) == ViewState()
    assert e.reduce(view, e.ORDER, controls(view), None).order == "desc"
    assert e.reduce(replace(view, order="desc"), e.ORDER, controls(view), None).order == "asc"


def test_a_control_change_reads_every_control():
    view = ViewState()
    changed = replace(view, lanes="side", rounds=("r-b", "r-a"), theme="dark", event="e-two")
    assert e.reduce(view, e.LANES, controls(changed), None) == replace(changed, rounds=("r-a", "r-b"))
