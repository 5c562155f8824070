"""Numbered schema migrations: ``registry[n]`` turns version n into version n + 1, for any kind of file."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Generic, TypeVar

M = TypeVar("M", bound=Callable[..., object])


class Migrations(Mapping[int, M], Generic[M]):
    """Steps registered with ``@migrations.register(from_version)``; the current version is their count.

    Shared by the JSON stores (a step maps one dict to the next) and the SQLite history (a step
    changes the database inside the transaction that also records the new version).
    """

    def __init__(self, steps: Mapping[int, M] | None = None) -> None:
        self._steps: dict[int, M] = dict(steps or {})

    def register(self, from_version: int) -> Callable[[M], M]:
        """Register the decorated function as the step from ``from_version`` to the next version."""

        def decorate(fn: M) -> M:
            if from_version in self._steps:
                raise ValueError(f"a migration from version {from_version} is already registered")
            self._steps[from_version] = fn
            return fn

        return decorate

    @property
    def version(self) -> int:
        """The version the steps lead to; they must run without gaps from the first one."""
        if not self._steps:
            return 0
        first = min(self._steps)
        if sorted(self._steps) != list(range(first, first + len(self._steps))):
            raise ValueError(f"migrations must be consecutive: {sorted(self._steps)}")
        return first + len(self._steps)

    def copy(self) -> Migrations[M]:
        return Migrations(self._steps)

    def __getitem__(self, from_version: int) -> M:
        return self._steps[from_version]

    def __iter__(self) -> Iterator[int]:
        return iter(sorted(self._steps))

    def __len__(self) -> int:
        return len(self._steps)
