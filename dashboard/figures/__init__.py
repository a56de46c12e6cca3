"""Pure figure functions: ``(Dataset, ViewState, Theme, Size) -> plotly Figure``; no Dash, no I/O.

One module per figure, plus its theme (theme.py), the pieces all figures share (assembly.py),
the size and form a figure is drawn at (size.py), date ticks and the axis break (ticks.py), the
timeline's territory panel (territory_panel.py), grouping of many events (grouping.py) and the
text alternatives (describe.py). Which tab shows which figure is the tab registry's
(``dashboard.tabs``), whose ``build_figure`` is the one entry point of the pages, the
presentation and the exports. ``Size`` is the device's, not the view's, so it is never part
of the URL.
"""
