"""Primary and foreign keys, as the descriptor declares them, checked on the parsed rows.

``load_dataset`` runs these once every resource is read: a key is a Table Schema
``primaryKey`` or ``foreignKeys`` entry, or a list field's ``x-references`` (each of its
``;``-separated values is a key), so the descriptor is the one statement of what refers to what.
"""

from __future__ import annotations

from dashboard.data.problems import Problem


def check_keys(schemas: dict, tables: dict) -> list[Problem]:
    """``duplicate-id`` for each row whose primary key an earlier row already has."""
    problems = []
    for name, rows in tables.items():
        key = schemas[name]["schema"].get("primaryKey", [])
        seen: dict[tuple, int] = {}
        for row in rows:
            value = tuple(row.get(k) for k in key)
            if None in value:
                continue
            if value in seen:
                problems.append(Problem(schemas[name]["path"], row["_row"], key[-1], "duplicate-id",
                                        f"{'/'.join(map(str, value))} already used on row {seen[value]}"))
            else:
                seen[value] = row["_row"]
    return problems


def check_references(schemas: dict, tables: dict) -> list[Problem]:
    """``unknown-reference`` for each value that is no key of the resource it refers to, and
    ``bad-foreign-key`` for a declared key naming no loaded resource and field."""
    problems = []
    for name, fields, target, target_fields in _references(schemas, tables):
        if not _declared(schemas, tables, name, fields) or not _declared(schemas, tables, target, target_fields):
            problems.append(Problem("datapackage.json", None, None, "bad-foreign-key",
                                    f"{name}.{'/'.join(fields)} refers to "
                                    f"{target}.{'/'.join(map(str, target_fields))}, which is not a resource "
                                    "and field of the package"))
            continue
        known = {tuple(row.get(f) for f in target_fields) for row in tables[target]}
        for row in tables[name]:
            for ref in _keys(row, fields):
                if ref not in known:
                    text = repr(ref[0]) if len(ref) == 1 else repr("/".join(map(str, ref)))
                    problems.append(Problem(schemas[name]["path"], row["_row"], fields[-1],
                                            "unknown-reference", f"{text} is not an id in {target}"))
    return problems


def _references(schemas: dict, tables: dict) -> list[tuple[str, tuple[str, ...], str, tuple[str, ...]]]:
    """Every key the loaded resources declare, as (resource, fields, referenced resource, its
    fields): each schema's ``foreignKeys`` (a blank ``resource`` is the schema's own) and each
    field's ``x-references``, whose every list value is a key."""
    declared = []
    for name in tables:
        schema = schemas[name]["schema"]
        for key in schema.get("foreignKeys", []):
            target = key["reference"]
            declared.append((name, _names(key["fields"]), target.get("resource") or name, _names(target["fields"])))
        declared += [(name, (f["name"],), f["x-references"].get("resource"), (f["x-references"].get("field"),))
                     for f in schema["fields"] if "x-references" in f]
    return declared


def _names(fields: str | list[str]) -> tuple[str, ...]:
    """Table Schema writes a key of one field as its name or as a list of names."""
    return (fields,) if isinstance(fields, str) else tuple(fields)


def _declared(schemas: dict, tables: dict, name: str, fields: tuple[str, ...]) -> bool:
    """Whether ``name`` is one of the loaded resources and ``fields`` are among its fields."""
    return name in tables and all(any(f["name"] == n for f in schemas[name]["schema"]["fields"]) for n in fields)


def _keys(row: dict, fields: tuple[str, ...]) -> list[tuple]:
    """The keys a row refers to by ``fields``: one per value of a list, none where blank."""
    values = tuple(row.get(f) for f in fields)
    if len(fields) == 1 and isinstance(values[0], tuple):
        return [(value,) for value in values[0]]
    return [] if any(v is None or v == "" for v in values) else [values]
