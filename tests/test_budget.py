"""The time and memory budget of one piece of work, and the pipeline's use of it."""
import threading
import time

import pytest

from parley import pipeline
from parley.budget import Budget, OverBudget
from parley.records import Document


def _spin(seconds: float) -> None:
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        pass


def test_work_past_its_time_is_stopped_with_the_reason():
    started = time.monotonic()
    with pytest.raises(OverBudget, match="over the time budget: the test work took more than 0.2 s"):
        with Budget(seconds=0.2, megabytes=0).watch("the test work"):
            _spin(10)
    assert time.monotonic() - started < 3


def test_work_growing_memory_past_its_budget_is_stopped():
    hoard = []
    with pytest.raises(OverBudget, match="over the memory budget"):
        with Budget(seconds=0, megabytes=50).watch("the test work"):
            for _ in range(400):  # up to 400 MB, in steps, so the watchdog sees it grow
                hoard.append(bytearray(2**20))
                time.sleep(0.002)
    assert len(hoard) < 400
    hoard.clear()


def test_work_within_budget_runs_to_its_end_and_nothing_fires_later():
    with Budget(seconds=1, megabytes=500).watch():
        _spin(0.05)
    _spin(1.3)  # past the deadline the work had: no late exception


def test_a_budget_in_one_thread_leaves_other_threads_alone():
    outcome = {}

    def slow():
        try:
            with Budget(seconds=0.2, megabytes=0).watch():
                _spin(5)
        except OverBudget as error:
            outcome["slow"] = str(error)

    def fast():
        with Budget(seconds=5, megabytes=0).watch():
            _spin(0.6)
        outcome["fast"] = "done"

    threads = [threading.Thread(target=slow), threading.Thread(target=fast)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcome["fast"] == "done" and "time budget" in outcome["slow"]


def test_pipeline_fails_a_document_over_its_budget_and_goes_on(models, monkeypatch):
    real_extract = pipeline.extract.extract

    def extract(document, analysis):
        if document.doc_id == "slow":
            _spin(10)
        return real_extract(document, analysis)

    monkeypatch.setattr(pipeline.extract, "extract", extract)
    text = "Вчера в Женеве Марко Рубио встретился с Андрием Сибигой."
    docs = [Document("a", text), Document("slow", text), Document("c", text)]
    out = list(pipeline.process_many(docs, budget=Budget(seconds=0.5, megabytes=0)))
    assert [type(o).__name__ for o in out] == ["Extraction", "Failure", "Extraction"]
    assert out[1].document.doc_id == "slow" and "time budget" in out[1].reason
    assert out[2].meetings


def test_ingest_ledgers_a_document_over_budget_as_failed(models, monkeypatch, tmp_path):
    from parley.ingest.run import ingest
    from parley.store import Store

    monkeypatch.setenv("PARLEY_DOCUMENT_SECONDS", "1")
    real_extract = pipeline.extract.extract

    def extract(document, analysis):
        if "Анкоридже" in document.text:
            _spin(10)
        return real_extract(document, analysis)

    monkeypatch.setattr(pipeline.extract, "extract", extract)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Путин встретился с Трампом в Анкоридже, сообщил Ушаков.")
    (tmp_path / "in" / "b.txt").write_text("Вчера в Женеве Марко Рубио встретился с Андрием Сибигой.")
    with Store.open(f"sqlite:///{tmp_path / 'p.db'}") as store:
        summary = ingest(store, [tmp_path / "in"])
        rows = {entry.source.rsplit("/", 1)[-1]: entry for entry in store.ledger()}
    assert summary.failed == 1 and summary.new_documents == 1
    assert rows["a.txt"].status.value == "failed" and "time budget" in rows["a.txt"].reason
    assert rows["b.txt"].status.value == "processed"


def test_a_text_repeating_one_meeting_costs_linear_work_in_merging(models, monkeypatch):
    """Counted, not timed: the agreement checks grow with the mentions, not with their square."""
    import importlib

    merge = importlib.import_module("parley.extract.meetings.merge")
    calls = []
    real = merge.parties_agree
    monkeypatch.setattr(merge, "parties_agree", lambda a, b: calls.append(1) or real(a, b))
    counts = []
    for lines in (40, 160):
        calls.clear()
        pipeline.process(Document("r", "Путин встретился с Трампом в Анкоридже.\n" * lines))
        counts.append(len(calls))
    assert counts[1] <= 6 * max(counts[0], 1)  # four times the text: at most about four times the checks
