"""Pieces every figure shares: assembly, style, credit line, legend of shapes, empty state."""

from __future__ import annotations

import plotly.graph_objects as go

from ..dataset import Dataset
from ..labels import VERIFICATION_SYMBOLS, esc
from .theme import Theme

BOTTOM_PX = 30  # margin under the plot


def credit(ds: Dataset) -> str:
    """The footer every figure and export carries."""
    count = len(ds.sources)
    return (f"Source: {count} cited publications, see each event · Data {esc(ds.license)} · "
            f"negotiation-timeline (data version {esc(ds.version)})")


def top_margin(theme: Theme) -> int:
    """Room above the plot for the title and the credit line under it (px)."""
    return int(50 + theme.font_size * 1.6)


def style_layout(ds: Dataset, theme: Theme, title: str, height: int) -> dict:
    """The theme, title, size and legend; the credit line goes under the title, so it travels
    with every view and export and never covers an axis or the legend."""
    return dict(
        template=theme.template, height=height,
        title=dict(text=esc(title), x=0.01, xanchor="left", subtitle=dict(
            text=credit(ds), font=dict(size=max(10, theme.font_size - 3), color=theme.muted))),
        margin=dict(l=10, r=10, t=top_margin(theme), b=BOTTOM_PX), showlegend=True,
        legend=dict(orientation="v", yanchor="top", y=1, x=1.01, xanchor="left",
                    groupclick="toggleitem", font=dict(size=max(10, theme.font_size - 2))),
    )


def assemble(ds: Dataset, theme: Theme, title: str, height: int, data: list[dict], layout: dict) -> go.Figure:
    """A styled figure from plain trace and layout dicts (``layout`` wins, nested dicts merged).

    Plotly's per-property validation is skipped: it costs more than building the figure.
    tests/figures/test_schema.py checks every kind of figure against the full schema instead."""
    return go.Figure(dict(data=data, layout=_merged(style_layout(ds, theme, title, height), layout)),
                     _validate=False)


def _merged(base: dict, extra: dict) -> dict:
    """``base`` updated by ``extra``; where both hold a dict under one key, merged the same way."""
    nested = {k: _merged(base[k], v) for k, v in extra.items()
              if isinstance(v, dict) and isinstance(base.get(k), dict)}
    return {**base, **extra, **nested}


def empty_figure(ds: Dataset, theme: Theme, title: str, message: str) -> go.Figure:
    return assemble(ds, theme, title, 320, [], dict(
        annotations=[dict(text=esc(message), xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False,
                          font=dict(size=theme.font_size + 2))],
        xaxis=dict(visible=False), yaxis=dict(visible=False)))


def legend_symbols(theme: Theme) -> list[dict]:
    """Legend-only entries explaining marker shapes (colour is never the only cue)."""
    entries = [(f"shape: {verification}", symbol) for verification, symbol in VERIFICATION_SYMBOLS.items()]
    entries.append(("open: planned only", "circle-open"))
    return [dict(type="scatter", x=[None], y=[None], mode="markers", name=name, legendgroup="shapes",
                 marker=dict(symbol=symbol, color=theme.muted, size=theme.marker_size))
            for name, symbol in entries]
