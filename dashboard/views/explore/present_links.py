"""The explore page's links into the presentation: "Present this" opens the default deck,
"Start deck here" a one-slide deck of the current view (``/present?view=<query>``), kept in
step with the view as it changes."""

from __future__ import annotations

from dash import Dash, Input, Output, html

from dashboard.data.dataset import Dataset
from dashboard.views.present.deck import present_url, view_deck
from dashboard.state import ViewState
from dashboard.tabs import choices_for
from dashboard.i18n import translator

PRESENT_THIS, START_DECK = "present-this", "start-deck"


def panel(ds: Dataset, view: ViewState) -> html.Div:
    t = translator(view.lang)
    return html.Div(className="present-links control-buttons", children=[
        html.A(t.gettext("Present this"), id=PRESENT_THIS, href=present_url(None, lang=view.lang), className="button",
               hidden=ds.decks.empty, title=t.gettext("Open the classroom slides (full window, arrow keys)")),
        html.A(t.gettext("Start deck here"), id=START_DECK, href=present_url(view_deck(ds, view)),
               className="button", title=t.gettext("Present the current view as a slide")),
    ])


def register(app: Dash, ds: Dataset, query_id: str) -> None:
    """``query_id``: the explore page's store holding the current view's query string."""
    choices = choices_for(ds)

    @app.callback(Output(START_DECK, "href"), Input(query_id, "data"), prevent_initial_call=True)
    def follow_view(query):
        view, _ = ViewState.from_query(query or "", choices)
        return present_url(view_deck(ds, view))
