"""Pure figure functions: ``(Dataset, ViewState, Theme, narrow) -> plotly Figure``; no Dash, no I/O.

One module per figure, plus its theme (theme.py), the pieces all figures share (assembly.py),
grouping of many events (grouping.py) and the text alternatives (describe.py). Which tab shows
which figure is the tab registry's (``dashboard.tabs``), whose ``build_figure`` is the one entry
point of the pages, the presentation and the exports. ``narrow`` asks for the form of a figure
for a column narrower than ``NARROW_PX`` (a phone, a side column): the device's, not the view's,
so it is never part of the URL.
"""
