"""`parley ingest` killed mid-run leaves a consistent database; running it again finishes the job."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from parley.store import Store
from test_store_interrupt import _consistent

ARTICLES = 120
PEOPLE = [("Стив Уиткофф", "Кирилл Дмитриев"), ("Рустем Умеров", "Дэн Дрисколл"), ("Марко Рубио", "Сергей Лавров")]
PLACES = ["Женеве", "Абу-Даби", "Майами", "Стамбуле"]


def _write_articles(folder: Path) -> None:
    for n in range(ARTICLES):
        first, second = PEOPLE[n % len(PEOPLE)]
        place = PLACES[n % len(PLACES)]
        day = 1 + n % 28
        (folder / f"a{n:03d}.txt").write_text(
            f" date 2026-02-{day:02d}\n"
            f"Переговоры в {place}, выпуск {n}\n\n"
            f"{first} и {second} провели переговоры в {place} {day} февраля. "
            f"Стороны обсудили прекращение огня и обмен пленными, сообщили участники встречи. "
            f"Следующий раунд консультаций может пройти через неделю, номер сводки {n}.\n",
            encoding="utf-8")


def _extracted(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM documents WHERE extraction_hash IS NOT NULL").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_store_killed_ingest_is_consistent_and_resumes(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    _write_articles(inputs)
    db = tmp_path / "ingest.db"
    url = f"sqlite:///{db}"
    parley = [sys.executable, "-c", "from parley.cli import app; app()"]
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    child = subprocess.Popen([*parley, "ingest", str(inputs), "--db", url], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _extracted(db) < 10 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if child.poll() is not None:
        pytest.skip("ingest finished before it could be interrupted")
    child.send_signal(signal.SIGKILL)
    child.wait()
    with Store.open(url) as store:
        done, _ = _consistent(store, meetings_per_document=None)
    assert 10 <= done < ARTICLES
    rerun = subprocess.run([*parley, "ingest", str(inputs), "--db", url], env=env, capture_output=True,
                           text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with Store.open(url) as store:
        assert _consistent(store, meetings_per_document=None)[0] == ARTICLES
        ledger = store.ledger()
        assert len(ledger) == ARTICLES and {e.status.value for e in ledger} == {"processed"}
        assert store.counts()["documents"] == ARTICLES
        assert store.events()  # fused after the rerun
