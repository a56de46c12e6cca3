"""ViewState <-> query string: round trip, defaults, notes, renamed parameters."""

from __future__ import annotations

from dataclasses import fields

from hypothesis import given
from hypothesis import strategies as st

from dashboard.state import DOCS, GAPS, LANES, ORDERS, PARAMS, RENAMED, THEMES, Choices, ViewState
from dashboard.tabs import all_tabs

TABS = tuple(t.value for t in all_tabs())

ids = st.from_regex(r"[a-z0-9][a-z0-9-]{0,12}", fullmatch=True)
id_tuples = st.lists(ids, unique=True, max_size=4).map(lambda v: tuple(sorted(v)))
dates = st.dates().map(lambda d: d.isoformat()).filter(lambda d: len(d) == 10)

states = st.builds(
    ViewState,
    tab=st.sampled_from(TABS), lanes=st.sampled_from(LANES), rounds=id_tuples, sides=id_tuples,
    kinds=id_tuples, verification=id_tuples, q=st.text(max_size=200),
    event=st.one_of(st.just(""), ids), day=st.one_of(st.just(""), dates),
    start=st.just(""), end=st.just(""), gap=st.sampled_from(GAPS), order=st.sampled_from(ORDERS),
    theme=st.sampled_from(THEMES),
)


@given(states)
def test_round_trip(state):
    parsed, notes = ViewState.from_query(state.to_query())
    assert notes == []
    assert parsed == state


@given(st.text(max_size=300))
def test_arbitrary_queries_never_raise(query):
    state, notes = ViewState.from_query(query)
    assert isinstance(state, ViewState) and all(isinstance(n, str) for n in notes)


def test_default_is_a_bare_url():
    assert ViewState().to_query() == ""
    assert ViewState().url("/") == "/"
    assert ViewState(tab="table", sides=("ukraine",)).url("/embed") == "/embed?tab=table&side=ukraine"


def test_only_non_defaults_are_written_in_a_fixed_order():
    state = ViewState(theme="dark", rounds=("b", "a"), q="prisoner swap")
    assert state.to_query() == "round=b,a&q=prisoner+swap&theme=dark"


def test_bad_values_fall_back_with_notes():
    choices = Choices(tabs=TABS, rounds=frozenset({"r1"}), sides=frozenset({"russia"}), events=frozenset({"e1"}))
    state, notes = ViewState.from_query(
        "?tab=nope&round=r1,r9&side=russia&event=e2&day=2025-02-30&bogus=1&from=2025-01-02&to=2025-01-01",
        choices)
    assert state == ViewState(rounds=("r1",), sides=("russia",))
    assert len(notes) == 6
    assert any("'bogus'" in n for n in notes) and any("'r9'" in n for n in notes)


def test_renamed_parameters_keep_old_links_working():
    state, notes = ViewState.from_query("search=swap&rounds=a,b&id=e1")
    assert (state.q, state.rounds, state.event, notes) == ("swap", ("a", "b"), "e1", [])
    assert set(RENAMED.values()) <= set(PARAMS)


def test_overlong_query_is_ignored_with_a_note():
    state, notes = ViewState.from_query("q=" + "x" * 5000)
    assert state == ViewState() and "too long" in notes[0]


def test_every_field_has_one_parameter_and_documentation():
    assert sorted(PARAMS.values()) == sorted(f.name for f in fields(ViewState))
    assert set(DOCS) | {"tab"} == set(PARAMS)  # the tab registry documents ``tab``


def test_without_the_registry_a_tab_is_checked_for_shape_only():
    assert ViewState.from_query("tab=toy")[0].tab == "toy"
    state, [note] = ViewState.from_query("tab=%3Cb%3E")
    assert state.tab == "timeline" and "not a tab name" in note


def test_territory_takes_series_ids_or_all():
    choices = Choices(territory=frozenset({"deepstate", "war-mapper"}))
    view, notes = ViewState.from_query("territory=war-mapper,deepstate,nope", choices)
    assert view.territory == ("deepstate", "war-mapper") and len(notes) == 1
    view, notes = ViewState.from_query("territory=deepstate,all", choices)
    assert (view.territory, notes) == (("all",), [])
    assert ViewState().to_query() == "" and ViewState(territory=("all",)).to_query() == "territory=all"
