"""The README stays in step with the code: URL parameters and CLI commands."""

from __future__ import annotations

import re

from dashboard.cli import build_parser
from dashboard.state import DOCS, PARAMS
from dashboard.tabs import param_doc

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def table_rows(marker: str) -> list[tuple[str, str]]:
    block = README.split(f"<!-- {marker}:start -->")[1].split(f"<!-- {marker}:end -->")[0]
    return re.findall(r"^\| `([^`]+)` \| (.+?) \|$", block, flags=re.MULTILINE)


def test_parameter_table_matches_view_state():
    docs = {**DOCS, "tab": param_doc()}
    assert table_rows("params") == [(name, docs[name]) for name in PARAMS]


def test_cli_table_matches_the_parser():
    subparsers = next(a for a in build_parser()._actions if a.dest == "command")
    commands = [(c.dest, c.help) for c in subparsers._choices_actions]
    assert table_rows("cli") == commands
