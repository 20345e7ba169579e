"""The read cache: one computation per key at a time, stale answers refreshed behind, writes clear it."""
from __future__ import annotations

import threading
import time

from parley.serve.cache import ResponseCache


def test_api_cache_computes_a_missed_key_once_for_many_readers():
    cache = ResponseCache(ttl=60)
    calls = []

    def slow():
        calls.append(1)
        time.sleep(0.2)
        return b"answer"

    answers = []
    readers = [threading.Thread(target=lambda: answers.append(cache.get_or_compute("k", slow))) for _ in range(8)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    assert answers == [b"answer"] * 8
    assert len(calls) == 1


def test_api_cache_serves_stale_then_refreshes_in_the_background():
    cache = ResponseCache(ttl=0.05)
    version = iter(range(100))
    cache.get_or_compute("k", lambda: next(version))
    time.sleep(0.1)
    assert cache.lookup("k") == 0  # stale, served at once
    deadline = time.monotonic() + 5
    while cache.lookup("k") == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert cache.lookup("k") == 1


def test_api_cache_drops_answers_computed_before_a_write():
    cache = ResponseCache(ttl=60)
    started, release = threading.Event(), threading.Event()

    def before_write():
        started.set()
        release.wait(5)
        return "old"

    reader = threading.Thread(target=cache.get_or_compute, args=("k", before_write))
    reader.start()
    started.wait(5)
    cache.clear()  # a write lands while the old answer is being computed
    release.set()
    reader.join()
    assert cache.lookup("k") is None
    assert cache.get_or_compute("k", lambda: "new") == "new"


def test_api_cache_keeps_at_most_max_entries():
    cache = ResponseCache(ttl=60, max_entries=3)
    for key in range(5):
        cache.get_or_compute(key, lambda key=key: key)
    assert [cache.lookup(key) for key in range(5)] == [None, None, 2, 3, 4]


def test_api_cache_keeps_slow_answers_fresh_longer():
    cache = ResponseCache(ttl=0.01)
    calls = {"slow": 0, "quick": 0}

    def compute(name, seconds):
        calls[name] += 1
        time.sleep(seconds)
        return name

    cache.get_or_compute("slow", lambda: compute("slow", 0.1))  # fresh for 0.1 / REFRESH_SHARE = 2 s
    cache.get_or_compute("quick", lambda: compute("quick", 0))
    time.sleep(0.1)
    assert (cache.lookup("slow"), cache.lookup("quick")) == ("slow", "quick")
    deadline = time.monotonic() + 5
    while calls["quick"] < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert calls == {"slow": 1, "quick": 2}
