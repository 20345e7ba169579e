"""A time and memory budget for one piece of work: ``with Budget(seconds, megabytes).watch(what): ...``.

One watchdog thread per process looks at the work under watch ten times a
second; work that runs past its time, or grows the process's resident memory
by more than its megabytes, gets :class:`OverBudget` raised in the thread that
runs it (``PyThreadState_SetAsyncExc``), with the reason. This works in any
thread (the HTTP API extracts in worker threads), and needs no cooperation
from the code under watch. The exception arrives between two Python
instructions, so a single long call into a C library finishes first: the NLP
adapter keeps every call short by capping sentence length.

Memory is the process's resident size on Linux (``/proc/self/statm``); where
that cannot be read, only time is watched.
"""
from __future__ import annotations

import ctypes
import os
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from collections.abc import Iterator

POLL_SECONDS = 0.1
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


class OverBudget(Exception):
    """The work under watch ran past its time or memory budget."""


@dataclass(frozen=True, slots=True)
class Budget:
    seconds: float  # 0: no limit
    megabytes: float  # growth of resident memory; 0: no limit

    @contextmanager
    def watch(self, what: str = "the document", scale: int = 1) -> Iterator[None]:
        """Run the block under this budget (``scale`` times it, for that many documents at once)."""
        if not self.seconds and not self.megabytes:
            yield
            return
        watch = _Watch(threading.get_ident(), what,
                       time.monotonic() + self.seconds * scale if self.seconds else None,
                       _resident_bytes() + self.megabytes * scale * 2**20 if self.megabytes else None,
                       self.seconds * scale, self.megabytes * scale)
        _watchdog.add(watch)
        try:
            yield
        except OverBudget:
            raise OverBudget(watch.reason or f"{what} ran past its budget") from None
        finally:
            _watchdog.remove(watch)


@dataclass(slots=True)
class _Watch:
    thread: int
    what: str
    deadline: float | None
    memory_limit: float | None
    seconds: float
    megabytes: float
    reason: str = ""


class _Watchdog:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.watches: dict[int, _Watch] = {}
        self.thread: threading.Thread | None = None

    def add(self, watch: _Watch) -> None:
        with self.lock:
            self.watches[id(watch)] = watch
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._run, name="parley-budget", daemon=True)
                self.thread.start()

    def remove(self, watch: _Watch) -> None:
        with self.lock:
            self.watches.pop(id(watch), None)
            if watch.reason:  # fired, maybe not delivered yet: the work is over, so take it back
                _raise_in(watch.thread, None)

    def _run(self) -> None:
        while True:
            time.sleep(POLL_SECONDS)
            with self.lock:
                if not self.watches:
                    continue
                now, resident = time.monotonic(), _resident_bytes()
                for watch in self.watches.values():
                    if watch.reason:
                        continue
                    if watch.deadline is not None and now > watch.deadline:
                        watch.reason = (f"over the time budget: {watch.what} took more than {watch.seconds:g} s "
                                        "(PARLEY_DOCUMENT_SECONDS)")
                    elif watch.memory_limit is not None and resident and resident > watch.memory_limit:
                        watch.reason = (f"over the memory budget: {watch.what} grew memory by more than "
                                        f"{watch.megabytes:g} MB (PARLEY_DOCUMENT_MEGABYTES)")
                    if watch.reason:
                        _raise_in(watch.thread, OverBudget)


_watchdog = _Watchdog()


def _raise_in(thread: int, exception: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread),
                                               ctypes.py_object(exception) if exception else None)


def _resident_bytes() -> int:
    try:  # os.read, not open(): no file object to build, half the cost of a read for each document
        fd = os.open("/proc/self/statm", os.O_RDONLY)
        try:
            return int(os.read(fd, 256).split()[1]) * _PAGE
        finally:
            os.close(fd)
    except (OSError, ValueError, IndexError):
        return 0
