"""The search ingest under a tokens-per-minute quota, end to end over real HTTP with the real SDKs.

Two local stand-ins written for the tests (neither Azure AI Search nor Azure OpenAI can run here):
`tests.support.search_server` records what the `azure-search-documents` SDK uploads, and
`tests.support.fake_openai` answers the `openai` SDK's embeddings calls, throttling like Azure OpenAI past a
deployment's quota: after every answered call, the next three get 429 with `Retry-After: 1`.
The ingest reads that header on every 429 (the tests check the waits it computed); the tests' retry
policy caps each actual wait at 10 ms so the suite never sleeps for real seconds.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from pharmabot.cli import main
from pharmabot.config import Settings, get_settings, load_settings
from pharmabot.errors import ModelError
from pharmabot.ingest import ingest_to_azure_search
from pharmabot.retrieval import azure_indexer
from pharmabot.retrieval.azure_indexer import IngestStats, ingest_embedder
from pharmabot.retry import RetryPolicy
from tests.support.fake_openai import FakeOpenAIServer
from tests.support.labels import _all_raw, labels_for
from tests.support.search_server import SEARCH_KEY, SearchServerState, search_server

DRUGS = ["clarithromycin", "warfarin"]
FAST = RetryPolicy(attempts=10, base_wait_seconds=0.001, max_wait_seconds=0.01)
INDEX = "pharmabot-labels"
SMALL_BATCHES = 4_000  # estimated tokens per embeddings request: small, so the quota bites many times


@pytest.fixture
def search() -> Iterator[tuple[str, SearchServerState]]:
    with search_server() as running:
        yield running


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    wanted = {label.set_id for label in labels_for(DRUGS)}
    path = tmp_path / "labels.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for raw in _all_raw():
            if raw.get("set_id") in wanted:
                handle.write(json.dumps(raw) + "\n")
    return path


def cloud_settings(search_url: str, openai: FakeOpenAIServer, index: Path) -> Settings:
    # The ingest builds the local index it uploads from: a file of this test's own.
    return load_settings(
        index_path=index,
        azure_search_endpoint=search_url,
        azure_search_key=SEARCH_KEY,
        azure_openai_endpoint=openai.base_url,
        azure_openai_api_key="test-openai-key",
        azure_openai_embedding_deployment="embedding",
    )


async def run(settings: Settings, corpus: Path, *, retry: RetryPolicy = FAST) -> tuple[IngestStats, object]:
    """The ingest as the CLI runs it, with the CLI's embedder, only with short waits."""
    embedder = ingest_embedder(settings, retry=retry)
    assert embedder is not None
    try:
        stats = await ingest_to_azure_search(
            settings=settings, sources=[corpus], progress=False, embedder=embedder, embed_batch_tokens=SMALL_BATCHES
        )
    finally:
        await embedder.close()
    return stats, embedder


async def test_ingest_under_throttling_completes_and_a_second_run_sends_nothing(
    search: tuple[str, SearchServerState],
    fake_server: FakeOpenAIServer,
    corpus: Path,
    tmp_path: Path,
) -> None:
    url, state = search
    fake_server.behaviour.throttle_after_answer = 3
    fake_server.behaviour.retry_after = "1"
    settings = cloud_settings(url, fake_server, tmp_path / "index.sqlite")

    stats, embedder = await run(settings, corpus)

    answered = fake_server.embeddings_answered
    assert answered >= 4
    # Every answered call but the last was followed by three 429s, each retried after reading Retry-After: 1.
    assert fake_server.throttled == 3 * (answered - 1)
    assert embedder.retry_log.asked == [1.0] * fake_server.throttled  # type: ignore[attr-defined]
    assert embedder.retry_log.waited_seconds <= 0.01 * fake_server.throttled + 1e-9  # type: ignore[attr-defined]
    inputs = [r.body["input"] for r in fake_server.requests]
    assert len(inputs) == answered + fake_server.throttled
    for position in range(1, answered):  # a throttled call is sent again, unchanged
        start = 1 + 4 * (position - 1)
        assert inputs[start] == inputs[start + 1] == inputs[start + 2] == inputs[start + 3]
    docs = state.docs[INDEX]
    assert stats.chunks == stats.embedded == len(docs) > 0
    assert all(len(d["content_vector"]) == 3 and d["embedding_model"] == "embedding" for d in docs.values())
    assert "embedded" in stats.summary()
    assert "retries" in stats.summary()

    # A second run: nothing embedded, nothing uploaded, nothing deleted.
    fake_server.reset()
    state.requests.clear()
    again, _ = await run(settings, corpus)
    assert fake_server.requests == []
    assert state.calls("search.index") == []
    assert (again.unchanged, again.uploaded, again.embedded, again.deleted) == (stats.chunks, 0, 0, 0)


async def test_a_stopped_ingest_goes_on_where_it_stopped(
    search: tuple[str, SearchServerState],
    fake_server: FakeOpenAIServer,
    corpus: Path,
    tmp_path: Path,
) -> None:
    url, state = search
    settings = cloud_settings(url, fake_server, tmp_path / "index.sqlite")
    fake_server.behaviour.fail_embeddings_after = 2  # then every call fails with 500, past the retries
    stats = IngestStats(index_name=INDEX, corpus_version="")
    embedder = ingest_embedder(settings, retry=RetryPolicy(attempts=3, base_wait_seconds=0.001, max_wait_seconds=0.01))
    assert embedder is not None
    try:
        with pytest.raises(ModelError):
            await ingest_to_azure_search(
                settings=settings,
                sources=[corpus],
                progress=False,
                embedder=embedder,
                stats=stats,
                embed_batch_tokens=SMALL_BATCHES,
            )
    finally:
        await embedder.close()  # type: ignore[attr-defined]
    done = set(state.docs[INDEX])
    assert len(done) == stats.embedded > 0  # what was embedded before the stop is in the index
    assert stats.embedded < stats.total
    assert f"of {stats.total} chunks" in stats.summary()

    fake_server.reset()
    state.requests.clear()
    resumed, _ = await run(settings, corpus)
    sent = {d["chunk_id"] for r in state.calls("search.index") for d in r.body["value"]}
    assert sent.isdisjoint(done)  # nothing finished is embedded or uploaded again
    assert resumed.embedded == stats.total - len(done) == resumed.uploaded
    assert resumed.unchanged == len(done)
    assert all("content_vector" in d for d in state.docs[INDEX].values())


def test_the_command_prints_a_summary_and_a_rerun_does_nothing(
    search: tuple[str, SearchServerState],
    fake_server: FakeOpenAIServer,
    corpus: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    url, state = search
    for name, value in {
        "PHARMABOT_INDEX_PATH": str(tmp_path / "index.sqlite"),
        "AZURE_SEARCH_ENDPOINT": url,
        "AZURE_SEARCH_KEY": SEARCH_KEY,
        "AZURE_OPENAI_ENDPOINT": fake_server.base_url,
        "AZURE_OPENAI_API_KEY": "test-openai-key",
        "AZURE_OPENAI_EMBEDDING_DEPLOYMENT": "embedding",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(azure_indexer, "PROGRESS_LOG_SECONDS", 0.0)
    get_settings.cache_clear()
    try:
        assert main(["ingest", "--target", "azure-search", str(corpus)]) == 0
        first = capsys.readouterr()
        assert "ingest: " in first.err
        assert "chunks (" in first.err
        assert main(["ingest", "--target", "azure-search", str(corpus)]) == 0
        second = capsys.readouterr().out
        assert "uploaded 0 in 0 requests" in second
        assert "embedded 0 in 0 requests" in second
        fake_server.reset()
        fake_server.behaviour.fail_first = 1
        fake_server.behaviour.fail_status = 401  # not worth a retry: the command stops at once
        state.docs[INDEX].clear()
        assert main(["ingest", "--target", "azure-search", str(corpus)]) == 1
        failed = capsys.readouterr().err
        assert "run the same command again to continue" in failed
        assert failed.strip().splitlines()[-1].startswith("pharmabot: ")
        assert "Traceback" not in failed
    finally:
        get_settings.cache_clear()


def test_no_vectors_uploads_text_only(
    search: tuple[str, SearchServerState],
    fake_server: FakeOpenAIServer,
    corpus: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    url, state = search
    monkeypatch.setenv("PHARMABOT_INDEX_PATH", str(tmp_path / "index.sqlite"))
    monkeypatch.setenv("AZURE_SEARCH_ENDPOINT", url)
    monkeypatch.setenv("AZURE_SEARCH_KEY", SEARCH_KEY)
    monkeypatch.setenv("AZURE_OPENAI_ENDPOINT", fake_server.base_url)
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", "k")
    monkeypatch.setenv("AZURE_OPENAI_EMBEDDING_DEPLOYMENT", "embedding")
    get_settings.cache_clear()
    try:
        assert main(["ingest", "--target", "azure-search", "--no-vectors", str(corpus)]) == 0
    finally:
        get_settings.cache_clear()
    assert fake_server.requests == []
    assert state.docs[INDEX]
    assert all("content_vector" not in d for d in state.docs[INDEX].values())
