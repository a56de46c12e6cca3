"""Run the real app and a real browser: shared by the browser tests, the benchmarks and the
screenshot script (Playwright is a test/dev dependency, imported only when used)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
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


def wait_for(url: str, timeout: float = 60, process: subprocess.Popen | None = None) -> None:
    """Poll ``url`` until it answers 200; raise OSError after ``timeout`` seconds or as soon
    as ``process`` (the server) has exited."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline or (process is not None and process.poll() is not None):
                raise
            time.sleep(0.1)


@contextmanager
def served(data_dir: Path, *extra: str):
    """``negotiation-timeline serve`` on a free loopback port; yields the base URL.

    The server's log goes to a file, not a pipe: an undrained pipe fills after a few hundred
    request lines and the server then blocks on its next write."""
    port = free_port()
    log = tempfile.TemporaryFile()
    process = subprocess.Popen([sys.executable, "-m", "dashboard", "serve", "--port", str(port),
                                "--data", str(data_dir), *extra],
                               stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_for(base + "/", process=process)
        except OSError:
            process.kill()
            process.wait(timeout=10)
            log.seek(0)
            raise RuntimeError(log.read().decode(errors="replace")[-2000:]) from None
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


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
