"""How current the record is, said everywhere it is shown: "Data through <latest event> ·
reviewed <date>" on the explore page, the embed, the figures (and so the PNG/SVG exports) and
the offline HTML export."""

from __future__ import annotations

import html

import plotly.graph_objects as go
from dashboard.data.credits import currency_text, record_credit
from dashboard.export import standalone_html
from dashboard.state import ViewState
from dashboard.tabs import build_figure
from dashboard.views import embed
from dashboard.views.explore import page as explore
from dashboard.views.present import page as present

def embed_page(ds, query: str) -> str:
    """The static /embed page's HTML for ``query``, as the app serves it."""
    view, notes = embed.view_of(ds, query)
    return embed.render(ds, view, notes, embed.Links(embed.SCRIPTS, "/embed/detail/"))


SHIPPED = "Data through 13 Mar 2026 · reviewed 1 Dec 2026"


def texts(tree) -> str:
    return _plain(" ".join(n.children if isinstance(n.children, str) else " ".join(c for c in n.children if isinstance(c, str))
                    for n in [tree, *tree._traverse()]
                    if isinstance(getattr(n, "children", None), (str, list))))


def _plain(text: str) -> str:
    """Non-breaking spaces (dates are kept on one line) read as spaces."""
    return text.replace("\u00a0", " ")


def test_the_shipped_record_says_how_far_it_runs(shipped_dataset):
    """The latest held or reported event is Peskov's statement of 13 Mar 2026 (its local day);
    the round announced for 16–22 Mar is only scheduled and does not extend the record."""
    assert _plain(currency_text(shipped_dataset)) == SHIPPED


def test_every_view_and_export_carries_it(shipped_dataset):
    ds = shipped_dataset
    assert SHIPPED in texts(explore.page(ds, ""))
    assert SHIPPED in _plain(html.unescape(embed_page(ds, "tab=schedule")))
    assert SHIPPED in texts(present.page(ds, "deck=us-track-2025-2026&slide=2"))
    assert SHIPPED in texts(present.page(ds, "deck=us-track-2025-2026&handout=1"))
    assert SHIPPED in _plain(standalone_html(ds, ViewState()))
    for tab in ("timeline", "schedule", "compare"):
        layout = go.Figure(build_figure(ds, ViewState(tab=tab))).layout
        drawn = [layout.title.subtitle.text or "", *(a.text or "" for a in layout.annotations)]
        assert any(SHIPPED in _plain(text).replace("<br>", " ") for text in drawn), tab  # drawn in the figure: PNG and SVG exports carry it too


def test_the_figure_credit_names_the_most_cited_outlets(shipped_dataset):
    credit = record_credit(shipped_dataset)
    top = shipped_dataset.derived.publishers
    assert credit.startswith(f"Source: {top[0]}, {top[1]}, {top[2]} and {len(top) - 3} more · ")
    assert top[0] in ("TASS", "Reuters")  # the record's two most-cited outlets
