"""The projector theme: WCAG contrast of its text and mark colours on its backgrounds."""

from __future__ import annotations

import pytest

from dashboard.figures.theme import THEMES
from dashboard.views.present import theme_style

PRESENT = THEMES["present"]


def luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of a #rrggbb colour."""
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast("#123456", "#123456") == pytest.approx(1.0)


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
