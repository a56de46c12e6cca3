"""Per-form layout pieces of the talks-day and comparison figures: text sizes, a heading wrapped
to the narrowest width of the form, a horizontal key under the plot.

A page builds a figure once per form and plotly stretches it to any width of that form, so
every "does it fit" judgement is made at the form's narrowest width (``least_width``), with
text widths estimated generously (Chromium's default sans-serif, DejaVu, is wide).
"""

from __future__ import annotations

import textwrap

from dashboard.data.dataset import Dataset
from dashboard.data.labels import esc
from dashboard.figures.assembly import TOOLBAR_PX, credit_text
from dashboard.figures.size import PHONE_BELOW, WIDE_ABOVE, Size
from dashboard.figures.text import CHAR_EM, text_px
from dashboard.figures.theme import Theme

LEAST_WIDTH = {"phone": 320, "column": PHONE_BELOW, "wide": WIDE_ABOVE + 1}  # a slide: its own area
SLIDE_FONT = 18  # px: the smallest figure text a room reads from the back
LINE_EM = 1.3  # line height per font size
CAP_SHIFT = 0.7  # plotly drops this shift (em) from a top-anchored title of more than one line


def least_width(size: Size) -> int:
    """The narrowest width (px) a figure of this size's form may be drawn at."""
    if size.form == "slide":
        return size.width  # the figure area the slide page measured
    return min(size.width, LEAST_WIDTH[size.form])


def slide_height(size: Size) -> int | None:
    """The height (px) of a slide's figure area, None off a slide or where it is not fixed."""
    return size.height if size.form == "slide" and size.height else None


def small_font(theme: Theme, size: Size) -> int:
    """Secondary text (notes, the key): one step under the body, never under 10 px (18 on slides)."""
    return max(SLIDE_FONT if size.form == "slide" else 10, theme.font_size - 1)


def body_font(theme: Theme, size: Size) -> int:
    return max(SLIDE_FONT, theme.font_size) if size.form == "slide" else theme.font_size


def wrap(text: str, chars: float, lines: int | None = None) -> list[str]:
    """``text`` on lines of at most ``chars`` characters (escaped), at most ``lines`` lines, the
    lines balanced (no lone last word) as CSS's ``text-wrap: balance``."""
    chars = max(8, int(chars))
    words = dict(break_long_words=False, break_on_hyphens=False)  # a name is never cut mid-word
    count = len(textwrap.wrap(str(text), chars, max_lines=lines, placeholder=" …", **words))
    narrowest = next(w for w in range(max(8, len(str(text)) // max(count, 1)), chars + 1)
                     if len(textwrap.wrap(str(text), w, **words)) <= count) if count > 1 and not lines else chars
    return [esc(line) for line in textwrap.wrap(str(text), narrowest, max_lines=lines, placeholder=" …", **words)] \
        or [esc(text)]


def heading(ds: Dataset, theme: Theme, title: str, size: Size, lang: str = "en") -> tuple[dict, int]:
    """The title and the credit under it, each wrapped to the form's narrowest width, under the
    toolbar's band (``TOOLBAR_PX``): (the layout's ``title``, the px they take from the top). On a slide, neither: the slide shows
    its own title and sources."""
    if size.form == "slide":
        return dict(text="", subtitle=dict(text="")), 12
    room = least_width(size) - 24
    title_font, credit_font = theme.font_size + 3, max(10, theme.font_size - 3)
    titles = wrap(title, room / (title_font * CHAR_EM))
    credits = wrap(credit_text(ds, lang), room / (credit_font * CHAR_EM))
    layout = dict(text="<br>".join(titles), x=0, xref="container", xanchor="left", y=1, yref="container",
                  yanchor="top", pad=dict(t=TOOLBAR_PX + 10 + (round(CAP_SHIFT * title_font) if len(titles) > 1 else 0),
                                          l=10),
                  font=dict(size=title_font),
                  subtitle=dict(text="<br>".join(credits), font=dict(size=credit_font, color=theme.muted)))
    return layout, int(TOOLBAR_PX + 18 + len(titles) * title_font * LINE_EM + len(credits) * credit_font * LINE_EM + 10)


def legend_name(name: str, theme: Theme, size: Size, width: float) -> str:
    """A key entry's name, broken after its first comma where it is wider than ``width`` px."""
    if 40 + text_px(name, small_font(theme, size)) <= width or ", " not in name:
        return name
    return name.replace(", ", ",<br>", 1)


def key(names: list[str], theme: Theme, size: Size, width: float) -> tuple[dict, int]:
    """A horizontal legend under the plot, its entries wrapped into rows as plotly wraps them
    at ``width`` px: (the layout's ``legend``, its height in px)."""
    font = small_font(theme, size)
    if not names:
        return dict(orientation="h"), 0
    # plotly sets a horizontal legend's entries in columns as wide as its widest entry
    lines = [name.split("<br>") for name in names]
    entry = 50 + max(text_px(line, font) for ls in lines for line in ls)
    columns = max(1, int(width // entry))
    rows = [lines[i:i + columns] for i in range(0, len(lines), columns)]
    height = sum(max(map(len, row)) * font * LINE_EM + font * 0.6 for row in rows)
    legend = dict(orientation="h", x=0, xanchor="left", xref="container", y=0, yanchor="bottom",
                  yref="container", font=dict(size=font), itemclick="toggle", traceorder="normal")
    return legend, int(height + 6)
