"""``parley batch`` on a real LocalCluster (two single-threaded worker processes), and ``parley load``."""
from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from parley.batch import run_batch
from parley.batch.output import OutputFolder, part_name
from parley.batch.rows import extraction_row, row_contract, row_extraction
from parley.cli import app
from parley.relevance import NO_NEGOTIATION_CONTENT

ARTICLES = [
    {"doc_id": "talks-geneva", "published": "2026-02-17",
     "text": "ЖЕНЕВА, 17 февраля. Делегации России и Украины начали в Женеве новый раунд переговоров. "
             "Российскую группу возглавил Владимир Мединский, украинскую — Рустем Умеров."},
    {"doc_id": "call-planned", "published": "2026-01-20",
     "text": "Дональд Трамп заявил, что на следующей неделе проведет телефонный разговор с Владимиром Путиным. "
             "«Нам есть что обсудить, и я думаю, что разговор будет хорошим», — сказал он журналистам."},
    {"doc_id": "weather", "published": "2026-01-21",
     "text": "Синоптики обещают в выходные мокрый снег и сильный ветер. "
             "Температура днем опустится до минус трех градусов, ночью до минус восьми."},
    {"doc_id": "visit-ankara", "published": "2026-03-02",
     "text": "Министр иностранных дел Украины Андрий Сибига прибыл в Анкару. "
             "Там он встретится с главой турецкого МИД Хаканом Фиданом."},
    {"doc_id": "envoy-moscow", "published": "2025-12-02",
     "text": "Спецпосланник президента США Стив Уиткофф прилетел в Москву. "
             "В Кремле его принял Владимир Путин, встреча продлилась около пяти часов."},
]
BROKEN_LINE = '{"doc_id": "broken", "text": '
PARTITION_SIZE = 3


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch-in")
    path = folder / "news.jsonl"
    lines = [json.dumps(a, ensure_ascii=False) for a in ARTICLES[:3]] + [BROKEN_LINE]
    lines += [json.dumps(a, ensure_ascii=False) for a in ARTICLES[3:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def job(inputs, tmp_path_factory):
    """One batch run over the inputs: (summary, output folder)."""
    out = tmp_path_factory.mktemp("batch-out") / "out"
    summary = run_batch([inputs], out, workers=2, partition_size=PARTITION_SIZE)
    return summary, out


def _ledger(out) -> list[dict]:
    folder = OutputFolder(out)
    return [row for i in folder.partition_indexes() for row in folder.ledger_rows(i)]


def test_batch_writes_every_partition_and_a_complete_manifest(job):
    summary, out = job
    expected = -(-(len(ARTICLES) + 1) // PARTITION_SIZE)  # the broken line is an input too
    for index in range(expected):
        assert (out / "extractions" / part_name(index)).exists()
        assert (out / "ledger" / part_name(index)).exists()
    manifest = OutputFolder(out).manifest()
    assert manifest.complete and len(manifest.finished) == expected
    assert (summary.processed, summary.skipped, summary.failed) == (4, 1, 1)
    assert not list(out.rglob("*.tmp"))


def test_batch_loads_models_once_per_worker(job):
    summary, _ = job
    assert summary.workers == 2
    assert summary.model_loads and set(summary.model_loads.values()) == {1}


def test_batch_matches_parley_extract(job, inputs, tmp_path, models):
    _, out = job
    extracted = tmp_path / "extract.jsonl"
    CliRunner().invoke(app, ["extract", str(inputs), "-o", str(extracted)])
    expected = [json.loads(line) for line in extracted.read_text(encoding="utf-8").splitlines()]
    got = [row_contract(row) for row in OutputFolder(out).all_extraction_rows()]
    assert got == expected


@pytest.mark.parametrize(
    "doc_id, status, reason",
    [
        ("talks-geneva", "processed", ""),
        ("weather", "skipped", NO_NEGOTIATION_CONTENT),
        (None, "failed", "broken JSON"),
    ],
)
def test_batch_ledger_accounts_for_every_input(job, doc_id, status, reason):
    _, out = job
    ledger = _ledger(out)
    assert len(ledger) == len(ARTICLES) + 1
    rows = [r for r in ledger if r["doc_id"] == doc_id and r["status"] == status]
    assert rows and reason in rows[0]["reason"]


def test_batch_rerun_skips_finished_partitions(job, inputs):
    summary, out = job
    again = run_batch([inputs], out, workers=2, partition_size=PARTITION_SIZE)
    assert again.partitions == 0 and again.resumed == len(OutputFolder(out).manifest().finished)
    assert (again.processed, again.skipped, again.failed) == (summary.processed, summary.skipped, summary.failed)
    assert again.workers == 0  # nothing left to do: no cluster was started


def test_batch_rerun_redoes_only_an_unfinished_partition(inputs, tmp_path):
    out = tmp_path / "out"
    first = run_batch([inputs], out, workers=1, partition_size=PARTITION_SIZE)
    (out / "ledger" / part_name(1)).unlink()  # as if the job was killed while writing partition 1
    (out / "ledger" / f".{part_name(1)}.x1.tmp").write_bytes(b"half a file")
    before = (out / "extractions" / part_name(0)).stat().st_mtime_ns
    again = run_batch([inputs], out, workers=1, partition_size=PARTITION_SIZE)
    assert (again.partitions, again.resumed) == (1, first.partitions - 1)
    assert (out / "extractions" / part_name(0)).stat().st_mtime_ns == before
    assert (out / "ledger" / part_name(1)).exists()
    assert not list(out.rglob("*.tmp"))


def test_batch_reads_parquet_input(tmp_path):
    source = tmp_path / "news.parquet"
    pq.write_table(pa.Table.from_pylist([{**a, "annotation": "never read"} for a in ARTICLES[:2]]), source)
    summary = run_batch([source], tmp_path / "out", workers=1, partition_size=10)
    assert (summary.processed, summary.failed) == (2, 0)
    rows = list(OutputFolder(tmp_path / "out").all_extraction_rows())
    assert [r["doc_id"] for r in rows] == ["talks-geneva", "call-planned"]
    assert "annotation" not in rows[0]


def test_batch_refuses_an_output_folder_of_another_job(job, inputs):
    from parley.errors import InputError

    _, out = job
    with pytest.raises(InputError):
        run_batch([inputs], out, workers=1, partition_size=PARTITION_SIZE + 1)


@pytest.mark.parametrize("article", ARTICLES, ids=[a["doc_id"] for a in ARTICLES])
def test_batch_row_round_trips_the_extraction(models, article):
    from parley import pipeline
    from parley.records import Document

    extraction = pipeline.process(Document(doc_id=article["doc_id"], text=article["text"], source="x:1"))
    assert row_extraction(extraction_row(extraction)) == extraction


def test_batch_load_stores_documents_ledger_and_events(job, tmp_path):
    from parley.batch.load import load
    from parley.store import Store

    _, out = job
    with Store.open(f"sqlite:///{tmp_path / 'parley.db'}") as store:
        summary = load(store, out)
        assert (summary.processed, summary.skipped, summary.failed) == (4, 1, 1)
        assert summary.stored == 4
        assert {e.source: e.status.value for e in store.ledger()} == {r["source"]: r["status"] for r in _ledger(out)}
        assert store.document("talks-geneva").text == ARTICLES[0]["text"]
        again = load(store, out)  # loading twice changes nothing
        assert (again.processed, again.stored) == (4, 0)


def test_batch_runs_on_a_scheduler_address(inputs, tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        summary = run_batch([inputs], tmp_path / "out", scheduler=cluster.scheduler_address,
                            partition_size=PARTITION_SIZE)
        assert (summary.processed, summary.skipped, summary.failed) == (4, 1, 1)
        assert summary.workers == 1 and set(summary.model_loads.values()) == {1}
        assert len(cluster.scheduler_info["workers"]) == 1  # the job leaves a cluster it did not start running


def test_batch_command_and_load_command(inputs, tmp_path):
    out, db = tmp_path / "out", f"sqlite:///{tmp_path / 'cli.db'}"
    batch = CliRunner().invoke(app, ["batch", str(inputs), "-o", str(out), "--workers", "1",
                                     "--partition-size", "10"])
    assert batch.exit_code == 1, batch.output  # the broken line failed
    assert "processed 4, skipped 1, failed 1" in batch.output
    assert "models loaded once in each of 1 worker" in batch.output
    load = CliRunner().invoke(app, ["load", str(out), "--db", db])
    assert load.exit_code == 1, load.output
    assert "processed 4 (4 stored now), skipped 1, failed 1" in load.output
