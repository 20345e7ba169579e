"""Fusion: the same meeting reported by many articles becomes one event.

Entry point: ``fuse(store)`` rebuilds the events from every stored meeting
report and replaces them in one transaction. ``fuse_reports`` is the pure core.
"""
from __future__ import annotations

import gc
import time

from parley.fuse.build import build_event
from parley.fuse.cluster import cluster
from parley.fuse.records import Event, FusionReport, Report

__all__ = ["fuse", "fuse_reports", "FusionReport"]


def fuse_reports(reports: list[Report]) -> list[Event]:
    # Fusion allocates many small objects that all live to the end: the cyclic garbage collector
    # would rescan the growing heap again and again, making the cost grow faster than the input.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return [build_event(group) for group in cluster(reports)]
    finally:
        if collecting:
            gc.enable()


def fuse(store) -> FusionReport:
    started = time.perf_counter()
    reports = store.reports()
    events = fuse_reports(reports)
    store.replace_events(events)
    return FusionReport(reports=len(reports), events=len(events),
                        conflicts=sum(1 for e in events if e.conflicts), seconds=time.perf_counter() - started)
