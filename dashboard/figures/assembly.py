"""Pieces every figure shares: assembly, style, credit line, legend of shapes, empty state.

A figure is plotly's figure as plain data, ``{"data": [...], "layout": {...}}`` (``Figure``),
which dcc.Graph, plotly.io and kaleido take as it is. plotly.py's object model (go.Figure) is
for editing a figure: it builds an object per trace and copies everything twice on the way to
JSON, which cost more than building our figures. tests/figures/test_schema.py checks every
kind of figure against plotly's full schema instead; tests read figures through go.Figure.
"""

from __future__ import annotations

import textwrap
from typing import Any

import plotly.io as pio

from dashboard.data.credits import record_credit
from dashboard.data.dataset import Dataset
from dashboard.data.labels import VERIFICATION_SYMBOLS, esc, vocabulary
from dashboard.figures.size import Size
from dashboard.figures.text import chars_in
from dashboard.figures.theme import Theme
from dashboard.i18n import translator

Figure = dict[str, Any]  # {"data": [trace dicts], "layout": {...}}
BOTTOM_PX = 30  # margin under the plot
TOOLBAR_PX = 36  # a band above the title for plotly's toolbar (25 px tall), so it never covers the title


def credit(ds: Dataset, lang: str = "en") -> str:
    """The footer every figure and export carries (escaped), in ``lang``."""
    return esc(credit_text(ds, lang))


def credit_text(ds: Dataset, lang: str = "en") -> str:
    return record_credit(ds, lang)


def top_margin(theme: Theme, ds: Dataset | None = None, title: str = "", size: Size = Size(),
               lang: str = "en") -> int:
    """Room above the plot for the title and the credit line under it (px), both wrapped to
    the width (``title_px``); the wide form keeps the room its axes' labels had."""
    if size.form == "wide" and ds is None:
        return int(50 + theme.font_size * 1.6) + TOOLBAR_PX
    return title_px(theme, ds, title, size, lang) + 12


def title_px(theme: Theme, ds: Dataset | None, title: str, size: Size, lang: str = "en") -> int:
    """The height of the title block (title lines, credit lines, the padding above) in px."""
    titles, credits = title_lines(ds, title, theme, size, lang)
    return int(TOOLBAR_PX + 14 + len(titles) * _title_size(theme) * 1.3
               + len(credits) * _credit_size(theme) * 1.45)


def stacked(size: Size) -> bool:
    """Whether the legend lies under the plot, one entry a line (phone and column: the plot
    keeps the width), rather than beside it."""
    return size.form in ("phone", "column")


def style_layout(ds: Dataset, theme: Theme, title: str, height: int, size: Size = Size(), lang: str = "en") -> dict:
    """The theme, title, size and legend; the credit line goes under the title, so it travels
    with every view and export and never covers an axis or the legend. The title and credit
    wrap to the width; on a phone or in a column the legend lies under the plot, one entry a line."""
    titles, credits = title_lines(ds, title, theme, size, lang)
    layout = dict(
        template=theme.template, height=height,
        title=dict(text="<br>".join(titles), x=0.01, xanchor="left", font=dict(size=_title_size(theme)),
                   y=1, yanchor="top", yref="container", pad=dict(t=12 + TOOLBAR_PX), subtitle=dict(
                       text="<br>".join(credits), font=dict(size=_credit_size(theme), color=theme.muted))),
        margin=dict(l=10, r=10, t=top_margin(theme, ds, title, size, lang), b=BOTTOM_PX), showlegend=True,
        legend=dict(orientation="v", yanchor="top", y=1, x=1.01, xanchor="left",
                    groupclick="toggleitem", font=dict(size=max(10, theme.font_size - 2))),
    )
    if stacked(size):
        layout["legend"].update(x=0, xanchor="left", y=0, yanchor="bottom", yref="container")
    return layout


def assemble(ds: Dataset, theme: Theme, title: str, height: int, data: list[dict], layout: dict,
             size: Size = Size(), lang: str = "en") -> Figure:
    """A styled figure from plain trace and layout dicts (``layout`` wins, nested dicts merged).
    With a stacked legend (``stacked``) the figure grows by it, under the plot."""
    if stacked(size) and layout.get("legend", {}).get("orientation") != "h":
        below = legend_height(data, theme)
        height += below
        layout = _merged(layout, dict(margin=dict(b=layout.get("margin", {}).get("b", BOTTOM_PX) + below)))
    return dict(data=data, layout=_merged(style_layout(ds, theme, title, height, size, lang), layout))


def figure_json(figure: Figure) -> str:
    """The figure as plotly.js reads it (plotly's encoder: dates, NaN, numpy), unvalidated."""
    return pio.to_json(figure, validate=False)


def legend_height(data: list[dict], theme: Theme) -> int:
    """The height of a one-entry-a-line legend of ``data`` (px), its group titles and gaps included."""
    shown = [t for t in data if t.get("showlegend", True)]
    groups = {t.get("legendgroup", "") for t in shown}
    titled = {t.get("legendgroup", "") for t in shown if t.get("legendgrouptitle")}
    line = max(10, theme.font_size - 2) * 1.55 + 2
    return int(len(shown) * line + len(titled) * line + len(groups) * 10 + 16)


def title_lines(ds: Dataset | None, title: str, theme: Theme, size: Size,
                lang: str = "en") -> tuple[list[str], list[str]]:
    """The title and the credit line (in ``lang``) wrapped to the figure's width (escaped lines)."""
    room = size.width - 30
    return ([esc(line) for line in textwrap.wrap(title, chars_in(room, _title_size(theme)))],
            [esc(line) for line in textwrap.wrap(credit_text(ds, lang), chars_in(room, _credit_size(theme)))]
            if ds is not None else [])


def _title_size(theme: Theme) -> int:
    return theme.font_size + 3


def _credit_size(theme: Theme) -> int:
    return max(10, theme.font_size - 3)


def _merged(base: dict, extra: dict) -> dict:
    """``base`` updated by ``extra``; where both hold a dict under one key, merged the same way."""
    nested = {k: _merged(base[k], v) for k, v in extra.items()
              if isinstance(v, dict) and isinstance(base.get(k), dict)}
    return {**base, **extra, **nested}


def empty_figure(ds: Dataset, theme: Theme, title: str, message: str, size: Size = Size(),
                 lang: str = "en") -> Figure:
    """A figure that says in words that nothing matches (no empty axes)."""
    text = "<br>".join(map(esc, textwrap.wrap(message, chars_in(size.width - 40, theme.font_size + 2))))
    return assemble(ds, theme, title, 320, [], dict(
        annotations=[dict(text=text, xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False,
                          font=dict(size=theme.font_size + 2))],
        xaxis=dict(visible=False), yaxis=dict(visible=False), showlegend=False), size, lang)


def legend_symbols(theme: Theme, drawn: set[str] | None = None, planned: bool = True,
                   lang: str = "en") -> list[dict]:
    """Legend-only entries explaining marker shapes (colour is never the only cue): those of
    the verifications in ``drawn`` (None: all), and the open shape if ``planned``."""
    t = translator(lang)
    entries = [(t.gettext("shape: %(verification)s") % {"verification": vocabulary(verification, lang)}, symbol)
               for verification, symbol in VERIFICATION_SYMBOLS.items() if drawn is None or verification in drawn]
    if planned:
        entries.append((t.gettext("open: planned only"), "circle-open"))
    return [dict(type="scatter", x=[None], y=[None], mode="markers", name=name, legendgroup="shapes",
                 marker=dict(symbol=symbol, color=theme.muted, size=theme.marker_size))
            for name, symbol in entries]
