#!/usr/bin/env python3
"""Load on the HTTP API: many concurrent clients on /api/events over loopback.

    python bench/load.py [--clients 50] [--seconds 30] [--db URL | --generated N] [--corpus]

Fills a fresh SQLite database through ``parley ingest``'s core from
../shared/gold/dev.jsonl (article fields only; ``--corpus`` adds
../shared/corpus/unlabelled.jsonl), or, when ../shared is absent or with
``--generated N``, from N generated articles built straight from records.
Then starts ``parley serve`` in a subprocess on a free loopback port and runs
the clients for the given time: each keeps one connection open and asks the
next of a fixed mix of /api/events queries (no filter, pages, actor, status,
dates, place) as soon as the previous answer arrived. It stops by itself and
prints p50, p90, p99, the maximum, requests per second and errors; the figures
go to bench/results/load.json too. Target: p99 < 100 ms.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
RESULTS = ROOT / "bench" / "results"
TARGET_P99_MS = 100.0


# --- the database ---------------------------------------------------------------

GENERATED_PEOPLE = (
    ("witkoff", "Стив Уиткофф", "USA"), ("kushner", "Джаред Кушнер", "USA"), ("rubio", "Марко Рубио", "USA"),
    ("putin", "Владимир Путин", "RUS"), ("lavrov", "Сергей Лавров", "RUS"), ("dmitriev", "Кирилл Дмитриев", "RUS"),
    ("ushakov", "Юрий Ушаков", "RUS"), ("zelensky", "Владимир Зеленский", "UKR"), ("umerov", "Рустем Умеров", "UKR"),
    ("sybiha", "Андрей Сибига", "UKR"), ("erdogan", "Реджеп Тайип Эрдоган", "TUR"), ("stubb", "Александр Стубб", "FIN"),
)
GENERATED_PLACES = ("Москва", "Майами", "Женева", "Стамбул", "Абу-Даби", "Эр-Рияд", "Берлин", "Киев", "Будапешт")
GENERATED_STATUSES = ("held", "held", "held", "planned", "planned", "cancelled", "unknown")


def generated_extractions(count: int, seed: int = 7):
    """``count`` short articles, each stating one meeting, with its offsets; no NLP needed."""
    from parley.records import (Actor, ActorMention, DatePrecision, Document, Evidence, Extraction, Meeting,
                                MeetingStatus)

    rng = random.Random(seed)
    actors = [Actor(i, name, "person", country) for i, name, country in GENERATED_PEOPLE]
    start = dt.date(2025, 9, 1)
    for number in range(count):
        people = rng.sample(actors, rng.choice((2, 2, 3)))
        place = rng.choice(GENERATED_PLACES)
        day = start + dt.timedelta(days=rng.randrange(240))
        status = rng.choice(GENERATED_STATUSES)
        names = " и ".join(p.name for p in people)
        verb = {"held": "провели переговоры", "planned": "проведут переговоры", "cancelled": "отменили встречу",
                "unknown": "обсуждали встречу"}[status]
        sentence = f"{day.day} числа {names} {verb} в городе {place}."
        text = f"Сообщение номер {number}. {sentence} Подробности стороны не раскрыли."
        begin = text.index(sentence)
        published = day - dt.timedelta(days=rng.randrange(0, 5)) if status == "planned" else day
        document = Document(doc_id=f"gen-{number:05d}", text=text, published=published, title=f"Встреча {number}",
                            url=f"https://news.example/gen-{number:05d}", source=f"generated:{number}",
                            content_hash=f"generated-{number}")
        mentions, cursor = [], begin
        for person in people:
            at = text.index(person.name, cursor)
            mentions.append(ActorMention(at, at + len(person.name), person.name, person.name, person))
            cursor = at + len(person.name)
        meeting = Meeting(participants=tuple(people), participant_names=tuple(p.name for p in people), place=place,
                          date=day.isoformat(), date_precision=DatePrecision.DAY, status=MeetingStatus(status),
                          evidence=Evidence(begin, begin + len(sentence)))
        yield Extraction(document=document, actors=tuple(mentions), meetings=(meeting,))


def fill_generated(url: str, count: int) -> None:
    from parley.fuse import fuse
    from parley.records import LedgerEntry, LedgerStatus
    from parley.store import Store

    with Store.open(url) as store:
        for extraction in generated_extractions(count):
            store.save_extraction(extraction)
            store.record_ledger(LedgerEntry(extraction.document.source, LedgerStatus.PROCESSED, "",
                                            extraction.document.doc_id))
        fuse(store)


def fill_from_files(url: str, paths: list[Path]) -> None:
    from parley.ingest.run import ingest
    from parley.store import Store

    with Store.open(url) as store:
        ingest(store, paths)


def prepare_database(args, workdir: Path) -> tuple[str, str]:
    """The database URL and a line saying what is in it."""
    if args.db:
        return args.db, f"given database {args.db}"
    url = f"sqlite:///{workdir / 'load.db'}"
    dev = SHARED / "gold" / "dev.jsonl"
    started = time.perf_counter()
    if args.generated or not dev.exists():
        count = args.generated or 500
        fill_generated(url, count)
        what = f"{count} generated articles" + ("" if args.generated else f" ({SHARED} is absent)")
    else:
        paths = [dev] + ([SHARED / "corpus" / "unlabelled.jsonl"] if args.corpus else [])
        fill_from_files(url, paths)
        what = "articles of " + " + ".join(str(p.relative_to(SHARED.parent)) for p in paths)
    from parley.store import Store

    with Store.open(url) as store:
        counts = store.counts()
    return url, (f"{what}: {counts['documents']} documents, {counts['events']} events, {counts['actors']} actors "
                 f"(filled in {time.perf_counter() - started:.0f} s)")


# --- the server -----------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(url: str, port: int) -> subprocess.Popen:
    env = {key: value for key, value in os.environ.items() if key != "PARLEY_TOKEN"}  # read-only
    command = [sys.executable, "-c", "from parley.cli import app; app()", "serve", "--db", url,
               "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited: {server.stderr.read().decode(errors='replace')}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=2):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not answer within 60 s")


def query_mix(port: int) -> list[str]:
    """The paths the clients cycle through, drawn from what the database holds."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events?limit=1000", timeout=30) as response:
        events = json.load(response)["items"]
    actors = Counter(p["id"] for e in events for p in e["participants"] if p.get("id"))
    places = Counter(e["place"] for e in events if e.get("place"))
    dates = sorted(e["date"] for e in events if e.get("date"))
    paths = ["/api/events", "/api/events?limit=20&offset=20", "/api/events?limit=100",
             "/api/events?status=held", "/api/events?status=planned"]
    paths += [f"/api/events?actor={urllib.parse.quote(a)}" for a, _ in actors.most_common(6)]
    paths += [f"/api/events?place={urllib.parse.quote(p)}" for p, _ in places.most_common(3)]
    if dates:
        middle = dates[len(dates) // 2][:7]
        paths += [f"/api/events?from={middle}", f"/api/events?to={middle}", f"/api/events?from={middle}&to={middle}"]
    return paths


# --- the clients ----------------------------------------------------------------

async def read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next((int(line.split(":", 1)[1]) for line in lines[1:] if line.lower().startswith("content-length:")),
                  None)
    if length is None:
        raise ValueError("response without Content-Length")
    await reader.readexactly(length)
    return status


async def one_client(number: int, port: int, paths: list[str], deadline: float, latencies: list[float],
                     errors: Counter) -> None:
    reader = writer = None
    turn = number  # each client starts at another place in the mix
    while time.perf_counter() < deadline:
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            path = paths[turn % len(paths)]
            turn += 1
            began = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            status = await asyncio.wait_for(read_response(reader), timeout=10)
            latencies.append(time.perf_counter() - began)
            if status != 200:
                errors[f"HTTP {status}"] += 1
        except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError) as error:
            errors[type(error).__name__] += 1
            if writer is not None:
                writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def run_clients(port: int, paths: list[str], clients: int, seconds: float,
                      warmup: float) -> tuple[list[float], Counter, float]:
    """Warm-up first (every query asked once, results not counted), then the measured run."""
    if warmup > 0:
        ignored: list[float] = []
        started = time.perf_counter()
        await asyncio.gather(*(one_client(i, port, paths, started + warmup, ignored, Counter())
                               for i in range(clients)))
    latencies: list[float] = []
    errors: Counter = Counter()
    started = time.perf_counter()
    await asyncio.gather(*(one_client(i, port, paths, started + seconds, latencies, errors) for i in range(clients)))
    return latencies, errors, time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds of load before measuring")
    parser.add_argument("--db", help="use this database as it is")
    parser.add_argument("--generated", type=int, default=0, help="fill with N generated articles")
    parser.add_argument("--corpus", action="store_true", help="add ../shared/corpus/unlabelled.jsonl")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="parley-load-") as workdir:
        url, described = prepare_database(args, Path(workdir))
        print(f"database: {described}", flush=True)
        port = free_port()
        server = start_server(url, port)
        try:
            paths = query_mix(port)
            print(f"{args.clients} clients for {args.seconds:.0f} s (after {args.warmup:.0f} s of warm-up) over "
                  f"{len(paths)} /api/events queries on 127.0.0.1:{port}", flush=True)
            load_before = os.getloadavg()[0]
            latencies, errors, elapsed = asyncio.run(run_clients(port, paths, args.clients, args.seconds,
                                                                      args.warmup))
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()

    figures = {
        "database": described, "clients": args.clients, "seconds": round(elapsed, 1), "requests": len(latencies),
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 1), "p90_ms": round(percentile(latencies, 0.90) * 1000, 1),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 1), "max_ms": round(max(latencies, default=0) * 1000, 1),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 1) if latencies else None,
        "errors": sum(errors.values()), "error_kinds": dict(errors), "target_p99_ms": TARGET_P99_MS,
        "cpus": os.cpu_count(), "load_average_before": round(load_before, 2),
        "load_average_after": round(os.getloadavg()[0], 2),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "load.json").write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"requests {figures['requests']}  ({figures['requests_per_s']}/s)  errors {figures['errors']}"
          f"{' ' + str(dict(errors)) if errors else ''}")
    print(f"latency ms: p50 {figures['p50_ms']}  p90 {figures['p90_ms']}  p99 {figures['p99_ms']}  "
          f"max {figures['max_ms']}")
    print(f"machine: {figures['cpus']} CPUs, load average {figures['load_average_before']} before, "
          f"{figures['load_average_after']} after (other work on the machine shows in the tail)")
    verdict = "meets" if figures["p99_ms"] < TARGET_P99_MS and not errors else "MISSES"
    print(f"{verdict} the target p99 < {TARGET_P99_MS:.0f} ms with no errors")


if __name__ == "__main__":
    main()
