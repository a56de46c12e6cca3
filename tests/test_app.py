"""The app's wiring: every id a callback names exists in the shell or in some view's layout.
(Dash's own check is off: its validation layout would be inlined into every page.)"""

from __future__ import annotations

import json

from dashboard.app import VIEWS, create_app
from dashboard.config import Config
from dashboard.data.dataset import load_dataset
from dashboard.state import ViewState

from .conftest import make_package


def layout_ids(tree) -> set[str]:
    """Ids in a component tree; a pattern-matching id counts as its ``type``."""
    ids = set()
    for node in [tree, *tree._traverse()]:
        ident = getattr(node, "id", None)
        if ident is not None:
            ids.add(ident if isinstance(ident, str) else ident["type"])
    return ids


def callback_ids(spec: dict) -> set[str]:
    entries = [e["id"] for e in [*spec["inputs"], *spec["state"]]]
    outputs = spec["output"].strip(".").split("...") if spec["output"].startswith("..") else [spec["output"]]
    if not spec.get("no_output"):  # else the output is a generated placeholder
        entries += [o.rsplit(".", 1)[0].split("@")[0] for o in outputs]
    return {json.loads(e)["type"] if e.startswith("{") else e for e in entries}


def test_every_callback_id_is_in_a_layout(tmp_path):
    package = make_package(tmp_path / "package")
    app, ds = create_app(Config(data_dir=package)), load_dataset(package)
    views = [ViewState(), ViewState(tab="table", event=ds.events.index[0]), ViewState(tab="positions")]
    known = layout_ids(app.layout).union(*(layout_ids(module.layout(ds, view, []))
                                           for module in VIEWS.values() for view in views))
    named = set().union(*(callback_ids(spec) for spec in app._callback_list))
    assert len(named) > 20 and named <= known, named - known
