"""Negotiation tracks side by side, each aligned on its own day 0, one row per track, to compare their pace.

A track is a round series as the data package defines it (``rounds.csv``'s ``series``: "the
comparison view aligns series"), e.g. istanbul-2022, istanbul-2025, us-brokered-2025,
trilateral-2026: one format of talks between the same parties in one stretch of time. Its
name is the series' own ("istanbul-2025" → "Istanbul 2025"). Day 0 is the Istanbul-local date
of the track's first session or meeting (else of its first event); x is days since the start
of that local day, so 0.5 is noon in Istanbul. Day- and month-precision events sit at the
middle of their period, never at a midnight they do not claim. Events outside any round are
left out.

Each row shows its events (colour = kind, shape = verification) on a thin line from day 0 to
its last event. The key rounds are labelled directly, first and last first, then the rest as
they fit at the form's narrowest width without touching another label; every round is in
its markers' hover and in the event list.
"""

from __future__ import annotations

import re

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.data.labels import VERIFICATION_SYMBOLS, esc, vocabulary
from dashboard.data.filters import filter_events
from dashboard.data.territory import territory_lines
from dashboard.state import ViewState
from dashboard.data.times import DISPLAY_ZONE, minutes_between
from dashboard.figures.assembly import Figure, assemble, empty_figure
from dashboard.figures.forms import LINE_EM, body_font, heading, key, least_width, slide_height, small_font, wrap
from dashboard.figures.text import text_px
from dashboard.figures.size import Size
from dashboard.figures.theme import Theme
from dashboard.i18n import N_, record_text, translator

TITLE = N_("Negotiation tracks side by side, each from its own first session")
X_TITLE = N_("Days since each track's first session (day 0)")
X_TITLES = (X_TITLE, N_("Days since each track's first session"), N_("Days since day 0"))  # the longest that fits
COLUMNS = ["track", "round_id", "title", "start_date", "day", "sessions", "session_minutes",
           "outcome", "territory"]
DAY = pd.Timedelta(days=1)
SPREAD = 3.0       # markers of different kinds spread over this many marker sizes in a row
LABEL_CHARS = {"phone": 16, "column": 18, "wide": 22, "slide": 20}  # a round label's line
LEVELS = 2  # rows of round labels above a track's line
VERIFICATION_NAMES = {symbol: verification for verification, symbol in VERIFICATION_SYMBOLS.items()}


def track_name(series: str) -> str:
    """A round series' name for a reader: 'istanbul-2025' → 'Istanbul 2025', 'us-brokered-2025'
    → 'US-brokered 2025' (words of two letters are initials)."""
    words, year = str(series).split("-"), ""
    if len(words) > 1 and re.fullmatch(r"\d{4}", words[-1]):
        words, year = words[:-1], words[-1]
    name = "-".join(w.upper() if len(w) <= 2 else w for w in words)
    return f"{name[:1].upper()}{name[1:]} {year}".strip()


def compare_rows(ds: Dataset, view: ViewState) -> pd.DataFrame:
    """One row per round with filtered events, tracks in the order of their day 0, rounds by
    start date. ``day`` is whole days from the track's day 0 to the round's start date (both
    local dates); ``session_minutes`` sums sessions with a known start and end (<NA> if none);
    ``territory`` is the share then (in the view's language)."""
    return _rows(ds, *_tracks(ds, view), view.lang)


def _rows(ds: Dataset, events: pd.DataFrame, day0: dict[str, pd.Timestamp], lang: str = "en") -> pd.DataFrame:
    """``compare_rows`` from the filtered events of the tracks and their day 0 (``_tracks``)."""
    if events.empty:
        return pd.DataFrame(columns=COLUMNS)
    rounds = ds.rounds.loc[events["round_id"].unique()]
    tracks = rounds["series"].map(track_name)
    rounds = rounds.assign(order=tracks.map(list(day0).index)).sort_values(["order", "start_date", "id"])
    tracks = tracks[rounds.index]
    sessions = events[events["kind"] == "session"]
    minutes = {r: [minutes_between(s, e) for s, e in zip(g["start"], g["end"])
                   if pd.notna(s) and pd.notna(e)] for r, g in sessions.groupby("round_id")}
    return pd.DataFrame({
        "track": tracks,
        "round_id": rounds["id"],
        "title": [record_text(r, "title", lang).text for _, r in rounds.iterrows()],
        "start_date": rounds["start_date"],
        "day": [(start - day0[t]).days for start, t in zip(rounds["start_date"], tracks)],
        "sessions": [int((sessions["round_id"] == r).sum()) for r in rounds["id"]],
        "session_minutes": pd.array([sum(minutes[r]) if minutes.get(r) else pd.NA
                                     for r in rounds["id"]], dtype="Int64"),
        "outcome": rounds["outcome"].fillna(""),
        "territory": territory_lines(ds.territory, rounds["start_date"].dt.tz_localize("UTC"), ds.territory_window,
                                     lang),
    }, index=rounds.index)[COLUMNS]


def compare_figure(ds: Dataset, view: ViewState, theme: Theme, size: Size = Size()) -> Figure:
    """Rows = tracks (earliest day 0 on top); x = days since each track's day 0 (Istanbul time).

    The y axis counts pixels from the top (1 y unit = 1 px), so each row is as tall as its
    labels need; the names sit left of the rows, on a phone above each row's line.
    """
    form = size.form
    lang = view.lang
    t_ = translator(lang)
    title = t_.gettext(TITLE)
    events, day0 = _tracks(ds, view)
    rows = _rows(ds, events, day0, lang)
    if rows.empty:
        return empty_figure(ds, theme, title, t_.gettext("No round has events matching the filters."), size, lang)
    events = events.assign(x=_days(events, events["track"].map(day0)))
    events = events.join(ds.derived.labels_in(lang)[["hover", "symbol"]])
    font, small, width = body_font(theme, size), small_font(theme, size), least_width(size)
    heading_layout, heading_px = heading(ds, theme, title, size, lang)
    tracks = list(day0)
    phone = form == "phone"
    names = {t: _name_lines(t, rows[rows["track"] == t], phone, lang) for t in tracks}
    left = 12 if phone else max(text_px(line, font, bold=True) for ls in names.values() for line in ls) + 16
    margin = dict(l=int(left), r=16)
    plot_px = width - margin["l"] - margin["r"]
    x_range = [min(events["x"].min(), 0) - 1.5, events["x"].max() + 1.5]
    per_px = (x_range[1] - x_range[0]) / plot_px
    marker, level_px = theme.marker_size, 2 * small * LINE_EM + 10
    name_px = small * LINE_EM + 10 if phone else 0
    tick_row = font * 1.6 + 8
    top = heading_px + tick_row + font * LINE_EM + 10  # the day axis and its title, above the rows
    # On a slide the rows must fit its figure area: fewer label levels, kinds closer together,
    # then the names without their pace.
    for levels, spread, lines in ((LEVELS, SPREAD, 2), (1, SPREAD, 2), (1, 1.0, 2), (0, 1.0, 2), (0, 0.5, 1)):
        names = {t: ls[:lines] for t, ls in names.items()}
        labels = _round_labels(rows, x_range, per_px, small, levels, theme, form, lang)
        band = spread * marker + marker  # px: the markers of a row, kinds side by side
        centres, bottom, separators, name_labels = {}, 0.0, [], []
        for track in tracks:
            used = max([level + 1 for t, level, _ in labels if t == track], default=0)
            separators.append(bottom)
            if phone:
                name_labels.append(dict(text="<br>".join(names[track]), x=0, xref="paper", xanchor="left",
                                        y=bottom + 6, yanchor="top", align="left", showarrow=False,
                                        font=dict(size=small, color=theme.text)))
            centres[track] = bottom + name_px + used * level_px + band / 2 + 6
            bottom = max(centres[track] + band / 2 + 12, bottom + lines * font * LINE_EM + 12 if not phone else 0)
        if not slide_height(size) or top + bottom + 6 * font <= slide_height(size):
            break
    spans = [dict(type="line", xref="x", yref="y", x0=0, x1=float(events.loc[events["track"] == t, "x"].max()),
                  y0=centres[t], y1=centres[t], layer="below", line=dict(color=theme.grid, width=2))
             for t in tracks]
    data = _markers(events, centres, theme, band - marker, lang)
    shapes_key = _shape_key(theme, events["symbol"], lang)
    legend, legend_px = key([t["name"] for t in [*data, *shapes_key]], theme, size, width - 20)
    height = int(top + bottom + legend_px + 12)
    layout = dict(
        hovermode="closest", clickmode="event", dragmode="zoom",
        margin=dict(margin, t=int(top), b=int(legend_px + 12)), title=heading_layout, legend=legend,
        # The axis sits on top, next to the round labels it numbers.
        xaxis=dict(title=dict(text=next((x for x in map(t_.gettext, X_TITLES) if text_px(x, font) < plot_px),
                                        t_.gettext(X_TITLES[-1])),
                              font=dict(size=font), standoff=6),
                   range=x_range, zeroline=False, showgrid=True, side="top", ticks="outside", tickangle=0,
                   nticks=max(3, int(plot_px / (text_px("000", font) + 40))), tickfont=dict(size=font),
                   automargin=False),
        yaxis=dict(tickvals=[] if phone else list(centres.values()), range=[bottom, 0], automargin=False,
                   ticktext=[] if phone else ["<br>".join(names[t]) for t in tracks], tickfont=dict(size=font),
                   showgrid=False, zeroline=False, fixedrange=True,
                   minor=dict(tickvals=separators[1:], showgrid=True, gridcolor=theme.grid, ticks="")),
        annotations=[*name_labels, *(dict(y=centres[track], ay=-(band / 2 + level * level_px + 4), **label)
                                     for track, level, label in sorted(labels, key=lambda item: -item[1]))],
        shapes=[*spans, dict(type="line", x0=0, x1=0, xref="x", y0=0, y1=1, yref="y domain",
                             line=dict(color=theme.muted, dash="dot", width=1))],
    )
    return assemble(ds, theme, title, height, [*data, *shapes_key], layout, lang=lang)


def _name_lines(track: str, rounds: pd.DataFrame, phone: bool, lang: str = "en") -> list[str]:
    """A row's name (bold) and its count: 'Istanbul 2025' / '3 rounds in 69 days'."""
    t = translator(lang)
    count = len(rounds)
    last = int(rounds["day"].max()) + 1
    pace = (t.ngettext("%(rounds)s rounds in %(n)s days", "%(rounds)s rounds in %(n)s days", last, rounds=count)
            if count > 1 else t.ngettext("%(n)s round", "%(n)s rounds", count))
    return [f"<b>{esc(track)}</b>" + (f" · {pace}" if phone else ""), *([] if phone else [pace])]


def _markers(events: pd.DataFrame, centres: dict, theme: Theme, spread: float, lang: str = "en") -> list[dict]:
    """One trace per kind of event; kinds side by side within a row so one day's events stay apart."""
    data = []
    day_of = translator(lang).gettext("Day %(day)s of the %(track)s talks")
    kinds = sorted(events["kind"].unique())
    for index, kind in enumerate(kinds):
        group = events[events["kind"] == kind]
        color = theme.kind_color(kind, index)
        offset = (index / (len(kinds) - 1) - 0.5) * spread if len(kinds) > 1 else 0
        hover = [f"{text}<br>" + esc(day_of % {"day": f"{x:.0f}", "track": t}) for text, x, t in
                 zip(group["hover"], group["x"] // 1, group["track"])]
        data.append(dict(  # SVG at any size: WebGL's regl needs eval (CSP)
            type="scatter", x=group["x"].tolist(), y=(group["track"].map(centres) + offset).tolist(),
            mode="markers", name=esc(vocabulary(kind, lang)), legendgroup="kinds",
            marker=dict(symbol=group["symbol"].tolist(), color=color, size=theme.marker_size,
                        line=dict(width=1.5, color=color)),
            customdata=group["id"].tolist(), hovertext=hover, hoverinfo="text"))
    return data


def _shape_key(theme: Theme, symbols: pd.Series, lang: str = "en") -> list[dict]:
    """Legend-only entries for the marker shapes drawn (colour is never the only cue), and
    nothing for a shape that is not."""
    t = translator(lang)
    drawn = set(symbols)
    entries = [(esc(t.gettext("shape: %(verification)s") % {"verification": vocabulary(VERIFICATION_NAMES[s], lang)}), s)
               for s in VERIFICATION_SYMBOLS.values() if s in drawn or f"{s}-open" in drawn]
    if any(str(s).endswith("-open") for s in drawn):
        entries.append((esc(t.gettext("open: planned only")), "circle-open"))
    return [dict(type="scatter", x=[None], y=[None], mode="markers", name=name, legendgroup="shapes",
                 marker=dict(symbol=symbol, color=theme.muted, size=theme.marker_size), hoverinfo="skip")
            for name, symbol in entries]


def _tracks(ds: Dataset, view: ViewState) -> tuple[pd.DataFrame, dict[str, pd.Timestamp]]:
    """Filtered events in rounds, with ``track`` (its round's series, named), and day 0 per
    track as a naive Istanbul-local date, earliest first."""
    events = filter_events(ds, view)
    events = events[events["round_id"].isin(ds.rounds.index)]
    names = {r: track_name(series) for r, series in ds.rounds["series"].items()}  # per round, not per event
    events = events.assign(track=events["round_id"].map(names))
    day0 = {}
    for track, group in events.groupby("track"):
        talks = group[group["kind"].isin(["session", "meeting"])]
        first = (talks if not talks.empty else group)["anchor"].min()
        day0[track] = pd.Timestamp(first.tz_convert(DISPLAY_ZONE).date())
    return events, dict(sorted(day0.items(), key=lambda item: (item[1], item[0])))


def _days(events: pd.DataFrame, day0: pd.Series) -> pd.Series:
    """Days (float) from the start of day 0 in Istanbul to each event; coarse dates at mid-period."""
    midnight = pd.Series([d.tz_localize(DISPLAY_ZONE) for d in day0], index=events.index)
    coarse = events["precision"].isin(["day", "month"]) & events["until"].notna()
    when = events["anchor"].where(~coarse, events["anchor"] + (events["until"] - events["anchor"]) / 2)
    return (when - midnight) / DAY


def _round_labels(rows: pd.DataFrame, x_range: list, per_px: float, font: int, levels: int,
                  theme: Theme, form: str, lang: str = "en") -> list[tuple[str, int, dict]]:
    """Direct labels of a track's key rounds on up to ``levels`` levels, as (track, level,
    annotation): its first and last round, then the others in order, each on the lowest level where it touches no other label
    at the form's narrowest width; a round that fits nowhere is left to the hover and the list.
    A label near the right end is set right of its round's line instead of left."""
    labels = []
    t = translator(lang)
    for track, group in rows.groupby("track", sort=False):
        group = group.sort_values("day")
        order = [*dict.fromkeys([group.index[0], group.index[-1], *group.index])]
        taken: list[list[tuple[float, float]]] = [[] for _ in range(levels)]
        for index in order:
            row = group.loc[index]
            lines = wrap(re.sub(r"\s*\(.*?\)", "", str(row["title"])), LABEL_CHARS[form], lines=2)
            wide = max(text_px(line, font, bold=True) for line in lines) * per_px  # days
            right = row["day"] + wide + 6 * per_px > x_range[1]
            span = (row["day"] - wide, row["day"]) if right else (row["day"], row["day"] + wide)
            if span[0] < x_range[0]:
                continue  # fits neither way at this width
            gap = 10 * per_px
            level = next((i for i, spans in enumerate(taken)
                          if all(span[1] + gap < a or span[0] - gap > b for a, b in spans)), None)
            if level is None:
                continue
            taken[level].append(span)
            labels.append((track, level, dict(
                x=row["day"], ax=0, showarrow=True, arrowhead=0, arrowcolor=theme.muted, arrowwidth=1,
                xanchor="right" if right else "left", yanchor="bottom", align="right" if right else "left",
                bgcolor=theme.paper, text="<br>".join(f"<b>{line}</b>" for line in lines),
                hovertext=(f"<b>{esc(row['title'])}</b><br>"
                           + esc(t.gettext("Day %(day)s of the %(track)s talks") % {"day": row["day"], "track": track})
                           + " · " + esc(t.ngettext("%(n)s session", "%(n)s sessions", int(row["sessions"])))
                           + "<br>" + esc(t.gettext("Outcome: %(outcome)s") % {"outcome": row["outcome"] or t.gettext("not recorded")})
                           + "<br>" + esc(t.gettext("Territory then: %(figures)s") % {"figures": row["territory"] or t.gettext("no figure")})),
                font=dict(size=font, color=theme.text))))
    return labels
