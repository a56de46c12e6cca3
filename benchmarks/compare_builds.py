"""Timeline build+JSON of this checkout beside another's (a ``git worktree`` of an older commit).

    .venv/bin/python benchmarks/compare_builds.py ../old-checkout [--rounds 3] [--sizes 0,1000,10000]

Both run the same measurement in their own process, alternating, so both see the same machine
load: the default view's timeline built and serialised ``--repeat`` times after a warm-up, on
the checkout's own shipped data (size 0) or its data plus synthetic events (``synthetic.py``).
It prints, per size, the median of the rounds' medians and the best median. An older checkout
whose figures are go.Figure objects is serialised with ``to_json()``, ours with ``figure_json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MEASURE = """
import json, statistics, sys, tempfile, time
from pathlib import Path
root, sizes, repeat = Path(sys.argv[1]), [int(s) for s in sys.argv[2].split(",")], int(sys.argv[3])
sys.path[:0] = [str(root), str(root / "benchmarks")]
from synthetic import write_package
from dashboard.config import DEFAULT_DATA_DIR
from dashboard.data.dataset import load_dataset
from dashboard.figures.theme import get_theme
from dashboard.figures.timeline import timeline_figure
from dashboard.state import ViewState
try:
    from dashboard.figures.assembly import figure_json
except ImportError:  # figures were go.Figure objects
    def figure_json(figure):
        return figure.to_json()
theme, view, out = get_theme("light"), ViewState(), {}
for n in sizes:
    ds = load_dataset(DEFAULT_DATA_DIR if n == 0 else write_package(n, Path(tempfile.mkdtemp())))
    figure_json(timeline_figure(ds, view, theme))
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        figure_json(timeline_figure(ds, view, theme))
        samples.append(time.perf_counter() - started)
    out[n] = {"events": len(ds.events), "median": statistics.median(samples)}
print(json.dumps(out))
"""


def measure(root: Path, sizes: str, repeat: int) -> dict:
    done = subprocess.run([sys.executable, "-c", MEASURE, str(root), sizes, str(repeat)], cwd=root, check=True,
                          capture_output=True, text=True, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="the other checkout (a git worktree)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--sizes", default="0,1000,10000,100000", help="0 is the shipped data")
    args = parser.parse_args(argv)
    roots = {"other": args.other.resolve(), "this": ROOT}
    runs: dict[str, list[dict]] = {name: [] for name in roots}
    for _ in range(args.rounds):
        for name, root in roots.items():
            runs[name].append(measure(root, args.sizes, args.repeat))
    for size in args.sizes.split(","):
        cells = []
        for name in roots:
            medians = [run[size]["median"] * 1000 for run in runs[name]]
            cells.append(f"{name} {statistics.median(medians):6.1f} ms (best {min(medians):.1f}, "
                         f"{runs[name][0][size]['events']:,} events)")
        print(f"size {'shipped' if size == '0' else size:>7}:  " + "   ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
