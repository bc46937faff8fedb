"""The Lazy holder: built once, on first use, even under concurrent first uses."""

from __future__ import annotations

import threading
import time

from pharmabot.lazy import Lazy


def test_builds_on_first_use_only_once_across_threads() -> None:
    calls = []

    def build() -> list[int]:
        calls.append(1)
        time.sleep(0.05)  # long enough that every thread arrives while the first one builds
        return [42]

    lazy = Lazy(build)
    assert not lazy.ready
    assert calls == []
    results: list[list[int]] = []
    threads = [threading.Thread(target=lambda: results.append(lazy.get())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert lazy.ready
    assert all(r is results[0] for r in results)


def test_of_holds_a_built_value() -> None:
    value = {"a": 1}
    lazy = Lazy.of(value)
    assert lazy.ready
    assert lazy.get() is value
