"""Pure figure functions: ``(Dataset, ViewState, Theme) -> plotly Figure``; no Dash, no I/O."""
