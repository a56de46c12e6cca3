"""The projector theme: WCAG contrast of its text and mark colours on its backgrounds."""

from __future__ import annotations

import pytest

from dashboard.figures.theme import THEMES
from dashboard.views.present.page import theme_style

from ..contrast import contrast

PRESENT = THEMES["present"]


@pytest.mark.parametrize("role", ["--fg", "--muted", "--accent"])
def test_slide_text_colours_reach_7_to_1_on_the_slide_and_plot_backgrounds(role):
    colour = theme_style(PRESENT)[role]
    for background in (PRESENT.paper, PRESENT.plot, theme_style(PRESENT)["--bg"]):
        assert contrast(colour, background) >= 7.0, (role, colour, background)


def test_figure_text_and_marks_are_legible():
    for background in (PRESENT.paper, PRESENT.plot):
        assert contrast(PRESENT.text, background) >= 7.0
        assert contrast(PRESENT.muted, background) >= 7.0
        for colour in (*PRESENT.kind_colors.values(), *PRESENT.series_colors):
            assert contrast(colour, background) >= 7.0, colour


def test_projector_sizes_are_larger_than_the_screen_themes():
    light = THEMES["light"]
    assert PRESENT.font_size >= 1.5 * light.font_size
    assert PRESENT.line_width >= 2 * light.line_width and PRESENT.marker_size >= 1.5 * light.marker_size
