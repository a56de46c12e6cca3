"""The Positions tab (issue 20) without a browser: its view parameters, its figure in every form,
its text alternative, its CSV route, its credit, the timeline's mark of occasions, the explore
reducer's new controls and the classroom deck drawn from positions.csv."""

from __future__ import annotations

import pytest
from dash import html

import plotly.graph_objects as go
from dashboard import tabs
from dashboard.app import create_app
from dashboard.config import Config
from dashboard.data.positions import filter_positions, positions_csv
from dashboard.figures import describe
from dashboard.figures.positions import MOVED_COLORS, RING_NAME, positions_figure
from dashboard.figures.size import Size
from dashboard.figures.theme import get_theme
from dashboard.figures.timeline import timeline_figure
from dashboard.state import DOCS, PARAMS, ViewState
from dashboard.views import positions as pv
from dashboard.views.citation import cited_sources
from dashboard.views.embed_code import embed_height
from dashboard.views.explore import page as explore

from .conftest import ROOT, make_package
from .contrast import AA_GRAPHICS, AA_TEXT, contrast

LIGHT = get_theme("light")
SIZES = {"phone": Size(320), "column": Size(480), "wide": Size(1200), "slide": Size(1191, 819, slide=True),
         "small slide": Size(760, 430, slide=True)}


def parse(ds, query):
    return ViewState.from_query(query, tabs.choices_for(ds))


def test_the_new_parameters_round_trip_and_side_takes_europe(fixture_dataset):
    query = "tab=positions&side=europe,russia&topic=security-guarantees,nato&changes=1&occasion=e-alpha-session"
    view, notes = parse(fixture_dataset, query)
    assert notes == []
    assert (view.sides, view.topics, view.changes, view.occasions) == (
        ("europe", "russia"), ("nato", "security-guarantees"), True, ("e-alpha-session",))
    assert view.to_query() == ("tab=positions&side=europe,russia&topic=nato,security-guarantees&changes=1"
                               "&occasion=e-alpha-session")
    assert parse(fixture_dataset, view.to_query()) == (view, [])
    assert ViewState(changes=False).to_query() == ""  # the default is not written
    assert {"topic", "changes", "occasion"} <= set(PARAMS) and {"topic", "changes", "occasion"} <= set(DOCS)


@pytest.mark.parametrize("query, field, note", [
    ("topic=nato,no-such-topic", "topics", "topic: ignored unknown value(s) 'no-such-topic'."),
    ("changes=yes", "changes", "changes: 'yes' is not 1 or 0; showing every position."),
    ("occasion=e-gamma-session", "occasions", "occasion: ignored unknown value(s) 'e-gamma-session'."),
    ("side=atlantis", "sides", "side: ignored unknown value(s) 'atlantis'."),
])
def test_unusable_values_fall_back_with_a_note(fixture_dataset, query, field, note):
    view, notes = parse(fixture_dataset, query)
    assert notes == [note]
    assert getattr(view, field) == getattr(ViewState(), field) or field == "topics" and view.topics == ("nato",)


def test_the_registry_entry_shows_a_matrix_and_downloads_positions(fixture_dataset):
    entry = tabs.tab("positions")
    assert entry.matrix and not entry.table and entry.csv == "/download/positions.csv"
    assert "positions (what each side stated" in tabs.param_doc()
    assert go.Figure(tabs.build_figure(fixture_dataset, ViewState(tab="positions"))).layout.title.text.startswith(
        "What was on the table")


def test_the_text_alternative_counts_what_is_shown(fixture_dataset):
    assert describe.positions(fixture_dataset, ViewState(tab="positions")) == (
        "Positions matrix: 5 positions stated by Russia and Ukraine on 4 topics at 3 occasions from 29 Mar 2022 "
        "to 16 May 2025; the sources say how 2 of them moved (1 new, 1 unchanged).")
    assert describe.positions(fixture_dataset, ViewState(tab="positions", sides=("ukraine",),
                                                         topics=("ceasefire-sequencing",))) == (
        "Positions matrix: 1 position stated by Ukraine on Ceasefire and sequencing at 1 occasion on "
        "16 May 2025; the sources say of none how it moved.")
    assert describe.positions(fixture_dataset, ViewState(tab="positions", sides=("europe",))) == (
        "Positions matrix: no positions match the filters.")


def annotations(figure):
    return list(figure.layout.annotations)


@pytest.mark.parametrize("form", SIZES)
def test_the_figure_is_laid_out_for_its_form_legibly(shipped_dataset, form):
    size = SIZES[form]
    view = ViewState(tab="positions", sides=("ukraine", "united-states"), topics=("army-size-weapons", "nato"))
    figure = go.Figure(positions_figure(shipped_dataset, view, get_theme("present" if size.slide else "light"), size))
    least = 18 if size.slide else 10
    texts = annotations(figure)
    assert texts and all(a.font.size >= least for a in texts)
    assert all(0 <= a.x < min(size.width, 1200) for a in texts)  # nothing starts outside the box
    if size.slide:
        assert figure.layout.height == size.height  # fills the slide's figure area, never more
        assert figure.layout.title.text == ""  # the slide has its own title and sources
    shown = filter_positions(shipped_dataset, sides=view.sides, topics=view.topics)
    hover = next(t for t in figure.data if t.name == "positions")
    assert set(hover.customdata) <= set(shown["occasion"])
    if form in ("phone", "wide"):  # everything fits: every cell drawn
        assert len(hover.customdata) == len(shown.groupby(["occasion", "side", "topic"]))


def test_a_phone_gets_a_list_and_a_narrow_grid_says_what_it_leaves_out(shipped_dataset):
    view = ViewState(tab="positions")
    phone = go.Figure(positions_figure(shipped_dataset, view, LIGHT, Size(320)))
    [hover] = [t for t in phone.data if t.name == "positions"]
    assert set(hover.x) == {160}  # one column of entries
    column = go.Figure(positions_figure(shipped_dataset, view, LIGHT, Size(480)))
    assert any(a.text.startswith("Showing 4 of 27 columns") for a in annotations(column))


def test_cells_are_coloured_by_moved_only_where_the_data_says_and_the_key_lists_what_is_drawn(fixture_dataset):
    figure = go.Figure(positions_figure(fixture_dataset, ViewState(tab="positions"), LIGHT, Size(1200)))
    fills = {s.fillcolor for s in figure.layout.shapes if s.type == "rect"}
    assert {MOVED_COLORS["light"]["new"][1], MOVED_COLORS["light"]["unchanged"][1], LIGHT.paper} <= fills
    assert MOVED_COLORS["light"]["softened"][1] not in fills
    assert [t.name for t in figure.data if t.name != "positions"] == ["New", "Unchanged"]
    texts = " ".join(a.text for a in annotations(figure))
    assert "“Guarantor states" in texts and "themselves.”" in texts  # the quote marked
    assert "<i>Unchanged:</i>" in texts  # in words too, not only in colour
    none = go.Figure(positions_figure(fixture_dataset, ViewState(tab="positions", sides=("europe",)), LIGHT, Size(1200)))
    assert "No positions match these filters" in annotations(none)[0].text


def test_the_csv_route_gives_exactly_the_filtered_rows(fixture_dir, fixture_dataset):
    client = create_app(Config(data_dir=fixture_dir)).server.test_client()
    answer = client.get("/download/positions.csv?tab=positions&side=russia&changes=1")
    assert answer.status_code == 200 and answer.mimetype == "text/csv"
    assert answer.get_data(as_text=True) == positions_csv(fixture_dataset, sides=("russia",), changes_only=True)
    assert answer.get_data(as_text=True).count("\n") == 2  # the header and pos-beta-north-neutrality
    assert "attachment" in answer.headers["Content-Disposition"]
    fallback = client.get("/download/positions.csv?topic=bogus").get_data(as_text=True)
    assert fallback == positions_csv(fixture_dataset)  # a bad link never fails: its defaults


def test_the_tab_credits_the_sources_of_the_positions_it_shows(fixture_dataset):
    view = ViewState(tab="positions", topics=("ceasefire-sequencing",))
    assert [s.publisher for s in cited_sources(fixture_dataset, view)] == ["Example Courier (Wire)"]


def test_the_timeline_rings_occasions_that_carry_positions(fixture_dataset):
    figure = go.Figure(timeline_figure(fixture_dataset, ViewState(), LIGHT))
    [ring] = [t for t in figure.data if t.name == RING_NAME]
    assert sorted(ring.customdata) == ["e-alpha-session", "e-beta-session", "e-proposal"]
    assert ring.hoverinfo == "skip" and ring.hovertext is None  # the marker under it has the hover
    hovers = marker_hovers(figure)
    assert "2 positions stated" in hovers["e-alpha-session"] and "1 position stated" in hovers["e-proposal"]
    assert "positions stated" not in hovers["e-gamma-session"]


def test_the_figure_its_text_alternative_and_the_rings_speak_the_readers_language(fixture_dataset):
    uk = ViewState(tab="positions", lang="uk")
    assert describe.positions(fixture_dataset, uk) == (
        "Матриця позицій: 5 позицій (Росія і Україна) — 4 теми, 3 події з 29 березня 2022 по 16 травня 2025; "
        "джерела вказують, як змінилися 2 з них (1 нова, 1 без змін).")
    assert describe.positions(fixture_dataset, ViewState(tab="positions", lang="ru")).startswith(
        "Матрица позиций: 5 позиций (Россия и Украина) — 4 темы, 3 события с 29 марта 2022")
    figure = go.Figure(positions_figure(fixture_dataset, uk, LIGHT, Size(1200)))
    assert figure.layout.title.text.startswith("Що було на столі переговорів")
    assert [t.name for t in figure.data if t.name != "positions"] == ["Нова", "Без змін"]
    texts = " ".join(a.text for a in annotations(figure))
    assert "<i>Без змін:</i>" in texts and "<b>Україна</b>" in texts and "29 березня 2022" in texts
    assert "Mar" not in texts and "Unchanged" not in texts
    timeline = go.Figure(timeline_figure(fixture_dataset, ViewState(lang="uk"), LIGHT))
    assert [t.name for t in timeline.data if t.name == "заявлені позиції"]  # the ring's name
    hovers = marker_hovers(timeline)  # three plural forms: 1 позиція, 2 позиції, 5 позицій
    assert "2 заявлені позиції</b> (див. вкладку «Позиції»)" in hovers["e-alpha-session"]
    assert "1 заявлена позиція" in hovers["e-proposal"]
    note = pv.matrix_view(fixture_dataset, ViewState(tab="positions", occasions=("e-alpha-session",), lang="ru"))[0]
    [title] = [n for n in nodes(note) if isinstance(n, html.Span)]
    assert note.children[0] == "Позиции, заявленные на 1 событии:" and note.children[-1].children == "Показать все события"
    assert (title.children, title.lang) == ("Testport session", "en")  # the occasion's title has no translation


def test_the_explore_reducer_reads_the_new_controls_and_clear_resets_them():
    values = {name: None for name in explore.CONTROLS} | {explore.TAB: "positions", explore.LANES: "round",
                                                           explore.GAP: "compress", explore.THEME: "light",
                                                           explore.ZOOM: {}, pv.TOPICS: ["nato"],
                                                           pv.CHANGES: [pv.CHANGES_ON]}
    old = ViewState(tab="positions", occasions=("e-alpha-session",))
    view = explore.reduce(old, pv.CHANGES, values)
    assert (view.topics, view.changes, view.occasions) == (("nato",), True, ("e-alpha-session",))
    cleared = explore.reduce(view, explore.CLEAR, values)
    assert (cleared.topics, cleared.changes, cleared.occasions) == ((), False, ())


def nodes(tree):
    return [tree, *tree._traverse()]


def test_the_page_holds_a_real_table_and_one_dialog_for_the_details(fixture_dataset):
    page = explore.page(fixture_dataset, "tab=positions")
    [table] = [n for n in nodes(page) if isinstance(n, html.Table) and "positions-table" in (n.className or "")]
    scopes = [n.scope for n in nodes(table) if isinstance(n, html.Th)]
    assert scopes.count("colgroup") == 2 and scopes.count("row") == 4 and "col" in scopes
    assert [n for n in nodes(table) if isinstance(n, html.Caption)]
    details = [n for n in nodes(page) if isinstance(n, html.Dialog) and "position-dialog" in (n.className or "")]
    [dialog] = details  # one, filled when a position is pressed
    assert (dialog.id, dialog.children) == (pv.DIALOG, None)
    assert getattr(dialog, "data-detail") == "/positions/detail/"
    buttons = {getattr(n, "data-position") for n in nodes(table) if isinstance(n, html.Button)}
    assert buttons == set(fixture_dataset.positions.index)
    uk = [n for n in nodes(explore.page(fixture_dataset, "tab=positions&lang=uk")) if getattr(n, "id", "") == pv.DIALOG]
    assert getattr(uk[0], "data-detail") == "/positions/detail/uk/"
    assert embed_height(fixture_dataset, ViewState(tab="positions")) > embed_height(
        fixture_dataset, ViewState(tab="positions", topics=("nato",)))


def test_the_classroom_deck_is_drawn_only_from_positions(shipped_dataset):
    slides = shipped_dataset.slides[shipped_dataset.slides["deck_id"] == "positions-2022-2026"]
    assert len(slides) == 3
    cited_by_positions = {s for ids in shipped_dataset.positions["source_ids"] for s in ids}
    for slide in slides.itertuples():
        view, notes = parse(shipped_dataset, slide.view)
        assert notes == [] and view.tab == "positions"
        assert not filter_positions(shipped_dataset, sides=view.sides, topics=view.topics,
                                    changes_only=view.changes, occasions=view.occasions).empty
        assert not slide.event_ids  # no event's sources: only those of the positions stated
        assert slide.source_ids and set(slide.source_ids) <= cited_by_positions


def test_a_package_without_europe_still_accepts_the_enum(tmp_path):
    ds = tabs.load(make_package(tmp_path / "package"))
    assert "europe" in tabs.choices_for(ds).sides


@pytest.mark.parametrize("theme", sorted(MOVED_COLORS))
def test_the_colours_of_moved_keep_text_and_stripes_legible(theme):
    paper, text = get_theme(theme).paper, get_theme(theme).text
    for stripe, tint in MOVED_COLORS[theme].values():
        assert contrast(stripe, paper) >= AA_GRAPHICS and contrast(stripe, tint) >= AA_GRAPHICS
        assert contrast(text, tint) >= AA_TEXT


def test_the_page_styles_use_the_figures_colours_of_moved():
    css = (ROOT / "assets" / "style.css").read_text(encoding="utf-8")
    for theme, selector in (("light", ".page {"), ("dark", ".theme-dark {"), ("contrast", ".theme-contrast {")):
        block = css[css.index(selector, css.index("The Positions tab")):]
        block = block[:block.index("}")]
        for moved, (stripe, tint) in MOVED_COLORS[theme].items():
            assert f"--moved-{moved}: {stripe};" in block and f"--moved-{moved}-bg: {tint};" in block, (theme, moved)


def marker_hovers(figure) -> dict:
    """Event id -> its marker's hover on the timeline (not the ring's, not a bar's)."""
    return {i: h for t in figure.data if t.name not in (RING_NAME, "duration") and t.customdata is not None
            and t.hovertext is not None for i, h in zip(t.customdata, t.hovertext)}


def test_a_positions_detail_is_a_cacheable_fragment_whose_links_stay_where_it_opened(fixture_dir):
    client = create_app(Config(data_dir=fixture_dir)).server.test_client()
    explore_detail = client.get("/positions/detail/pos-alpha-south-guarantees.html")
    assert explore_detail.status_code == 200 and explore_detail.mimetype == "text/html"
    text = explore_detail.get_data(as_text=True)
    assert f'id="{pv.DIALOG_TITLE}"' in text and "leaked" in text and 'href="/?event=' in text
    assert "https://" in text  # its sources, with their URLs
    assert client.get("/positions/detail/pos-alpha-south-guarantees.html",
                      headers={"If-None-Match": explore_detail.headers["ETag"]}).status_code == 304
    embedded = client.get("/embed/positions/pos-alpha-south-guarantees.html").get_data(as_text=True)
    assert 'href="/embed?event=' in embedded
    assert "Закрити" in client.get("/positions/detail/uk/pos-alpha-south-guarantees.html").get_data(as_text=True)
    for bad in ("/positions/detail/no-such-position.html", "/positions/detail/xx/pos-alpha-south-guarantees.html"):
        assert client.get(bad).status_code == 404
