"""What was on the table (issue 20): the positions resource, its matrix, one occasion's list,
its CSV and the event detail panel's "Positions stated", on the fictional fixture."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from dash import html

from dashboard.data import fields
from dashboard.data.dataset import load_dataset
from dashboard.data.problems import DatasetError
from dashboard.data.event_detail import event_detail
from dashboard.data.labels import TOPIC_LABELS, side_label, topic_label
from dashboard.data.positions import (filter_positions, occasion_positions, position_matrix,
                                      positions_csv)
from dashboard.views.components import detail_panel

from .conftest import DATA, edit_cell, make_package

# The fixture's positions in the order the loader keeps them: occasions in time order (29 Mar
# 2022, 10 May 2025, 16 May 2025), then by side (russia before ukraine); the file holds them otherwise.
IN_ORDER = ["pos-alpha-north-neutrality", "pos-alpha-south-guarantees", "pos-proposal-north-framework",
            "pos-beta-north-neutrality", "pos-beta-south-ceasefire"]


def ids(frame_or_positions) -> list[str]:
    if isinstance(frame_or_positions, pd.DataFrame):
        return list(frame_or_positions.index)
    return [p.id for p in frame_or_positions]


def test_the_loader_reads_positions_typed_and_in_time_order_of_their_occasions(fixture_dataset):
    positions = fixture_dataset.positions
    assert ids(positions) == IN_ORDER
    assert list(positions.columns) == list(fixture_dataset.fields["positions"])
    guarantees = positions.loc["pos-alpha-south-guarantees"]
    assert positions["quote"].dtype == bool and guarantees["quote"]
    assert not positions.loc["pos-beta-south-ceasefire", "quote"]
    assert positions.loc["pos-alpha-north-neutrality", "source_ids"] == ("src-gazette", "src-herald")
    assert pd.isna(positions.loc["pos-alpha-north-neutrality", "moved"])
    assert fixture_dataset.separators["positions"] == {"source_ids": ";"}


def test_the_vocabularies_come_from_the_descriptor_and_every_topic_has_a_label(fixture_dataset):
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    schema = next(r["schema"] for r in package["resources"] if r["name"] == "positions")
    enum = {f["name"]: f.get("constraints", {}).get("enum") for f in schema["fields"]}
    assert fixture_dataset.enums["topic"] == tuple(enum["topic"])
    assert fixture_dataset.enums["moved"] == tuple(enum["moved"])
    assert fixture_dataset.enums["position_side"] == tuple(enum["side"])
    assert set(TOPIC_LABELS) == set(enum["topic"])
    assert all(topic in field_description(schema, "topic") for topic in enum["topic"])  # documented
    assert topic_label("nato") == "NATO"


def field_description(schema: dict, name: str) -> str:
    return next(f["description"] for f in schema["fields"] if f["name"] == name)


def test_a_position_whose_event_is_gone_is_named_by_row_and_column(fixture_dir):
    """The occasion key is the descriptor's foreignKeys entry; dropping the event breaks it."""
    row = edit_cell(fixture_dir, "events.csv", "e-proposal", "id", "e-proposal-renamed")
    with pytest.raises(DatasetError) as info:
        load_dataset(fixture_dir)
    found = {(p.file, p.row, p.column, p.code) for p in info.value.problems}
    assert row and ("positions.csv", 6, "occasion", "unknown-reference") in found  # pos-proposal-…


def test_the_matrix_groups_each_sides_occasions_in_time_order(fixture_dataset):
    matrix = position_matrix(fixture_dataset)
    assert [(c.side, c.occasion) for c in matrix.columns] == [
        ("russia", "e-alpha-session"), ("russia", "e-proposal"), ("russia", "e-beta-session"),
        ("ukraine", "e-alpha-session"), ("ukraine", "e-beta-session")]
    assert matrix.sides() == (("russia", 3), ("ukraine", 2))
    assert matrix.topics == ("neutrality-non-nuclear", "security-guarantees", "ceasefire-sequencing",
                             "overall-framework")  # the vocabulary's order, only topics with a position
    assert matrix.columns[0].date == "29 Mar 2022" and matrix.columns[0].title == "Testport session"
    neutrality = matrix.cells[0]
    assert [ids(cell) for cell in neutrality] == [["pos-alpha-north-neutrality"], [],
                                                  ["pos-beta-north-neutrality"], [], []]
    cell = neutrality[2][0]
    assert (cell.position, cell.verification, cell.moved) == ("Neutrality first, as in the first round.",
                                                             "verified", "unchanged")
    assert all(len(row) == len(matrix.columns) for row in matrix.cells)


def test_the_matrix_filters_by_side_and_topic(fixture_dataset):
    south = position_matrix(fixture_dataset, sides=("ukraine",))
    assert {c.side for c in south.columns} == {"ukraine"}
    assert south.topics == ("security-guarantees", "ceasefire-sequencing")
    neutrality = position_matrix(fixture_dataset, topics=("neutrality-non-nuclear",))
    assert neutrality.topics == ("neutrality-non-nuclear",)
    assert [(c.side, c.occasion) for c in neutrality.columns] == [("russia", "e-alpha-session"),
                                                                  ("russia", "e-beta-session")]
    nothing = position_matrix(fixture_dataset, sides=("ukraine",), topics=("overall-framework",))
    assert (nothing.topics, nothing.columns, nothing.cells, nothing.sides()) == ((), (), (), ())


def test_changes_only_keeps_the_positions_whose_move_the_sources_state(fixture_dataset):
    assert ids(filter_positions(fixture_dataset, changes_only=True)) == ["pos-alpha-south-guarantees",
                                                                          "pos-beta-north-neutrality"]
    matrix = position_matrix(fixture_dataset, changes_only=True)
    assert [c.occasion for c in matrix.columns] == ["e-beta-session", "e-alpha-session"]  # russia, ukraine
    assert ids(filter_positions(fixture_dataset, sides=("russia",), changes_only=True)) == [
        "pos-beta-north-neutrality"]


def test_an_occasion_lists_its_positions_by_side_and_topic(fixture_dataset):
    assert ids(occasion_positions(fixture_dataset, "e-beta-session")) == ["pos-beta-north-neutrality",
                                                                          "pos-beta-south-ceasefire"]
    assert occasion_positions(fixture_dataset, "e-gamma-session") == ()
    [_, quoted] = occasion_positions(fixture_dataset, "e-alpha-session")
    assert (side_label(quoted.side), topic_label(quoted.topic), quoted.quote) == ("Ukraine", "Security guarantees", True)


def read_csv(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def test_the_csv_has_the_columns_of_positions_csv_the_occasion_and_the_sources(fixture_dataset):
    frame = read_csv(positions_csv(fixture_dataset))
    assert list(frame.columns) == [*fixture_dataset.fields["positions"], "occasion_date", "occasion_title",
                                   "source_publishers", "source_urls"]
    assert list(frame["id"]) == IN_ORDER
    row = frame.set_index("id").loc["pos-alpha-north-neutrality"]
    assert (row["occasion_date"], row["occasion_title"]) == ("2022-03-29", "Testport session")
    assert (row["quote"], row["moved"], row["source_ids"]) == ("false", "", "src-gazette;src-herald")
    assert row["source_publishers"] == "Example Gazette;Example Herald"
    assert row["source_urls"] == "https://example.org/gazette/talks-open;https://example.org/herald/second-account"
    # 10 May 2025 22:00 UTC is 11 May in Moscow, the occasion's own zone
    assert frame.set_index("id").loc["pos-proposal-north-framework", "occasion_date"] == "2025-05-11"


def test_the_csv_holds_only_what_the_filter_shows(fixture_dataset):
    frame = read_csv(positions_csv(fixture_dataset, sides=("russia",), topics=("neutrality-non-nuclear",)))
    assert list(frame["id"]) == ["pos-alpha-north-neutrality", "pos-beta-north-neutrality"]
    assert list(read_csv(positions_csv(fixture_dataset, changes_only=True))["id"]) == [
        "pos-alpha-south-guarantees", "pos-beta-north-neutrality"]


def test_the_csv_rows_load_back_as_the_same_positions(tmp_path, fixture_dataset):
    frame = read_csv(positions_csv(fixture_dataset))
    package = make_package(tmp_path / "again")
    frame[list(fixture_dataset.fields["positions"])].to_csv(package / "positions.csv", index=False)
    again = load_dataset(package)
    pd.testing.assert_frame_equal(again.positions, fixture_dataset.positions)


def test_the_csv_neutralises_formulas_in_its_own_and_added_cells(tmp_path, monkeypatch):
    package = make_package(tmp_path / "in")
    edit_cell(package, "positions.csv", "pos-alpha-north-neutrality", "position", "=HYPERLINK(\"x\")")
    edit_cell(package, "events.csv", "e-alpha-session", "title", "@SUM(A1:A9)")
    with monkeypatch.context() as patched:  # data that bypassed validate, e.g. an older checkout's
        patched.setattr(fields, "_FORMULA_START", ())
        ds = load_dataset(package)
    row = read_csv(positions_csv(ds)).set_index("id").loc["pos-alpha-north-neutrality"]
    assert (row["position"], row["occasion_title"]) == ("'=HYPERLINK(\"x\")", "'@SUM(A1:A9)")


def test_the_shipped_positions_load_and_cite_existing_events_in_time_order(shipped_dataset):
    positions = shipped_dataset.positions
    assert len(positions) >= 100
    anchors = shipped_dataset.events.loc[positions["occasion"], "anchor"]
    assert list(anchors) == sorted(anchors)
    matrix = position_matrix(shipped_dataset)
    assert sum(len(cell) for row in matrix.cells for cell in row) == len(positions)


def texts(component) -> list[str]:
    """Every string in a Dash component tree, depth first."""
    if isinstance(component, str):
        return [component]
    children = getattr(component, "children", None)
    if children is None:
        return []
    return [t for child in (children if isinstance(children, list) else [children]) for t in texts(child)]


def find(components, kind) -> list:
    found = []
    for component in components:
        if isinstance(component, kind):
            found.append(component)
        children = getattr(component, "children", None)
        if children is not None and not isinstance(children, str):
            found += find(children if isinstance(children, list) else [children], kind)
    return found


def test_the_detail_panel_lists_the_positions_stated_at_the_event(fixture_dataset):
    detail = event_detail(fixture_dataset, "e-alpha-session")
    assert ids(detail.positions) == ["pos-alpha-north-neutrality", "pos-alpha-south-guarantees"]
    body = detail_panel(detail, "close")
    headings = [h.children for h in find(body, html.H3)]
    assert "Positions stated" in headings
    [listing] = [u for u in find(body, html.Ul) if getattr(u, "className", None) == "positions"]
    items = ["".join(texts(li)) for li in listing.children]
    assert items == ["Russia: Neutrality and non-nuclear status — South stays outside every alliance.",
                     "Ukraine: Security guarantees — Guarantor states will defend South as if attacked "
                     "themselves. (quoted)"]
    assert [q.children for q in find(listing.children, html.Q)] == [
        "Guarantor states will defend South as if attacked themselves."]  # only the exact quote


def test_an_event_without_positions_has_no_positions_heading(fixture_dataset):
    body = detail_panel(event_detail(fixture_dataset, "e-gamma-session"), "close")
    assert "Positions stated" not in [h.children for h in find(body, html.H3)]
