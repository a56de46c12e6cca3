"""The one registry of tabs: what each value of the ``tab`` view parameter shows.

Every place that needs "which tabs exist" reads ``all_tabs()`` or ``tab(value)``: the view
state's validation (through ``choices_for``), the figure dispatch, the text alternatives,
the citation and embed-height rules, the explore page's tab control and its client-side zoom
rule. Adding a tab is one entry in ``TABS`` plus one figure module. Lookups read ``TABS`` when
called, so a test can put a toy tab into the registry of the app it builds.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from dashboard.data.dataset import Dataset, load_dataset
from dashboard.figures import describe
from dashboard.figures.assembly import Figure
from dashboard.figures.compare import compare_figure
from dashboard.figures.positions import positions_figure
from dashboard.figures.schedule import schedule_figure
from dashboard.figures.size import Size
from dashboard.figures.theme import Theme, get_theme
from dashboard.figures.timeline import timeline_figure
from dashboard.i18n import N_, translator
from dashboard.state import Choices, ViewState, dataset_choices
from dashboard import urls

FigureBuilder = Callable[[Dataset, ViewState, Theme, Size], Figure]
Describer = Callable[[Dataset, ViewState], str]


@dataclass(frozen=True)
class Tab:
    value: str  # the ``tab`` URL parameter
    label: str  # the explore page's tab control (an English message: translate where shown)
    doc: str  # what it shows, for the README's table of URL parameters ('' when the value says it)
    name: str  # the accessible name of its figure (a message, like ``label``)
    figure: FigureBuilder  # (dataset, view, theme, size) -> figure
    describe: Describer  # the figure's text alternative, from the data of the view
    draws_territory: bool = False  # its figure draws territory: credit the territory sources
    table: bool = False  # shows the events table (its figure, for exports, is ``figure``'s)
    zooms: bool = False  # a drag-zoom of its figure is written to the view (from/to)
    matrix: bool = False  # shows the positions matrix as a table (its figure, for exports, is ``figure``'s)
    csv: str = urls.EVENTS_CSV  # the download of what it shows


TIMELINE_NAME = N_("Timeline of the talks with the territory under Russian control")
TABS: tuple[Tab, ...] = (
    Tab("timeline", N_("Timeline"), "", TIMELINE_NAME, timeline_figure, describe.timeline,
        draws_territory=True, zooms=True),
    Tab("schedule", N_("Talks day"), "a talks day hour by hour",
        N_("Talks day, hour by hour: scheduled against actual times"), schedule_figure, describe.schedule),
    Tab("compare", N_("Tracks compared"), "negotiation tracks side by side, each from its day 0",
        N_("Negotiation tracks side by side, each aligned on its own first session"), compare_figure,
        describe.compare, draws_territory=True),
    Tab("table", N_("Table"), "", TIMELINE_NAME, timeline_figure, describe.timeline,
        draws_territory=True, table=True, zooms=True),
    Tab("positions", N_("Positions"), "what each side stated, topic by topic, at each occasion",
        N_("What was on the table: each side's stated positions by topic and occasion"), positions_figure,
        describe.positions, matrix=True, csv=urls.POSITIONS_CSV),
)


def all_tabs() -> tuple[Tab, ...]:
    return TABS


def tab(value: str) -> Tab:
    """The tab for ``value``; the first (default) tab for a value no tab has."""
    return next((t for t in TABS if t.value == value), TABS[0])


def param_doc() -> str:
    """The ``tab`` parameter's line in the README's table of URL parameters."""
    return "which figure: " + ", ".join(f"{t.value} ({t.doc})" if t.doc else t.value for t in TABS)


def choices_for(ds: Dataset) -> Choices:
    """What a link may ask for on this dataset: its ids and the registry's tabs."""
    return dataset_choices(ds, tuple(t.value for t in TABS))


def build_figure(ds: Dataset, view: ViewState, theme: Theme | None = None, size: Size = Size()) -> Figure:
    """The figure a view shows, laid out for ``size``: the one entry point of the pages, the
    presentation and the exports."""
    return tab(view.tab).figure(ds, view, theme or get_theme(view.theme), size)


def figure_name(view: ViewState) -> str:
    """The accessible name of the view's figure, in the view's language."""
    return translator(view.lang).gettext(tab(view.tab).name)


def figure_description(ds: Dataset, view: ViewState) -> str:
    return tab(view.tab).describe(ds, view)


def figure_memo(ds: Dataset, kept: int = 16) -> Callable[[ViewState, Size], Figure]:
    """``build_figure(ds, view, size=…)`` remembering the last ``kept`` answers (a figure is a
    pure function of the view, the size and the immutable dataset). Callers must not modify
    what it returns."""
    @lru_cache(maxsize=kept)
    def figure(view: ViewState, size: Size = Size()) -> Figure:
        return build_figure(ds, view, size=size)

    return figure


def load(data_dir) -> Dataset:
    """``load_dataset`` with the slides' views checked against the registry's tabs: what the
    app, the WSGI entry point and the CLI load."""
    return load_dataset(data_dir, tuple(t.value for t in TABS))
