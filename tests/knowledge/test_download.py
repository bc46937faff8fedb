"""download-labels against a local stand-in for openFDA's download service, then build-index --source.

The service is `tests.support.file_server`, written for these tests (openFDA cannot be reached here): it
serves a manifest in openFDA's shape and small partition zips made from shipped labels, honours Range
requests like a static file server, records each request, and injects faults (a cut connection, a server
that ignores Range, a 503 with Retry-After, bytes that are not a zip) so resuming and retries are tested
over real HTTP with the real httpx client.
"""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from pharmabot.cli import main
from pharmabot.errors import DownloadError
from pharmabot.knowledge.build import recorded_sources
from pharmabot.knowledge.download import download_labels, parse_manifest
from pharmabot.knowledge.index import KnowledgeBase
from pharmabot.retry import RetryPolicy
from tests.support.file_server import Fault, FileServerState, file_server
from tests.support.labels import raw_records_for

FAST = RetryPolicy(attempts=4, base_wait_seconds=0.001, max_wait_seconds=0.01)
PARTS = {
    "drug-label-0001-of-0002.json.zip": ("metformin", "warfarin"),
    "drug-label-0002-of-0002.json.zip": ("simvastatin",),
}


def bulk_zip(drugs: tuple[str, ...], name: str) -> bytes:
    """An openFDA bulk partition: a zip holding one {"meta", "results"} JSON file."""
    body = {"meta": {"results": {"total": 0}}, "results": raw_records_for(drugs)}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name.removesuffix(".zip"), json.dumps(body))
    return buffer.getvalue()


def manifest(base: str, names: list[str]) -> bytes:
    partitions = [
        {"display_name": n, "file": f"{base}/download/drug/label/{n}", "records": 1, "size_mb": "0.1"} for n in names
    ]
    return json.dumps({"results": {"drug": {"label": {"total_records": 3, "partitions": partitions}}}}).encode()


@pytest.fixture
def served() -> Iterator[tuple[str, FileServerState]]:
    with file_server() as (url, state):
        for name, drugs in PARTS.items():
            state.files[f"/download/drug/label/{name}"] = bulk_zip(drugs, name)
        state.files["/download.json"] = manifest(url, list(PARTS))
        yield url, state


def path_of(name: str) -> str:
    return f"/download/drug/label/{name}"


FIRST = next(iter(PARTS))


def test_download_then_build_index_from_the_folder(
    served: tuple[str, FileServerState], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CLI end to end: both partitions downloaded and checked, then indexed from the folder."""
    url, state = served
    dest = tmp_path / "openfda"
    assert main(["download-labels", "--manifest", f"{url}/download.json", "--dest", str(dest)]) == 0
    out = capsys.readouterr().out
    assert "2 partitions" in out
    assert "2 downloaded" in out
    assert f"build-index --source {dest}" in out
    assert sorted(p.name for p in dest.iterdir()) == sorted(PARTS)  # no .part left
    for name in PARTS:
        assert (dest / name).read_bytes() == state.files[path_of(name)]

    index = tmp_path / "index.sqlite"
    assert main(["build-index", "--source", str(dest), "--index", str(index)]) == 0
    assert f"from {dest}" in capsys.readouterr().out
    knowledge = KnowledgeBase.open(index)
    try:
        for drug in ("metformin", "warfarin", "simvastatin"):
            assert knowledge.indexed_set_ids(drug), drug
    finally:
        knowledge.close()
    # The index remembers its source: a plain build-index (as `make run` runs it) keeps it.
    assert recorded_sources(index) == [dest.resolve()]
    assert main(["build-index", "--index", str(index)]) == 0
    assert "is up to date" in (said := capsys.readouterr().out)
    assert f"from {dest}" in said


def test_a_second_run_skips_what_is_there(served: tuple[str, FileServerState], tmp_path: Path) -> None:
    url, state = served
    download_labels(manifest_url=f"{url}/download.json", dest=tmp_path, retry=FAST)
    state.requests.clear()
    stats = download_labels(manifest_url=f"{url}/download.json", dest=tmp_path, retry=FAST)
    assert sorted(stats.skipped) == sorted(PARTS)
    assert stats.downloaded == []
    assert state.requests == [("/download.json", None)]  # only the manifest


def test_a_cut_transfer_resumes_with_a_range_request(served: tuple[str, FileServerState], tmp_path: Path) -> None:
    url, state = served
    state.faults[path_of(FIRST)] = [Fault(cut_after=1000)]
    stats = download_labels(manifest_url=f"{url}/download.json", dest=tmp_path, retry=FAST)
    assert (tmp_path / FIRST).read_bytes() == state.files[path_of(FIRST)]
    assert [r for p, r in state.requests if p == path_of(FIRST)] == [None, "bytes=1000-"]
    assert stats.resumed == [FIRST]
    assert stats.retries.retries == 1


def test_a_part_left_by_an_earlier_run_is_continued(served: tuple[str, FileServerState], tmp_path: Path) -> None:
    url, state = served
    body = state.files[path_of(FIRST)]
    (tmp_path / f"{FIRST}.part").write_bytes(body[:1234])
    download_labels(manifest_url=f"{url}/download.json", dest=tmp_path, retry=FAST)
    assert [r for p, r in state.requests if p == path_of(FIRST)] == ["bytes=1234-"]
    assert (tmp_path / FIRST).read_bytes() == body


def test_a_server_that_ignores_range_starts_the_file_over(served: tuple[str, FileServerState], tmp_path: Path) -> None:
    url, state = served
    body = state.files[path_of(FIRST)]
    (tmp_path / f"{FIRST}.part").write_bytes(b"x" * 500)  # whatever is there is replaced by the 200's body
    state.faults[path_of(FIRST)] = [Fault(ignore_range=True)]
    download_labels(manifest_url=f"{url}/download.json", dest=tmp_path, retry=FAST)
    assert (tmp_path / FIRST).read_bytes() == body


def test_bytes_that_are_not_a_zip_are_fetched_again(served: tuple[str, FileServerState], tmp_path: Path) -> None:
    url, state = served
    state.faults[path_of(FIRST)] = [Fault(body=b"<html>maintenance</html>")]
    download_labels(manifest_url=f"{url}/download.json", dest=tmp_path, retry=FAST)
    assert (tmp_path / FIRST).read_bytes() == state.files[path_of(FIRST)]
    assert [r for p, r in state.requests if p == path_of(FIRST)] == [None, None]  # started over, no Range


def test_a_file_that_stays_broken_fails_and_leaves_nothing(served: tuple[str, FileServerState], tmp_path: Path) -> None:
    url, state = served
    state.faults[path_of(FIRST)] = [Fault(body=b"not a zip")] * FAST.attempts
    with pytest.raises(DownloadError, match="is not a valid zip"):
        download_labels(manifest_url=f"{url}/download.json", dest=tmp_path, retry=FAST)
    assert list(tmp_path.iterdir()) == []


def test_a_503_waits_what_retry_after_says(served: tuple[str, FileServerState], tmp_path: Path) -> None:
    """The header's 7 s is read and logged; the test's policy caps the actual wait at 10 ms."""
    url, state = served
    state.faults[path_of(FIRST)] = [Fault(status=503, headers={"Retry-After": "7"})]
    stats = download_labels(manifest_url=f"{url}/download.json", dest=tmp_path, retry=FAST)
    assert stats.retries.asked == [7.0]
    assert stats.retries.waited_seconds <= 0.01
    assert (tmp_path / FIRST).exists()


def test_an_invalid_file_already_there_is_replaced(served: tuple[str, FileServerState], tmp_path: Path) -> None:
    url, state = served
    (tmp_path / FIRST).write_bytes(b"truncated")
    stats = download_labels(manifest_url=f"{url}/download.json", dest=tmp_path, retry=FAST)
    assert FIRST in stats.downloaded
    assert (tmp_path / FIRST).read_bytes() == state.files[path_of(FIRST)]


def test_a_missing_partition_is_one_clear_line(
    served: tuple[str, FileServerState], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, state = served
    del state.files[path_of(FIRST)]
    code = main(["download-labels", "--manifest", f"{url}/download.json", "--dest", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 1
    last = err.strip().splitlines()[-1]
    assert last.startswith("pharmabot: ")
    assert "HTTP 404" in last
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<html>", "could not read the manifest"),
        (b'{"results": {"drug": {}}}', "not an openFDA download manifest"),
        (b'{"results": {"drug": {"label": {"partitions": []}}}}', "lists no drug-label partitions"),
    ],
)
def test_a_bad_manifest_is_refused(
    served: tuple[str, FileServerState], tmp_path: Path, body: bytes, message: str
) -> None:
    url, state = served
    state.files["/download.json"] = body
    with pytest.raises(DownloadError, match=message):
        download_labels(manifest_url=f"{url}/download.json", dest=tmp_path / "d", retry=FAST)
    assert list((tmp_path / "d").iterdir()) == []


@pytest.mark.parametrize(
    "file",
    [
        "https://x.test/a/..%2F..%2Fevil.zip",
        "https://x.test/label.exe",
        "ftp://x.test/a.zip",
        "https://x.test/.hidden.zip",
    ],
)
def test_partition_urls_must_name_a_plain_zip_over_http(file: str) -> None:
    data = {"results": {"drug": {"label": {"partitions": [{"file": file}]}}}}
    with pytest.raises(DownloadError):
        parse_manifest(data, manifest_url="https://x.test/download.json")


def test_relative_partition_urls_resolve_against_the_manifest() -> None:
    data = {"results": {"drug": {"label": {"partitions": [{"file": "label/a-1.json.zip", "records": 5}]}}}}
    (partition,) = parse_manifest(data, manifest_url="https://x.test/download.json")
    assert (partition.url, partition.name, partition.records) == (
        "https://x.test/label/a-1.json.zip",
        "a-1.json.zip",
        5,
    )


def test_build_index_refuses_a_folder_without_labels(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["build-index", "--source", str(tmp_path / "empty"), "--index", str(tmp_path / "i.sqlite")]) == 2
    assert "no label files" in capsys.readouterr().err
    assert main(["build-index", "--source", str(tmp_path / "missing"), "--index", str(tmp_path / "i.sqlite")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert not (tmp_path / "i.sqlite").exists()


def test_an_index_whose_source_is_gone_is_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "labels"
    source.mkdir()
    (source / "part.json.zip").write_bytes(bulk_zip(("metformin",), "part.json.zip"))
    index = tmp_path / "index.sqlite"
    assert main(["build-index", "--source", str(source), "--index", str(index)]) == 0
    (source / "part.json.zip").unlink()
    source.rmdir()
    assert main(["build-index", "--index", str(index)]) == 0  # not replaced by the shipped corpus
    assert "up to date" in capsys.readouterr().out
    with sqlite3.connect(index) as conn:
        assert conn.execute("SELECT count(*) FROM labels").fetchone()[0] == 1
