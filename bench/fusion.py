"""Fusion cost against the number of meeting reports: time and peak memory, 10k and 100k by default.

    python bench/fusion.py [--sizes 10000 100000] [--store]
    python bench/fusion.py --incremental [30000] [--added 100]

Reports are generated (no NLP): meetings happen at a steady rate (eight a day)
among 60 people of 8 sides at 20 places; each meeting is reported about five
times, some undated, some a day off, some without a place, some first as
planned, some as copies of a wire story. Each size runs in a fresh process so
its peak memory is its own; time is CPU time of the fusing process (wall time
is printed too, but on a shared machine it also measures the neighbours). With ``--store`` the reports also go through a
SQLite database (save, fuse, read back), which is what ``parley ingest`` pays. The fusing time
includes finding the blocks (``parley.fuse.blocks``) that incremental updates regroup.

With ``--incremental``, a SQLite store of 30,000 reports is fused in full, then 100 more arrive
(the latest ones, then instead 100 drawn at random over the whole period) and the incremental
update is timed against a full rebuild; the update must leave the rebuild's events.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from parley.fuse import fuse_reports  # noqa: E402
from parley.fuse.records import Participant, Report  # noqa: E402

SIDES = ["USA", "RUS", "UKR", "EU", "TUR", "ARE", "SAU", "CHE"]
PLACES = ["Женева", "Абу-Даби", "Майами", "Москва", "Киев", "Стамбул", "Эр-Рияд", "Берлин", "Париж", "Лондон",
          "Анкара", "Доха", "Будапешт", "Вашингтон", "Брюссель", "Варшава", "Рим", "Вена", "Хельсинки", "Осло"]
MEETINGS_PER_DAY = 8
REPORTS_PER_MEETING = 5
START = dt.date(2025, 1, 1)


def generate(n_reports: int, seed: int = 7) -> tuple[list[Report], list[int]]:
    """Reports and, for each, the number of the meeting it reports (the truth)."""
    rng = random.Random(seed)
    people = [Participant(f"p{i}", f"Персона {i}", SIDES[i % len(SIDES)]) for i in range(60)]
    reports, truth = [], []
    meeting = 0
    while len(reports) < n_reports:
        day = START + dt.timedelta(days=meeting // MEETINGS_PER_DAY)
        sides = rng.sample(SIDES, rng.choice([2, 2, 2, 3]))
        cast = [rng.choice([p for p in people if p.side == s]) for s in sides]
        place = rng.choice(PLACES)
        planned_first = rng.random() < 0.2
        wire = None
        for k in range(rng.randint(1, 2 * REPORTS_PER_MEETING - 1)):
            status, published, date = "held", day + dt.timedelta(days=rng.choice([0, 0, 1, 2])), day
            if planned_first and k == 0:
                status, published = "planned", day - dt.timedelta(days=rng.randint(3, 10))
            noise = rng.random()
            shown_date = None if noise < 0.1 else (date + dt.timedelta(days=1)) if noise < 0.15 else date
            signature = f"{rng.getrandbits(64):016x}"
            if wire and rng.random() < 0.3:
                signature = wire
            wire = wire or signature
            reports.append(Report(
                meeting_id=len(reports), doc_id=f"doc{len(reports)}", seq=0, published=published,
                participants=tuple(cast if rng.random() < 0.7 else cast[:2]),
                place=None if rng.random() < 0.2 else place,
                date=shown_date.isoformat() if shown_date else None,
                date_precision="day" if shown_date else "unknown", status=status, kind="talks",
                evidence_start=0, evidence_stop=10, evidence_text="…", signature=signature,
                agency=rng.choice([None, None, None, "РИА Новости", "ТАСС", "Интерфакс"])))
            truth.append(meeting)
        meeting += 1
    return reports[:n_reports], truth[:n_reports]


def pairwise_f1(truth: list[int], groups: list[list[int]]) -> float:
    from collections import Counter
    from math import comb

    predicted = {i: g for g, members in enumerate(groups) for i in members}
    both = Counter((truth[i], predicted[i]) for i in range(len(truth)))
    tp = sum(comb(n, 2) for n in both.values())
    gold = sum(comb(n, 2) for n in Counter(truth).values())
    pred = sum(comb(n, 2) for n in Counter(predicted.values()).values())
    p, r = tp / pred if pred else 1.0, tp / gold if gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def child(size: int, with_store: bool) -> dict:
    reports, truth = generate(size)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started, cpu_started = time.perf_counter(), time.process_time()
    events = fuse_reports(reports)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    groups = [[s.report.meeting_id for s in e.sources] for e in events]
    result = {"reports": size, "events": len(events), "fuse_seconds": round(seconds, 2), "fuse_cpu": round(cpu, 2),
              "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
              "fusion_mb": round((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) / 1024, 1),
              "pairwise_f1": round(pairwise_f1(truth, groups), 3)}
    if with_store:
        result["store_seconds"] = round(_through_store(reports, events), 2)
    return result


def _fill(store, reports: list[Report]) -> None:
    """Bulk rows (the per-document path is measured by the ingest benchmark)."""
    from sqlalchemy import insert, select

    from parley.store import schema as t

    with store.engine.begin() as conn:
        conn.execute(insert(t.documents), [{"doc_id": r.doc_id, "text": "…", "published": r.published,
                                            "source": "", "lang": "ru", "signature": r.signature,
                                            "agency": r.agency} for r in reports])
        conn.execute(insert(t.meetings), [
            {"id": r.meeting_id + 1, "doc_id": r.doc_id, "seq": 0, "place": r.place, "date": r.date,
             "date_precision": r.date_precision, "status": r.status, "kind": r.kind, "evidence_start": 0,
             "evidence_stop": 10, "evidence_text": "…", "background": False} for r in reports])
        known = set(conn.execute(select(t.actors.c.id)).scalars())
        actors = [{"id": f"p{i}", "name": f"Персона {i}", "kind": "person", "country": SIDES[i % len(SIDES)]}
                  for i in range(60) if f"p{i}" not in known]
        if actors:
            conn.execute(insert(t.actors), actors)
        conn.execute(insert(t.meeting_participants), [
            {"meeting_id": r.meeting_id + 1, "position": k, "actor_id": p.actor_id, "name": p.name}
            for r in reports for k, p in enumerate(r.participants)])


def _through_store(reports: list[Report], events) -> float:
    import tempfile

    from parley.fuse import fuse
    from parley.store import Store

    with tempfile.TemporaryDirectory() as folder, Store.open(f"sqlite:///{folder}/bench.db") as store:
        started = time.perf_counter()
        _fill(store, reports)
        fuse(store)
        store.events(limit=100)
        return time.perf_counter() - started


def incremental(size: int, added: int, latest: bool) -> dict:
    """A store of ``size`` reports fused in full, then ``added`` more arrive and are fused incrementally.

    The added reports are the latest ones (new news) or drawn at random over the whole period (late
    arrivals, the harder case: they touch blocks everywhere). The result is checked against a rebuild.
    """
    import tempfile

    from parley.fuse import fuse
    from parley.store import Store

    reports, _ = generate(size + added)
    rng = random.Random(11)
    late = set(range(size, size + added)) if latest else set(rng.sample(range(size + added), added))
    with tempfile.TemporaryDirectory() as folder, Store.open(f"sqlite:///{folder}/bench.db") as store:
        _fill(store, [r for i, r in enumerate(reports) if i not in late])
        started = time.perf_counter()
        fuse(store, full=True)
        full_seconds = time.perf_counter() - started
        _fill(store, [reports[i] for i in sorted(late)])
        started, cpu_started = time.perf_counter(), time.process_time()
        report = fuse(store)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        updated = sorted((e["id"], len(e["sources"])) for e in store.events())
        started = time.perf_counter()
        fuse(store, full=True)
        rebuild_seconds = time.perf_counter() - started
        same = updated == sorted((e["id"], len(e["sources"])) for e in store.events())
    return {"reports": size, "added": added, "latest": latest, "full_seconds": round(full_seconds, 2),
            "rebuild_seconds": round(rebuild_seconds, 2), "update_seconds": round(seconds, 2),
            "update_cpu": round(cpu, 2), "regrouped": report.regrouped, "equal_to_rebuild": same}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--store", action="store_true", help="also time the SQLite round trip")
    parser.add_argument("--incremental", type=int, nargs="*", metavar="SIZE",
                        help="instead: fuse a SQLite store of SIZE reports (default 30000), add --added more "
                             "and time the incremental update against a full rebuild")
    parser.add_argument("--added", type=int, default=100)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.store)))
        return
    if args.incremental is not None:
        for size in args.incremental or [30_000]:
            for latest in (True, False):
                row = incremental(size, args.added, latest)
                print(f"{row['reports']:>8} reports + {row['added']} {'latest' if latest else 'spread over the period'}: "
                      f"full fusion {row['full_seconds']:.2f} s, update {row['update_seconds']:.2f} s "
                      f"({row['update_cpu']:.2f} s CPU, {row['regrouped']} reports regrouped), "
                      f"rebuild {row['rebuild_seconds']:.2f} s; update equals rebuild: {row['equal_to_rebuild']}",
                      flush=True)
        return
    rows = []
    for size in args.sizes:
        command = [sys.executable, __file__, "--child", str(size)] + (["--store"] if args.store else [])
        rows.append(json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout))
        row = rows[-1]
        per = row["fuse_cpu"] / row["reports"] * 1e6
        extra = f"  store round trip {row['store_seconds']:6.1f} s" if "store_seconds" in row else ""
        print(f"{row['reports']:>8} reports → {row['events']:>7} events  fuse {row['fuse_cpu']:6.2f} s CPU "
              f"({per:5.1f} µs/report; {row['fuse_seconds']:.2f} s wall)  "
              f"peak {row['peak_mb']:6.1f} MB (fusion +{row['fusion_mb']:.1f} MB)  "
              f"pairwise F1 vs generated truth {row['pairwise_f1']:.3f}{extra}", flush=True)
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        growth = (last["fuse_cpu"] / first["fuse_cpu"]) / (last["reports"] / first["reports"])
        print(f"CPU time grows {growth:.2f}× as fast as the input (1.00 = linear); "
              "wall time also counts other processes on a shared machine")


if __name__ == "__main__":
    main()
