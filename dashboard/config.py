"""Run-time configuration: where the data is and how the server behaves."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def default_data_dir() -> Path:
    return Path(os.environ.get("NEGOTIATION_TIMELINE_DATA", DEFAULT_DATA_DIR))


@dataclass(frozen=True)
class Config:
    """``data_dir`` defaults to $NEGOTIATION_TIMELINE_DATA, else the bundled ``data/``."""

    data_dir: Path = field(default_factory=default_data_dir)
    debug: bool = False
    frame_ancestors: str = "*"  # who may frame /embed (a CSP source list), e.g. "https://news.example"
