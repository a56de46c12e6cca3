"""Dash html components written out as HTML text, for the pages Flask serves without Dash's
renderer (the static embed and what ``publish`` writes).

The shared components (``views/components.py``: the event detail, the events table, the notes)
stay the one description of that content; this writes the same tree the renderer would
build, so the static embed shows exactly what the app's pages show. Every text child and
attribute value is escaped. ``dash.html`` components are written as their tags and
``dcc.Link`` as the ``<a>`` it renders (its ``refresh`` is moot on a page without the router),
a single-choice ``dcc.Dropdown`` as a native ``<select>`` (what it chooses needs a script of the
page's own: no callback runs here); any other ``dcc`` component has no static HTML form and
raises. A pattern-matching id (a dict)
is written as Dash writes it in the DOM: its JSON, keys sorted.
"""

from __future__ import annotations

import json
from html import escape

from dash.development.base_component import Component

HTML_NAMESPACE = "dash_html_components"
LINK = ("dash_core_components", "Link")  # dcc.Link: an <a>
LINK_PROPS = frozenset({"href", "className", "id", "target", "title"})
DROPDOWN = ("dash_core_components", "Dropdown")
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
    if (node._namespace, node._type) == DROPDOWN and not getattr(node, "multi", False):
        return _select(node)
    link = (node._namespace, node._type) == LINK
    if node._namespace != HTML_NAMESPACE and not link:
        raise TypeError(f"{node._namespace}.{node._type} has no static HTML form")
    tag = "a" if link else node._type.lower()
    attributes = "".join(_attribute(name, value) for name, value in node.to_plotly_json()["props"].items()
                         if name not in DASH_ONLY and (not link or name in LINK_PROPS))
    if tag in VOID:
        return f"<{tag}{attributes}>"
    return f"<{tag}{attributes}>{to_html(getattr(node, 'children', None))}</{tag}>"


def _attribute(name: str, value) -> str:
    if value is None or value is False:
        return ""
    name = RENAMED.get(name, name)
    if isinstance(value, dict):  # a pattern-matching id
        value = json.dumps(value, sort_keys=True, separators=(",", ":"))
    if value is True:
        return f" {name}"
    return f' {name}="{escape(str(value))}"'


def _select(dropdown) -> str:
    options = [o if isinstance(o, dict) else {"label": o, "value": o} for o in dropdown.options or ()]
    chosen = getattr(dropdown, "value", None)
    items = "".join(f'<option value="{escape(str(o["value"]))}"{" selected" if o["value"] == chosen else ""}>'
                    f'{escape(str(o["label"]), quote=False)}</option>' for o in options)
    return f"<select{_attribute('id', getattr(dropdown, 'id', None))}>{items}</select>"
