"""Explore (``/``): the page, its share dialog, its event list and its links into the presentation."""
