"""WCAG 2.x contrast of #rrggbb colours: the one helper the theme tests share."""

from __future__ import annotations

AA_TEXT, AA_GRAPHICS = 4.5, 3.0  # WCAG 1.4.3 (normal text) and 1.4.11 (graphical objects)


def luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of a #rrggbb colour."""
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
