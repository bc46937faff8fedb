"""Search ingest benchmark: how fast the ingest itself goes, and how long the embedding quota makes it.

Usage: python bench/ingest.py [--index PATH] [--tpm 120000]

Neither Azure AI Search nor Azure OpenAI can be reached here, so the ingest runs, with the real SDKs over
real HTTP, against the local stand-ins the tests use (`tests.support.search_server`, `tests.support.fake_openai`:
they answer at once). That measures the ingest's own cost per chunk (reading the local index, hashing,
batching, JSON over HTTP) for the text phase and the vector phase, and a re-run that finds nothing to do.
Under Azure the vector phase is bound by the embedding deployment's tokens per minute instead: the corpus's
tokens (estimated at 4 characters per token, the usual rate of OpenAI's tokenizers on English; the ingest
sizes its requests with a safer 3) divided by the quota give the time it takes. Prints a table and writes
JSON to bench/results/.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import DEFAULT_INDEX, write_result
from pharmabot.config import load_settings
from pharmabot.ingest import ensure_index, ingest_to_azure_search
from pharmabot.retrieval.azure_indexer import ingest_embedder
from tests.support.fake_openai import FakeOpenAIServer
from tests.support.search_server import SEARCH_KEY, search_server

CHARS_PER_TOKEN = 4.0


async def _run(settings: Any, *, vectors: bool) -> dict[str, Any]:
    embedder = ingest_embedder(settings) if vectors else None
    started = time.perf_counter()
    try:
        stats = await ingest_to_azure_search(
            settings=settings, sources=[], progress=False, vectors=vectors, embedder=embedder
        )
    finally:
        if embedder is not None:
            await embedder.close()  # type: ignore[attr-defined]
    seconds = time.perf_counter() - started
    return {
        "seconds": round(seconds, 1),
        "chunks": stats.chunks,
        "uploaded": stats.uploaded,
        "embedded": stats.embedded,
        "embed_requests": stats.embed_requests,
        "unchanged": stats.unchanged,
        "chunks_per_second": round(stats.chunks / seconds, 1) if seconds else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=DEFAULT_INDEX)
    parser.add_argument("--tpm", type=int, default=120_000, help="embedding deployment tokens per minute")
    args = parser.parse_args()
    ensure_index(index_path=args.index, progress=True)
    with contextlib.closing(sqlite3.connect(f"file:{args.index}?mode=ro", uri=True)) as conn:
        chunks, chars = conn.execute("SELECT count(*), sum(length(text)) FROM chunks").fetchone()
    tokens = chars / CHARS_PER_TOKEN
    openai = FakeOpenAIServer().start()
    try:
        with search_server() as (url, _):
            settings = load_settings(
                index_path=args.index,
                azure_search_endpoint=url,
                azure_search_key=SEARCH_KEY,
                azure_openai_endpoint=openai.base_url,
                azure_openai_api_key="bench",
                azure_openai_embedding_deployment="embedding",
            )
            text = asyncio.run(_run(settings.model_copy(update={"azure_search_index": "text"}), vectors=False))
            # A new index: its vector field takes the stand-in's vector size.
            with_vectors = settings.model_copy(update={"azure_search_index": "vectors"})
            vectors = asyncio.run(_run(with_vectors, vectors=True))
            again = asyncio.run(_run(with_vectors, vectors=True))
    finally:
        openai.stop()
    quota_minutes = tokens / args.tpm
    result = {
        "index": str(args.index),
        "chunks": chunks,
        "characters": chars,
        "estimated_tokens": round(tokens),
        "text_phase": text,
        "vector_phase_against_instant_embeddings": vectors,
        "rerun_with_nothing_to_do": again,
        "tokens_per_minute": args.tpm,
        "vector_phase_under_quota_minutes": round(quota_minutes),
    }
    print(f"corpus: {chunks:,} chunks, {chars:,} characters, ~{tokens / 1e6:.1f} M tokens")
    print(f"{'text phase (upload, no vectors)':<48}{text['seconds']:>8} s  {text['chunks_per_second']:>8} chunks/s")
    print(
        f"{'vector phase, instant embeddings':<48}{vectors['seconds']:>8} s  {vectors['chunks_per_second']:>8} chunks/s"
        f"  ({vectors['embed_requests']} embeddings requests)"
    )
    print(f"{'re-run with nothing to do':<48}{again['seconds']:>8} s  (uploaded {again['uploaded']})")
    print(
        f"vector phase under a {args.tpm:,} tokens/minute quota: ~{quota_minutes:.0f} min"
        f" ({quota_minutes / 60:.1f} h; {chunks / quota_minutes:.0f} chunks/min)"
    )
    write_result("ingest", result)


if __name__ == "__main__":
    main()
