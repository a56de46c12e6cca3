"""Date ticks that never touch, and the time axis's break, for the width a figure gets.

Plotly's automatic ticks do not know about a range break: the last tick before it and the
first after it land side by side ("Jul 2022Jan 2024"). So the timeline places its own ticks:
calendar steps (days … years) chosen so that each label has room at the plot's width, one
set per side of the break, and any tick that would come closer to its neighbour or to the
break than its label needs is dropped. Labels name the month and give the year only where it
changes, as newsroom charts do ("Mar 2022", "Jun", "Sep", "Jan 2025").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from dashboard.figures.text import CHAR_EM
from dashboard.i18n import month_text, short_day_text

STEPS = ([pd.DateOffset(days=d) for d in (1, 2, 7, 14)]
         + [pd.DateOffset(months=m) for m in (1, 2, 3, 6, 12, 24)])
LABEL_GAP = 14  # px between neighbouring tick labels, at least
DAY_NS = 86_400 * 10**9


@dataclass(frozen=True)
class Axis:
    """The time axis as drawn: its range, the hidden stretch (or None) and the plot's width.
    Positions are worked out in nanoseconds: the ticks ask for hundreds of them a figure."""
    start: pd.Timestamp  # naive UTC
    end: pd.Timestamp
    gap: tuple[pd.Timestamp, pd.Timestamp] | None
    plot_px: float

    @property
    def hidden(self) -> pd.Timedelta:
        return pd.Timedelta(self._hidden_ns(self.end.value), unit="ns")

    @cached_property
    def px_per_day(self) -> float:
        shown = (self.end.value - self.start.value - self._hidden_ns(self.end.value)) / DAY_NS
        return self.plot_px / max(shown, 1 / 24)

    def px(self, when: pd.Timestamp) -> float:
        """Where ``when`` lies on the plot (px from its left edge), the break taken out."""
        return (when.value - self.start.value - self._hidden_ns(when.value)) / DAY_NS * self.px_per_day

    def _hidden_ns(self, until: int) -> int:
        """The nanoseconds of the hidden stretch between the axis's start and ``until``."""
        if not self.gap:
            return 0
        return max(0, min(until, self.gap[1].value) - max(self.start.value, self.gap[0].value))


def date_ticks(axis: Axis, font_px: float, two_lines: bool = False, lang: str = "en") -> tuple[list[str], list[str]]:
    """Tick values (naive UTC text) and labels for ``axis``: the finest calendar step whose
    labels have room, without a label nearer than its width to a neighbour or the break.
    ``two_lines`` (a phone): the year under the month, so labels are narrower; months in ``lang``."""
    label_px = (4 if two_lines else 6) * font_px * CHAR_EM + LABEL_GAP  # a typical label and its gap
    step = next((s for s in STEPS if _step_days(s) * axis.px_per_day >= label_px), STEPS[-1])
    segments = [(axis.start, axis.end)]
    if axis.gap and axis.start < axis.gap[0] and axis.gap[1] < axis.end:
        segments = [(axis.start, axis.gap[0]), (axis.gap[1], axis.end)]
    values, texts, placed = [], [], []  # placed: (px, half width) of the labels kept
    for first, last in segments:
        previous_year = None
        kept = len(values)
        for when in _calendar(first, last, step):
            text = _label(when, step, previous_year is None or when.year != previous_year, lang)
            if two_lines:
                text = text.replace(" 20", "<br>20")
            half = max(map(len, text.split("<br>"))) * font_px * CHAR_EM / 2
            at = axis.px(when)
            if at - half < 0 or at + half > axis.plot_px:
                continue  # would reach past the plot's ends
            if placed and at - half < placed[-1][0] + placed[-1][1] + LABEL_GAP:
                continue
            if axis.gap and segments[0] != (axis.start, axis.end) and abs(at - axis.px(axis.gap[0])) < half + 6:
                continue  # on the break itself, where its mark is drawn
            previous_year = when.year
            values.append(str(when))
            texts.append(text)
            placed.append((at, half))
        if len(values) == kept and step.kwds.get("months", 0) >= 12:  # a segment left undated
            _date_segment(axis, first, last, font_px, two_lines, (values, texts, placed), lang)
    order = sorted(range(len(values)), key=lambda i: values[i])
    return [values[i] for i in order], [texts[i] for i in order]


def _date_segment(axis: Axis, first: pd.Timestamp, last: pd.Timestamp, font_px: float, two_lines: bool,
                  kept: tuple[list, list, list], lang: str) -> None:
    """One month-and-year label for a stretch the yearly ticks miss (2022's ten months), where
    it keeps clear of the labels already placed, the break and the plot's ends."""
    values, texts, placed = kept
    for when in _calendar(first, last, pd.DateOffset(months=3)):
        text = _label(when, pd.DateOffset(months=3), True, lang)
        text = text.replace(" 20", "<br>20") if two_lines else text
        half = max(map(len, text.split("<br>"))) * font_px * CHAR_EM / 2
        at = axis.px(when)
        clear = all(abs(at - other) >= half + width + LABEL_GAP for other, width in placed)
        off_break = not axis.gap or abs(at - axis.px(axis.gap[0])) >= half + 6
        if half <= at <= axis.plot_px - half and clear and off_break:
            values.append(str(when)), texts.append(text), placed.append((at, half))
            return


def _step_days(step: pd.DateOffset) -> float:
    return step.kwds.get("days", 0) + step.kwds.get("months", 0) * 30.44


def _calendar(first: pd.Timestamp, last: pd.Timestamp, step: pd.DateOffset) -> list[pd.Timestamp]:
    """Calendar-aligned instants of ``step`` from ``first`` to ``last``: days from midnight,
    weeks from Mondays, months from the 1st of a month that is a multiple of the step."""
    months = step.kwds.get("months", 0)
    if months:
        start = pd.Timestamp(first.year, 1, 1)
        while start < first:
            start += step
    else:
        start = first.normalize() + (pd.Timedelta(days=(7 - first.day_of_week) % 7)
                                     if step.kwds["days"] >= 7 else pd.Timedelta(0))
        start = start if start >= first else start + step
    out = []
    while start <= last and len(out) < 400:  # bounded: a year of days at most
        out.append(start)
        start += step
    return out


def _label(when: pd.Timestamp, step: pd.DateOffset, with_year: bool, lang: str) -> str:
    if step.kwds.get("months", 0) >= 12:
        return f"{when:%Y}"
    if step.kwds.get("months"):
        return month_text(when, lang, with_year)
    return f"{short_day_text(when, lang)} {when:%Y}" if with_year else short_day_text(when, lang)


def break_marks(axis: Axis, paper: str, muted: str, axis_panel_px: float) -> list[dict]:
    """The break: a dotted rule down both panels where the hidden stretch is folded away, and
    on the dated axis line (the lower panel's, ``axis_panel_px`` tall) a paper-coloured gap
    8 px wide between two rules. Grid lines stand only at the ticks, none of which is in the
    hidden stretch, so nothing pretends the months are there."""
    if not axis.gap:
        return []
    half, reach = pd.Timedelta(days=4 / axis.px_per_day), 7 / max(axis_panel_px, 1)
    rules = [dict(type="line", xref=xref, yref=f"{yref} domain", x0=str(axis.gap[0]), x1=str(axis.gap[0]),
                  y0=0, y1=1, layer="below", line=dict(color=muted, width=1, dash="dot"))
             for xref, yref in (("x", "y"), ("x2", "y2"))]
    return [*rules, dict(type="rect", xref="x2", yref="y2 domain", x0=str(axis.gap[0] - half),
                         x1=str(axis.gap[1] + half), y0=-reach, y1=reach, layer="above", fillcolor=paper,
                         line=dict(color=muted, width=1.5))]
