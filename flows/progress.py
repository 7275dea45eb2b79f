"""Progress reports from a flow running in this process, for whoever displays them (the CLI)."""

from __future__ import annotations

from collections.abc import Callable

ProgressListener = Callable[[int, int], None]  # (files done, files in total)
_listeners: list[ProgressListener] = []


def listen(listener: ProgressListener) -> None:
    _listeners.append(listener)


def forget(listener: ProgressListener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def report(done: int, total: int) -> None:
    for listener in list(_listeners):
        listener(done, total)
