"""Embed (``/embed?<same query as explore>``): a view's figure (or table) for other sites'
iframes, as one server-rendered GET page that any CDN can carry: no Dash renderer, React or
callbacks, so no reader's request has to reach a Python worker twice.

The page holds everything its view needs: the title, the figure for each size form (phone,
column, wide: the same ``build_figure`` the explore page and the exports call) as JSON that
assets/embed-page.js hands to our trimmed plotly.js for the form of its box, where a
rendered picture of the view exists an inline SVG of each form shown at once (CSS picks the
form before any script runs; the interactive figure replaces it in the same box, so nothing
moves), the text alternative, the credit and "data through" line, a keyboard list of the
view's events, the open event's detail and the link back. An event opened later fetches its
detail as an HTML fragment (``/embed/detail/<id>.html``), cacheable like the page.
assets/embed-child.js reports the page's height to the host page (pym.js format).

A tab whose content is a table (``tab(v).table``) gets the table, rendered here, instead of
its figure. ``publish`` writes the same pages as files (``Links`` says where their files are).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from html import escape
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from dashboard import urls
from dashboard.data.credits import currency_text
from dashboard.data.dataset import Dataset
from dashboard.data.event_detail import event_detail
from dashboard.data.filters import filter_events
from dashboard.export import export_filename
from dashboard.figures.assembly import figure_json
from dashboard.figures.size import PHONE_BELOW, WIDE_ABOVE, Size
from dashboard.state import ViewState
from dashboard.tabs import build_figure, choices_for, figure_description, tab
from dashboard.views import components as c
from dashboard.views.citation import credit_line
from dashboard.views.embed_code import EMBED_PADDING_PX, embed_title
from dashboard.views.explore.page import GRAPH_CONFIG
from dashboard.views.html_text import to_html
from dashboard.views import positions as pv
from dashboard.i18n import N_, RecordText, is_english, lang_folder, record_text, translator

PATH = urls.EMBED
GRAPH, DETAIL, DETAIL_CLOSE, BACK = "embed-graph", "embed-detail", "embed-detail-close", "embed-back"
CAPTION, DATA, EVENTS = "embed-graph-caption", "embed-data", "embed-events"
FORMS = ("phone", "column", "wide")  # the forms an embed's box can take (never a slide)
# Parameters a pym.js host page adds to the iframe's URL: not part of the view.
PYM_PARAMS = frozenset({"initialWidth", "childId", "parentTitle", "parentUrl"})
EVENT_SLOT = "EVENT-ID"  # where embed-page.js puts an opened event's id into the link back
ASSETS = Path(__file__).resolve().parents[2] / "assets"
STYLES = ("style.css", "accessibility.css", "embed.css")  # inlined: a few kB, and no request
PLOTLY = "plotly-timeline.min.js"  # our trimmed bundle (scripts/build_plotly_bundle.sh)
LOCALES = "plotly-locales.js"  # plotly.js's words and numbers in uk, ru, tr (a non-English figure)
MATRIX_SCRIPT = "positions.js"  # the Positions tab's details and phone topic picker
SCRIPTS = (PLOTLY, LOCALES, "embed-child.js", "embed-page.js", MATRIX_SCRIPT)  # in this order
CAPTION_NOTE = N_("The same events are listed as text under Events in this view.")


@dataclass(frozen=True)
class Links:
    """Where an embed page's files and links point: the app's routes, or a published site's
    relative files. ``explore`` prefixes the link back ('' in the app: a path of this origin;
    omitted when None); ``here``, ``oembed`` and ``image`` are absolute URLs for the head's
    tags ('' for none)."""

    scripts: tuple[str, ...]  # URLs of SCRIPTS
    detail: str  # an event's detail fragment is detail + id + '.html'
    figures: str = ""  # the figures' JSON route: an opened event's figures (it marks it) come from it
    positions: str = urls.EMBED_POSITION_DETAIL  # a position's detail is positions + [lang/] + id + '.html'
    explore: str | None = ""
    here: str = ""
    oembed: str = ""
    image: str = ""


def view_of(ds: Dataset, query: str) -> tuple[ViewState, list[str]]:
    """The view a URL query asks for, less what a pym.js parent adds; notes on what it cannot use."""
    kept = urlencode([(k, v) for k, v in parse_qsl(query.lstrip("?"), keep_blank_values=True)
                      if k not in PYM_PARAMS])
    return ViewState.from_query(kept, choices_for(ds))


def figures(ds: Dataset, view: ViewState) -> dict:
    """The view's figure in each form (none for a tab that shows a table or a matrix)."""
    if tab(view.tab).table or tab(view.tab).matrix:
        return {}
    return {form: build_figure(ds, view, size=Size.of_form(form)) for form in FORMS}


def figures_json(drawn: dict) -> str:
    """``figures(…)`` as one JSON object, ``{"phone": {...}, ...}``: what the page draws and
    what /embed/figures.json answers."""
    return "{" + ",".join(f'"{form}":{figure_json(figure)}' for form, figure in drawn.items()) + "}"


def detail_html(ds: Dataset, event_id: str, lang: str = "en") -> str:
    """The detail panel's content for one event (the explore page's panel, as HTML), its links
    staying in the embed."""
    return to_html(c.detail_panel(event_detail(ds, event_id, lang), DETAIL_CLOSE, lang, urls.EMBED))


def detail_prefix(links: "Links", lang: str) -> str:
    """Where the details of ``lang`` are: an English one at detail + id, another under its language."""
    return links.detail + lang_folder(lang)


def render(ds: Dataset, view: ViewState, notes: list[str], links: Links, pictures: dict[str, str] | None = None) -> str:
    """The whole page for ``view``; ``pictures`` maps a form to its rendered SVG (none: no picture)."""
    t = translator(view.lang)
    shown_as_html = tab(view.tab).table or tab(view.tab).matrix
    drawn = figures(ds, view)
    heights = {form: figure["layout"]["height"] for form, figure in drawn.items()}
    data = {"figures": "@FIGURES@", "config": c.graph_config({**GRAPH_CONFIG, "toImageButtonOptions": {
        "filename": export_filename(view), "scale": 2}}, view.lang), "detail": detail_prefix(links, view.lang),
        "back": _back(links, replace(view, event=EVENT_SLOT)), "plain": _back(links, replace(view, event="")),
        "marked": links.figures and replace(view, event=EVENT_SLOT).url(links.figures),
        "unmarked": links.figures and view.event and replace(view, event="").url(links.figures)}
    payload = json.dumps(data, ensure_ascii=False).replace('"@FIGURES@"', figures_json(drawn), 1)
    description = figure_description(ds, view)
    main = [
        to_html(c.notes_banner(notes, view.lang)),
        f'<h1 class="{"embed-title" if shown_as_html else "embed-title visually-hidden"}">{escape(ds.title)}</h1>',
        tab_content(ds, view, links) if shown_as_html else _figure(ds, view, description, pictures or {}),
        "" if tab(view.tab).matrix else _event_list(ds, view),
        f'<aside id="{DETAIL}" class="detail embed-detail" aria-label="{escape(t.gettext("Event detail"))}"'
        f'{"" if view.event else " hidden"}>{detail_html(ds, view.event, view.lang)}</aside>',
        _credit(ds, view, links),
    ]
    return PAGE.format(
        head=_head(ds, view, links, heights, description), theme=escape(view.theme), main="\n".join(main),
        lang=escape(view.lang),
        data_id=DATA, data=payload.replace("</", "<\\/"),
    )


def tab_content(ds: Dataset, view: ViewState, links: Links) -> str:
    """What a table tab shows instead of its figure, in a box of at most TABLE_MAX_PX that
    scrolls by itself (and by keyboard: it is a focusable, named region); a matrix tab, its
    matrix (which scrolls sideways in its own box)."""
    if tab(view.tab).matrix:
        return f'<div class="positions">{to_html(pv.matrix_view(ds, view, urls.EMBED, links.positions))}</div>'
    table = c.events_table(ds, filter_events(ds, view), view.order, view.lang)
    label = translator(view.lang).gettext("%(name)s, as a table") % {"name": translator(view.lang).gettext(
        tab(view.tab).name)}
    return (f'<div class="embed-table" role="region" tabindex="0" aria-label="{escape(label)}">'
            f"{to_html(table)}</div>")


def _figure(ds: Dataset, view: ViewState, description: str, pictures: dict[str, str]) -> str:
    shown = "".join(f'<div class="embed-picture embed-picture-{form}" aria-hidden="true">{pictures[form]}</div>'
                    for form in FORMS if form in pictures)
    caption = c.graph_caption(ds, view, CAPTION_NOTE, description)
    return (f'<figure class="graph-figure" aria-labelledby="{CAPTION}">'
            f'<figcaption id="{CAPTION}" class="visually-hidden">{escape(caption)}</figcaption>'
            f'<div class="embed-figure-box">{shown}<div id="{GRAPH}" class="graph"><div class="embed-plot"></div></div>'
            "</div></figure>")


def _event_list(ds: Dataset, view: ViewState) -> str:
    """Every event of the view as a button (Enter opens its detail): the keyboard's way to the
    events a pointer reaches on the chart."""
    events = filter_events(ds, view).iloc[:c.LISTED_MAX]
    if events.empty:
        return ""
    when = ds.derived.labels_in(view.lang).loc[events.index, "when"]
    titles = [record_text(row, "title", view.lang) for _, row in events.iterrows()]
    items = "".join(f'<li><button type="button" class="event-item" data-event="{escape(event_id)}">'
                    f"{escape(str(label))} — {_in_its_language(title, view.lang)}</button></li>"
                    for event_id, title, label in zip(events.index, titles, when))
    summary = translator(view.lang).gettext("Events in this view (%(count)s)") % {"count": len(events)}
    return (f'<details class="embed-events" id="{EVENTS}"><summary>{escape(summary)}</summary>'
            f"<ol>{items}</ol></details>")


def _in_its_language(text: RecordText, lang: str) -> str:
    """Data text as HTML, marked English where the reader's language has no translation."""
    return escape(text.text) if text.lang == lang else f'<span lang="en">{escape(text.text)}</span>'


def _credit(ds: Dataset, view: ViewState, links: Links) -> str:
    full = translator(view.lang).gettext("Open the full view")
    back = "" if links.explore is None else (
        f' · <a id="{BACK}" href="{escape(_back(links, view))}" target="_blank" rel="noopener">{escape(full)}</a>')
    return (f'<p class="embed-credit">{escape(credit_line(ds, view))} · {escape(currency_text(ds, view.lang))}{back}</p>')


def _back(links: Links, view: ViewState) -> str:
    return "" if links.explore is None else links.explore + view.url(urls.EXPLORE)


def page_title(ds: Dataset, view: ViewState) -> str:
    """The page's <title>: the open event's title, else the figure's, then the record's."""
    detail = event_detail(ds, view.event, view.lang) if view.event else None
    return f"{detail.title if detail else translator(view.lang).gettext(tab(view.tab).name)} · {ds.title}"


def page_description(ds: Dataset, view: ViewState, description: str | None = None) -> str:
    """The open event's summary, else the figure's text alternative (``description``, if it is
    made already), cut to 300 characters for a search result or a social card."""
    detail = event_detail(ds, view.event, view.lang) if view.event else None
    text = (detail.summary or detail.when) if detail else description or figure_description(ds, view)
    return text if len(text) <= 300 else text[:299].rsplit(" ", 1)[0] + "…"


def _head(ds: Dataset, view: ViewState, links: Links, heights: dict[str, int], figure_text: str) -> str:
    title, description = page_title(ds, view), page_description(ds, view, figure_text)
    tags = [f"<title>{escape(title)}</title>", f'<meta name="description" content="{escape(description)}">',
            f'<meta property="og:type" content="website"><meta property="og:title" content="{escape(title)}">',
            f'<meta property="og:description" content="{escape(description)}">',
            f'<meta name="twitter:card" content="{"summary_large_image" if links.image else "summary"}">',
            f'<meta name="twitter:title" content="{escape(title)}">',
            f'<meta name="twitter:description" content="{escape(description)}">']
    if links.here:
        tags.append(f'<meta property="og:url" content="{escape(links.here)}">')
    if links.image:
        tags += [f'<meta property="og:image" content="{escape(links.image)}">',
                 f'<meta name="twitter:image" content="{escape(links.image)}">',
                 f'<meta property="og:image:alt" content="{escape(embed_title(ds, view.lang))}">']
    if links.oembed:
        tags.append(f'<link rel="alternate" type="application/json+oembed" href="{escape(links.oembed)}">')
    tags.append(f"<style>{STYLE_TEXT}{_form_rules(heights)}</style>")
    tags += [f'<script src="{escape(src)}" defer></script>' for name, src in zip(SCRIPTS, links.scripts)
             if _loads(name, view, bool(heights))]
    return "\n".join(tags)


def _loads(script: str, view: ViewState, figure: bool) -> bool:
    """Whether the page needs ``script``: plotly.js only to draw a figure (a table or matrix
    draws none), its locales only in another language, the matrix's script only on its tab."""
    if script == PLOTLY:
        return figure
    if script == LOCALES:
        return figure and not is_english(view.lang)
    if script == MATRIX_SCRIPT:
        return bool(tab(view.tab).matrix)
    return True


def _form_rules(heights: dict[str, int]) -> str:
    """The graph box's height in each form, and which picture shows, chosen by the page's width
    (the iframe's) as embed-page.js chooses by the box's: the box is the page less its padding."""
    if not heights:
        return ""
    phone, wide = PHONE_BELOW + EMBED_PADDING_PX, WIDE_ABOVE + EMBED_PADDING_PX
    media = {"phone": f"(max-width: {phone - 0.02}px)", "column": f"(min-width: {phone}px) and (max-width: {wide}px)",
             "wide": f"(min-width: {wide + 0.02}px)"}
    return "".join(f"@media {media[form]} {{ #{GRAPH} {{ height: {heights[form]}px; }} "
                   f".embed-picture-{form} {{ display: block; }} }}" for form in FORMS)


STYLE_TEXT = "".join((ASSETS / name).read_text(encoding="utf-8") for name in STYLES)
PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
{head}
</head>
<body>
<div class="page embed theme-{theme}">
<main id="main" class="embed-main">
{main}
</main>
<script type="application/json" id="{data_id}">{data}</script>
</div>
</body>
</html>
"""
