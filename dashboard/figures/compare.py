"""Each year's talks aligned on their own day 0, one lane per year, to compare their pace.

An effort is the rounds starting in one calendar year. Day 0 is the Istanbul-local date of
the effort's first session or meeting (else of its first event); x is days since the start of
that local day, so 0.5 is noon in Istanbul. Day- and month-precision events sit at the middle
of their period, never at a midnight they do not claim. Events outside any round are left out.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard.data.dataset import Dataset
from dashboard.data.labels import esc
from dashboard.data.filters import filter_events
from dashboard.data.territory import territory_at, territory_lines
from dashboard.state import ViewState
from dashboard.data.times import DISPLAY_ZONE, minutes_between
from dashboard.figures.assembly import BOTTOM_PX, assemble, empty_figure, legend_symbols, top_margin, stacked
from dashboard.figures.size import Size
from dashboard.figures.theme import Theme

TITLE = "Each year's talks side by side, aligned on their first session"
X_TITLE = "Days since the first session of each year's talks"
NARROW_X_TITLE = "Days since each year's first session"
COLUMNS = ["effort", "round_id", "title", "start_date", "day", "sessions", "session_minutes",
           "outcome", "territory"]
DAY = pd.Timedelta(days=1)
PLOT_PX = 800      # assumed plot width, to keep round labels from overlapping (px)
NARROW_PLOT_PX, NARROW_LABEL_WIDTH = 250, 26  # narrow (a phone): plot width, characters a label line
SPREAD = 4.5       # markers of different kinds spread over this many marker sizes in a lane


def compare_rows(ds: Dataset, view: ViewState) -> pd.DataFrame:
    """One row per round with filtered events, by start date. ``day`` is whole days from the
    effort's day 0 to the round's start date (both local dates); ``session_minutes`` sums
    sessions with a known start and end (<NA> if none); ``territory`` is the share then."""
    events, day0 = _efforts(ds, view)
    if events.empty:
        return pd.DataFrame(columns=COLUMNS)
    rounds = ds.rounds.loc[events["round_id"].unique()].sort_values(["start_date", "id"])
    efforts = rounds["start_date"].dt.year.astype(str)
    sessions = events[events["kind"] == "session"]
    minutes = {r: [minutes_between(s, e) for s, e in zip(g["start"], g["end"])
                   if pd.notna(s) and pd.notna(e)] for r, g in sessions.groupby("round_id")}
    return pd.DataFrame({
        "effort": efforts,
        "round_id": rounds["id"],
        "title": rounds["title"],
        "start_date": rounds["start_date"],
        "day": [(start - day0[e]).days for start, e in zip(rounds["start_date"], efforts)],
        "sessions": [int((sessions["round_id"] == r).sum()) for r in rounds["id"]],
        "session_minutes": pd.array([sum(minutes[r]) if minutes.get(r) else pd.NA
                                     for r in rounds["id"]], dtype="Int64"),
        "outcome": rounds["outcome"].fillna(""),
        "territory": territory_lines(ds.territory, rounds["start_date"].dt.tz_localize("UTC")),
    }, index=rounds.index)[COLUMNS]


def compare_figure(ds: Dataset, view: ViewState, theme: Theme, size: Size = Size()) -> go.Figure:
    """Lanes = efforts (earliest on top); x = days since each effort's day 0 (Istanbul time).

    The y axis counts pixels from the top, so each lane is as tall as its own round labels.
    """
    narrow = stacked(size)  # phone and column forms
    rows = compare_rows(ds, view)
    if rows.empty:
        return empty_figure(ds, theme, TITLE, "No round has events matching the filters.", size)
    events, day0 = _efforts(ds, view)
    events = events.assign(x=_days(events, events["effort"].map(day0)))
    events = events.join(ds.derived.labels[["hover", "symbol"]])
    x_range = [min(events["x"].min(), 0) - 1, events["x"].max() + 1]
    labels, level_px = _round_labels(ds, rows, x_range, theme, narrow)
    spread = SPREAD * theme.marker_size  # px
    base, below = spread / 2 + theme.marker_size, spread / 2 + 2 * theme.font_size  # px
    centres, bottom, separators = {}, 0.0, []
    for effort in dict.fromkeys(rows["effort"]):
        levels = max(level for lane, level, _ in labels if lane == effort) + 1
        separators.append(bottom)
        centres[effort] = bottom + base + levels * level_px + 8
        bottom = centres[effort] + below
    data = []
    kinds = sorted(events["kind"].unique())
    for index, kind in enumerate(kinds):
        group = events[events["kind"] == kind]
        color = theme.kind_color(kind, index)
        # kinds side by side within the lane so one day's events stay apart
        offset = (index / (len(kinds) - 1) - 0.5) * spread if len(kinds) > 1 else 0
        hover = [f"{text}<br>Day {x:.0f} of the {esc(e)} talks" for text, x, e in
                 zip(group["hover"], group["x"] // 1, group["effort"])]
        data.append(dict(  # SVG at any size: WebGL's regl needs eval (CSP)
            type="scatter", x=group["x"].tolist(), y=(group["effort"].map(centres) + offset).tolist(),
            mode="markers", name=kind, legendgroup="kinds", legendgrouptitle=dict(text="Kind of event"),
            marker=dict(symbol=group["symbol"].tolist(), color=color, size=theme.marker_size,
                        line=dict(width=1.5, color=color)),
            customdata=group["id"].tolist(), hovertext=hover, hoverinfo="text"))
    top = int(top_margin(theme, ds, TITLE, size) + theme.font_size * 3.6)
    layout = dict(
        hovermode="closest", clickmode="event", dragmode="zoom", margin=dict(t=top),
        title=dict(y=0.99, yanchor="top", yref="container"),
        # The axis sits on top, next to the round labels it numbers.
        xaxis=dict(title=dict(text=NARROW_X_TITLE if narrow else X_TITLE), range=x_range, zeroline=False,
                   showgrid=True, side="top", ticks="outside"),
        yaxis=dict(tickvals=list(centres.values()), ticktext=[esc(e) for e in centres], range=[bottom, 0],
                   showgrid=False, zeroline=False, fixedrange=True, automargin=True,
                   minor=dict(tickvals=separators[1:], showgrid=True, gridcolor=theme.grid, ticks="")),
        annotations=[dict(y=centres[effort], ay=-(base + level * level_px), **label)  # lower labels mask lines
                     for effort, level, label in sorted(labels, key=lambda item: -item[1])],
        shapes=[dict(type="line", x0=0, x1=0, xref="x", y0=0, y1=1, yref="y domain",
                     line=dict(color=theme.muted, dash="dot", width=1))],
    )
    return assemble(ds, theme, TITLE, int(top + BOTTOM_PX + bottom),  # 1 y unit = 1 px
                    [*data, *legend_symbols(theme)], layout, size)


def _efforts(ds: Dataset, view: ViewState) -> tuple[pd.DataFrame, dict[str, pd.Timestamp]]:
    """Filtered events in rounds, with ``effort`` (year of the round's start), and day 0 per
    effort as a naive Istanbul-local date."""
    events = filter_events(ds, view)
    events = events[events["round_id"].isin(ds.rounds.index)]
    starts = ds.rounds.loc[events["round_id"], "start_date"].dt.year.astype(str)
    events = events.assign(effort=starts.to_numpy())
    day0 = {}
    for effort, group in events.groupby("effort"):
        talks = group[group["kind"].isin(["session", "meeting"])]
        first = (talks if not talks.empty else group)["anchor"].min()
        day0[effort] = pd.Timestamp(first.tz_convert(DISPLAY_ZONE).date())
    return events, day0


def _days(events: pd.DataFrame, day0: pd.Series) -> pd.Series:
    """Days (float) from the start of day 0 in Istanbul to each event; coarse dates at mid-period."""
    midnight = pd.Series([d.tz_localize(DISPLAY_ZONE) for d in day0], index=events.index)
    coarse = events["precision"].isin(["day", "month"]) & events["until"].notna()
    when = events["anchor"].where(~coarse, events["anchor"] + (events["until"] - events["anchor"]) / 2)
    return (when - midnight) / DAY


def _round_labels(ds: Dataset, rows: pd.DataFrame, x_range: list, theme: Theme,
                  narrow: bool = False) -> tuple[list[tuple[str, int, dict]], float]:
    """A label above each round's start: its title and the freshest territory reading then
    (every measure and the outcome are in its hover), as (effort, level, annotation), and the
    height of one level (px). In a lane, labels take the lowest level free at their x (judged
    with an assumed plot width); ``x_range`` is widened so the last label fits. Narrow, lines
    are shorter and the territory reading wraps too.
    """
    font = max(10, theme.font_size - 1)
    plot_px, width = (NARROW_PLOT_PX, NARROW_LABEL_WIDTH) if narrow else (PLOT_PX, 30)
    texts = {}
    for r in rows.itertuples():
        share = _freshest_share(ds, r.start_date) or "no territory figure yet"
        texts[r.round_id] = (textwrap.wrap(str(r.title), width, max_lines=2, placeholder=" …"),
                             textwrap.wrap(share, width + 8) if narrow else [share])  # (bold, plain) lines
    level_px = max(len(bold) + len(plain) for bold, plain in texts.values()) * font * 1.3 + 8
    widths = {k: max([len(t) * font * 0.66 for t in bold] + [len(t) * font * 0.6 for t in plain])
              for k, (bold, plain) in texts.items()}  # bold type is wider
    # A label of w px starting at day d ends inside the range when end >= d + w / plot_px * (end - start).
    shares = {k: min(w / plot_px, 0.9) for k, w in widths.items()}
    x_range[1] = max(x_range[1], *((d - shares[r] * x_range[0]) / (1 - shares[r])
                                   for r, d in zip(rows["round_id"], rows["day"])))
    per_px = (x_range[1] - x_range[0]) / plot_px
    labels = []
    for effort, group in rows.groupby("effort", sort=False):
        ends: list[float] = []  # per level, the x where its last label ends
        for row in group.sort_values("day").itertuples():
            level = next((i for i, end in enumerate(ends) if end < row.day), len(ends))
            ends[level:level + 1] = [row.day + (widths[row.round_id] + 16) * per_px]
            title, share = texts[row.round_id]
            labels.append((effort, level, dict(
                x=row.day, ax=0, showarrow=True, arrowhead=0, arrowcolor=theme.muted, arrowwidth=1,
                xanchor="left", yanchor="bottom", align="left", bgcolor=theme.paper,
                text="<br>".join([*(f"<b>{esc(t)}</b>" for t in title), *map(esc, share)]),
                hovertext=(f"<b>{esc(row.title)}</b><br>Day {row.day} of the {esc(effort)} talks · "
                           f"{row.sessions} session(s)<br>Outcome: {esc(row.outcome or 'not recorded')}"
                           f"<br>Territory then: {esc(row.territory or 'no figure')}"),
                font=dict(size=font, color=theme.text))))
    return labels, level_px


def _freshest_share(ds: Dataset, start_date: pd.Timestamp) -> str:
    """The most recent territory reading on or before a round's start date, '' if none."""
    known = territory_at(ds.territory, start_date.tz_localize("UTC"))
    if known.empty:
        return ""
    row = known.sort_values(["date", "measure"]).iloc[-1]
    return f"{row['percent']:g}% ({row['measure']}, {row['date']:%-d %b %Y})"
