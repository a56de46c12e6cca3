"""Dash html components written out as HTML text, for the pages Flask serves without Dash's
renderer (the static embed and what ``publish`` writes).

The shared components (``views/components.py``: the event detail, the events table, the notes)
stay the one description of that content; this writes the same tree the renderer would
build, so the static embed shows exactly what the app's pages show. Every text child and
attribute value is escaped; only ``dash.html`` components are written (a ``dcc`` component
has no HTML form and raises).
"""

from __future__ import annotations

from html import escape

from dash.development.base_component import Component

HTML_NAMESPACE = "dash_html_components"
VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr"})
RENAMED = {"className": "class", "tabIndex": "tabindex", "htmlFor": "for", "colSpan": "colspan",
           "rowSpan": "rowspan"}
DASH_ONLY = frozenset({"children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "key",
                       "loading_state", "setProps", "style"})


def to_html(node) -> str:
    """``node`` (a component, a string or number, a list of them, or None) as HTML text."""
    if node is None or node is False:
        return ""
    if isinstance(node, (list, tuple)):
        return "".join(to_html(child) for child in node)
    if not isinstance(node, Component):
        return escape(str(node), quote=False)
    if node._namespace != HTML_NAMESPACE:
        raise TypeError(f"{node._namespace}.{node._type} has no static HTML form")
    tag = node._type.lower()
    attributes = "".join(_attribute(name, value) for name, value in node.to_plotly_json()["props"].items()
                         if name not in DASH_ONLY)
    if tag in VOID:
        return f"<{tag}{attributes}>"
    return f"<{tag}{attributes}>{to_html(getattr(node, 'children', None))}</{tag}>"


def _attribute(name: str, value) -> str:
    if value is None or value is False:
        return ""
    name = RENAMED.get(name, name)
    if value is True:
        return f" {name}"
    return f' {name}="{escape(str(value))}"'
