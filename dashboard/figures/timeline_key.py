"""The timeline's key: only what is drawn, in rows under the plot (columns of a fraction of
it, as plotly sets them), or on a slide whose key would crowd the lanes out, beside the plot.
"""

from __future__ import annotations

from html import unescape

import pandas as pd

from dashboard.data.labels import VERIFICATION_SYMBOLS, esc, vocabulary
from dashboard.figures.assembly import legend_symbols
from dashboard.figures.size import Size
from dashboard.figures.text import text_px
from dashboard.figures.theme import Theme
from dashboard.i18n import translator


def key_beside(sight: pd.DataFrame, least: float, theme: Theme, size: Size, gap_shown: bool,
               lang: str) -> float:
    """The px a slide gives its key beside the plot (0: under it, as usual): where the key under
    the plot would leave the lanes and the territory panel less than their least (long names,
    as in Ukrainian, make it many rows), it stands beside the plot, one entry a line."""
    names = [esc(vocabulary(kind, lang)) for kind in sorted(set(sight["kind"]))]
    names += [entry["name"] for entry in shapes_key(sight, theme, False, lang)]
    if not names:
        return 0.0
    small = max(10, theme.font_size - 2)
    _, rows = legend_grid([{"name": name} for name in names], size.width - 30, small)
    line = small * 1.5
    under = rows * (small + 10) + 6 + 8
    chrome = 12 + line + 2 + 8 + theme.font_size * 1.6 + 10 + (line + 4 if gap_shown else 0) + 2 * line + 14
    if chrome + under + least <= size.height:  # the band labels, dates, titles; ``least``: lanes and panel
        return 0.0
    return 60 + max(text_px(unescape(line), small) for name in names for line in key_lines(name).split("<br>"))


def key_lines(name: str, longest: int = 14) -> str:
    """A key entry beside the plot on two lines where it is long ("территориальное<br>событие"),
    broken at the space nearest its middle: the key stays narrow."""
    if len(unescape(name)) <= longest or " " not in name:
        return name
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return name[:cut] + "<br>" + name[cut + 1:]


def legend_grid(data: list[dict], plot_px: float, font_px: float) -> tuple[int, int]:
    """The horizontal legend as a grid of columns, each a fraction of the plot's width (so the
    rows are the same at every width of the form): the columns and the rows it takes."""
    names = [t.get("name", "") for t in data if t.get("showlegend", True)]
    if not names:
        return 1, 0
    entry = max(map(len, names)) * font_px * 0.6 + 50  # the text, the symbol and the gaps
    columns = max(1, int(plot_px // entry))
    return columns, -(-len(names) // columns)


def shapes_key(visible: pd.DataFrame, theme: Theme, grouped: bool, lang: str = "en") -> list[dict]:
    """The shape key of only the verifications drawn (and the open shape if a planned event is)."""
    if grouped:
        return []
    symbols = set(visible["symbol"])
    drawn = set(visible["verification"])
    planned = any(s.endswith("-open") for s in symbols)
    key = legend_symbols(theme, drawn, planned=planned)
    # compact: "◆ single source" beside the kinds' coloured dots
    names = [vocabulary(v, lang).replace("-", " ") for v in VERIFICATION_SYMBOLS if v in drawn]
    names += [translator(lang).gettext("planned (open)")] if planned else []
    for entry, name in zip(key, names):
        entry.pop("legendgroup", None)
        entry["name"] = esc(name)
    return key
