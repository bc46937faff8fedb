"""`python -m pharmabot download-labels`: openFDA's full drug-label corpus, resumable.

openFDA publishes its bulk files in a manifest (`download.json`): `results.drug.label.partitions[]`, each
with `file` (a zip URL), `records` and `size_mb`. Each partition is downloaded into DEST under its own
name: first as `NAME.part`, continued with an HTTP Range request after an interruption (the server
answers 206; a server that ignores Range answers 200 and the file starts over), then checked (it must be a
zip whose members all pass their CRC check and that holds a `.json` file) and renamed to NAME. A partition
already in DEST that passes the same check is skipped, so running the command again only fetches what is
missing. Transfers are retried with tenacity (`pharmabot.retry`): lost connections and 429/5xx answers
wait as the server asks (Retry-After) or back off exponentially with jitter, and every retry resumes
from the bytes already on disk.
"""

from __future__ import annotations

import logging
import re
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import httpx
from tqdm import tqdm

from pharmabot.errors import DownloadError
from pharmabot.retry import RetryLog, RetryPolicy

log = logging.getLogger("pharmabot.download")

DOWNLOAD_RETRY = RetryPolicy(attempts=8, base_wait_seconds=2.0, max_wait_seconds=120.0)
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.zip$")


class _Incomplete(Exception):
    """The server closed the transfer early, or sent bytes that do not make a valid zip (retried)."""


@dataclass(frozen=True)
class Partition:
    """One zip file of the manifest."""

    url: str
    name: str
    records: int | None = None
    size_mb: float | None = None


@dataclass
class DownloadStats:
    """What a download-labels run did."""

    dest: Path
    partitions: int = 0
    downloaded: list[str] = field(default_factory=list)
    resumed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    bytes: int = 0
    seconds: float = 0.0
    retries: RetryLog = field(default_factory=RetryLog)

    def summary(self) -> str:
        rate = f", {self.bytes / 1e6 / self.seconds:.1f} MB/s" if self.seconds and self.bytes else ""
        return "\n".join(
            [
                f"{self.partitions} partitions in {self.dest}: {len(self.downloaded)} downloaded"
                f" ({len(self.resumed)} resumed), {len(self.skipped)} already there",
                f"  {self.bytes / 1e6:.1f} MB in {self.seconds:.1f} s{rate}; {self.retries.summary()}",
                f"  next: python -m pharmabot build-index --source {self.dest}",
            ]
        )


def parse_manifest(data: Any, *, manifest_url: str) -> list[Partition]:
    """The drug-label partitions of an openFDA download manifest; DownloadError when it is not one."""
    try:
        partitions = data["results"]["drug"]["label"]["partitions"]
    except (KeyError, TypeError):
        raise DownloadError(
            f"{manifest_url} is not an openFDA download manifest (no results.drug.label.partitions)"
        ) from None
    if not isinstance(partitions, list) or not partitions:
        raise DownloadError(f"{manifest_url} lists no drug-label partitions")
    found: dict[str, Partition] = {}
    for item in partitions:
        url = item.get("file") if isinstance(item, dict) else None
        if not isinstance(url, str) or not url:
            raise DownloadError(f"{manifest_url}: a partition has no file URL")
        url = str(httpx.URL(manifest_url).join(url))
        if urlsplit(url).scheme not in {"http", "https"}:
            raise DownloadError(f"{manifest_url}: partition URL {url!r} is not http(s)")
        name = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
        # The name becomes a file in DEST: nothing that could leave it or hide in it.
        if not _SAFE_NAME.match(name):
            raise DownloadError(f"{manifest_url}: partition file name {name!r} is not a plain .zip name")
        if name in found:
            raise DownloadError(f"{manifest_url}: partition {name} is listed twice")
        records, size = item.get("records"), item.get("size_mb")
        found[name] = Partition(
            url=url,
            name=name,
            records=records if isinstance(records, int) else None,
            size_mb=float(size) if isinstance(size, int | float | str) and _is_number(size) else None,
        )
    return list(found.values())


def _is_number(value: object) -> bool:
    try:
        float(str(value))
    except ValueError:
        return False
    return True


def verify_zip(path: Path) -> str | None:
    """None when PATH is a zip whose members pass their CRC check and that holds a .json file; else why not."""
    try:
        with zipfile.ZipFile(path) as archive:
            if not any(name.lower().endswith((".json", ".jsonl")) for name in archive.namelist()):
                return "holds no .json file"
            broken = archive.testzip()
            if broken is not None:
                return f"member {broken} is corrupt"
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        return f"is not a valid zip ({exc})"
    return None


def _get_json(client: httpx.Client, url: str) -> Any:
    response = client.get(url)
    response.raise_for_status()
    return response.json()


def _describe(error: BaseException) -> str:
    if isinstance(error, httpx.HTTPStatusError):
        return f"HTTP {error.response.status_code}"
    if isinstance(error, ValueError):
        return "not JSON"
    return type(error).__name__


def _retryable(error: BaseException) -> bool:
    if isinstance(error, _Incomplete | httpx.TransportError):
        return True
    if isinstance(error, httpx.HTTPStatusError):
        return error.response.status_code in {408, 425, 429} or error.response.status_code >= 500
    return False


def _fetch(client: httpx.Client, partition: Partition, part: Path, stats: DownloadStats, *, progress: bool) -> None:
    """One attempt: continue PART from its size (Range), or start over when the server sends the whole file."""
    offset = part.stat().st_size if part.exists() else 0
    headers = {"Range": f"bytes={offset}-"} if offset else {}
    with client.stream("GET", partition.url, headers=headers) as response:
        if response.status_code == 416 and offset:  # nothing after OFFSET: the .part may be whole already
            if verify_zip(part) is None:
                return
            part.unlink()
            raise _Incomplete(f"{partition.name}: the server has nothing past byte {offset}; starting over")
        response.raise_for_status()
        if offset and response.status_code == 206:
            if not response.headers.get("content-range", "").startswith(f"bytes {offset}-"):
                part.unlink()
                raise _Incomplete(f"{partition.name}: the server resumed at another offset; starting over")
            mode = "ab"
            if partition.name not in stats.resumed:
                stats.resumed.append(partition.name)
        else:
            offset, mode = 0, "wb"  # a 200 is the whole file, whatever was asked
        length = response.headers.get("content-length")
        total = offset + int(length) if length and length.isdigit() else None
        received = 0
        bar = tqdm(
            total=total,
            initial=offset,
            desc=partition.name,
            unit="B",
            unit_scale=True,
            disable=not (progress and sys.stderr.isatty()),
        )
        with bar, part.open(mode) as out:
            for block in response.iter_bytes():  # as they arrive: a cut loses no byte already received
                out.write(block)
                received += len(block)
                stats.bytes += len(block)
                bar.update(len(block))
        if total is not None and offset + received < total:
            raise _Incomplete(f"{partition.name}: the transfer ended at {offset + received} of {total} bytes")
    problem = verify_zip(part)
    if problem is not None:
        part.unlink()  # bytes that do not make a zip cannot be continued: the next attempt starts over
        raise _Incomplete(f"{partition.name} {problem}")


def download_partition(
    client: httpx.Client,
    partition: Partition,
    dest: Path,
    stats: DownloadStats,
    *,
    retry: RetryPolicy = DOWNLOAD_RETRY,
    progress: bool = False,
) -> None:
    """PARTITION into DEST/NAME (skipped when a valid copy is there), resumed and retried."""
    target = dest / partition.name
    if target.exists():
        if verify_zip(target) is None:
            stats.skipped.append(partition.name)
            return
        log.warning("replacing %s: it is not a valid zip", target)
        target.unlink()
    part = target.with_name(target.name + ".part")
    retrying = retry.retrying(retry_if=_retryable, log=stats.retries)
    try:
        retrying(_fetch, client, partition, part, stats, progress=progress)
    except _Incomplete as exc:
        raise DownloadError(f"{exc} (gave up after {retry.attempts} attempts; run again to resume)") from None
    except httpx.HTTPStatusError as exc:
        raise DownloadError(
            f"{partition.url} answered HTTP {exc.response.status_code}; run again to retry"
            " (bytes already here are kept)"
        ) from None
    except httpx.TransportError as exc:
        raise DownloadError(
            f"{partition.url} could not be downloaded ({type(exc).__name__}); run again to resume"
        ) from None
    part.replace(target)
    stats.downloaded.append(partition.name)


def download_labels(
    *,
    manifest_url: str,
    dest: Path,
    progress: bool = False,
    retry: RetryPolicy = DOWNLOAD_RETRY,
    client: httpx.Client | None = None,
) -> DownloadStats:
    """Every drug-label partition of the manifest at MANIFEST_URL into DEST."""
    started = time.perf_counter()
    dest.mkdir(parents=True, exist_ok=True)
    owned = client is None
    # Connect quickly, but let a slow read continue: partitions are hundreds of megabytes.
    client = client or httpx.Client(follow_redirects=True, timeout=httpx.Timeout(60.0, connect=15.0))
    stats = DownloadStats(dest=dest)
    try:
        retrying = retry.retrying(retry_if=_retryable, log=stats.retries)
        try:
            data = retrying(_get_json, client, manifest_url)
        except (httpx.HTTPError, ValueError) as exc:
            raise DownloadError(f"could not read the manifest {manifest_url} ({_describe(exc)})") from None
        partitions = parse_manifest(data, manifest_url=manifest_url)
        stats.partitions = len(partitions)
        for number, partition in enumerate(partitions, start=1):
            if progress and not sys.stderr.isatty():
                print(f"download-labels: {number}/{len(partitions)} {partition.name}", file=sys.stderr, flush=True)
            download_partition(client, partition, dest, stats, retry=retry, progress=progress)
    finally:
        if owned:
            client.close()
        stats.seconds = round(time.perf_counter() - started, 2)
    return stats
