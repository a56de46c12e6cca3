"""The data layer: load and validate the data package once, and derive from it (pure, no Dash)."""
