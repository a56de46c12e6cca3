"""The timeline's lane names, fitted to the room the form gives them and told apart.

Beside the lanes (wide, slide) a name has a third of the figure at most, above them (phone,
column) the width; a name too long is shortened so that no two lanes read alike ("round 2,
Abu Dhabi", "US–Ukraine, Geneva"), or set on two lines on a slide with room. The full name is
in each event's hover, the events list and the table.
"""

from __future__ import annotations

import textwrap

import pandas as pd

from dashboard.data.dataset import Dataset
from dashboard.data.labels import esc
from dashboard.figures.size import Size
from dashboard.figures.text import chars_in
from dashboard.figures.theme import Theme
from dashboard.i18n import translator
from dashboard.state import ViewState

NAME_CHARS = 36  # wide: a lane name's characters beside the lane, at most


def lane_names(ds: Dataset, view: ViewState, lanes: tuple[str, ...], size: Size, theme: Theme,
                lines: int = 1) -> dict:
    """Each lane's name: beside the lanes at most NAME_CHARS (a slide: a third of its width, on
    up to ``lines`` lines), above them as much as the width holds. A name too long is shortened
    (``shorter_names``); the full name is in the hover, the events list and the table."""
    if size.form == "wide":  # beside, in at most a third of the narrowest wide plot
        room = NAME_CHARS
    elif size.form == "slide":
        room = chars_in(size.width / 3, theme.font_size)
    else:
        room = chars_in(size.width - 70, max(10, theme.font_size - 2))
    full = _full_names(ds, view)
    titles = [full.get(lane, lane) for lane in lanes]
    wrapped = [textwrap.wrap(t, room) for t in titles]
    if lines > 1 and all(len(w) <= lines for w in wrapped):
        names = ["\n".join(w) or t for w, t in zip(wrapped, titles)]
    else:
        names = shorter_names(titles, room)
    return {lane: "<br>".join(map(esc, name.split("\n"))) for lane, name in zip(lanes, names)}


def shorter_names(titles: list[str], room: int) -> list[str]:
    """Each title in at most ``room`` characters, the names told apart where they can be: the
    first of these that fits and no other lane takes — the title; without its place in
    brackets; its first words and the part after the comma ("US–Ukraine, Geneva"); a round's
    number and the part after the comma ("round 2, Abu Dhabi"); a long title's words cut; the
    part after the comma; the part before it; words cut."""
    options = [_name_options(title, room) for title in titles]
    chosen = [0] * len(titles)
    for _ in range(8):  # each pass moves the clashing names one option on
        names = [o[c] for o, c in zip(options, chosen)]
        clashes = {i for i, n in enumerate(names) if names.count(n) > 1 and chosen[i] + 1 < len(options[i])}
        if not clashes:
            break
        chosen = [c + (i in clashes) for i, c in enumerate(chosen)]
    return [o[c] for o, c in zip(options, chosen)]


def _name_options(title: str, room: int) -> list[str]:
    plain = title.split(" (")[0]
    head, _, place = plain.partition(", ")
    words = head.split()
    options = [title, plain]
    if place:
        options += [f"{' '.join(words[:k])}, {place}" for k in range(len(words) - 1, 0 if len(words) <= 3 else 1, -1)
                    if len(words[k - 1]) > 2]  # not ending on a short particle: "Встреча Трампа и, …"
        numbered = [i for i, word in enumerate(words) if any(ch.isdigit() for ch in word)]
        options += [f"{' '.join(words[max(0, i - 1):i + 1])}, {place}" for i in numbered[:1]]  # "round 2, …"
        if len(words) > 3:  # a long description says more cut than its place alone
            options.append(textwrap.shorten(plain, room, placeholder=" …"))
        options += [place, head]
    fitting = list(dict.fromkeys(o for o in options if len(o) <= room))
    return fitting or [textwrap.shorten(plain, room, placeholder=" …")]


def _full_names(ds: Dataset, view: ViewState) -> dict:
    """Each lane (the derived, wrapped category) -> its full name in the view's language,
    without wrapping again."""
    return dict(zip(ds.derived.lanes[view.lanes], dict.fromkeys(ds.derived.lane_titles_in(view.lang)[view.lanes])))


def full_name_lines(ds: Dataset, view: ViewState, lanes: pd.Series, names: dict) -> pd.Series | str:
    """Per event (``lanes``: each one's lane), the hover's last line where its lane's name is
    shortened: 'Lane: <full name>'; '' where none is."""
    full = _full_names(ds, view)
    lane_text = translator(view.lang).gettext("Lane: %(name)s")
    cut = {lane: "<br>" + esc(lane_text % {"name": full[lane]}) for lane, name in names.items()
           if lane in full and name.replace("<br>", " ") != esc(full[lane])}
    return lanes.map(cut).fillna("") if cut else ""
