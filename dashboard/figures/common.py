"""Pieces every figure shares: assembly, style, credit line, legend of shapes, empty state."""

from __future__ import annotations

import plotly.graph_objects as go

from ..dataset import Dataset
from ..labels import VERIFICATION_SYMBOLS, esc
from .theme import Theme


def credit(ds: Dataset) -> str:
    """The footer every figure and export carries."""
    count = len(ds.sources)
    return (f"Source: {count} cited publications, see each event · Data {esc(ds.license)} · "
            f"negotiation-timeline (data version {esc(ds.version)})")


def style_layout(ds: Dataset, theme: Theme, title: str, height: int) -> dict:
    """The theme, title, size and legend; the credit line goes under the title, so it travels
    with every view and export and never covers an axis or the legend."""
    return dict(
        template=theme.template, height=height,
        title=dict(text=esc(title), x=0.01, xanchor="left", subtitle=dict(
            text=credit(ds), font=dict(size=max(10, theme.font_size - 3), color=theme.muted))),
        margin=dict(l=10, r=10, t=int(50 + theme.font_size * 1.6), b=30), showlegend=True,
        legend=dict(orientation="v", yanchor="top", y=1, x=1.01, xanchor="left",
                    groupclick="toggleitem", font=dict(size=max(10, theme.font_size - 2))),
    )


def style_figure(figure: go.Figure, ds: Dataset, theme: Theme, title: str, height: int) -> go.Figure:
    return figure.update_layout(style_layout(ds, theme, title, height))


def assemble(ds: Dataset, theme: Theme, title: str, height: int, data: list[dict], layout: dict) -> go.Figure:
    """A styled figure from plain trace and layout dicts (``layout`` wins, its legend merged).

    Plotly's per-property validation is skipped: it costs more than building the figure.
    tests/figures check every figure against the full schema instead."""
    style = style_layout(ds, theme, title, height)
    merged = {**style, **layout, "legend": {**style["legend"], **layout.get("legend", {})}}
    return go.Figure(dict(data=data, layout=merged), _validate=False)


def empty_figure(ds: Dataset, theme: Theme, title: str, message: str) -> go.Figure:
    figure = style_figure(go.Figure(), ds, theme, title, 320)
    figure.add_annotation(text=esc(message), xref="paper", yref="paper", x=0.5, y=0.5,
                          showarrow=False, font=dict(size=theme.font_size + 2))
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    return figure


def legend_symbols(theme: Theme) -> list[dict]:
    """Legend-only entries explaining marker shapes (colour is never the only cue)."""
    entries = [(f"shape: {verification}", symbol) for verification, symbol in VERIFICATION_SYMBOLS.items()]
    entries.append(("open: planned only", "circle-open"))
    return [dict(type="scatter", x=[None], y=[None], mode="markers", name=name, legendgroup="shapes",
                 marker=dict(symbol=symbol, color=theme.muted, size=theme.marker_size))
            for name, symbol in entries]
