"""A cache of serialised read results: answered at once, refreshed behind the reader's back.

The page and the API ask the same few questions many times a second; the
answers change only when articles are added. Every write through this server
clears the cache. An entry older than ``ttl`` seconds is still served, once,
while one background thread recomputes it, so a ``parley ingest`` running
beside the server shows up within a few seconds and no reader waits for it.
When many readers miss the same key together, one computes and the others wait
for its answer. An answer that took long to compute stays fresh longer
(``REFRESH_SHARE``), so refreshing never takes more than a small share of the
server's time however large the database grows.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable


REFRESH_SHARE = 0.05  # at most this share of one core spent refreshing any one key


class ResponseCache:
    def __init__(self, ttl: float = 5.0, max_entries: int = 256) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        # key -> (when it turns stale, value, how to compute it again)
        self._entries: OrderedDict[Hashable, tuple[float, object, Callable[[], object]]] = OrderedDict()
        self._computing: dict[Hashable, threading.Event] = {}
        self._generation = 0  # bumped by clear(): results computed before a write are not kept
        self._lock = threading.Lock()

    def lookup(self, key: Hashable) -> object | None:
        """The cached value, fresh or not (a stale one is refreshed in the background), or None. Never blocks."""
        with self._lock:
            hit = self._entries.get(key)
            if hit is None:
                return None
            stale = time.monotonic() >= hit[0] and key not in self._computing
            if stale:
                self._computing[key] = threading.Event()
                generation = self._generation
        if stale:
            threading.Thread(target=self._compute, args=(key, hit[2], generation), daemon=True).start()
        return hit[1]

    def get_or_compute(self, key: Hashable, compute: Callable[[], object]) -> object:
        """The value, computed here (or waited for, when another thread is computing it) on a miss."""
        while True:
            value = self.lookup(key)
            if value is not None:
                return value
            with self._lock:
                running = self._computing.get(key)
                if running is None:
                    self._computing[key] = threading.Event()
                    generation = self._generation
            if running is None:
                return self._compute(key, compute, generation)
            running.wait(timeout=30)

    def _compute(self, key: Hashable, compute: Callable[[], object], generation: int) -> object:
        try:
            started = time.monotonic()
            value = compute()
            took = time.monotonic() - started
            with self._lock:
                if generation == self._generation:
                    stale_at = started + took + max(self.ttl, took / REFRESH_SHARE)
                    self._entries[key] = (stale_at, value, compute)
                    self._entries.move_to_end(key)
                    while len(self._entries) > self.max_entries:
                        self._entries.popitem(last=False)
            return value
        finally:
            with self._lock:
                done = self._computing.pop(key, None)
            if done is not None:
                done.set()

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._generation += 1


class CachedReads:
    """ASGI middleware: a GET whose exact path and query string were answered before is answered from the cache.

    Only a route that validated its parameters puts an answer under that key
    (see ``api._cached``), so a hit never skips a check a miss would make.
    """

    def __init__(self, app, cache: ResponseCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            body = self.cache.lookup(read_key(scope))
            if body is not None:
                await send({"type": "http.response.start", "status": 200,
                            "headers": [(b"content-type", b"application/json"),
                                        (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


def read_key(scope) -> tuple:
    return ("GET", scope["path"], scope["query_string"])
