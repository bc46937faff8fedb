"""The `python -m pharmabot` commands."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pharmabot.errors import BadRequestError, ConfigError, PharmaBotError

if TYPE_CHECKING:
    from pharmabot.interactions.engine import InteractionEngine
    from pharmabot.knowledge.build import IndexStats

Command = Callable[[argparse.Namespace], int]

# openFDA's bulk download manifest (lists the drug-label zip partitions).
OPENFDA_MANIFEST = "https://api.fda.gov/download.json"
# The catalog index the Functions package carries (infra/app/api.bicep points PHARMABOT_INDEX_PATH at it).
CATALOG_INDEX = ".data/labels-catalog.sqlite"


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from pharmabot.config import get_settings
    from pharmabot.main import create_app
    from pharmabot.services import open_knowledge

    settings = get_settings()
    open_knowledge(settings).close()  # a missing index is reported here in one line, not as a start-up trace
    app = create_app(settings)
    # proxy_headers off: uvicorn would otherwise take X-Forwarded-For from any local peer as the client
    # address; the app decides which proxies to believe (PHARMABOT_TRUSTED_PROXIES, default none).
    uvicorn.run(app, host=args.host, port=args.port, log_config=None, timeout_graceful_shutdown=5, proxy_headers=False)
    return 0


def _settings(args: argparse.Namespace) -> int:
    from pharmabot.config import local_settings_example, settings_markdown

    print(local_settings_example() if args.format == "local-settings" else settings_markdown(), end="")
    return 0


def _hash_key(args: argparse.Namespace) -> int:
    import secrets

    from pharmabot.security.auth import hash_key

    given = sys.stdin.readline() if args.stdin else args.key
    if given is not None:
        key = given.strip()
        # SHA-256 without a slow hash is only right for keys nobody can guess.
        if len(key) < 24:
            print("pharmabot: keys must be at least 24 random characters; omit --key to generate one", file=sys.stderr)
            return 2
        print(hash_key(key))
        return 0
    key = secrets.token_urlsafe(32)  # 256 random bits
    print(f"API key (shown once, give it to the client): {key}")
    print(f"Hash (add it to PHARMABOT_API_KEYS):         {hash_key(key)}")
    return 0


def _print_stats(stats: IndexStats) -> None:
    source = "" if stats.source == "shipped" else f", from {stats.source}"
    if not stats.rebuilt:
        print(f"index {stats.path} is up to date ({stats.chunks} chunks{source})")
        return
    print(
        f"built {stats.path}: {stats.labels_read} labels read, {stats.labels_indexed} indexed for {stats.drugs} drugs,"
        f" {stats.chunks} chunks, {stats.size_bytes / 1e6:.1f} MB in {stats.seconds:.1f} s{source}"
    )


def _check_sources(paths: Sequence[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise ConfigError("no such file or folder: " + ", ".join(missing))


def _build_index(args: argparse.Namespace) -> int:
    from pharmabot.config import get_settings
    from pharmabot.ingest import ensure_index
    from pharmabot.knowledge.labels import shipped_label_paths

    index_path = args.index or get_settings().index_path
    sources: list[Path] | None = args.source or None
    if args.shipped:
        sources = shipped_label_paths()
    if sources:
        _check_sources(sources)
    try:
        stats = ensure_index(sources=sources, index_path=index_path, force=args.force, progress=True)
    except FileNotFoundError as exc:  # e.g. a folder with no label files in it
        raise ConfigError(str(exc)) from None
    _print_stats(stats)
    return 0


def _ingest(args: argparse.Namespace) -> int:
    from pharmabot.config import get_settings
    from pharmabot.ingest import build_index
    from pharmabot.knowledge.labels import shipped_label_paths

    _check_sources(args.paths)
    if args.target == "azure-search":
        return _ingest_azure(args)
    index_path = args.index or get_settings().index_path
    try:
        stats = build_index(sources=args.paths or shipped_label_paths(), index_path=index_path, progress=True)
    except FileNotFoundError as exc:
        raise ConfigError(str(exc)) from None
    _print_stats(stats)
    return 0


def _ingest_azure(args: argparse.Namespace) -> int:
    import asyncio

    from pharmabot.config import get_settings
    from pharmabot.ingest import ingest_to_azure_search
    from pharmabot.retrieval.azure_indexer import IngestStats

    settings = get_settings()
    stats = IngestStats(index_name=settings.azure_search_index, corpus_version="")
    try:
        asyncio.run(
            ingest_to_azure_search(
                settings=settings, sources=args.paths, progress=True, vectors=not args.no_vectors, stats=stats
            )
        )
    except FileNotFoundError as exc:
        raise ConfigError(str(exc)) from None
    except PharmaBotError:
        if stats.chunks:  # it got as far as the index: say what is done, and that a re-run goes on from there
            print(stats.summary(), file=sys.stderr)
            print("the ingest stopped; run the same command again to continue where it stopped", file=sys.stderr)
        raise
    print(stats.summary())
    return 0


def _package_index(args: argparse.Namespace) -> int:
    from pharmabot.config import get_settings
    from pharmabot.ingest import ensure_index
    from pharmabot.knowledge.build import write_catalog_index

    index_path = args.index or get_settings().index_path
    full = ensure_index(index_path=index_path, progress=True)
    _print_stats(full)
    stats = write_catalog_index(index_path=index_path, out=args.out)
    state = "written" if stats.rebuilt else "up to date"
    print(
        f"catalog index {args.out} {state}: {stats.size_bytes / 1e6:.1f} MB"
        f" (the full index is {full.size_bytes / 1e6:.1f} MB); label text is read from Azure AI Search"
    )
    return 0


def _download_labels(args: argparse.Namespace) -> int:
    from pharmabot.knowledge.download import download_labels

    stats = download_labels(manifest_url=args.manifest, dest=args.dest, progress=True)
    print(stats.summary())
    return 0


def _open_engine() -> InteractionEngine:
    """The engine over the built index's tables (building the index first when it is missing or stale)."""
    from pharmabot.config import get_settings
    from pharmabot.ingest import ensure_index
    from pharmabot.interactions.engine import open_engine
    from pharmabot.knowledge.index import KnowledgeBase

    index_path = get_settings().index_path
    ensure_index(index_path=index_path, progress=True)
    knowledge = KnowledgeBase.open(index_path)
    try:
        engine = open_engine(knowledge)  # its tables are read on first use, through a connection of their own
    finally:
        knowledge.close()
    if engine is None:
        raise ConfigError(f"The index {index_path} has no interaction tables: rebuild it with `build-index --force`.")
    return engine


def _interactions(args: argparse.Namespace) -> int:
    from pharmabot.interactions.report import render_table

    engine = _open_engine()
    report = engine.check(drugs=args.names, audience=args.audience)
    print(render_table(report))
    return 0


def _ask(args: argparse.Namespace) -> int:
    import asyncio
    import contextlib

    from pydantic import ValidationError

    from pharmabot.chat.service import admit
    from pharmabot.config import get_settings
    from pharmabot.errors import BadRequestError
    from pharmabot.schemas.chat import ChatRequest, CitationsEvent, ErrorEvent, MetaEvent, TokenEvent
    from pharmabot.services import Services

    try:  # the same bounds as the API's (1..500 characters, a valid session id)
        ChatRequest(message=args.question, session_id=args.session)
    except ValidationError as exc:
        raise BadRequestError("; ".join(f"{e['loc'][0]}: {e['msg']}" for e in exc.errors())) from None
    admit(args.question)  # a question the local rules refuse opens nothing

    async def run() -> int:
        services = await Services.start(get_settings())
        try:
            # Admitted as the API admits it: with the catalog's drug names, and Prompt Shields when configured.
            message = await services.chat.admit(args.question)
            turn = services.chat.stream(session_id=args.session, owner="cli", message=message)
            # aclosing: leaving the loop early (on an error) still lets the service store the turn
            # before the services close, instead of when the abandoned generator is collected.
            async with contextlib.aclosing(turn) as events:
                async for event in events:
                    if isinstance(event, MetaEvent) and args.verbose:
                        print(f"[{event.intent}: {', '.join(d.key for d in event.drugs) or '-'}]", file=sys.stderr)
                    elif isinstance(event, TokenEvent):
                        print(event.delta, end="", flush=True)
                    elif isinstance(event, CitationsEvent) and event.citations:
                        print("\n")
                        for c in event.citations:
                            dated = c.effective_time or "undated"
                            print(f"[{c.index}] {c.drug_name}, {c.label_section}, {dated}: {c.url}")
                    elif isinstance(event, ErrorEvent):
                        print(f"\npharmabot: {event.message}", file=sys.stderr)
                        return 1
            print()
            return 0
        finally:
            await services.close()

    return asyncio.run(run())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pharmabot", description="PharmaBot command line.")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="serve the API on uvicorn")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=_serve)

    build = sub.add_parser(
        "build-index",
        help="build the local label index (when stale) from the shipped corpus or downloaded openFDA files",
    )
    build.add_argument("--index", type=Path, default=None, help="index file (default: PHARMABOT_INDEX_PATH)")
    which = build.add_mutually_exclusive_group()
    which.add_argument(
        "--source",
        type=Path,
        action="append",
        metavar="PATH",
        help="a folder of openFDA label files (as download-labels leaves them) or a label file; repeatable."
        " Remembered: later builds without --source use it again",
    )
    which.add_argument("--shipped", action="store_true", help="go back to the shipped corpus")
    build.add_argument("--force", action="store_true", help="rebuild even when the index is up to date")
    build.set_defaults(func=_build_index)

    package = sub.add_parser(
        "package-index",
        help="write the index a cloud package carries when retrieval is Azure AI Search: no label text",
    )
    package.add_argument("--index", type=Path, default=None, help="full index (default: PHARMABOT_INDEX_PATH)")
    package.add_argument(
        "--out",
        type=Path,
        default=Path(CATALOG_INDEX),
        help=f"where to write it (default: {CATALOG_INDEX}, where the function app's settings look)",
    )
    package.set_defaults(func=_package_index)

    download = sub.add_parser(
        "download-labels", help="download openFDA's full drug-label corpus (resumable; skips what is there)"
    )
    download.add_argument(
        "--manifest", default=OPENFDA_MANIFEST, help=f"download manifest URL (default: {OPENFDA_MANIFEST})"
    )
    download.add_argument(
        "--dest", type=Path, default=Path(".data/openfda"), help="folder for the zip files (default: .data/openfda)"
    )
    download.set_defaults(func=_download_labels)

    ingest = sub.add_parser(
        "ingest", help="index openFDA drug/label files (.json, .json.zip, .jsonl[.gz], or folders of them)"
    )
    ingest.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="label files or folders (default: the shipped FDA label corpus)",
    )
    ingest.add_argument("--index", type=Path, default=None, help="index file (default: PHARMABOT_INDEX_PATH)")
    ingest.add_argument("--target", choices=["local", "azure-search"], default="local")
    ingest.add_argument(
        "--no-vectors",
        action="store_true",
        help="azure-search: upload text only, even with AZURE_OPENAI_EMBEDDING_DEPLOYMENT set (vectors can follow)",
    )
    ingest.set_defaults(func=_ingest)

    inter = sub.add_parser("interactions", help="check medicines for interactions (prints a table)")
    inter.add_argument("names", nargs="+", metavar="NAME")
    inter.add_argument("--audience", choices=["consumer", "professional"], default="consumer")
    inter.set_defaults(func=_interactions)

    ask = sub.add_parser("ask", help="ask a question; the answer streams in the terminal")
    ask.add_argument("question")
    ask.add_argument("--session", default="cli", help="conversation id, to ask follow-up questions")
    ask.add_argument("--verbose", "-v", action="store_true", help="print the intent and drugs first")
    ask.set_defaults(func=_ask)

    settings = sub.add_parser("settings", help="print the configuration table or local.settings.json.example")
    settings.add_argument("--format", choices=["markdown", "local-settings"], default="markdown")
    settings.set_defaults(func=_settings)

    hashing = sub.add_parser("hash-key", help="make a new API key, or hash one, for PHARMABOT_API_KEYS")
    source = hashing.add_mutually_exclusive_group()
    source.add_argument("--key", help="hash this key instead of generating one (it stays in shell history)")
    source.add_argument("--stdin", action="store_true", help="hash the key read from standard input")
    hashing.set_defaults(func=_hash_key)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    func: Command = args.func
    try:
        return func(args)
    except BrokenPipeError:
        # The reader of our output went away (`... | head`): stop quietly, as other command-line tools do. Standard
        # output is pointed at devnull so the interpreter's own flush at exit does not fail the same way again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except (ConfigError, BadRequestError) as exc:
        print(f"pharmabot: {exc.message}", file=sys.stderr)
        return 2
    except PharmaBotError as exc:  # a backend or download failed: one line, no trace
        print(f"pharmabot: {exc.message}", file=sys.stderr)
        return 1
