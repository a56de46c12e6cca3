"""WCAG AA contrast of every theme: the figure themes (dashboard/figures/theme.py) and the page
themes (assets/style.css custom properties), text 4.5:1 and graphical objects 3:1."""

from __future__ import annotations

import re

import pytest

from dashboard.figures.theme import THEMES

from .conftest import ROOT
from .contrast import AA_GRAPHICS, AA_TEXT, contrast

STYLE = (ROOT / "assets" / "style.css").read_text(encoding="utf-8")
PAGE_THEMES = {"light": ".page", "dark": ".theme-dark", "contrast": ".theme-contrast"}
BADGES = ("verified", "single-source", "derived", "unverified")


def css_block(selector: str) -> str:
    match = re.search(rf"(?m)^{re.escape(selector)} \{{([^}}]*)\}}", STYLE)
    assert match, selector
    return match.group(1)


def page_colours(theme: str) -> dict[str, str]:
    """The theme's custom properties over the light defaults, as the cascade applies them."""
    colours = {}
    for selector in dict.fromkeys((".page", PAGE_THEMES[theme])):
        colours |= dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{6})", css_block(selector)))
    return colours


def badge_background(theme: str, verification: str) -> str:
    selector = rf"\.badge-{verification}" if theme == "light" else rf"\.theme-{theme} \.badge-{verification}"
    return re.search(rf"{selector}[^{{]*\{{ background: (#[0-9a-fA-F]{{6}}); \}}", STYLE).group(1)


def test_contrast_formula_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast("#123456", "#123456") == pytest.approx(1.0)


@pytest.mark.parametrize("name", THEMES)
def test_figure_text_reaches_aa_and_marks_3_to_1(name):
    theme = THEMES[name]
    for background in {theme.paper, theme.plot}:
        for role in ("text", "muted"):  # muted: axis lines and tick labels
            assert contrast(getattr(theme, role), background) >= AA_TEXT, (role, background)
        for colour in (*theme.kind_colors.values(), *theme.series_colors):
            assert contrast(colour, background) >= AA_GRAPHICS, (colour, background)


@pytest.mark.parametrize("theme", PAGE_THEMES)
def test_page_text_reaches_aa_and_focus_outline_3_to_1(theme):
    colours = page_colours(theme)
    for background in ("--bg", "--panel"):
        for text in ("--fg", "--muted", "--accent"):
            assert contrast(colours[text], colours[background]) >= AA_TEXT, (text, background)
        assert contrast(colours["--focus"], colours[background]) >= AA_GRAPHICS, background


@pytest.mark.parametrize("theme", PAGE_THEMES)
@pytest.mark.parametrize("verification", BADGES)
def test_badge_text_reaches_aa(theme, verification):
    assert contrast(page_colours(theme)["--badge-fg"], badge_background(theme, verification)) >= AA_TEXT
