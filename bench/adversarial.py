#!/usr/bin/env python3
"""The adversarial cases of issue 14, run against the installed Parley: one row per case.

    python bench/adversarial.py [--only long,inputs,...] [--fuzz N] [--long 10000,20000,40000,186000]

Each case runs Parley as an operator would (the ``parley`` command in a
subprocess, or the API through its test client) and prints what happened
and whether that is what must happen. Long texts run in a fresh process each,
reporting seconds and peak memory (``ru_maxrss``) and stopped after
``--long-timeout`` seconds. ``--fuzz N`` runs the fuzz targets of
``tests/test_fuzz.py`` with N cases each and reports their time.
PostgreSQL cases run when ``PARLEY_TEST_PG`` names a server (its database
is emptied). Nothing here needs ../shared.
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TALKS = "Вчера в Женеве Марко Рубио встретился с Андрием Сибигой. Стороны обсудили перемирие"
CLAUSE = ("Уиткофф встретился с Дмитриевым в Женеве и обсудил мирный план, после чего Умеров провел "
          "переговоры с Мединским в Стамбуле, а Зеленский заявил о встрече с Трампом в Вашингтоне, ")
ROWS: list[tuple[str, str, str, bool]] = []


def row(case: str, expected: str, observed: str, ok: bool) -> None:
    ROWS.append((case, expected, observed, ok))
    print(f"{'ok  ' if ok else 'FAIL'} {case}: {observed}", file=sys.stderr, flush=True)


def parley(*args: str, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from parley.cli import app; app()", *args], capture_output=True,
                          text=True, errors="replace", timeout=timeout, env={**os.environ, **(env or {})})


def ledger(db: str) -> list[dict]:
    result = parley("ledger", "--json", "--db", db)
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError:
        return []


# --- 1: long sentences --------------------------------------------------------

LONG_CHILD = textwrap.dedent("""
    import resource, sys, time
    from parley import pipeline
    from parley.records import Document
    pipeline.process(Document(doc_id="warm", text="Путин встретился с Трампом в Анкоридже. " * 3))
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    n = int(sys.argv[1]); clause = sys.argv[2]
    text = ("Переговоры о мире: " if clause.endswith(", ") else "") + (clause * (n // len(clause) + 1))[:n]
    started = time.perf_counter()
    result = list(pipeline.process_many([Document(doc_id="long", text=text)]))[0]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(round(time.perf_counter() - started, 2), peak // 1024, (peak - base) // 1024, type(result).__name__)
""")


REPEATED = "Путин встретился с Трампом в Анкоридже.\n"  # one meeting told again on every line


def case_long(sizes: list[int], limit: float) -> None:
    _long_runs(sizes, limit, CLAUSE, "long run", "no full stop")
    _long_runs(sizes, limit, REPEATED, "one meeting on every line", "short lines")


def _long_runs(sizes: list[int], limit: float, clause: str, label: str, shape: str) -> None:
    times = {}
    for size in sizes:
        try:
            done = subprocess.run([sys.executable, "-c", LONG_CHILD, str(size), clause], capture_output=True,
                                  text=True, timeout=limit)
            seconds, peak, grown, kind = done.stdout.split()
            times[size] = float(seconds)
            observed = f"{seconds} s, peak {peak} MB (+{grown} MB), {kind}"
            ok = done.returncode == 0
        except subprocess.TimeoutExpired:
            observed, ok = f"stopped after {limit:.0f} s", False
        except ValueError:
            observed, ok = f"crashed: {done.stderr.strip().splitlines()[-1:]}", False
        row(f"1 {label}, {size:,} chars, {shape}", "seconds, near-linear", observed, ok)
    if len(times) >= 2:
        small, large = min(times), max(times)
        ratio = (times[large] / max(times[small], 0.01)) / (large / small)
        row(f"1 {label}, growth {small:,} → {large:,}", "time ratio / size ratio ≲ 2", f"{ratio:.2f}", ratio < 2.5)


# --- 2, 3, 4: inputs that stopped an ingest -------------------------------------

def case_inputs(work: Path) -> None:
    folder = work / "bad"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xff.txt")).write_text(TALKS + ", первое.", encoding="utf-8")
    (folder / "esc\x1b[31mred.txt").write_text(TALKS + ", второе.", encoding="utf-8")
    os.symlink("loop.txt", folder / "loop.txt")
    lines = [json.dumps({"doc_id": "ok1", "text": TALKS + ", третье."}),
             '{"doc_id": "\\ud800x", "text": "%s, четвертое."}' % TALKS,
             '{"doc_id": "nul", "text": "%s\\u0000, пятое."}' % TALKS,
             "[" * 100_000 + "]" * 100_000,
             json.dumps({"doc_id": "ok2", "text": TALKS + ", шестое."})]
    (folder / "lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "z.txt").write_text(TALKS + ", седьмое.", encoding="utf-8")
    db = f"sqlite:///{work / 'bad.db'}"
    done = parley("ingest", str(folder), "--db", db)
    rows = ledger(db)
    lines_rows = [r for r in rows if "lines.jsonl:" in r["source"]]
    row("2 odd names, link loop, surrogate doc_id", "every input its row, run goes on",
        f"exit {done.returncode}, {len(rows)} ledger rows of 9", len(rows) == 9)
    row("4 JSONL line nested 100,000 deep", "that line fails alone",
        f"{len(lines_rows)} line rows of 5", len(lines_rows) == 5)
    escaped = any("esc" in r["source"] for r in rows) and not any("\x1b" in r["source"] for r in rows) \
        and "\x1b" not in done.stderr
    row("10 escape codes in file names", "shown escaped in the ledger", "escaped" if escaped else "raw or no row",
        escaped)
    pg = os.environ.get("PARLEY_TEST_PG")
    if pg:
        _empty_postgres(pg)
        first = parley("ingest", str(folder / "lines.jsonl"), "--db", pg)
        again = parley("ingest", str(folder / "lines.jsonl"), "--db", pg)
        count = len([r for r in ledger(pg) if "lines.jsonl:" in r["source"]])
        row("3 NUL and lone surrogates on PostgreSQL", "stored cleaned; rerun resumes",
            f"exit {first.returncode} then {again.returncode}, {count} line rows of 5",
            count == 5 and again.returncode in (0, 1) and first.returncode in (0, 1))
    else:
        row("3 NUL and lone surrogates on PostgreSQL", "stored cleaned; rerun resumes", "not run: PARLEY_TEST_PG unset",
            True)


def _empty_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


# --- 5: output over input or database ------------------------------------------

def case_outputs(work: Path) -> None:
    source = work / "one.txt"
    source.write_text(TALKS + ".", encoding="utf-8")
    done = parley("extract", str(source), "-o", str(source))
    intact = source.read_text(encoding="utf-8") == TALKS + "."
    row("5 extract F -o F", "exit 2, input intact", f"exit {done.returncode}, input {'intact' if intact else 'emptied'}",
        done.returncode == 2 and intact)
    db = work / "out.db"
    parley("ingest", str(source), "--db", f"sqlite:///{db}")
    size = db.stat().st_size
    done = parley("export", "--format", "jsonl", "-o", str(db), "--db", f"sqlite:///{db}")
    intact = db.stat().st_size == size and db.read_bytes().startswith(b"SQLite format 3")
    row("5 export -o DB", "exit 2, store intact", f"exit {done.returncode}, store {'intact' if intact else 'overwritten'}",
        done.returncode == 2 and intact)


# --- 6: two ingests at once ------------------------------------------------------

def case_concurrent(work: Path, count: int = 60) -> None:
    folder = work / "many"
    folder.mkdir()
    for number in range(count):
        (folder / f"n{number}.txt").write_text(f"{TALKS}, сообщение номер {number}.", encoding="utf-8")
    urls = [f"sqlite:///{work / 'race.db'}"]
    if os.environ.get("PARLEY_TEST_PG"):
        urls.append(os.environ["PARLEY_TEST_PG"])
    for url in urls:
        backend = url.split(":", 1)[0].split("+")[0]
        if backend.startswith("postgres"):
            _empty_postgres(url)
        parley("ingest", str(work / "one.txt"), "--db", url)  # the schema first: the race is in the writes
        runs = [subprocess.Popen([sys.executable, "-c", "from parley.cli import app; app()", "ingest", str(folder),
                                  "--db", url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(2)]
        outputs = [run.communicate(timeout=900) for run in runs]
        codes = [run.returncode for run in runs]
        new = [int(err.split("new documents ")[1].split(")")[0]) if "new documents " in err else -1
               for _, err in outputs]
        stored = len([r for r in ledger(url) if r["status"] == "processed" and "many/" in r["source"]])
        row(f"6 two ingests at once ({backend})", f"both exit 0, {count} stored, new counted once",
            f"exit {codes}, {stored} stored, new {new}", codes == [0, 0] and stored == count and sum(new) == count)


# --- 7: order of ingest -------------------------------------------------------------

ORDER_CHILD = textwrap.dedent("""
    import sys
    from parley.records import Actor, ActorMention, Document, Extraction
    from parley.store import Store
    names = sys.argv[2:]
    with Store.open(sys.argv[1]) as store:
        for number, name in enumerate(names):
            actor = Actor("KGZ", name, "country", "KGZ")
            text = f"{name} направила делегацию, сообщение {number}."
            document = Document(f"k{number}", text, source=f"k{number}.txt", content_hash=f"h{number}")
            store.save_extraction(Extraction(document=document,
                                             actors=(ActorMention(0, len(name), name, name, actor),)))
        print([a["name"] for a in store.actors()][0])
""")


def case_order(work: Path) -> None:
    names = []
    for label, order in (("a", ["KGZ", "Киргизия"]), ("b", ["Киргизия", "KGZ"])):
        done = subprocess.run([sys.executable, "-c", ORDER_CHILD, f"sqlite:///{work / f'order-{label}.db'}", *order],
                              capture_output=True, text=True)
        names.append(done.stdout.strip() or done.stderr.strip().splitlines()[-1:])
    row("7 actor name by order of ingest", "the same name either way", f"{names[0]} / {names[1]}",
        names[0] == names[1])


# --- 8, 10: the server ---------------------------------------------------------------

SERVER_CHILD = textwrap.dedent("""
    import dataclasses, json, sys
    from fastapi.testclient import TestClient
    from sqlalchemy.exc import OperationalError
    from parley.serve import create_app
    from parley.settings import Settings
    from parley.store import Store
    from parley.records import Document, Extraction, LedgerEntry, LedgerStatus
    db = sys.argv[1]
    with Store.open(db) as store:
        document = Document("js", "Уиткофф и Дмитриев встретились в Майами.", url="javascript:alert(1)",
                            source="/srv/private/js.txt", content_hash="h-js")
        store.save_document(document)
        store.save_extraction(Extraction(document=document))
        store.record_ledger(LedgerEntry(document.source, LedgerStatus.PROCESSED, "", "js"))
    try:
        from parley.serve.app import allowed_hosts_for
        app = create_app(Settings(db_url=db, token="t"), allowed_hosts=allowed_hosts_for("127.0.0.1", ""))
    except ImportError:
        app = create_app(Settings(db_url=db, token="t"))
    out = {}
    with TestClient(app, base_url="http://127.0.0.1:8000", raise_server_exceptions=False) as client:
        out["javascript_link"] = 'href="javascript:' in client.get("/documents/js").text
        out["foreign_host"] = client.get("/api/ledger", headers={"Host": "evil.example"}).status_code
        out["paths_in_api"] = "/srv/private" in client.get("/api/ledger").text
        out["json_nosniff"] = client.get("/api/events").headers.get("x-content-type-options") == "nosniff"
        out["docs_csp"] = "content-security-policy" in client.get("/docs").headers
        out["nested_body"] = client.post("/api/documents", content="[" * 5000 + "]" * 5000,
                                         headers={"Authorization": "Bearer t"}).status_code
        def down(*args, **kwargs):
            raise OperationalError("SELECT 1", {}, ConnectionRefusedError("refused"))
        app.state.store.events = down
        out["database_down"] = client.get("/api/events?limit=3").status_code
    print(json.dumps(out))
""")


def case_server(work: Path) -> None:
    done = subprocess.run([sys.executable, "-c", SERVER_CHILD, f"sqlite:///{work / 'web.db'}"], capture_output=True,
                          text=True)
    try:
        out = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        row("8/10 server cases", "run", f"crashed: {done.stderr.strip().splitlines()[-1:]}", False)
        return
    row("8 javascript: URL on a page", "no link", "link" if out["javascript_link"] else "no link",
        not out["javascript_link"])
    row("10 foreign Host header", "400", str(out["foreign_host"]), out["foreign_host"] == 400)
    row("10 server paths in /api/ledger", "only when asked", "shown" if out["paths_in_api"] else "kept out",
        not out["paths_in_api"])
    row("10 nosniff on JSON", "present", "present" if out["json_nosniff"] else "absent", out["json_nosniff"])
    row("10 CSP on /docs", "present", "present" if out["docs_csp"] else "absent", out["docs_csp"])
    row("10 body nested 5,000 deep", "422", str(out["nested_body"]), out["nested_body"] == 422)
    row("10 database down", "503", str(out["database_down"]), out["database_down"] == 503)


# --- 9, 10: the command line -----------------------------------------------------------

def case_commands(work: Path) -> None:
    typo = work / "typo.db"
    done = parley("events", "--db", f"sqlite:///{typo}")
    row("9 events --db TYPO", "error, no file made", f"exit {done.returncode}, file {'made' if typo.exists() else 'not made'}",
        done.returncode != 0 and not typo.exists())
    foreign = work / "other.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.close()
    parley("events", "--db", f"sqlite:///{foreign}")
    with sqlite3.connect(foreign) as conn:
        tables = len(conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall())
    conn.close()
    row("9 events --db another program's file", "left untouched", f"{tables} tables", tables == 1)
    done = parley("ingest", str(work / "one.txt"), "--db", f"sqlite:///{work / 'neg.db'}",
                  env={"PARLEY_MAX_INPUT_BYTES": "-1"})
    row("10 PARLEY_MAX_INPUT_BYTES=-1", "exit 2", f"exit {done.returncode}", done.returncode == 2)
    db = f"sqlite:///{work / 'out.db'}"
    codes = [parley(*command, "--limit", "0", "--db", db).returncode for command in (["events"], ["search", "Женева"])]
    row("10 --limit 0 for events and search", "both exit 0", f"exit {codes}", codes == [0, 0])
    mostly = (TALKS * 3).encode("utf-8")
    broken = mostly[:41] + b"\xff" + mostly[42:101] + b"\xfe" + mostly[102:]
    path = work / "broken.txt"
    path.write_bytes(broken)
    db = f"sqlite:///{work / 'enc.db'}"
    parley("ingest", str(path), "--db", db)
    rows = ledger(db)
    status = rows[0]["status"] + (f" ({rows[0]['reason']})" if rows and rows[0]["reason"] else "") if rows else "none"
    row("10 UTF-8 with two bad bytes", "read as Russian", status, bool(rows) and rows[0]["status"] == "processed")


# --- fuzz --------------------------------------------------------------------------------

def case_fuzz(cases: int) -> None:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore",
                           str(ROOT / "tests" / "test_fuzz.py")], capture_output=True, text=True,
                          env={**os.environ, "PARLEY_FUZZ_CASES": str(cases)}, cwd=ROOT)
    summary = (done.stdout.strip().splitlines() or ["no output"])[-1]
    row(f"fuzz, {cases:,} cases per target", "no exception",
        f"{summary} ({time.perf_counter() - started:.0f} s)", done.returncode == 0)


CASES = {"long": None, "inputs": case_inputs, "outputs": case_outputs, "concurrent": case_concurrent,
         "order": case_order, "server": case_server, "commands": case_commands}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(CASES), help="comma-separated cases: " + ", ".join(CASES))
    parser.add_argument("--long", default="10000,20000,40000,186000", help="sizes of the long runs, in characters")
    parser.add_argument("--long-timeout", type=float, default=300)
    parser.add_argument("--fuzz", type=int, default=0, help="run the fuzz targets with this many cases each")
    args = parser.parse_args()
    wanted = [name for name in args.only.split(",") if name]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "one.txt").write_text(TALKS + ".", encoding="utf-8")
        for name in wanted:
            if name == "long":
                case_long([int(size) for size in args.long.split(",")], args.long_timeout)
            else:
                CASES[name](work)
        if args.fuzz:
            case_fuzz(args.fuzz)
    width = max(len(case) for case, *_ in ROWS)
    expected_width = max(len(expected) for _, expected, *_ in ROWS)
    print(f"| {'case':<{width}} | {'must':<{expected_width}} | observed | held |")
    print(f"|{'-' * (width + 2)}|{'-' * (expected_width + 2)}|---|---|")
    for case, expected, observed, ok in ROWS:
        print(f"| {case:<{width}} | {expected:<{expected_width}} | {observed} | {'yes' if ok else 'NO'} |")
    return 0 if all(ok for *_, ok in ROWS) else 1


if __name__ == "__main__":
    sys.exit(main())
