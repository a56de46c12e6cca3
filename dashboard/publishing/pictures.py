"""Rendered pictures of views: the embed's first picture (SVG, one per form) and the oEmbed
thumbnail and social card (PNG), kept on disk per data version and view.

A picture is a pure function of the data version, the view and the form, so it is rendered
once (by kaleido, through ``export.figure_image``) and kept in ``<folder>/<data version>/``
under a name hashed from the view's query: a data update starts a new folder, and no name
comes from a request's text. ``publish --cache`` fills the folder the app reads; the app
only reads it (``path``, ``cached``): kaleido hangs under the production workers' gevent,
and no request may start a browser.

plotly.js names an SVG's clip paths after a random id; it is replaced by one derived from
the picture's own key, so a picture renders to the same bytes every time (``publish`` is
deterministic) and two pictures inlined in one page never share an id.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from dashboard.data.dataset import Dataset
from dashboard.export import figure_image, image_renderer
from dashboard.figures.size import LAYOUT_WIDTH
from dashboard.state import ViewState

THUMBNAIL_FORM = "wide"  # the oEmbed thumbnail's and the social card's form
_PLOTLY_UID = re.compile(r'id="defs-([0-9a-f]{6})"')


def key(ds: Dataset, view: ViewState, form: str, fmt: str) -> str:
    return hashlib.blake2b(f"{ds.version}\x1f{view.to_query()}\x1f{form}\x1f{fmt}".encode(),
                           digest_size=10).hexdigest()


def path(folder: Path, ds: Dataset, view: ViewState, form: str, fmt: str) -> Path:
    return folder / ds.version / f"{key(ds, view, form, fmt)}.{fmt}"


def cached(folder: Path, ds: Dataset, view: ViewState, form: str, fmt: str) -> bytes | None:
    try:
        return path(folder, ds, view, form, fmt).read_bytes()
    except OSError:
        return None


def render(ds: Dataset, view: ViewState, form: str, fmt: str) -> bytes:
    """The view's figure in ``form`` as SVG or PNG bytes, the same for the same data and view
    (raises export.ExportError)."""
    picture = figure_image(ds, view, fmt, LAYOUT_WIDTH[form])
    if fmt != "svg":
        return picture
    text = picture.decode("utf-8")
    found = _PLOTLY_UID.search(text)
    if found:
        text = text.replace(found.group(1), "u" + key(ds, view, form, fmt)[:8])
    return text.encode("utf-8")


def stored(folder: Path, ds: Dataset, view: ViewState, form: str, fmt: str) -> bytes:
    """The picture from ``folder``, rendered and kept there first if it is missing (the
    command line only)."""
    picture = cached(folder, ds, view, form, fmt)
    if picture is None:
        picture = render(ds, view, form, fmt)
        target = path(folder, ds, view, form, fmt)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(picture)
        partial.replace(target)  # atomic: another worker never reads half a picture
    return picture


def fill(folder: Path, ds: Dataset, views, forms=("phone", "column", "wide")) -> int:
    """Render every view's SVG in each form and its PNG thumbnail into ``folder`` (one browser
    for all of them); return how many were rendered (those kept already are skipped)."""
    rendered = 0
    with image_renderer():
        for view in views:
            for form, fmt in [*((form, "svg") for form in forms), (THUMBNAIL_FORM, "png")]:
                if cached(folder, ds, view, form, fmt) is None:
                    stored(folder, ds, view, form, fmt)
                    rendered += 1
    return rendered
