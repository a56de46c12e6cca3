"""Run the real app and a real browser: shared by the browser tests, the benchmarks and the
screenshot script (Playwright is a test/dev dependency, imported only when used)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

# Debian's Chromium, headless, with the background services that would call out disabled.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, timeout: float = 60) -> None:
    """Poll ``url`` until it answers 200 or ``timeout`` seconds pass (then raise OSError)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@contextmanager
def served(data_dir: Path, *extra: str):
    """``negotiation-timeline serve`` on a free loopback port; yields the base URL."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "dashboard", "serve", "--port", str(port),
                                "--data", str(data_dir), *extra],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_for(base + "/")
        except OSError:
            process.kill()
            raise RuntimeError(process.stderr.read().decode()[-2000:]) from None
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextmanager
def chromium():
    """Debian's headless Chromium driven by Playwright (no browser download is needed)."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        raise RuntimeError("Debian's chromium is not installed: `make test` installs it")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
