"""Pieces every figure shares: hover text, marker style, credit line, empty state."""

from __future__ import annotations

import html
from functools import partial

import pandas as pd
import plotly.graph_objects as go

from ..dataset import Dataset
from ..timefmt import format_span, format_span_in
from .theme import PLANNED_STATUSES, VERIFICATION_SYMBOLS, Theme



def esc(text) -> str:
    """Escape data text for Plotly's HTML-like labels: data is shown as text, never markup."""
    return "" if text is None or (isinstance(text, float) and pd.isna(text)) else html.escape(str(text))


def when_text(events: pd.DataFrame, clock: str | None = None) -> list[str]:
    """Actual (else scheduled) time of each event, in GMT and Istanbul time, or on one
    ``clock`` (an IANA zone) only."""
    span = format_span if clock is None else partial(format_span_in, clock=clock)
    out = []
    for row in events.itertuples():
        if pd.isna(row.start):
            out.append("Scheduled " + span(row.scheduled_start, row.scheduled_end,
                                           row.precision, row.local_tz))
        else:
            out.append(span(row.start, row.end, row.precision, row.local_tz, row.approximate))
    return out


def hover_text(events: pd.DataFrame, territory: pd.Series | None = None) -> list[str]:
    """One hover label per event: title, time, kind, status, verification, territory then."""
    lines = []
    for row, when, land in zip(events.itertuples(), when_text(events),
                               territory if territory is not None else [""] * len(events)):
        text = (f"<b>{esc(row.title)}</b><br>{esc(when)}<br>{esc(row.kind)} · {esc(row.status)} · "
                f"{esc(row.verification)}")
        if land:
            text += f"<br>Territory then: {esc(land)}"
        lines.append(text)
    return lines


def marker_symbols(events: pd.DataFrame) -> list[str]:
    """Shape = verification; open = only planned (scheduled, postponed, cancelled)."""
    symbols = []
    for verification, status in zip(events["verification"], events["status"]):
        symbol = VERIFICATION_SYMBOLS.get(verification, "circle")
        if status in PLANNED_STATUSES and symbol != "x":
            symbol += "-open"
        symbols.append(symbol)
    return symbols


def credit(ds: Dataset) -> str:
    """The footer every figure and export carries."""
    count = len(ds.sources)
    return (f"Source: {count} cited publications, see each event · Data {esc(ds.license)} · "
            f"negotiation-timeline (data version {esc(ds.version)})")


def style_figure(figure: go.Figure, ds: Dataset, theme: Theme, title: str, height: int) -> go.Figure:
    """Apply the theme, title, size and legend; the credit line goes under the title, so it
    travels with every view and export and never covers an axis or the legend."""
    figure.update_layout(
        template=theme.template, height=height,
        title=dict(text=esc(title), x=0.01, xanchor="left", subtitle=dict(
            text=credit(ds), font=dict(size=max(10, theme.font_size - 3), color=theme.muted))),
        margin=dict(l=10, r=10, t=int(50 + theme.font_size * 1.6), b=30), showlegend=True,
        legend=dict(orientation="v", yanchor="top", y=1, x=1.01, xanchor="left",
                    groupclick="toggleitem", font=dict(size=max(10, theme.font_size - 2))),
    )
    return figure


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
