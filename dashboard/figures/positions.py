"""The Positions tab's figure: what each side stated, topic by topic and occasion by occasion, as
a grid of text (for the exports and the slides; the pages show the same matrix as an HTML table).

Only layout shapes and annotations draw it (our plotly.js bundle has no table trace), with an
invisible marker per cell carrying the full text as its hover. The axes count pixels from the
top left (1 unit = 1 px at the form's narrowest width, ``least_width``), so every cell is as
tall as its lines: wider boxes only add air. A cell is tinted and striped by ``moved`` where the
data says how the position moved, and says so in words (colour is never the only cue); a cell
without ``moved`` has no colour. On a phone the grid becomes a list: one topic after another,
its occasions under it. Where the columns cannot keep a legible width, the figure shows those
that fit and says how many it leaves out; on a slide, whose height is fixed, the cells' text is
shortened until the rows fit.
"""

from __future__ import annotations

from dashboard.data.dataset import Dataset
from dashboard.data.labels import esc, moved_label, side_label, topic_label
from dashboard.data.positions import Matrix, Position, position_matrix, view_filters
from dashboard.figures.assembly import Figure, assemble, empty_figure
from dashboard.figures.forms import (CHAR_EM, LINE_EM, body_font, heading, least_width, slide_height,
                                     small_font, text_px, wrap)
from dashboard.figures.size import Size
from dashboard.figures.theme import Theme
from dashboard.i18n import N_, translator
from dashboard.state import ViewState

TITLE = N_("What was on the table: each side's stated positions, by topic and occasion")
EMPTY_MESSAGE = N_("No positions match these filters. Clear a filter to see what each side stated.")
MOVED = ("new", "softened", "hardened", "unchanged")  # positions.moved's values, in the key's order
# Per theme: ``moved`` -> (the stripe, ≥ 3:1 on the paper; the cell's tint, under text ≥ 4.5:1).
MOVED_COLORS = {
    "light": {"new": ("#0057b8", "#e6effa"), "softened": ("#1b7837", "#e6f2e8"),
              "hardened": ("#b71c1c", "#fbe7e7"), "unchanged": ("#595959", "#eeeeee")},
    "dark": {"new": ("#6cb4ff", "#1b2a3b"), "softened": ("#81c784", "#1c2d1f"),
             "hardened": ("#ef9a9a", "#3a2224"), "unchanged": ("#a8a8a8", "#2a2c30")},
    "contrast": {"new": ("#ffff00", "#000000"), "softened": ("#7cfc00", "#000000"),
                 "hardened": ("#ff6060", "#000000"), "unchanged": ("#ffffff", "#000000")},
    "present": {"new": ("#00449e", "#e6effa"), "softened": ("#145c2a", "#e6f2e8"),
                "hardened": ("#9a1515", "#fbe7e7"), "unchanged": ("#333333", "#eeeeee")},
}
STRIPE_PX, PAD_PX, GAP_PX = 5, 8, 4  # a cell's stripe, its inner padding, the gap between cells
MIN_COLUMN_EM = 9  # a column narrower than this many em of its text is not drawn (see the note)
MAX_LINES = {"column": 7, "wide": 6, "phone": 10}  # a cell's lines off a slide
RING_NAME = N_("positions stated")  # the timeline's ring around an occasion with positions (its legend entry)
CELL_EM = 0.58  # a cell's text: average glyph width per font size (forms.CHAR_EM is for labels)


def moved_colors(theme: Theme) -> dict:
    return MOVED_COLORS.get(theme.name, MOVED_COLORS["light"])


def cell_text(position: Position) -> str:
    """A position as a cell shows it: an exact quote in quotation marks."""
    return f"“{position.position}”" if position.quote else position.position


def positions_figure(ds: Dataset, view: ViewState, theme: Theme, size: Size = Size()) -> Figure:
    lang = view.lang
    t = translator(lang)
    title = t.gettext(TITLE)
    matrix = position_matrix(ds, **view_filters(view), lang=lang)
    if not matrix.topics:
        return empty_figure(ds, theme, title, t.gettext(EMPTY_MESSAGE), size, lang)
    heading_layout, heading_px = heading(ds, theme, title, size, lang)
    draw = _list if size.form == "phone" else _grid
    width = least_width(size)
    shapes, annotations, hovers, height = draw(matrix, theme, size, width, heading_px, lang)
    # the key lists only what is drawn: the cells shown (a slide or a narrow grid may leave some out)
    drawn = {p.moved for _, _, cell, _ in hovers for p in cell if p.moved}
    key = [dict(type="scatter", x=[None], y=[None], mode="markers", name=moved_label(m, lang),
                marker=dict(symbol="square", size=14, color=moved_colors(theme)[m][0]))
           for m in MOVED if m in drawn]
    key_px = int(small_font(theme, size) * LINE_EM + 16) if key else 0
    total = int(height + key_px)
    if slide_height(size):
        total = max(total, slide_height(size))
    layout = dict(
        title=heading_layout, hovermode="closest", clickmode="event", dragmode=False, showlegend=bool(key),
        margin=dict(l=0, r=0, t=0, b=key_px),
        legend=dict(orientation="h", x=0, xanchor="left", xref="container", y=0, yanchor="bottom",
                    yref="container", font=dict(size=small_font(theme, size)),
                    title=dict(text=t.gettext("Moved:") + " "),
                    itemclick=False, itemdoubleclick=False),
        xaxis=dict(range=[0, width], visible=False, fixedrange=True),
        yaxis=dict(range=[total - key_px, 0], visible=False, fixedrange=True),
        shapes=shapes, annotations=annotations,
    )
    return assemble(ds, theme, title, total, [*_hover_trace(hovers, theme, lang), *key], layout, size, lang)


def _grid(matrix: Matrix, theme: Theme, size: Size, width: int, top: float, lang: str):
    """The occasions across, under their side's name; the topics down the left (wide) or each
    above its row (a column or a slide, where the cells need the width)."""
    font, small = body_font(theme, size), small_font(theme, size)
    line = small * LINE_EM
    above = size.form in ("column", "slide")
    if above:
        names = {t: wrap(topic_label(t, lang), (width - 2 * PAD_PX) / (font * 0.68)) for t in matrix.topics}
        left, band = 0.0, {t: len(names[t]) * font * LINE_EM + 4 for t in matrix.topics}
    else:
        names = {t: wrap(topic_label(t, lang), 16) for t in matrix.topics}
        left = min(width * 0.24, max(text_px(n, font, bold=True) for ls in names.values() for n in ls)) + 2 * PAD_PX
        band = dict.fromkeys(matrix.topics, 0.0)
    fits = max(1, int((width - left) // (MIN_COLUMN_EM * small)))
    columns = list(range(min(fits, len(matrix.columns))))
    shapes, annotations, hovers = [], [], []
    if len(columns) < len(matrix.columns):
        note = translator(lang).ngettext(
            "Showing %(shown)s of %(n)s column: filter by side or topic for the others (the page's table has "
            "them all).", "Showing %(shown)s of %(n)s columns: filter by side or topic for the others (the "
            "page's table has them all).", len(matrix.columns), shown=len(columns))
        lines = wrap(note, (width - 2 * PAD_PX) / (small * CHAR_EM))
        annotations.append(_text("<br>".join(lines), PAD_PX, top, small, theme.muted))
        top += len(lines) * line + 6
    column_px = (width - left) / len(columns)
    chars = (column_px - STRIPE_PX - 2 * PAD_PX - GAP_PX) / (small * CELL_EM)
    # The header: each side's name over its columns, then each column's date and occasion.
    spans: dict[str, list[int]] = {}
    for n in columns:
        spans.setdefault(matrix.columns[n].side, []).append(n)
    for side, ns in spans.items():
        x0 = left + ns[0] * column_px
        annotations.append(_text(f"<b>{esc(side_label(side, lang))}</b>", x0 + PAD_PX, top, font, theme.text))
        shapes.append(_line(x0 + 2, left + (ns[-1] + 1) * column_px - GAP_PX, top + font * LINE_EM + 2, theme.muted))
    top += font * LINE_EM + 8
    heads = {n: [esc(matrix.columns[n].date), *wrap(matrix.columns[n].title, chars, 3)] for n in columns}
    head_px = max(len(h) for h in heads.values()) * line + 8
    for n, head in heads.items():
        annotations.append(_text("<br>".join([f"<b>{head[0]}</b>", *head[1:]]), left + n * column_px + PAD_PX,
                                 top, small, theme.muted))
    top += head_px
    texts = [[_cell_lines(cell, chars, lang) for cell in (row[n] for n in columns)] for row in matrix.cells]
    room = slide_height(size)
    caps = range(MAX_LINES.get(size.form, 6), 0, -1) if not room else range(12, 0, -1)
    def fit(rows: int, note_px: float = 0) -> bool:
        return not room or top + sum(heights[:rows]) + rows * GAP_PX + 16 + note_px <= room

    for cap in caps:  # on a slide: the longest cells shortened until every row fits its height
        heights = [max(min(len(t), cap) for t in [*row, [""]]) * line + 2 * PAD_PX + band[topic]
                   for row, topic in zip(texts, matrix.topics)]
        if not above:
            heights = [max(h, len(names[t]) * font * LINE_EM + 2 * PAD_PX) for h, t in zip(heights, matrix.topics)]
        if fit(len(heights)):
            break
    rows = len(heights)
    if not fit(rows):  # a slide too small for every topic: the first ones, and a note under them
        while rows > 1 and not fit(rows, line):
            rows -= 1
    if rows < len(heights):
        more = translator(lang).ngettext("… and %(n)s more topic: filter by topic to show it.",
                                         "… and %(n)s more topics: filter by topic to show them.", len(heights) - rows)
        annotations.append(_text(esc(more),
                                 PAD_PX, top + sum(heights[:rows]) + rows * GAP_PX, small, theme.muted))
    for topic, row, cells, row_px in list(zip(matrix.topics, matrix.cells, texts, heights))[:rows]:
        annotations.append(_text("<br>".join(f"<b>{n}</b>" for n in names[topic]), PAD_PX,
                                 top + (2 if above else PAD_PX), font, theme.text))
        shapes.append(_line(0, width, top - GAP_PX / 2, theme.grid))
        top += band[topic]
        row_px -= band[topic]
        for n, cell, lines in zip(columns, (row[n] for n in columns), cells):
            if not cell:
                continue
            x0 = left + n * column_px
            shapes += _cell_shapes(cell, theme, x0, x0 + column_px - GAP_PX, top, top + row_px - GAP_PX)
            annotations.append(_text("<br>".join(_capped(lines, cap)), x0 + STRIPE_PX + PAD_PX, top + PAD_PX,
                                     small, theme.text))
            hovers.append((x0 + column_px / 2, top + row_px / 2, cell, matrix.columns[n]))
        top += row_px + GAP_PX
    return shapes, annotations, hovers, top + 8


def _list(matrix: Matrix, theme: Theme, size: Size, width: int, top: float, lang: str):
    """A phone: each topic as a heading, the occasions' positions under it, one after another."""
    font, small = body_font(theme, size), small_font(theme, size)
    chars = (width - STRIPE_PX - 3 * PAD_PX) / (font * CELL_EM)
    shapes, annotations, hovers = [], [], []
    for topic, row in zip(matrix.topics, matrix.cells):
        top += 6
        title = wrap(topic_label(topic, lang), (width - 2 * PAD_PX) / (font * CHAR_EM * 1.1))
        annotations.append(_text("<br>".join(f"<b>{t}</b>" for t in title), PAD_PX, top, font + 1, theme.text))
        top += len(title) * (font + 1) * LINE_EM + 6
        for column, cell in zip(matrix.columns, row):
            if not cell:
                continue
            label = wrap(f"{side_label(column.side, lang)} · {column.date} · {column.title}",
                         (width - STRIPE_PX - 3 * PAD_PX) / (small * CHAR_EM), 2)
            lines = _capped(_cell_lines(cell, chars, lang), MAX_LINES["phone"])
            bottom = top + len(label) * small * LINE_EM + len(lines) * font * LINE_EM + 2 * PAD_PX + 4
            shapes += _cell_shapes(cell, theme, PAD_PX, width - PAD_PX, top, bottom)
            x = PAD_PX + STRIPE_PX + PAD_PX
            annotations.append(_text("<br>".join(label), x, top + PAD_PX, small, theme.muted))
            annotations.append(_text("<br>".join(lines), x, top + PAD_PX + len(label) * small * LINE_EM + 4,
                                     font, theme.text))
            hovers.append((width / 2, (top + bottom) / 2, cell, column))
            top = bottom + GAP_PX
    return shapes, annotations, hovers, top + 8


def _cell_lines(cell: tuple[Position, ...], chars: float, lang: str) -> list[str]:
    """A cell's lines: each position (how it moved first, where the data says), a gap between."""
    lines: list[str] = []
    for position in cell:
        if lines:
            lines.append("")
        if position.moved:
            lines.append(f"<i>{esc(moved_label(position.moved, lang))}:</i>")
        lines += wrap(cell_text(position), chars)
        if position.numbers:
            lines += [f"<b>{line}</b>" for line in wrap(position.numbers, chars * 0.85)]
    return lines


def _capped(lines: list[str], cap: int) -> list[str]:
    return lines if len(lines) <= cap else [*lines[:cap - 1], lines[cap - 1].rstrip(" …") + " …"]


def _cell_shapes(cell: tuple[Position, ...], theme: Theme, x0: float, x1: float, y0: float, y1: float) -> list:
    """A cell's box: tinted and striped by how its (first) position moved; plain without ``moved``."""
    moved = next((p.moved for p in cell if p.moved), "")
    stripe, fill = moved_colors(theme)[moved] if moved else (theme.grid, theme.paper)
    box = dict(type="rect", xref="x", yref="y", x0=x0, x1=x1, y0=y0, y1=y1, layer="below", fillcolor=fill,
               line=dict(width=1, color=theme.grid))
    return [box, dict(box, x1=x0 + STRIPE_PX, fillcolor=stripe, line=dict(width=0))]


def _text(text: str, x: float, y: float, font: float, color: str) -> dict:
    return dict(text=text, x=x, y=y, xref="x", yref="y", xanchor="left", yanchor="top", align="left",
                showarrow=False, font=dict(size=font, color=color))


def _line(x0: float, x1: float, y: float, color: str) -> dict:
    return dict(type="line", xref="x", yref="y", x0=x0, x1=x1, y0=y, y1=y, line=dict(width=1, color=color))


def _hover_trace(hovers: list, theme: Theme, lang: str) -> list[dict]:
    """One invisible marker per cell: its full text on hover; a click opens the occasion."""
    if not hovers:
        return []
    texts = ["<br>".join([f"<b>{esc(c.title)}</b> ({esc(c.date)})",
                          *(f"{esc(side_label(p.side, lang))} · {esc(topic_label(p.topic, lang))}: "
                            + "<br>".join(wrap(cell_text(p), 60)) for p in cell)])
             for _, _, cell, c in hovers]
    return [dict(type="scatter", mode="markers", x=[h[0] for h in hovers], y=[h[1] for h in hovers],
                 marker=dict(size=24, opacity=0, color=theme.text), hovertext=texts, hoverinfo="text",
                 customdata=[c.occasion for _, _, _, c in hovers], showlegend=False, name="positions")]


def mark_positions(visible, theme: Theme, lang: str = "en") -> list[dict]:
    """The timeline's mark of the occasions that carry positions: a ring around those of
    ``visible`` (the events drawn, with ``x``, ``lane`` and ``stated``, the line their hover
    has for it); a click on it opens the event, as on the marker."""
    rows = visible[visible["stated"].to_numpy() != ""]
    if rows.empty:
        return []
    return [dict(
        type="scatter", x=rows["x"].tolist(), y=rows["lane"].tolist(), mode="markers",
        name=translator(lang).gettext(RING_NAME),
        marker=dict(symbol="circle-open", size=theme.marker_size * 1.8, color=theme.muted,
                    line=dict(width=1.5, color=theme.muted)),
        customdata=rows["id"].tolist(), hoverinfo="skip")]
