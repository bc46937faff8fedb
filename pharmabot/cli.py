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
    from pharmabot.config import settings_table

    print("| Variable | Default | Meaning |")
    print("|---|---|---|")
    for env, default, description in settings_table():
        print(f"| `{env}` | {f'`{default}`' if default else ''} | {description} |")
    return 0


def _interactions(args: argparse.Namespace) -> int:
    from pharmabot.interactions.engine import InteractionEngine
    from pharmabot.interactions.knowledge import load_engine_for_cli
    from pharmabot.interactions.report import render_table

    engine: InteractionEngine = load_engine_for_cli()
    report = engine.check(drugs=args.names, audience=args.audience)
    print(render_table(report))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pharmabot", description="PharmaBot command line.")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="serve the API on uvicorn")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=_serve)

    inter = sub.add_parser("interactions", help="check medicines for interactions (prints a table)")
    inter.add_argument("names", nargs="+", metavar="NAME")
    inter.add_argument("--audience", choices=["consumer", "professional"], default="consumer")
    inter.set_defaults(func=_interactions)

    settings = sub.add_parser("settings", help="print the configuration table (Markdown)")
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
