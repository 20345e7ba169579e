#!/usr/bin/env python3
"""Topics and assessments, measured honestly: 5-fold cross-validation by document.

    python bench/talks_cv.py [--json]

Over ../shared/gold/dev.jsonl + train.jsonl, the documents are dealt into five
folds (a fixed shuffle); for each fold the topic and assessment models are
trained on the other four (``parley.extract.talks.train.fit``) and the fold is
scored with ../shared/eval/score.py. Reported per fold and as the mean, for
topics, assessments, topics_by_doc and assessments_by_doc (meetings beside
them, since topics and assessments count only on paired meetings). Then dev:
trained on train.jsonl alone, and with the shipped model (which saw dev).
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from parley.contract import to_contract
from parley.extract.talks import train
from parley.extract.talks.model import shipped

FOLDS = 5
SEED = 11
MEASURES = ("topics", "assessments", "topics_by_doc", "assessments_by_doc", "meetings")


def score_file(samples, extractions, workdir: Path, name: str) -> dict[str, float]:
    gold, system = workdir / f"{name}-gold.jsonl", workdir / f"{name}-system.jsonl"
    gold.write_text("".join(json.dumps(s.gold, ensure_ascii=False) + "\n" for s in samples), encoding="utf-8")
    system.write_text("".join(json.dumps(to_contract(e), ensure_ascii=False) + "\n" for e in extractions),
                      encoding="utf-8")
    report = subprocess.run([sys.executable, str(train.SHARED / "eval" / "score.py"), str(gold), str(system),
                             "--json"], check=True, capture_output=True, text=True)
    data = json.loads(report.stdout)
    return {k: data[k]["f1"] for k in MEASURES}


def folds(samples) -> list[list[int]]:
    order = sorted(range(len(samples)), key=lambda n: samples[n].gold["doc_id"])
    random.Random(SEED).shuffle(order)
    return [sorted(order[k::FOLDS]) for k in range(FOLDS)]


def cross_validate(regularisation: tuple[float, float] = train.REGULARISATION) -> dict[str, dict[str, float]]:
    """Figures per fold, their mean, and dev (trained on train; the shipped model)."""
    score = train.scorer()
    dev_path, train_path = train.DEFAULT_GOLD
    dev = train.corpus([dev_path])
    rest = train.corpus([train_path])
    samples = dev + rest
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for k, held in enumerate(folds(samples)):
            held_set = set(held)
            model = train.fit([s for n, s in enumerate(samples) if n not in held_set], score,
                              regularisation=regularisation)
            out = [train.with_talks(samples[n], model) for n in held]
            results[f"fold {k + 1}"] = score_file([samples[n] for n in held], out, Path(tmp), f"fold{k}")
        results["mean"] = {m: round(sum(results[f"fold {k + 1}"][m] for k in range(FOLDS)) / FOLDS, 4)
                           for m in MEASURES}
        model = train.fit(rest, score, regularisation=regularisation)
        results["dev, trained on train"] = score_file(dev, [train.with_talks(s, model) for s in dev], Path(tmp), "dev")
        results["dev, shipped model"] = score_file(dev, [train.with_talks(s, shipped()) for s in dev], Path(tmp),
                                                   "devship")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--regularisation", type=float, nargs=2, default=train.REGULARISATION,
                        metavar=("TOPICS_C", "ASSESSMENTS_C"),
                        help="the logistic regressions' C (default: those training uses)")
    args = parser.parse_args(argv)
    if not (train.SHARED / "eval" / "score.py").exists():
        print(f"skipped: {train.SHARED} (gold and scorer) is absent")
        return 0
    results = cross_validate(tuple(args.regularisation))
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{'':24}" + "".join(f"{m:>20}" for m in MEASURES))
    for name, figures in results.items():
        print(f"{name:24}" + "".join(f"{figures[m]:20.3f}" for m in MEASURES))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
