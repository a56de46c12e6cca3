"""``negotiation-timeline publish``: the embeds as a static site that any host serves with no
Python (an S3 bucket, GitHub Pages, ``python -m http.server``) and nothing in it calls the app.

What it writes into ``--out``:

- ``embed/<view>.html``: the embed page of each view (``views.embed.render``, the page /embed
  serves), its first picture inlined, its scripts from ``assets/``; ``embed/<view>.json`` its
  figures; ``embed/detail/<event>.html`` each event's detail, as /embed/detail/ serves it, and
  ``embed/positions/<position>.html`` each position's, as /embed/positions/ does (a language
  other than English: under its code, in both);
- ``assets/<name>.<digest>.<ext>``: the page's scripts, fingerprinted (cache them for ever);
- ``embed.js``: the host-page script that makes the iframes follow their content's height;
- ``pictures/<view>-<form>.svg`` and ``pictures/<view>.png``: each view's pictures;
- ``index.html``: every embed with its iframe code.

Every file is a pure function of the data and the code (no dates, sorted lists, pictures
with fixed ids), so publishing unchanged data again writes identical bytes. The views are by
default every tab, each round series and every slide of the shipped decks.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path

from dashboard import urls
from dashboard.publishing import pictures
from dashboard.data.dataset import Dataset
from dashboard.data.event_detail import cell_text
from dashboard.i18n import lang_folder
from dashboard.export import export_filename
from dashboard.state import ViewState
from dashboard.tabs import all_tabs, choices_for, tab
from dashboard.views import embed
from dashboard.views import positions as pv
from dashboard.views.citation import APP_NAME
from dashboard.views.embed_code import embed_height, embed_title, frame_size, iframe_code


@dataclass(frozen=True)
class Published:
    view: ViewState
    name: str  # the file name's stem: embed/<name>.html
    label: str  # what the index calls it


def default_views(ds: Dataset) -> list[tuple[ViewState, str]]:
    """(view, label) for every tab, each round series and each slide of the decks, each once."""
    views = [(ViewState(tab=t.value), t.label) for t in all_tabs()]
    for series, rounds in ds.rounds.groupby("series", sort=False):
        views.append((ViewState(rounds=tuple(rounds["id"])), f"Round series {series}"))
    choices = choices_for(ds)
    for slide in ds.slides.itertuples():
        view, _ = ViewState.from_query(cell_text(slide.view), choices)  # a slide may have no view
        views.append((view, f"Deck {slide.deck_id}, slide {slide.slide}: {slide.title}"))
    seen, kept = set(), []
    for view, label in views:
        if view not in seen:
            seen.add(view)
            kept.append((view, label))
    return kept


def names(views: list[tuple[ViewState, str]]) -> list[Published]:
    """A file name for each view from its parameters (export_filename's), unique."""
    taken, published = set(), []
    for view, label in views:
        name = export_filename(view).removeprefix(APP_NAME).strip("-") or "default"
        if name in taken:
            name += "-" + hashlib.blake2b(view.to_query().encode(), digest_size=4).hexdigest()
        taken.add(name)
        published.append(Published(view, name, label))
    return published


def publish(ds: Dataset, out: Path, views: list[tuple[ViewState, str]], base_url: str = "",
            app_url: str = "", cache: Path | None = None) -> list[Published]:
    """Write the site into ``out`` (made if missing). ``base_url`` is where it will be served
    (absolute links in the index's code and the social cards) or '' (relative links);
    ``app_url`` the live app's origin for the link back to the full view ('' for none); with
    ``cache`` the pictures are kept there too (the app's picture folder: its /embed then shows
    them). Raises export.ExportError when pictures cannot be rendered, OSError when a file
    cannot be written."""
    entries = names(views)
    scripts = _assets(out)
    with tempfile.TemporaryDirectory() as scratch:
        folder = cache or Path(scratch)
        pictures.fill(folder, ds, [entry.view for entry in entries])
        for entry in entries:
            _embed_page(ds, out, entry, scripts, folder, base_url, app_url)
    for lang in sorted({entry.view.lang for entry in entries}):  # each language's details in its folder
        details = out / "embed" / "detail" / lang_folder(lang)
        for event_id in sorted(ds.events.index):
            _write(details / f"{event_id}.html", embed.detail_html(ds, event_id, lang))
        positions = out / "embed" / "positions" / lang_folder(lang)
        for position_id in sorted(ds.positions.index):
            _write(positions / f"{position_id}.html", pv.detail_html(ds, position_id, urls.EMBED, lang))
    _write(out / "embed.js", (embed.ASSETS / "embed.js").read_bytes())
    _write(out / "index.html", _index(ds, entries, base_url))
    return entries


def _assets(out: Path) -> tuple[str, ...]:
    """Copy the page's scripts under fingerprinted names; their URLs from embed/<view>.html."""
    found = []
    for name in embed.SCRIPTS:
        raw = (embed.ASSETS / name).read_bytes()
        stem, _, extension = name.partition(".")
        fingerprinted = f"{stem}.{hashlib.blake2b(raw, digest_size=8).hexdigest()}.{extension}"
        _write(out / "assets" / fingerprinted, raw)
        found.append(f"../assets/{fingerprinted}")
    return tuple(found)


def _embed_page(ds: Dataset, out: Path, entry: Published, scripts: tuple[str, ...], folder: Path,
                base_url: str, app_url: str) -> None:
    view = entry.view
    drawn = {} if tab(view.tab).table else {
        form: pictures.cached(folder, ds, view, form, "svg").decode("utf-8") for form in embed.FORMS}
    for form, svg in drawn.items():
        _write(out / "pictures" / f"{entry.name}-{form}.svg", svg)
    _write(out / "pictures" / f"{entry.name}.png", pictures.cached(folder, ds, view, pictures.THUMBNAIL_FORM, "png"))
    links = embed.Links(scripts, "detail/", positions="positions/", explore=app_url or None,
                        here=f"{base_url}/embed/{entry.name}.html" if base_url else "",
                        image=f"{base_url}/pictures/{entry.name}.png" if base_url else "")
    _write(out / "embed" / f"{entry.name}.html", embed.render(ds, view, [], links, drawn))
    _write(out / "embed" / f"{entry.name}.json", embed.figures_json(embed.figures(ds, view)))


def _index(ds: Dataset, entries: list[Published], base_url: str) -> str:
    title = embed_title(ds)
    items = []
    for entry in entries:
        src = f"{base_url}/embed/{entry.name}.html" if base_url else f"embed/{entry.name}.html"
        code = iframe_code(src, title, embed_height(ds, entry.view, size=frame_size("100%")))
        items.append(f'<li><h2><a href="embed/{escape(entry.name)}.html">{escape(entry.label)}</a></h2>'
                     f"<p><code>{escape(entry.view.url(urls.EMBED))}</code></p>"
                     f'<textarea readonly rows="4" aria-label="Embed code: {escape(entry.label)}">'
                     f"{escape(code)}\n&lt;script src=\"{escape(base_url or '.')}/embed.js\" async&gt;&lt;/script&gt;"
                     f"</textarea></li>")
    return INDEX.format(title=escape(ds.title), version=escape(ds.version), count=len(entries),
                        items="\n".join(items))


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    if not path.is_file() or path.read_bytes() != data:  # unchanged files keep their dates
        path.write_bytes(data)


INDEX = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Embeds · {title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; line-height: 1.45; }}
h2 {{ font-size: 1.05rem; margin: 1.25rem 0 .25rem; }}
ul {{ list-style: none; padding: 0; }}
textarea {{ width: 100%; font: .85rem ui-monospace, monospace; }}
</style>
</head>
<body>
<main>
<h1>Embeds · {title}</h1>
<p>{count} views of data version {version}. Paste a view's code into an article: the iframe
follows its content's height where the script is on the page.</p>
<ul>
{items}
</ul>
</main>
</body>
</html>
"""
