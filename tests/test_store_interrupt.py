"""A writer killed mid-run leaves a consistent database, and running it again resumes (one transaction per document)."""
from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from parley.store import Store
from parley.store import schema as t

TESTS = Path(__file__).resolve().parent
DOCUMENTS = 150

WRITER = f"""
import sys
sys.path.insert(0, {str(TESTS)!r})
from parley.store import Store
from test_store_fixtures import meeting_report
with Store.open(sys.argv[1]) as store:
    for n in range({DOCUMENTS}):
        extraction = meeting_report(f"doc{{n:04d}}", f"Уиткофф и Дмитриев встретились в Майами, раунд {{n}}. Итоги обсудят.",
                                    "2026-01-20", ["witkoff", "dmitriev"], "held", "2026-01-20", "Майами")
        if store.find_document_by_hash(extraction.document.content_hash):
            continue
        store.save_document(extraction.document)
        store.save_extraction(extraction)
        print(n, flush=True)
"""


def _consistent(store: Store, meetings_per_document: int | None = 1) -> tuple[int, int]:
    """Every document is stored whole or not at all: (documents with their facts, meetings)."""
    with store.engine.connect() as conn:
        extracted = conn.scalar(select(func.count()).select_from(t.documents)
                                .where(t.documents.c.extraction_hash.is_not(None)))
        meetings = conn.scalar(select(func.count()).select_from(t.meetings))
        orphans = conn.scalar(select(func.count()).select_from(t.meeting_participants).where(
            t.meeting_participants.c.meeting_id.not_in(select(t.meetings.c.id))))
        facts_without_extraction = conn.scalar(select(func.count()).select_from(t.meetings).join(
            t.documents, t.documents.c.doc_id == t.meetings.c.doc_id).where(t.documents.c.extraction_hash.is_(None)))
    assert orphans == 0 and facts_without_extraction == 0
    if meetings_per_document is not None:  # never half a document
        assert meetings == extracted * meetings_per_document
    return extracted, meetings


def test_store_killed_writer_leaves_consistent_db_and_resumes(tmp_path):
    url = f"sqlite:///{tmp_path / 'killed.db'}"
    Store.open(url).close()  # schema first, so the child spends its time writing
    child = subprocess.Popen([sys.executable, "-c", WRITER, url], stdout=subprocess.PIPE, text=True)
    for _ in range(20):  # let it write some documents, then kill it without warning
        child.stdout.readline()
    child.send_signal(signal.SIGKILL)
    child.wait()
    with Store.open(url) as store:
        done, _ = _consistent(store)
    assert 20 <= done < DOCUMENTS
    finished = subprocess.run([sys.executable, "-c", WRITER, url], capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    assert int(finished.stdout.split()[0]) == done  # resumes where the killed run stopped
    with Store.open(url) as store:
        assert _consistent(store) == (DOCUMENTS, DOCUMENTS)
        assert store.counts()["documents"] == DOCUMENTS
