"""What a URL of this app holds: its route paths, each written once, and the strict reading of
the numbers and dates its parameters carry.

Paths: the views, the extra routes, the headers' framing rule, the embed code and the links
between pages all read them here. Numbers: ``str.isdigit()`` accepts '²' and '①' (which
``int()`` then refuses) and ``\\d`` in a regex matches every script's digits; every number a
URL, a form or a command line carries is read here, so a bad one is a ``None`` the caller turns
into a 400 or a note, never a 500.
"""

from __future__ import annotations

import re

EXPLORE = "/"
EMBED = "/embed"
PRESENT = "/present"
OEMBED = "/oembed"
EVENTS_CSV = "/download/events.csv"
POSITIONS_CSV = "/download/positions.csv"
HEALTH = "/healthz"
EMBED_FIGURES = "/embed/figures.json"  # the embed's figure in each form, for a view (its query)
EMBED_DETAIL = "/embed/detail/"  # + <event id>.html: an event's detail, as the embed shows it
POSITION_DETAIL = "/positions/detail/"  # + [<lang>/]<position id>.html: a position's detail, links to explore
EMBED_POSITION_DETAIL = "/embed/positions/"  # the same, its links staying in the embed
THUMBNAIL = "/embed/thumbnail.png"  # a view's picture (its query): oEmbed thumbnail, social card
EMBED_SCRIPT = "/assets/embed.js"  # the host page's script that sizes every embed's iframe

_DIGITS = re.compile(r"[0-9]{1,12}")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # the shape of YYYY-MM-DD, ASCII digits only


def whole_number(text: object, low: int, high: int) -> int | None:
    """``text`` as an int if it is 1 to 12 ASCII digits and within [low, high], else None."""
    if not isinstance(text, str) or not _DIGITS.fullmatch(text):
        return None
    value = int(text)
    return value if low <= value <= high else None
