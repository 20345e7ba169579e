"""Train the meeting decisions on the annotated articles.

    python -m parley.learn.train [GOLD.jsonl ...] [-o parley/learn/data/meetings.json]

(``make model``.) Each gold article goes through the pipeline with the rules
alone; every meeting they propose is paired with the gold's meetings the way
the scorer pairs them (by participants, one to one). A proposal paired with a
gold meeting is a meeting to keep, and its gold status is the status to give.
Two logistic regressions learn those from ``parley.learn.features``. Training
is deterministic: the same gold gives the same weights.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from parley import extract, nlp, pipeline
from parley.extract.actors import find_actors
from parley.extract.meetings import meeting_candidates
from parley.ingest import read_inputs
from parley.learn.decide import using
from parley.learn.features import Features, meeting_features
from parley.learn.model import SHIPPED, MeetingModel
from parley.records import Analysis, Document

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
GOLD_FILES = ("dev.jsonl", "train.jsonl")
# Word features (``w:``) are off: in cross-validation they fitted the training folds and lost on the
# held-out one (docs/learning.md); set a count to learn words seen in at least that many proposals.
MIN_WORD_COUNT = None
KEEP_C = 0.3
STATUS_C = 1.0
KEEP_THRESHOLD = 0.5


@dataclass(frozen=True)
class Example:
    doc_id: str
    features: Features
    keep: bool
    status: str | None  # the paired gold meeting's status


@dataclass
class Article:
    """One gold article, read and analysed once."""

    gold: dict
    document: Document | None
    analysis: Analysis | None


def scorer(shared: Path = SHARED) -> ModuleType:
    """The scorer beside the project, imported as a module: training pairs meetings exactly as it does."""
    path = shared / "eval" / "score.py"
    if not path.exists():
        raise SystemExit(f"training needs {path} (and the gold beside it)")
    spec = importlib.util.spec_from_file_location("parley_gold_scorer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_gold(paths: Sequence[Path]) -> list[dict]:
    lines = []
    for path in paths:
        lines += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def articles(paths: Sequence[Path]) -> list[Article]:
    """The gold lines with their documents as Parley reads them, analysed in batches."""
    gold = {line["doc_id"]: line for line in read_gold(paths)}
    documents: dict[str, Document] = {}
    for result in read_inputs(paths):
        if result.document is not None and pipeline.screen(result.document) is None:
            documents[result.document.doc_id] = result.document
    wanted = [documents[d] for d in gold if d in documents]
    analyses = dict(zip((d.doc_id for d in wanted),
                        nlp.analyse_many([d.text for d in wanted], parse=extract.wants_parse)))
    return [Article(line, documents.get(doc_id), analyses.get(doc_id)) for doc_id, line in gold.items()]


def examples(batch: Iterable[Article], score: ModuleType, aliases) -> list[Example]:
    out = []
    for article in batch:
        if article.document is None:
            continue
        mentions = find_actors(article.document, article.analysis)
        proposed = meeting_candidates(article.document, article.analysis, mentions)
        if not proposed:
            continue
        gold = [{"p": set(m["participants"]), **m} for m in article.gold.get("meetings", [])]
        system = [{"p": {aliases.resolve(n) for n in meeting.participant_names}, "date": meeting.date,
                   "place": meeting.place, "status": meeting.status.value} for _, meeting in proposed]
        pairs = dict((j, i) for i, j in score.greedy_match(gold, system, lambda g, s: score.jaccard(g["p"], s["p"])
                                                           + score.SLOT_TIE_BREAK * sum(score.slots_ok(g, s).values())))
        for j, features in enumerate(meeting_features(article.document, article.analysis, proposed)):
            paired = pairs.get(j)
            out.append(Example(article.gold["doc_id"], features, paired is not None,
                               gold[paired]["status"] if paired is not None else None))
    return out


def _vocabulary(batch: list[Example]) -> set[str]:
    counts = Counter(name for example in batch for name in example.features)
    return {name for name, n in counts.items()
            if not name.startswith("w:") or (MIN_WORD_COUNT is not None and n >= MIN_WORD_COUNT)}


def _fit(rows: list[Features], labels: list, c: float) -> tuple[list[str], list, object]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=2000, fit_intercept=False, solver="lbfgs")
    model.fit(matrix, labels)
    return list(vectorizer.get_feature_names_out()), list(model.classes_), model


def fit(batch: list[Example], description: str = "") -> MeetingModel:
    vocabulary = _vocabulary(batch)
    rows = [{k: v for k, v in e.features.items() if k in vocabulary} for e in batch]
    names, _, keep = _fit(rows, [int(e.keep) for e in batch], KEEP_C)
    keep_weights = dict(zip(names, keep.coef_[0].tolist()))
    paired = [(row, e.status) for row, e in zip(rows, batch) if e.keep]
    names, classes, status = _fit([row for row, _ in paired], [s for _, s in paired], STATUS_C)
    if len(classes) == 2:  # a two-class fit has one row of weights: the second class's
        status_weights = {classes[1]: dict(zip(names, status.coef_[0].tolist())), classes[0]: {}}
    else:
        status_weights = {cls: dict(zip(names, row.tolist())) for cls, row in zip(classes, status.coef_)}
    digest = hashlib.sha256(json.dumps([keep_weights, status_weights], sort_keys=True).encode()).hexdigest()[:12]
    return MeetingModel(version=digest, keep_weights=keep_weights, keep_threshold=KEEP_THRESHOLD,
                        status_weights=status_weights, description=description)


def train(paths: Sequence[Path]) -> tuple[MeetingModel, int]:
    score = scorer()
    batch = articles(paths)
    aliases = score.Aliases([a.gold for a in batch])
    with using(None):
        rows = examples(batch, score, aliases)
    names = ", ".join(p.name for p in paths)
    model = fit(rows, f"trained on {len(batch)} articles ({names}), {len(rows)} proposed meetings")
    return model, len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path, help="gold files (default: dev and train beside the project)")
    parser.add_argument("-o", "--output", type=Path, default=SHIPPED)
    args = parser.parse_args(argv)
    paths = args.gold or [SHARED / "gold" / name for name in GOLD_FILES]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"gold files not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    model, count = train(paths)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(model.to_json(), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                           encoding="utf-8")
    print(f"wrote {args.output} (version {model.version}, {count} proposed meetings)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
