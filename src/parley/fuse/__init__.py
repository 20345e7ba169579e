"""Fusion: the same meeting reported by many articles becomes one event.

Entry point: ``fuse(store)`` brings the events up to date with the stored meeting reports: it
regroups only the blocks (``parley.fuse.blocks``) that changed documents fall in, and the result is
the same as a full rebuild, which ``fuse(store, full=True)`` does. ``fuse_reports`` is the pure core.
"""
from __future__ import annotations

import dataclasses
import gc
import time

from parley.fuse.blocks import Index, blocks, spans
from parley.fuse.build import build_event
from parley.fuse.cluster import cluster
from parley.fuse.records import Event, FusionReport, Report

__all__ = ["fuse", "fuse_reports", "FusionReport"]

MOST_CHANGES = 5000  # changed documents (or blocks to regroup) an update takes on; more: a full rebuild


def fuse_reports(reports: list[Report]) -> list[Event]:
    """Group reports into events, each named with its block (the smallest event id in it)."""
    # Fusion allocates many small objects that all live to the end: the cyclic garbage collector
    # would rescan the growing heap again and again, making the cost grow faster than the input.
    collecting = gc.isenabled()
    gc.disable()
    try:
        block_of = blocks(reports)  # first: its index is freed before the groups are built
        groups = cluster(reports)
        events = [build_event(group) for group in groups]
        names: dict[int, str] = {}
        for event, group in zip(events, groups):
            block = block_of[group[0].meeting_id]
            names[block] = min(names.get(block, event.id), event.id)
        return [dataclasses.replace(event, block=names[block_of[group[0].meeting_id]])
                for event, group in zip(events, groups)]
    finally:
        if collecting:
            gc.enable()


def fuse(store, full: bool = False) -> FusionReport:
    """Bring the events up to date; one process at a time (``store.fusion_lock``), so two writers
    fusing at once take turns, and the second finds the first's work done."""
    lock = getattr(store, "fusion_lock", None)
    if lock is None:
        return _fuse(store, full)
    with lock():
        return _fuse(store, full)


def _fuse(store, full: bool) -> FusionReport:
    started = time.perf_counter()
    pending = None if full else store.fusion_pending()
    if pending is None:
        reports = store.reports()
        events = fuse_reports(reports)
        store.replace_events(events)
        return FusionReport(reports=len(reports), events=len(events),
                            conflicts=sum(1 for e in events if e.conflicts),
                            seconds=time.perf_counter() - started, full=True, regrouped=len(reports))
    docs, stale = pending
    if len(docs) + len(stale) > MOST_CHANGES:  # a large batch: rebuilding costs no more, in fewer queries
        return _fuse(store, full=True)
    regrouped = 0
    if docs or stale:
        touched, reports = _touched(store, docs, stale)
        if len(touched) > MOST_CHANGES:
            return _fuse(store, full=True)
        store.replace_blocks(touched, docs, fuse_reports(reports))
        regrouped = len(reports)
    return FusionReport(reports=store.count_reports(), events=store.count_events(),
                        conflicts=store.count_conflicted_events(), seconds=time.perf_counter() - started,
                        full=False, regrouped=regrouped)


def _touched(store, docs: set[str], stale: set[str]) -> tuple[set[str], list[Report]]:
    """The old blocks that changed documents fall in or link to, and every report of them and of the documents.

    Old blocks are closed under links, so only the changed reports' own links can join blocks: the
    reports they link to are dated or published within their reach, and nothing else is read.
    """
    seeds = {r.meeting_id: r for r in store.reports(doc_ids=docs, blocks=stale)}
    index = Index(r for r in store.reports(spans=spans(seeds.values())) if r.meeting_id not in seeds)
    linked = {number for seed in seeds.values() for number in index.linked(seed)} | set(seeds)
    touched = set(stale) | set(store.blocks_of_meetings(linked).values()) | store.blocks_of_documents(docs)
    return touched, store.reports(doc_ids=docs, blocks=touched)
