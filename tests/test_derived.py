"""What the loader derives from the data once (``Dataset.derived``), and that serving never changes it."""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Mapping

import pandas as pd
import pytest

import plotly.graph_objects as go
from dashboard.data.dataset import Dataset, load_dataset
from dashboard.export import events_csv
from dashboard.tabs import build_figure
from dashboard.figures.size import FORMS, Size
from dashboard.state import ViewState
from dashboard.tabs import all_tabs


def test_eras_group_rounds(fixture_dataset):
    assert [(s.date().isoformat(), e.date().isoformat()) for s, e in fixture_dataset.derived.eras] == [
        ("2022-03-29", "2022-03-31"), ("2025-05-16", "2025-06-03")]


def test_talks_days_and_the_busiest(fixture_dataset):
    derived = fixture_dataset.derived
    assert derived.talks_days == tuple(sorted(derived.talks_days)) and derived.busiest_day in derived.talks_days
    assert derived.lane_titles["side"][0] == "Russia" and len(derived.lanes["side"]) == len(fixture_dataset.sides)


def test_labels_cover_every_event(fixture_dataset):
    labels = fixture_dataset.derived.labels
    assert list(labels.index) == list(fixture_dataset.events.index)
    assert list(labels.columns) == ["when", "date", "hover", "symbol", "x", "stated"]
    stated = dict(zip(labels.index, labels["stated"]))  # the occasions with positions, counted at load
    assert stated["e-alpha-session"] == "<br><b>2 positions stated</b> (see the Positions tab)"
    assert stated["e-gamma-session"] == ""


def test_dataset_and_derived_are_frozen_with_no_cache(fixture_dataset):
    assert "memo" not in {f.name for f in dataclasses.fields(Dataset)}
    with pytest.raises(dataclasses.FrozenInstanceError):
        fixture_dataset.derived.busiest_day = ""  # type: ignore[misc]
    with pytest.raises(TypeError):
        fixture_dataset.derived.lanes["round"] = ()  # type: ignore[index]


def snapshot(value):
    """What ``value`` holds, as bytes, field by field: a frame by its cells, labels and dtypes
    (pandas keeps caches of its own inside), a mapping by its items."""
    if dataclasses.is_dataclass(value):
        return {f.name: snapshot(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {key: snapshot(item) for key, item in value.items()}
    if isinstance(value, pd.DataFrame):
        return pickle.dumps((value.to_dict("split"), value.dtypes.astype(str).tolist()))
    return pickle.dumps(value)


def test_serving_every_view_leaves_the_dataset_as_loaded(fixture_dir):
    """Nothing is computed lazily and kept on the dataset: drawing every tab in every form and
    writing the CSV leave it byte for byte as the loader returned it."""
    ds = load_dataset(fixture_dir)
    before = snapshot(ds)
    for tab in (t.value for t in all_tabs()):
        for lanes in ("round", "side"):
            for form in FORMS:
                go.Figure(build_figure(ds, ViewState(tab=tab, lanes=lanes), size=Size.of_form(form)))
        events_csv(ds, ViewState(tab=tab))
    assert snapshot(ds) == before
