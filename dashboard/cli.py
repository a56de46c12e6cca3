"""The command line: ``negotiation-timeline serve | validate``.

Exit codes: 0 ok, 1 invalid data or a failed command, 2 usage errors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config import Config, default_data_dir
from .dataset import load_dataset
from .problems import DatasetError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="negotiation-timeline",
        description="A sourced, interactive timeline of the Russia–Ukraine direct talks.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="serve the app (development server)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8050, help="port (default 8050)")
    serve.add_argument("--data", type=Path, default=None, help="data package directory")
    serve.add_argument("--debug", action="store_true", help="Dash debug mode and hot reload (never in production)")

    validate = commands.add_parser("validate", help="check the data package and list every problem")
    validate.add_argument("--data", type=Path, default=None, help="data package directory")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return int(exc.code or 0)
    data_dir = args.data or default_data_dir()
    if not data_dir.is_dir():
        print(f"negotiation-timeline: error: data directory {data_dir} does not exist", file=sys.stderr)
        return EXIT_USAGE
    return {"serve": _serve, "validate": _validate}[args.command](args, Config(data_dir=data_dir))


def _validate(args, config: Config) -> int:
    try:
        dataset = load_dataset(config.data_dir)
    except DatasetError as exc:
        print(exc.report())
        print(f"{len(exc.problems)} problem(s) found in {config.data_dir}", file=sys.stderr)
        return EXIT_FAILED
    counts = ", ".join(f"{n} {name}" for name, n in dataset.counts().items())
    print(f"OK {config.data_dir} (version {dataset.version}): {counts}")
    return EXIT_OK


def _serve(args, config: Config) -> int:
    from .app import create_app  # Dash is imported only when serving.

    config = Config(data_dir=config.data_dir, debug=args.debug)
    try:
        app = create_app(config)
    except DatasetError as exc:
        print(exc.report(), file=sys.stderr)
        print(f"not serving: {len(exc.problems)} problem(s) in {config.data_dir}", file=sys.stderr)
        return EXIT_FAILED
    app.run(host=args.host, port=args.port, debug=config.debug)
    return EXIT_OK
