"""Run-time configuration: where the data is, which origin the app links to, how it behaves."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEV_PUBLIC_URL = "http://127.0.0.1:8050"  # the development server's own address
# Host names always accepted besides the public one: the machine itself (health checks, the
# proxy's upstream requests). No link is ever built from a Host header, so none can be forged.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost")  # Werkzeug matches no IPv6 literal


def default_data_dir() -> Path:
    return Path(os.environ.get("NEGOTIATION_TIMELINE_DATA", DEFAULT_DATA_DIR))


def default_pictures_dir() -> Path:
    """Where ``publish --cache`` keeps rendered pictures for the app to serve (dashboard/publishing/pictures.py)."""
    return Path(os.environ.get("NEGOTIATION_TIMELINE_PICTURES", DEFAULT_DATA_DIR.parent / "build" / "pictures"))


def default_public_url() -> str:
    return os.environ.get("NEGOTIATION_TIMELINE_PUBLIC_URL", "") or DEV_PUBLIC_URL


def public_origin(url: str) -> str:
    """``url`` as an origin ('https://timeline.example', no trailing slash); ValueError for
    anything that is not a bare http(s) origin."""
    parts = urlsplit(url.strip())
    if (parts.scheme not in ("http", "https") or not parts.hostname or "@" in parts.netloc
            or parts.path not in ("", "/") or parts.query or parts.fragment):
        raise ValueError(f"{url!r} is not a public base URL like https://timeline.example")
    parts.port  # noqa: B018 -- raises ValueError for a bad port
    return f"{parts.scheme}://{parts.netloc.lower()}"


@dataclass(frozen=True)
class Config:
    """``data_dir`` defaults to $NEGOTIATION_TIMELINE_DATA, else the bundled ``data/``;
    ``public_url`` to $NEGOTIATION_TIMELINE_PUBLIC_URL, else the development address. The
    public URL is the only origin written into absolute links (oEmbed, embed code, share
    links), and its host with the loopback names the only Host headers answered."""

    data_dir: Path = field(default_factory=default_data_dir)
    debug: bool = False
    frame_ancestors: str = "*"  # who may frame /embed (a CSP source list), e.g. "https://news.example"
    public_url: str = field(default_factory=default_public_url)
    pictures_dir: Path = field(default_factory=default_pictures_dir)  # $NEGOTIATION_TIMELINE_PICTURES

    @property
    def origin(self) -> str:
        return public_origin(self.public_url)

    @property
    def trusted_hosts(self) -> list[str]:
        return [urlsplit(self.origin).hostname, *LOOPBACK_HOSTS]
