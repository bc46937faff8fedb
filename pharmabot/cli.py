"""The `python -m pharmabot` commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from pharmabot.errors import ConfigError

Command = Callable[[argparse.Namespace], int]


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from pharmabot.config import get_settings
    from pharmabot.main import create_app

    app = create_app(get_settings())
    uvicorn.run(app, host=args.host, port=args.port, log_config=None, timeout_graceful_shutdown=5)
    return 0


def _settings(args: argparse.Namespace) -> int:
    from pharmabot.config import local_settings_example, settings_markdown

    print(local_settings_example() if args.format == "local-settings" else settings_markdown(), end="")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pharmabot", description="PharmaBot command line.")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="serve the API on uvicorn")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=_serve)

    settings = sub.add_parser("settings", help="print the configuration table or local.settings.json.example")
    settings.add_argument("--format", choices=["markdown", "local-settings"], default="markdown")
    settings.set_defaults(func=_settings)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    func: Command = args.func
    try:
        return func(args)
    except ConfigError as exc:
        print(f"pharmabot: {exc.message}", file=sys.stderr)
        return 2
