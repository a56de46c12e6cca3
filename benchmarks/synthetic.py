"""Synthetic data packages for benchmarks: the shipped package plus generated events.

``write_package(n, out)`` copies ``data/`` to ``out`` and appends events until events.csv
holds ``n`` rows, so the result goes through the real loader (``load_dataset``) and the
shipped slides, rounds and sources stay valid. Deterministic for a given ``n`` and ``seed``.
"""

from __future__ import annotations

import csv
import random
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

from dashboard.config import DEFAULT_DATA_DIR

KINDS = ("session", "meeting", "statement", "proposal", "agreement", "exchange", "military",
         "territorial", "diplomatic")
SIDES = ("russia", "ukraine", "turkey", "united-states", "united-nations", "belarus")
VERIFICATION = ("verified", "single-source", "derived", "unverified")
FIRST, LAST = datetime(2022, 2, 24, tzinfo=timezone.utc), datetime(2025, 8, 31, tzinfo=timezone.utc)


def write_package(n: int, out: Path, seed: int = 7, source: Path = DEFAULT_DATA_DIR) -> Path:
    """Write a data package with ``n`` events (at least the shipped ones) to ``out``."""
    shutil.copytree(source, out, dirs_exist_ok=True)
    rounds = _column(out / "rounds.csv", "id")
    sources = _column(out / "sources.csv", "id")
    publishers = dict(zip(sources, _column(out / "sources.csv", "publisher")))
    with (out / "events.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header, shipped = reader.fieldnames, sum(1 for _ in reader)
    rng = random.Random(seed)
    seconds = int((LAST - FIRST).total_seconds() // 60)
    with (out / "events.csv").open("a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\n")
        for number in range(max(0, n - shipped)):
            start = FIRST + timedelta(minutes=rng.randrange(seconds))
            span = rng.random() < 0.3
            verification, cited = rng.choice(VERIFICATION), [rng.choice(sources)]
            while verification == "verified" and len({publishers[s] for s in cited}) < 2:
                cited.append(rng.choice(sources))  # verified: two original publishers agree
            writer.writerow({
                "id": f"synthetic-{number}", "round_id": rng.choice((*rounds, "")),
                "kind": rng.choice(KINDS), "title": f"Synthetic event {number}",
                "summary": f"Generated for benchmarks ({rng.choice(('talks', 'front', 'prisoner'))}).",
                "sides": ";".join(rng.sample(SIDES, rng.randint(1, 3))),
                "scheduled_start": "", "scheduled_end": "", "start": _utc(start),
                "end": _utc(start + timedelta(hours=2)) if span else "", "precision": "minute",
                "approximate": "false", "local_tz": "Europe/Istanbul",
                "status": rng.choice(("held", "held", "reported", "scheduled")),
                "participant_ids": "", "source_ids": ";".join(dict.fromkeys(cited)),
                "verification": verification, "note": "",
            })
    return out


def _column(path: Path, name: str) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row[name] for row in csv.DictReader(handle)]


def _utc(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:00+00:00")
