"""A talks day hour by hour: each timed event's scheduled and actual session side by side.

``view.day`` is an Istanbul-local date (YYYY-MM-DD). All x values are naive UTC (plotly.js
ignores offsets): the bottom axis is labelled GMT and a second axis on top shows the same
hours in Istanbul time. Scheduled times are hollow, actual times filled; approximate actual
times are hatched, outlined with dashes and marked '≈'. An unknown end is drawn as a start
marker, never as an invented duration. Only minute- and hour-precision events appear here.
"""

from __future__ import annotations

import textwrap

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.data.filters import filter_events
from dashboard.state import ViewState
from dashboard.data.times import (
    DISPLAY_ZONE,
    DISPLAY_ZONE_LABEL,
    GMT,
    format_date,
    format_delay,
    format_span,
    minutes_between,
    naive_utc,
)
from dashboard.data.labels import esc, vocabulary
from dashboard.i18n import N_, record_text, short_day_text, translator
from dashboard.figures.assembly import Figure, assemble, empty_figure
from dashboard.figures.forms import (LINE_EM, body_font, heading, key, least_width, legend_name, slide_height,
                                     small_font)
from dashboard.figures.text import CHAR_EM, text_px
from dashboard.figures.size import Size
from dashboard.figures.theme import Theme

TIMED = ("minute", "hour")
COLUMNS = ["id", "title", "kind", "precision", "local_tz", "anchor", "scheduled_start",
           "scheduled_end", "start", "end", "approximate", "status", "verification",
           "delay_min", "delay_text"]
OFFSET = 0.19      # at most, scheduled marks sit this far above the row centre, actual marks below (rows)
BAR_WIDTH = 0.32   # at most, bar thickness (rows)
LABEL_GAP = 12  # px between a stacked row's name and its marks
DELAY_SHIFT, MARKER_PX = 14, 24  # px: a delay note's gap after its mark; a start marker and its gap
PAD = pd.Timedelta(hours=1)
TICK_HOURS = (1, 2, 3, 6, 12, 24)
TRANSPARENT = "rgba(0,0,0,0)"
# The key's entries, by style of mark and whether it has an end; the marks' own labels.
ENTRIES = {("planned", True): N_("Scheduled session"), ("planned", False): N_("Scheduled start, end not set"),
           ("exact", True): N_("Actual session"), ("exact", False): N_("Actual start, end not reported"),
           ("approximate", True): N_("Actual session ≈ (approximate)"),
           ("approximate", False): N_("Actual start ≈ (approximate), end not reported")}
MARK_LABELS = {"planned": N_("scheduled"), "exact": N_("actual"), "approximate": N_("≈ actual")}


def schedule_day(ds: Dataset, view: ViewState) -> str:
    """The Istanbul-local date shown: ``view.day``, else the busiest talks day ('' if none)."""
    return view.day or ds.derived.busiest_day


def schedule_rows(ds: Dataset, view: ViewState) -> pd.DataFrame:
    """Filtered minute/hour events whose anchor or scheduled start falls on the talks day
    (Istanbul-local date), in time order. Times are tz-aware UTC; ``delay_min`` (Int64) is
    minutes from scheduled to actual start (negative = early, <NA> if either is unknown)."""
    day = schedule_day(ds, view)
    events = filter_events(ds, view)
    events = events[events["precision"].isin(TIMED)]
    on_day = pd.Series(False, index=events.index)
    for column in ("anchor", "scheduled_start"):
        on_day |= events[column].dt.tz_convert(DISPLAY_ZONE).dt.strftime("%Y-%m-%d") == day
    rows = events[on_day].sort_values(["anchor", "id"])
    delays = [minutes_between(s, a) if pd.notna(s) and pd.notna(a) else pd.NA
              for s, a in zip(rows["scheduled_start"], rows["start"])]
    rows = rows.assign(delay_min=pd.array(delays, dtype="Int64"))
    rows["title"] = [record_text(row, "title", view.lang).text for row in rows.itertuples()]
    rows["delay_text"] = ["" if pd.isna(m) else format_delay(int(m), bool(a), view.lang)
                          for m, a in zip(rows["delay_min"], rows["approximate"])]
    return rows[COLUMNS]


def schedule_figure(ds: Dataset, view: ViewState, theme: Theme, size: Size = Size()) -> Figure:
    """Rows = events; upper half of a row = scheduled, lower half = actual; x = time (UTC).

    Laid out for the form (forms.py): the hours are thinned so their labels never touch
    (always horizontal), the time range is widened until every mark label and delay note fits
    inside the plot, a row's name never wraps past three lines (wide) or takes the full width
    above its marks (phone, column), and the key lies under the plot. On a slide there is no title or
    credit (the slide shows both), the rows share the slide's height and no text is under 18 px.
    """
    day, lang = schedule_day(ds, view), view.lang
    t = translator(lang)
    label = format_date(pd.Timestamp(day).tz_localize(DISPLAY_ZONE), DISPLAY_ZONE, lang) if day else ""
    title = t.gettext("%(day)s hour by hour (GMT and Istanbul time)") % {"day": label or t.gettext("A talks day")}
    rows = schedule_rows(ds, view)
    stacked = size.form in ("phone", "column")  # names above the marks: time keeps the width
    if rows.empty:
        return empty_figure(ds, theme, title, _empty_message(ds, label, lang), size, lang)
    rows = rows.assign(row=range(len(rows)), hover=_hover(rows, lang),
                       color=[theme.kind_color(k) for k in rows["kind"]])
    font, small, width = body_font(theme, size), small_font(theme, size), least_width(size)
    heading_layout, heading_px = heading(ds, theme, title, size, lang)
    widest = short_day_text(pd.Timestamp("2025-05-11"), lang)  # the widest hour label (a midnight's date)
    tick_w, tick_row = text_px(widest, font), font * 1.6 + 8  # their row
    local_first = rows["anchor"].min().tz_convert(DISPLAY_ZONE)
    names = [(t.gettext(GMT), rows["anchor"].min().tz_convert("UTC")), (t.gettext(DISPLAY_ZONE_LABEL), local_first)]
    name_px = max(text_px(f"{n} ({short_day_text(d, lang)})", font, bold=True) for n, d in names)
    notes = _delay_notes(rows, small, lang)
    delayed = set(notes)
    inline: set = set()  # rows whose delay note sits under their name
    if stacked:
        margin = dict(l=int(tick_w / 2 + 6), r=int(tick_w / 2 + 6))
        chars = (width - margin["l"] - 8) / (small * CHAR_EM)
        lines = [_wrapped(t, chars) + ([d] if i in notes else [])
                 for i, t, d in zip(rows.index, rows["title"], rows["delay_text"])]
        top, bottom = heading_px + 2 * tick_row, 2 * tick_row  # the axes' names over and under their hours
    else:
        chars = 26 if size.form == "wide" else 22
        names_only = [_wrapped(t, chars) for t in rows["title"]]
        # a delay note too wide for the right half of the plot goes under the row's name instead
        room = width - tick_w / 2 - 8 - _left(names_only, font, name_px, tick_w)
        inline = {i for i, (_, text, shift) in notes.items() if shift + text_px(text, small) > room / 2}
        lines = [ls + [delay] if i in inline else ls
                 for i, ls, delay in zip(rows.index, names_only, rows["delay_text"])]
        margin = dict(l=int(_left(lines, font, name_px, tick_w)), r=int(tick_w / 2 + 8))
        top, bottom = heading_px + tick_row, tick_row
    notes = {} if stacked else {i: note for i, note in notes.items() if i not in inline}  # drawn beside the marks
    plot_px = width - margin["l"] - margin["r"]
    # plotly wraps a key over or under the plot at the plot's width
    legend, legend_px = key([legend_name(n, theme, size, plot_px) for n in _legend_names(rows, lang)],
                            theme, size, plot_px)
    bottom += legend_px + 6
    rows_px = _row_heights(lines, font, small, stacked, size, top + bottom)
    geometry = _geometry(rows_px, lines, small, stacked, font)
    sched_y = pd.Series([r + g[0] for r, g in zip(range(len(rows)), geometry)], index=rows.index)
    actual_y = pd.Series([r + g[1] for r, g in zip(range(len(rows)), geometry)], index=rows.index)
    bar = min(g[2] for g in geometry)
    exact, approx = rows[~rows["approximate"]], rows[rows["approximate"]]
    marks = [_marks(rows, sched_y, "scheduled_start", "scheduled_end", theme, "planned", bar, small, lang),
             _marks(exact, actual_y[exact.index], "start", "end", theme, "exact", bar, small, lang),
             _marks(approx, actual_y[approx.index], "start", "end", theme, "approximate", bar, small, lang)]
    first, last = _time_range(rows, list(notes.values()), plot_px, small, lang)
    ticks = hour_ticks(first, last, plot_px / (tick_w + 14))
    axis_trace, axes, axis_names = _time_axes(ticks, (first, last), actual_y.iloc[0], theme, font,
                                              stacked, tick_w, tick_row, lang)
    yaxis = dict(tickvals=rows["row"].tolist(), fixedrange=True, automargin=False,
                 ticktext=None if stacked else [_name(ls, i in inline) for i, ls in zip(rows.index, lines)],
                 showticklabels=not stacked, tickfont=dict(size=font), range=[len(rows) - 0.5, -0.5],
                 showgrid=False, zeroline=False,
                 minor=dict(tickvals=[r + 0.5 for r in rows["row"][:-1]], showgrid=True,
                            gridcolor=theme.grid, ticks=""))
    labels = _row_labels(rows, lines, delayed, theme, small) if stacked else _delays(notes, actual_y, theme, small)
    height = int(top + bottom + sum(rows_px))
    layout = dict(
        hovermode="closest", clickmode="event", barmode="overlay",
        margin=dict(margin, t=int(top), b=int(bottom)), title=heading_layout, yaxis=yaxis,
        shapes=[shape for _, shapes in marks for shape in shapes], legend=legend,
        annotations=[*labels, *axis_names], uniformtext=dict(minsize=small, mode="hide"), **axes,
    )
    traces = [dict(t, name=legend_name(t["name"], theme, size, plot_px)) for traces, _ in marks for t in traces]
    return assemble(ds, theme, title, height, [*traces, axis_trace], layout, lang=lang)


def _left(lines: list[list[str]], font: int, name_px: float, tick_w: float) -> float:
    """The left margin beside the rows: their names, and the axes' names left of the first hour."""
    return max(max(text_px(line, font) for ls in lines for line in ls) + 12, name_px + tick_w / 2 + 12)


def _name(lines: list[str], delay: bool) -> str:
    """A row's name on the y axis, its last line in italics where it is the row's delay."""
    escaped = [esc(line) for line in lines]
    return "<br>".join(escaped[:-1] + [f"<i>{escaped[-1]}</i>"] if delay else escaped)


def _wrapped(title: str, chars: float) -> list[str]:
    """A row's name on at most three lines, words kept whole (the full name is in the hover)."""
    return textwrap.wrap(str(title), max(8, int(chars)), max_lines=3, placeholder=" …",
                         break_long_words=False) or [str(title)]


def _legend_names(rows: pd.DataFrame, lang: str = "en") -> list[str]:
    """The key's entries, as the traces name them (to size the key before the traces exist)."""
    approx = rows["approximate"].to_numpy(dtype=bool)
    names = []
    for style, first, last, subset in (("planned", "scheduled_start", "scheduled_end", approx | ~approx),
                                       ("exact", "start", "end", ~approx), ("approximate", "start", "end", approx)):
        known, ends = rows[first].notna().to_numpy(), rows[last].notna().to_numpy()
        for ended in (True, False):
            if (subset & known & (ends if ended else ~ends)).any():
                names.append(translator(lang).gettext(ENTRIES[style, ended]))
    return names


def _row_heights(lines, font, small, stacked, size, chrome) -> list[float]:
    """Each row's height (px): room for its name, and for its two levels of marks and their labels."""
    band = _band(small)
    if stacked:
        return [len(ls) * small * LINE_EM + LABEL_GAP + 2 * band + 8 for ls in lines]
    least = max(72 * font / 13, band * 2.6)
    heights = [max(least, len(ls) * font * LINE_EM + 16) for ls in lines]
    if slide_height(size):  # the rows share the slide's figure area
        spare = (slide_height(size) - chrome - sum(heights)) / len(heights)
        heights = [h + max(0.0, spare) for h in heights]
    return heights


def _band(font: int) -> float:
    """The height of one level of marks (px): a marker, or a bar with its label inside."""
    return max(28.0, font * 2.2)


def _geometry(rows_px, lines, small, stacked, font) -> list[tuple[float, float, float]]:
    """Per row, where its scheduled and its actual marks sit (row units from the row's centre)
    and the bars' thickness (row units)."""
    out = []
    for px, ls in zip(rows_px, lines):
        if stacked:
            band = _band(small)
            label = len(ls) * small * LINE_EM + LABEL_GAP
            out.append(((label + band / 2) / px - 0.5, (label + 1.5 * band) / px - 0.5, 0.62 * band / px))
        else:
            offset = min(OFFSET, 1.3 * font / px)
            out.append((-offset, offset, min(BAR_WIDTH, 1.8 * font / px)))
    return out


def _delay_notes(rows: pd.DataFrame, font: int, lang: str = "en") -> dict:
    """Row index → (where, text, px right of it) of each delay note: after the actual bar's
    end, or after the label of a start marker."""
    notes = {}
    for i, minutes, start, end, approx, text in zip(rows.index, rows["delay_min"], rows["start"], rows["end"],
                                                    rows["approximate"], rows["delay_text"]):
        if pd.isna(minutes) or minutes == 0:
            continue
        mark = translator(lang).gettext(MARK_LABELS["approximate" if approx else "exact"])
        shift = DELAY_SHIFT + (MARKER_PX + text_px(mark, font) if pd.isna(end) else 0)
        notes[i] = (start if pd.isna(end) else end, text, shift)
    return notes


def _time_range(rows: pd.DataFrame, notes: list, plot_px: float, font: float,
                lang: str = "en") -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last instants shown (tz-aware UTC): the day's times with a margin, widened to
    the right until every start marker's label and every delay note ends inside the plot."""
    columns = [rows[c] for c in ("scheduled_start", "scheduled_end", "start", "end")]
    first = min(c.min() for c in columns if c.notna().any()) - PAD
    last = max(c.max() for c in columns if c.notna().any()) + 2 * PAD  # room after the last mark
    texts = [(t, shift + text_px(note, font)) for t, note, shift in notes]
    label = {style: translator(lang).gettext(text) for style, text in MARK_LABELS.items()}
    for planned, planned_end, start, end, approx in zip(*columns, rows["approximate"]):
        if pd.notna(planned) and pd.isna(planned_end):  # a start marker and its label
            texts.append((planned, MARKER_PX + text_px(label["planned"], font)))
        if pd.notna(start) and pd.isna(end):
            texts.append((start, MARKER_PX + text_px(label["approximate" if approx else "exact"], font)))
    for anchor, px in texts:
        share = min(px / plot_px, 0.8)  # the text's share of the plot's width
        last = max(last, first + (anchor - first) / (1 - share))
    return first, last


def hour_ticks(first: pd.Timestamp, last: pd.Timestamp, most: float = 12) -> pd.DatetimeIndex:
    """Tick times (tz-aware UTC) inside [first, last], every 1–24 hours: no more than ``most``."""
    span = (last - first).total_seconds() / 3600
    hours = next((h for h in TICK_HOURS if span / h + 1 <= most), 24)
    return pd.date_range(first.ceil(f"{hours}h"), last.floor(f"{hours}h"), freq=f"{hours}h")


def clock_labels(ticks: pd.DatetimeIndex, lang: str = "en") -> list[str]:
    """'HH:MM' per tick in the ticks' own zone; a midnight tick shows the new date instead."""
    return [short_day_text(t, lang) if t == t.normalize() else t.strftime("%H:%M") for t in ticks]


def _marks(rows: pd.DataFrame, y: pd.Series, first: str, last: str, theme: Theme,
           style: str, width: float, font: int, lang: str = "en") -> tuple[list[dict], list[dict]]:
    """Bars where both ends are known, start markers (▷) where only the start is, and the
    dashed frames of approximate bars (a bar cannot dash its outline): (traces, shapes).

    ``style``: 'planned' (hollow), 'exact' (filled) or 'approximate' (hatched, dashed, '≈');
    ``width``: the bars' thickness (rows). A start marker's label goes right of it, where its
    level of the row is empty (the time range leaves it room).
    """
    spans = rows[rows[first].notna() & rows[last].notna()]
    starts = rows[rows[first].notna() & rows[last].isna()]
    hollow, approx = style == "planned", style == "approximate"
    _ = translator(lang).gettext
    label = _(MARK_LABELS[style])
    traces, shapes = [], []
    if not spans.empty:
        colors = spans["color"].tolist()
        marker = dict(color=TRANSPARENT if hollow else colors, opacity=0.55 if approx else 1,
                      line=dict(color=colors, width=theme.line_width))
        if approx:
            marker["pattern"] = dict(shape="/", fgcolor=colors, solidity=0.3)
        traces.append(dict(
            type="bar", base=naive_utc(spans[first]).astype(str).tolist(), y=y[spans.index].tolist(),
            x=((spans[last] - spans[first]) / pd.Timedelta(milliseconds=1)).tolist(),
            orientation="h", width=width, name=_(ENTRIES[style, True]), legendgroup=style,
            text=label, textposition="inside", insidetextanchor="start", textangle=0,
            textfont=dict(color=theme.text if hollow or approx else theme.paper, size=font), marker=marker,
            customdata=spans["id"].tolist(), hovertext=spans["hover"].tolist(), hoverinfo="text"))
        if approx:
            shapes = [dict(type="rect", x0=str(x0), x1=str(x1), y0=top - width / 2, y1=top + width / 2,
                           line=dict(color=color, dash="dash", width=theme.line_width))
                      for x0, x1, top, color in zip(naive_utc(spans[first]), naive_utc(spans[last]),
                                                    y[spans.index], colors)]
    if not starts.empty:
        traces.append(dict(
            type="scatter", x=naive_utc(starts[first]).astype(str).tolist(), y=y[starts.index].tolist(),
            mode="markers+text", name=_(ENTRIES[style, False]),
            legendgroup=style, text=label, textposition="middle right",
            textfont=dict(color=theme.text, size=font), cliponaxis=False,
            marker=dict(symbol="triangle-right-open" if hollow else "triangle-right",
                        color=starts["color"].tolist(), size=theme.marker_size * 1.4,
                        opacity=0.55 if approx else 1, line=dict(width=theme.line_width)),
            customdata=starts["id"].tolist(), hovertext=starts["hover"].tolist(), hoverinfo="text"))
    return traces, shapes


def _delays(notes: dict, y: pd.Series, theme: Theme, font: int) -> list[dict]:
    """A note right of each actual mark whose start differs from the schedule (past a start
    marker's own label)."""
    return [dict(x=str(naive_utc(when)), y=y[i], text=esc(text), showarrow=False, xanchor="left",
                 xshift=int(shift), font=dict(color=theme.text, size=font))
            for i, (when, text, shift) in notes.items()]


def _time_axes(ticks: pd.DatetimeIndex, extent: tuple, y, theme: Theme, font: int, stacked: bool,
               tick_w: float, tick_row: float, lang: str = "en") -> tuple[dict, dict, list[dict]]:
    """GMT hours below; the same instants labelled in Istanbul time on an overlaid axis above:
    (the trace that pins the top axis, the two axes, their name labels).

    Each axis is named level with its hour labels, left of them in the margin (an axis title
    would meet the key or the credit); stacked, over the top hours and under the bottom ones.
    Hour labels are never turned: the ticks were thinned so they cannot touch.
    """
    values = naive_utc(pd.Series(ticks)).astype(str).tolist()
    span = [str(t) for t in naive_utc(pd.Series(list(extent)))]
    # plotly draws an axis only if a trace uses it: an invisible one pins the top axis.
    pin = dict(type="scatter", x=span, y=[y, y], xaxis="x2", mode="markers", showlegend=False,
               marker=dict(opacity=0), hoverinfo="skip", name="time axis")
    common = dict(type="date", range=span, tickvals=values, fixedrange=False, ticks="outside",
                  tickangle=0, tickfont=dict(size=font), automargin=False)
    local = ticks.tz_convert(DISPLAY_ZONE)
    axes = dict(xaxis=dict(**common, ticktext=clock_labels(ticks, lang), showgrid=True),
                xaxis2=dict(**common, ticktext=clock_labels(local, lang), overlaying="x", side="top",
                            matches="x", showgrid=False))
    first = pd.Series(list(extent)).iloc[0]
    names = []
    for name, zone, top in ((GMT, "UTC", False), (DISPLAY_ZONE_LABEL, DISPLAY_ZONE, True)):
        text = f"<b>{esc(translator(lang).gettext(name))}</b> ({short_day_text(first.tz_convert(zone), lang)})"
        if stacked:  # a line of its own past the hour labels
            place = dict(x=0, xanchor="left", yanchor="bottom" if top else "top",
                         yshift=int(tick_row) if top else -int(tick_row))
        else:  # level with the hour labels, left of the first one
            place = dict(x=0, xanchor="right", yanchor="middle", xshift=-int(tick_w / 2 + 8),
                         yshift=int(tick_row / 2) if top else -int(tick_row / 2))
        names.append(dict(text=text, xref="paper", yref="paper", y=1 if top else 0, showarrow=False,
                          font=dict(color=theme.text, size=font), **place))
    return pin, axes, names


def _row_labels(rows: pd.DataFrame, lines: list[list[str]], delayed: set, theme: Theme, font: int) -> list[dict]:
    """Stacked: each row's name and, where it differs from the schedule, its delay (in italics),
    across the top of the row, above its marks (the y axis's names are off)."""
    return [dict(text=_name(ls, i in delayed), xref="paper", x=0, y=row - 0.5, yshift=-4, xanchor="left",
                 yanchor="top", align="left", showarrow=False, font=dict(color=theme.text, size=font))
            for row, (i, ls) in enumerate(zip(rows.index, lines))]


def _hover(rows: pd.DataFrame, lang: str = "en") -> list[str]:
    """Title, scheduled and actual times in GMT and Istanbul, delay, kind, status, verification."""
    _ = translator(lang).gettext
    texts = []
    for row in rows.itertuples():
        planned = format_span(row.scheduled_start, row.scheduled_end, row.precision, row.local_tz, lang=lang)
        actual = format_span(row.start, row.end, row.precision, row.local_tz, row.approximate, lang)
        lines = [_("Scheduled: %(when)s") % {"when": planned}, _("Actual: %(when)s") % {"when": actual},
                 row.delay_text or _("delay unknown"),
                 " · ".join(vocabulary(value, lang) for value in (row.kind, row.status, row.verification))]
        texts.append(f"<b>{esc(row.title)}</b><br>" + "<br>".join(map(esc, lines)))
    return texts


def _empty_message(ds: Dataset, label: str, lang: str = "en") -> str:
    _ = translator(lang).gettext
    if not label:
        return _("No event in the data is timed to the hour or minute.")
    return _("No event timed to the hour or minute on %(day)s matches the filters. Try another talks day "
             "(%(days)s) or clear the filters.") % {"day": label, "days": ", ".join(ds.derived.talks_days)}
