"""Themes as Plotly templates passed into each figure (never the process-global default).

Colours were chosen for WCAG contrast: text ≥ 4.5:1 (≥ 7:1 in contrast and present) and
marks ≥ 3:1 against the plot background; colour is never the only carrier of meaning
(verification is also a marker shape, status a filled or open marker).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dashboard.i18n import N_


@dataclass(frozen=True)
class Theme:
    name: str
    label: str
    paper: str
    plot: str
    text: str
    muted: str
    grid: str
    era_fill: str
    kind_colors: dict = field(default_factory=dict)
    series_colors: tuple = ()
    # The territory series: neutrals and a gold, hues no event kind uses, so a line is never
    # read as a kind of event.
    territory_colors: tuple = ()
    font_size: int = 13
    line_width: float = 2.0
    marker_size: float = 11.0
    font_family: str = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"

    def kind_color(self, kind: str, index: int = 0) -> str:
        return self.kind_colors.get(kind) or self.series_colors[index % len(self.series_colors)]

    def territory_color(self, index: int) -> str:
        return self.territory_colors[index % len(self.territory_colors)]

    @property
    def template(self) -> dict:
        """A Plotly template as a plain dict (figures are assembled unvalidated); it replaces
        plotly.py's default template, whose few settings that show here are repeated."""
        axis = dict(gridcolor=self.grid, linecolor=self.muted, tickcolor=self.muted, zerolinecolor=self.grid,
                    zerolinewidth=2, title=dict(font=dict(color=self.text), standoff=15), color=self.text,
                    automargin=True)
        return dict(layout=dict(
            font=dict(family=self.font_family, size=self.font_size, color=self.text),
            paper_bgcolor=self.paper, plot_bgcolor=self.plot, colorway=list(self.series_colors),
            xaxis=axis, yaxis=axis,
            hoverlabel=dict(bgcolor=self.paper, font=dict(color=self.text, size=self.font_size),
                            bordercolor=self.muted, align="left"),
            legend=dict(bgcolor=self.paper, font=dict(color=self.text)),
        ))


THEMES = {
    "light": Theme(
        name="light", label=N_("Light"), paper="#ffffff", plot="#ffffff", text="#1a1a1a", muted="#595959",
        grid="#e3e3e3", era_fill="rgba(0, 87, 184, 0.07)",
        kind_colors={"session": "#0057b8", "meeting": "#00796b", "statement": "#a14a00",
                     "proposal": "#6a3d9a", "agreement": "#1b7837", "exchange": "#ad1457",
                     "military": "#b71c1c", "territorial": "#5d4037", "diplomatic": "#37474f"},
        series_colors=("#0057b8", "#b71c1c", "#1b7837", "#6a3d9a", "#a14a00", "#37474f"),
        territory_colors=("#1a1a1a", "#8a6a00", "#767676", "#5c5c00"),
    ),
    "dark": Theme(
        name="dark", label=N_("Dark"), paper="#121417", plot="#121417", text="#ececec", muted="#a8a8a8",
        grid="#30343a", era_fill="rgba(108, 180, 255, 0.10)",
        kind_colors={"session": "#6cb4ff", "meeting": "#4dd0c0", "statement": "#ffb74d",
                     "proposal": "#c39bd3", "agreement": "#81c784", "exchange": "#f48fb1",
                     "military": "#ef9a9a", "territorial": "#bcaaa4", "diplomatic": "#b0bec5"},
        series_colors=("#6cb4ff", "#ef9a9a", "#81c784", "#c39bd3", "#ffb74d", "#b0bec5"),
        territory_colors=("#ececec", "#e6c94d", "#9e9e9e", "#c7c76b"),
    ),
    "contrast": Theme(
        name="contrast", label=N_("High contrast"), paper="#000000", plot="#000000", text="#ffffff",
        muted="#ffffff", grid="#5a5a5a", era_fill="rgba(255, 255, 0, 0.14)",
        kind_colors={"session": "#ffff00", "meeting": "#00ffff", "statement": "#ffffff",
                     "proposal": "#ff80ff", "agreement": "#7cfc00", "exchange": "#ffa500",
                     "military": "#ff6060", "territorial": "#d0d0d0", "diplomatic": "#80c0ff"},
        series_colors=("#ffff00", "#00ffff", "#ff80ff", "#7cfc00", "#ffa500", "#ffffff"),
        territory_colors=("#b9a2ff", "#ffd0a0", "#a0ffd8", "#ffb0b0"),
        line_width=3.0, marker_size=13.0,
    ),
    # Projector (/present): figure type 20 px beside slide text of 30 px at 1920 px wide; larger
    # figure type crowds the lane and axis labels. Thick lines, large markers, every colour ≥ 7:1.
    "present": Theme(
        name="present", label=N_("Projector"), paper="#ffffff", plot="#ffffff", text="#000000",
        muted="#333333", grid="#d0d0d0", era_fill="rgba(0, 70, 150, 0.08)",
        kind_colors={"session": "#00449e", "meeting": "#005f56", "statement": "#8a3d00",
                     "proposal": "#55297f", "agreement": "#145c2a", "exchange": "#8e0f46",
                     "military": "#9a1515", "territorial": "#4a3329", "diplomatic": "#263238"},
        series_colors=("#00449e", "#9a1515", "#145c2a", "#55297f", "#8a3d00", "#263238"),
        territory_colors=("#000000", "#6b5200", "#555555", "#4a4a00"),
        font_size=20, line_width=4.0, marker_size=18.0,
    ),
}


def get_theme(name: str) -> Theme:
    return THEMES.get(name, THEMES["light"])
