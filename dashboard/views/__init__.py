"""Thin Dash views: each module builds a layout from (Dataset, ViewState) and wires callbacks."""
