"""Pieces every figure shares: assembly, style, credit line, legend of shapes, empty state."""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from dashboard.data.credits import record_credit
from dashboard.data.dataset import Dataset
from dashboard.data.labels import VERIFICATION_SYMBOLS, esc
from dashboard.figures.theme import Theme

BOTTOM_PX = 30  # margin under the plot
NARROW_PX = 600  # below this width (px) a figure takes its narrow form (assets/viewport.js too)


def credit(ds: Dataset) -> str:
    """The footer every figure and export carries (escaped)."""
    return esc(credit_text(ds))


def credit_text(ds: Dataset) -> str:
    return record_credit(ds)


def top_margin(theme: Theme, ds: Dataset | None = None, title: str = "", narrow: bool = False) -> int:
    """Room above the plot for the title and the credit line under it (px); narrow, both wrap."""
    if not narrow:
        return int(50 + theme.font_size * 1.6)
    titles, credits = _title_lines(ds, title, theme)
    return int(30 + len(titles) * _title_size(theme) * 1.3 + len(credits) * _credit_size(theme) * 1.4)


def style_layout(ds: Dataset, theme: Theme, title: str, height: int, narrow: bool = False) -> dict:
    """The theme, title, size and legend; the credit line goes under the title, so it travels
    with every view and export and never covers an axis or the legend. Narrow, the title and
    credit wrap and the legend lies under the plot, one entry a line."""
    titles, credits = _title_lines(ds, title, theme) if narrow else ([esc(title)], [credit(ds)])
    layout = dict(
        template=theme.template, height=height,
        title=dict(text="<br>".join(titles), x=0.01, xanchor="left", subtitle=dict(
            text="<br>".join(credits), font=dict(size=_credit_size(theme), color=theme.muted))),
        margin=dict(l=10, r=10, t=top_margin(theme, ds, title, narrow), b=BOTTOM_PX), showlegend=True,
        legend=dict(orientation="v", yanchor="top", y=1, x=1.01, xanchor="left",
                    groupclick="toggleitem", font=dict(size=max(10, theme.font_size - 2))),
    )
    if narrow:
        layout["title"].update(font=dict(size=_title_size(theme)), y=1, yanchor="top", yref="container",
                               pad=dict(t=12))
        layout["legend"].update(x=0, xanchor="left", y=0, yanchor="bottom", yref="container")
    return layout


def assemble(ds: Dataset, theme: Theme, title: str, height: int, data: list[dict], layout: dict,
             narrow: bool = False) -> go.Figure:
    """A styled figure from plain trace and layout dicts (``layout`` wins, nested dicts merged).
    Narrow, the figure grows by its legend, which sits under the plot.

    Plotly's per-property validation is skipped: it costs more than building the figure.
    tests/figures/test_schema.py checks every kind of figure against the full schema instead."""
    if narrow:
        below = legend_height(data, theme)
        height += below
        layout = _merged(layout, dict(margin=dict(b=layout.get("margin", {}).get("b", BOTTOM_PX) + below)))
    return go.Figure(dict(data=data, layout=_merged(style_layout(ds, theme, title, height, narrow), layout)),
                     _validate=False)


def legend_height(data: list[dict], theme: Theme) -> int:
    """The height of a one-entry-a-line legend of ``data`` (px), its group titles and gaps included."""
    shown = [t for t in data if t.get("showlegend", True)]
    groups = {t.get("legendgroup", "") for t in shown}
    titled = {t.get("legendgroup", "") for t in shown if t.get("legendgrouptitle")}
    line = max(10, theme.font_size - 2) * 1.55 + 2
    return int(len(shown) * line + len(titled) * line + len(groups) * 10 + 16)


def _title_lines(ds: Dataset, title: str, theme: Theme) -> tuple[list[str], list[str]]:
    """The title and the credit line wrapped for a phone's width (escaped lines)."""
    scale = 13 / theme.font_size
    return ([esc(line) for line in textwrap.wrap(title, int(34 * scale))],
            [esc(line) for line in textwrap.wrap(credit_text(ds), int(56 * scale))])


def _title_size(theme: Theme) -> int:
    return theme.font_size + 3


def _credit_size(theme: Theme) -> int:
    return max(10, theme.font_size - 3)


def _merged(base: dict, extra: dict) -> dict:
    """``base`` updated by ``extra``; where both hold a dict under one key, merged the same way."""
    nested = {k: _merged(base[k], v) for k, v in extra.items()
              if isinstance(v, dict) and isinstance(base.get(k), dict)}
    return {**base, **extra, **nested}


def empty_figure(ds: Dataset, theme: Theme, title: str, message: str, narrow: bool = False) -> go.Figure:
    text = "<br>".join(map(esc, textwrap.wrap(message, 40))) if narrow else esc(message)
    return assemble(ds, theme, title, 320, [], dict(
        annotations=[dict(text=text, xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False,
                          font=dict(size=theme.font_size + 2))],
        xaxis=dict(visible=False), yaxis=dict(visible=False)), narrow)


def legend_symbols(theme: Theme) -> list[dict]:
    """Legend-only entries explaining marker shapes (colour is never the only cue)."""
    entries = [(f"shape: {verification}", symbol) for verification, symbol in VERIFICATION_SYMBOLS.items()]
    entries.append(("open: planned only", "circle-open"))
    return [dict(type="scatter", x=[None], y=[None], mode="markers", name=name, legendgroup="shapes",
                 marker=dict(symbol=symbol, color=theme.muted, size=theme.marker_size))
            for name, symbol in entries]
