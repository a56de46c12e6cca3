"""Who to credit for a view: the sources behind what it shows, as a credit line and a citation.

The embed page's credit, the share dialog's "cite this" text and the HTML export all come from
here, so they always name the same sources.
"""

from __future__ import annotations

from dashboard.data.credits import APP_NAME, NAMED, source_text
from dashboard.data.dataset import Dataset
from dashboard.data.derived import most_cited
from dashboard.data.event_detail import SourceRef, source_refs
from dashboard.data.filters import filter_events
from dashboard.data.positions import filter_positions, view_filters
from dashboard.state import ViewState
from dashboard.tabs import tab
from dashboard.i18n import translator

CREDIT_PUBLISHERS = NAMED  # publishers named in the one-line credit before "and N more"


def _citations(ds: Dataset, view: ViewState) -> list[str]:
    """Source ids of what the view shows, once per citing row: its events, and the territory
    rows where its figure draws them (the tab registry says which do); on the Positions tab,
    the positions shown."""
    if tab(view.tab).matrix:
        return [source for sources in filter_positions(ds, **view_filters(view))["source_ids"] for source in sources]
    cited = [source for sources in filter_events(ds, view)["source_ids"] for source in sources]
    if tab(view.tab).draws_territory:
        cited += [source for sources in ds.territory["source_ids"] for source in sources]
    return cited


def cited_sources(ds: Dataset, view: ViewState) -> tuple[SourceRef, ...]:
    """The sources behind the view, each once, sorted by publisher and title."""
    refs = source_refs(ds, sorted(set(_citations(ds, view))), view.lang)
    return tuple(sorted(refs, key=lambda s: (s.publisher, s.title, s.url)))


def credit_line(ds: Dataset, view: ViewState) -> str:
    """'Source: Reuters, TASS, AFP and 39 more · negotiation-timeline' (one line, under every
    embed): the original outlets the view cites most, by the rows that cite them (ties in
    alphabetical order), never just the alphabetically first."""
    publishers = most_cited(ds.sources, [_citations(ds, view)])
    if not publishers:
        return translator(view.lang).gettext("Source: no events match this view") + f" · {APP_NAME}"
    return f"{source_text(publishers, CREDIT_PUBLISHERS, view.lang)} · {APP_NAME}"


def source_line(source: SourceRef) -> str:
    """'Publisher, "Title" (16 May 2025). https://…' — one cited source as plain text."""
    return f'{source.publisher}, "{source.title}" ({source.published}). {source.url}'


def cite_text(ds: Dataset, view: ViewState, url: str) -> str:
    """A plain-text citation of the view at ``url`` with every source it draws on."""
    t = translator(view.lang)
    head = t.gettext("%(title)s. %(app)s, data version %(version)s, %(license)s. %(url)s") % {
        "title": ds.title, "app": APP_NAME, "version": ds.version, "license": ds.license, "url": url}
    sources = cited_sources(ds, view)
    if not sources:
        return head
    return "\n".join([head, t.gettext("Sources:"), *(f"- {source_line(s)}" for s in sources)])
