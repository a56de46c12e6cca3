"""The size a figure is drawn at, and the form it takes there.

A figure function receives a ``Size`` instead of guessing: the width of the box it will fill
(the browser reports its container's width, the CLI its ``--width``) and, where it is fixed
(a slide, an image export), the height. The form is what the layout is chosen by:

- ``phone``  (width < 480): a different chart, not a squeezed one;
- ``column`` (480 ≤ width ≤ 900): an article column or a small laptop window;
- ``wide``   (width > 900): a laptop or desktop page;
- ``slide``  (``slide=True``, 480 px or wider): the figure area of a projected slide, which the
  slide page measures (about 635×568 on a 1024×768 projector, 1191×819 on 1920×1080).

The form, never the exact width, is what a page keeps and caches figures by: a figure fills
its box (plotly's autosize) and only its layout choices change at a form boundary. So a page's
figure is laid out for the narrowest width of its form (``LAYOUT_WIDTH``): wrapped text, lane
names and date ticks that fit a 320 px phone fit every phone, and a wider box only adds air.
"""

from __future__ import annotations

from dataclasses import dataclass

PHONE_BELOW = 480  # px: narrower is a phone
WIDE_ABOVE = 900  # px: wider is a laptop or desktop page
FORMS = ("phone", "column", "wide", "slide")
# The width each form is laid out for when only the form is known (a page's figures): its
# narrowest, so that nothing laid out for it can collide or be cut off anywhere in the form.
LAYOUT_WIDTH = {"phone": 320, "column": PHONE_BELOW, "wide": WIDE_ABOVE + 1, "slide": 1191}
SLIDE_AREA = (1191, 819)  # px: a slide's figure area on a 1920×1080 projector (present.css)
DEFAULT_WIDTH = 1200  # px: a figure asked for without a size (exports, tests)


@dataclass(frozen=True)
class Size:
    """Width in CSS px; ``height`` in CSS px where the box's height is fixed (slides, images)."""

    width: int = DEFAULT_WIDTH
    height: int | None = None
    slide: bool = False  # a projected slide: its own title and sources sit outside the figure

    @property
    def form(self) -> str:
        if self.slide and self.width >= PHONE_BELOW:  # a slide's figure area (a phone shows a page)
            return "slide"
        if self.width < PHONE_BELOW:
            return "phone"
        return "column" if self.width <= WIDE_ABOVE else "wide"

    @classmethod
    def of_form(cls, form: str | None) -> "Size":
        """The size a form is laid out at (unknown or missing: wide), for a page whose figure
        box the browser reported only as its form."""
        form = form if isinstance(form, str) and form in LAYOUT_WIDTH else "wide"  # the client's word
        if form == "slide":
            return cls(*SLIDE_AREA, slide=True)
        return cls(LAYOUT_WIDTH[form])
