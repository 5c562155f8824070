"""Change notification without Qt: an ``Emitter`` calls its listeners, in order, with one value."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
Listener = Callable[[T], object]


class Emitter(Generic[T]):
    """A named event of a model object; views ``connect`` a callable and get each emitted value.

    Listeners run synchronously in the order they connected. ``connect`` returns a function that
    disconnects again (for views that go away before the model does).
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._listeners: list[Listener[T]] = []

    def connect(self, listener: Listener[T]) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self.disconnect(listener)

    def disconnect(self, listener: Listener[T]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def emit(self, value: T) -> None:
        for listener in list(self._listeners):
            listener(value)

    def __repr__(self) -> str:
        return f"<Emitter {self.name} ({len(self._listeners)} listeners)>"
