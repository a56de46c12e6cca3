"""Credit and citation name exactly the sources behind what a view shows."""

from __future__ import annotations

from dashboard.views.citation import cite_text, cited_sources, credit_line
from dashboard.state import ViewState


def test_sources_are_those_of_the_events_shown_plus_drawn_territory(fixture_dataset):
    schedule = ViewState(tab="schedule", sides=("turkey",))  # no territory panel on a talks day
    assert [s.publisher for s in cited_sources(fixture_dataset, schedule)] == ["Example Courier (Wire)", "Example Herald"]
    timeline = ViewState(sides=("turkey",))  # the territory panel cites its series' sources
    assert [s.publisher for s in cited_sources(fixture_dataset, timeline)] == [
        "Example Courier (Wire)", "Example Gazette", "Example Herald", "Example Monitor"]


def test_credit_line_is_one_line_naming_publishers(fixture_dataset):
    assert credit_line(fixture_dataset, ViewState(tab="schedule", sides=("turkey",))) == \
        "Source: Example Courier (Wire), Example Herald · negotiation-timeline"  # a tie: alphabetical
    assert credit_line(fixture_dataset, ViewState(tab="schedule", q="no such words")) == \
        "Source: no events match this view · negotiation-timeline"


def test_credit_line_shortens_a_long_list(fixture_dataset, monkeypatch):
    monkeypatch.setattr("dashboard.views.citation.CREDIT_PUBLISHERS", 1)
    assert credit_line(fixture_dataset, ViewState()) == "Source: Example Herald and 3 more · negotiation-timeline"


def test_cite_text_names_the_view_and_every_source(fixture_dataset):
    text = cite_text(fixture_dataset, ViewState(tab="schedule", sides=("turkey",)), "https://x.example/?side=turkey")
    lines = text.splitlines()
    assert lines[0] == (f"{fixture_dataset.title}. negotiation-timeline, data version {fixture_dataset.version}, "
                        f"{fixture_dataset.license}. https://x.example/?side=turkey")
    assert lines[1:] == ["Sources:", '- Example Courier (Wire), "Delegations meet again" (16 May 2025). '
                                     "https://example.org/courier/meet-again",
                        '- Example Herald, "Second account of the talks" (17 May 2025). '
                        "https://example.org/herald/second-account"]


def test_the_credit_names_the_most_cited_outlets_of_the_shipped_data(shipped_dataset):
    """Counted here from the CSVs, independently of the app: each citing event or territory
    row counts once for its source's publisher."""
    import csv
    from collections import Counter

    from .conftest import DATA

    publisher = {r["id"]: r["publisher"] for r in csv.DictReader(open(DATA / "sources.csv", encoding="utf-8"))}
    counts = Counter(publisher[s] for r in csv.DictReader(open(DATA / "events.csv", encoding="utf-8"))
                     for s in r["source_ids"].split(";") if s)
    counts.update(publisher[s] for r in csv.DictReader(open(DATA / "territory.csv", encoding="utf-8"))
                  for s in r["source_ids"].split(";"))
    top = sorted(counts, key=lambda p: (-counts[p], p))
    credit = credit_line(shipped_dataset, ViewState())
    assert credit == f"Source: {', '.join(top[:3])} and {len(top) - 3} more · negotiation-timeline"
    assert not credit.startswith(f"Source: {sorted(counts)[0]},")  # not the alphabetically first
