"""How wide text is drawn, estimated once for every figure: wrapping, lane names, ticks, keys.

Chromium's default sans-serif (DejaVu Sans on Debian) is wide; the estimates err on the wide
side, so a text judged to fit does fit, and one judged too long wraps or shortens.
"""

from __future__ import annotations

CHAR_EM, BOLD_EM = 0.62, 0.68  # average glyph width per font size, regular and bold


def text_px(text: str, font: float, bold: bool = False) -> float:
    """An upper estimate of a one-line text's width (px)."""
    return len(text) * font * (BOLD_EM if bold else CHAR_EM)


def chars_in(px: float, font_px: float) -> int:
    """How many characters of ``font_px`` type fit in ``px`` (at least 12)."""
    return max(12, int(px / (font_px * CHAR_EM)))
