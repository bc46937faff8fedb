"""A value built on first use, once, even when several threads ask at the same time."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Lazy(Generic[T]):
    """Holds a builder until the value is first needed; `get()` builds it under a lock, then returns it.

    Start-up uses it for the large in-memory tables (drug catalog, interaction knowledge): a cold
    Functions worker can then answer its first request before they are loaded.
    """

    def __init__(self, build: Callable[[], T]) -> None:
        self._build: Callable[[], T] | None = build
        self._value: T | None = None
        self._lock = threading.Lock()

    @classmethod
    def of(cls, value: T) -> Lazy[T]:
        """An already built value."""
        lazy: Lazy[T] = cls(lambda: value)
        lazy.get()
        return lazy

    @property
    def ready(self) -> bool:
        return self._build is None

    def get(self) -> T:
        if self._build is not None:
            with self._lock:
                if self._build is not None:
                    self._value = self._build()
                    self._build = None  # also drops what the builder held (the raw JSON)
        return self._value  # type: ignore[return-value]  # set above: T may itself allow None
