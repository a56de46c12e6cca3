"""The command line: ``negotiation-timeline serve | validate | export | publish``.

Exit codes: 0 ok, 1 invalid data or a failed command, 2 usage errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

from dashboard.config import LOOPBACK_HOSTS, Config, default_data_dir
from dashboard.data.problems import DatasetError
from dashboard.urls import whole_number

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXPORT_FORMATS = ("html", "png", "svg", "csv")
GUNICORN_CONF = Path(__file__).resolve().parent.parent / "gunicorn.conf.py"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="negotiation-timeline",
        description="A sourced, interactive timeline of the Russia–Ukraine direct talks.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="serve the app (development server)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=_port, default=8050, help="port (default 8050)")
    serve.add_argument("--data", type=Path, default=None, help="data package directory")
    serve.add_argument("--debug", action="store_true", help="Dash debug mode and hot reload (never in production)")
    serve.add_argument("--prod", action="store_true",
                       help="production: gunicorn with several workers (gunicorn.conf.py)")
    serve.add_argument("--workers", type=_count, default=None, help="with --prod: number of worker processes")
    serve.add_argument("--public-url", default=None,
                       help="the origin readers use, e.g. https://timeline.example: the only one written "
                            "into links and the only Host answered besides loopback (default "
                            "$NEGOTIATION_TIMELINE_PUBLIC_URL, else http://HOST:PORT on a loopback host)")

    validate = commands.add_parser("validate", help="check the data package and list every problem")
    validate.add_argument("--data", type=Path, default=None, help="data package directory")

    precompress = commands.add_parser("precompress", help="compress the static files once, for serving "
                                      "(make runs it)")
    precompress.add_argument("--data", type=Path, default=None, help="data package directory")

    export = commands.add_parser("export", help="write one view as offline HTML, PNG, SVG or CSV")
    export.add_argument("--view", default="", help="the view: its query string or link, as in the "
                        "address bar (default: the default view)")
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="file format")
    export.add_argument("--out", type=Path, required=True, help="file to write")
    export.add_argument("--width", type=_pixels, default=None,
                        help="png/svg width in px (default 1200); it picks the figure's form: "
                        "phone below 480, column to 900, wide above")
    export.add_argument("--height", type=_pixels, default=None,
                        help="png/svg height in px (default: the figure's own)")
    export.add_argument("--scale", type=int, choices=(1, 2, 3), default=1,
                        help="png pixels per px: 2 for high-density screens and print (default 1)")
    export.add_argument("--data", type=Path, default=None, help="data package directory")

    publish = commands.add_parser("publish", help="write the embeds as a static site (no Python needed to serve it)")
    publish.add_argument("--out", type=Path, required=True, help="folder to write the site into")
    publish.add_argument("--view", action="append", default=None, metavar="QUERY",
                         help="a view to publish, as for export (repeat it; default: every tab, each "
                         "round series and every slide of the decks)")
    publish.add_argument("--base-url", default="", help="where the site will be served, e.g. "
                         "https://cdn.example/timeline: absolute links in the index's embed code and the "
                         "social cards (default: relative links)")
    publish.add_argument("--app-url", default="", help="the live app's public URL, for each embed's link "
                         "to the full view (default: no link)")
    publish.add_argument("--cache", action="store_true", help="also keep the pictures in the app's picture "
                         "folder ($NEGOTIATION_TIMELINE_PICTURES), so the app's /embed shows a first "
                         "picture and oEmbed a thumbnail for these views")
    publish.add_argument("--data", type=Path, default=None, help="data package directory")
    return parser


def _whole(low: int, high: int, what: str):
    """An argparse type: a whole number from ``low`` to ``high`` (``what`` names it in the error)."""
    def parse(text: str) -> int:
        value = whole_number(text, low, high)
        if value is None:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what} from {low} to {high}")
        return value
    return parse


_pixels = _whole(1, 10_000, "a size in px")
_port = _whole(1, 65_535, "a port")
_count = _whole(1, 64, "a number of workers")


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return int(exc.code or 0)
    data_dir = args.data or default_data_dir()
    if not data_dir.is_dir():
        print(f"negotiation-timeline: error: data directory {data_dir} does not exist", file=sys.stderr)
        return EXIT_USAGE
    commands = {"serve": _serve, "validate": _validate, "precompress": _precompress, "export": _export,
                "publish": _publish}
    return commands[args.command](args, Config(data_dir=data_dir))


def _validate(args, config: Config) -> int:
    from dashboard.tabs import load  # plotly is imported only when the data is checked or used

    try:
        dataset = load(config.data_dir)
    except DatasetError as exc:
        print(exc.report())
        print(f"{len(exc.problems)} problem(s) found in {config.data_dir}", file=sys.stderr)
        return EXIT_FAILED
    counts = ", ".join(f"{n} {name}" for name, n in dataset.counts().items())
    print(f"OK {config.data_dir} (version {dataset.version}): {counts}")
    return EXIT_OK


def _precompress(args, config: Config) -> int:
    """Write the brotli and gzip bodies of every static file the pages may load."""
    from dashboard.app import create_app  # Dash is imported only when serving
    from dashboard.web.compression import PRECOMPRESSED, precompress

    try:
        app = create_app(config)
    except DatasetError as exc:
        print(exc.report(), file=sys.stderr)
        return EXIT_FAILED
    try:
        written = precompress(app)
    except OSError as exc:
        print(f"negotiation-timeline: cannot write {PRECOMPRESSED}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"{written} compressed bodies written to {PRECOMPRESSED}")
    return EXIT_OK


def _serve(args, config: Config) -> int:
    if args.prod and args.debug:
        print("negotiation-timeline: error: --debug is never allowed with --prod", file=sys.stderr)
        return EXIT_USAGE
    from dashboard.tabs import load

    public_url = args.public_url or os.environ.get("NEGOTIATION_TIMELINE_PUBLIC_URL", "")
    if not public_url and args.host not in LOOPBACK_HOSTS:
        print(f"negotiation-timeline: error: --host {args.host} needs --public-url (the address readers "
              "use): links are never built from a request's Host header", file=sys.stderr)
        return EXIT_USAGE
    try:
        config = replace(config, public_url=public_url or f"http://{args.host}:{args.port}")
        config.origin  # noqa: B018 -- raises ValueError for a URL that is no origin
    except ValueError as exc:
        print(f"negotiation-timeline: error: --public-url: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        dataset = load(config.data_dir)  # refuse to start on invalid data, in every mode
    except DatasetError as exc:
        print(exc.report(), file=sys.stderr)
        print(f"not serving: {len(exc.problems)} problem(s) in {config.data_dir}", file=sys.stderr)
        return EXIT_FAILED
    if args.prod:
        return _serve_production(args, config)
    from dashboard.app import create_app  # Dash is imported only when serving.

    create_app(replace(config, debug=args.debug), dataset).run(
        host=args.host, port=args.port, debug=args.debug)
    return EXIT_OK


def _serve_production(args, config: Config) -> int:
    """Replace this process with gunicorn (signals then reach it directly)."""
    command = [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONF), "--bind", f"{args.host}:{args.port}"]
    if args.workers:
        command += ["--workers", str(args.workers)]
    os.environ["NEGOTIATION_TIMELINE_DATA"] = str(config.data_dir)
    os.environ["NEGOTIATION_TIMELINE_PUBLIC_URL"] = config.public_url
    os.execv(sys.executable, [*command, "dashboard.wsgi:server"])
    return EXIT_FAILED  # not reached


def _export(args, config: Config) -> int:
    """Build exactly ``build_figure(ds, view)`` (or the page's CSV) for ``--view`` into ``--out``."""
    from dashboard import export  # plotly is imported only when exporting
    from dashboard.state import ViewState
    from dashboard.tabs import choices_for, load

    if (args.width or args.height) and args.format not in ("png", "svg"):
        print("negotiation-timeline: error: --width and --height apply to png and svg only", file=sys.stderr)
        return EXIT_USAGE
    if args.scale != 1 and args.format != "png":
        print("negotiation-timeline: error: --scale applies to png only", file=sys.stderr)
        return EXIT_USAGE
    try:
        dataset = load(config.data_dir)
    except DatasetError as exc:
        print(exc.report(), file=sys.stderr)
        print(f"not exporting: {len(exc.problems)} problem(s) in {config.data_dir}", file=sys.stderr)
        return EXIT_FAILED
    view, notes = ViewState.from_query(_view_query(args.view), choices_for(dataset))
    if notes:
        for note in notes:
            print(f"negotiation-timeline: error: --view: {note}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.format in ("png", "svg"):
            content = export.figure_image(dataset, view, args.format, args.width, args.height, scale=args.scale)
        else:
            build = export.view_csv if args.format == "csv" else export.standalone_html
            content = build(dataset, view).encode("utf-8")
        args.out.write_bytes(content)
    except export.ExportError as exc:
        print(f"negotiation-timeline: export failed: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        print(f"negotiation-timeline: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"wrote {args.out} ({args.format}, {len(content):,} bytes) for {view.url('/')}")
    return EXIT_OK


def _publish(args, config: Config) -> int:
    """Write the static site of ``--view`` (or the default views) into ``--out``."""
    from dashboard import export
    from dashboard.publishing import site
    from dashboard.config import public_origin
    from dashboard.state import ViewState
    from dashboard.tabs import choices_for, load

    for flag, url in (("--base-url", args.base_url), ("--app-url", args.app_url)):
        if url and not url.startswith(("http://", "https://")):
            print(f"negotiation-timeline: error: {flag}: {url!r} is not an http(s) URL", file=sys.stderr)
            return EXIT_USAGE
    try:
        app_url = public_origin(args.app_url) if args.app_url else ""
    except ValueError as exc:
        print(f"negotiation-timeline: error: --app-url: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        dataset = load(config.data_dir)
    except DatasetError as exc:
        print(exc.report(), file=sys.stderr)
        print(f"not publishing: {len(exc.problems)} problem(s) in {config.data_dir}", file=sys.stderr)
        return EXIT_FAILED
    views = site.default_views(dataset) if not args.view else []
    for text in args.view or ():
        view, notes = ViewState.from_query(_view_query(text), choices_for(dataset))
        for note in notes:
            print(f"negotiation-timeline: error: --view {text}: {note}", file=sys.stderr)
        if notes:
            return EXIT_USAGE
        views.append((view, view.url("/")))
    try:
        written = site.publish(dataset, args.out, views, args.base_url.rstrip("/"), app_url,
                                  config.pictures_dir if args.cache else None)
    except export.ExportError as exc:
        print(f"negotiation-timeline: publish failed: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        print(f"negotiation-timeline: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"wrote {len(written)} embeds to {args.out} (open {args.out / 'index.html'})")
    return EXIT_OK


def _view_query(text: str) -> str:
    """The query string of ``--view``: 'tab=schedule', '?tab=schedule' or a whole link."""
    if "?" in text:
        return text.split("?", 1)[1].split("#", 1)[0]
    return "" if text.startswith(("/", "http://", "https://")) else text
