"""Regenerate the README's screenshots from the running app on the bundled data.

    .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository: tests.harness

from dashboard.config import DEFAULT_DATA_DIR  # noqa: E402
from tests.harness import chromium, served  # noqa: E402

DOCS = Path(__file__).resolve().parent.parent / "docs"
SHOTS = {"explore.png": "/", "explore-event.png": "/?event=ist25-r1-session&from=2025-05-01&to=2025-08-01",
         "positions.png": "/?tab=positions"}
LAPTOP = {"explore-uk.png": "/?lang=uk"}  # a 1366×768 laptop, in Ukrainian
COLUMN = {"embed-column.png": "/embed"}  # a 640 px article column
# Slides are shot at a projector's 1920×1080 and a classroom's 1280×720; the phone shot is the
# embed's narrow form, whole.
SLIDES = {"present.png": "/present?deck=istanbul-2022-2025&slide=10"}
SMALL_SLIDES = {"present-720.png": "/present?deck=istanbul-2022-2025&slide=8"}
PHONE = {"embed-phone.png": "/embed"}


def main() -> None:
    with served(DEFAULT_DATA_DIR) as base, chromium() as browser:
        for viewport, shots, whole in (({"width": 1440, "height": 1000}, SHOTS, False),
                                       ({"width": 1366, "height": 768}, LAPTOP, False),
                                       ({"width": 640, "height": 900}, COLUMN, True),
                                       ({"width": 1920, "height": 1080}, SLIDES, False),
                                       ({"width": 1280, "height": 720}, SMALL_SLIDES, False),
                                       ({"width": 390, "height": 844}, PHONE, True)):
            page = browser.new_page(viewport=viewport)
            for name, path in shots.items():
                page.goto(base + path)
                # A slide's figure arrives after the slide measured its figure area.
                page.wait_for_selector(".slide-figure.drawn .main-svg" if path.startswith("/present")
                                       else ".positions-table" if "tab=positions" in path
                                       else ".js-plotly-plot .main-svg")
                page.wait_for_timeout(800)
                page.screenshot(path=str(DOCS / name), full_page=whole)
                print(f"wrote docs/{name}")


if __name__ == "__main__":
    main()
