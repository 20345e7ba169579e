#!/usr/bin/env python3
"""Cross-validated quality: 5 folds by document over the annotated articles.

    python bench/cv.py [--folds 5] [--json] [--out FILE]

The articles of ../shared/gold/dev.jsonl and train.jsonl are split into folds
by document (a fixed shuffle). For each fold the meeting decisions are trained
on the other folds, the fold's articles are extracted with that model and
scored with ../shared/eval/score.py. Printed: each fold, the mean over folds,
and the same for the rules alone (no trained decision), so the figures say what
the learning adds on articles it never saw.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from parley import extract  # noqa: E402
from parley.contract import to_contract  # noqa: E402
from parley.learn import train  # noqa: E402
from parley.learn.decide import using  # noqa: E402
from parley.records import Document, Extraction  # noqa: E402

# Topics and assessments are cross-validated by bench/talks_cv.py, which retrains their models per fold;
# here they would be scored by the shipped talks model, which saw every fold.
MEASURES = ("meetings", "meetings_strict", "quotes", "roles")
SEED = 20260201


def folds_of(doc_ids: list[str], count: int) -> list[set[str]]:
    order = sorted(doc_ids)
    random.Random(SEED).shuffle(order)
    return [set(order[k::count]) for k in range(count)]


@dataclass(frozen=True)
class Folds:
    """The gold articles with the scorer, and per fold the held-out documents with a model trained on the rest."""
    batch: list[train.Article]
    score: ModuleType
    aliases: object
    held_out: list[tuple[set[str], dict]]  # (held-out doc ids, meeting model trained without them)


def trained_folds(count: int) -> Folds:
    batch = train.articles([train.SHARED / "gold" / name for name in train.GOLD_FILES])
    score = train.scorer()
    aliases = score.Aliases([a.gold for a in batch])
    with using(None):
        examples = train.examples(batch, score, aliases)
    held_out = [(ids, train.fit([e for e in examples if e.doc_id not in ids]))
                for ids in folds_of([a.gold["doc_id"] for a in batch], count)]
    return Folds(batch, score, aliases, held_out)


def _outputs(batch: list[train.Article], model) -> list[dict]:
    lines = []
    with using(model):
        for article in batch:
            if article.document is None:
                lines.append({"doc_id": article.gold["doc_id"], "meetings": [], "quotes": [], "roles": [],
                              "actors": []})
                continue
            lines.append(to_contract(extract.extract(article.document, article.analysis)))
    return lines


def _score(gold: list[dict], system: list[dict], workdir: Path, name: str) -> dict[str, float]:
    gold_file, system_file = workdir / f"{name}-gold.jsonl", workdir / f"{name}-system.jsonl"
    gold_file.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
    system_file.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in system), encoding="utf-8")
    report = subprocess.run([sys.executable, str(train.SHARED / "eval" / "score.py"), str(gold_file),
                             str(system_file), "--json"], check=True, capture_output=True, text=True)
    data = json.loads(report.stdout)
    return {m: data[m]["f1"] for m in MEASURES if m in data}


def cross_validate(count: int = 5) -> dict:
    folds = trained_folds(count)
    result: dict = {"folds": [], "documents": len(folds.batch)}
    with tempfile.TemporaryDirectory() as tmp:
        for k, (held_out, model) in enumerate(folds.held_out):
            test = [a for a in folds.batch if a.gold["doc_id"] in held_out]
            gold = [a.gold for a in test]
            learned = _score(gold, _outputs(test, model), Path(tmp), f"fold{k}")
            rules = _score(gold, _outputs(test, None), Path(tmp), f"fold{k}-rules")
            result["folds"].append({"documents": len(test), "learned": learned, "rules": rules})
    for kind in ("learned", "rules"):
        result[f"mean_{kind}"] = {m: round(statistics.mean(f[kind][m] for f in result["folds"]), 4)
                                  for m in result["folds"][0][kind]}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--out", type=Path, help="also write the JSON figures here")
    args = parser.parse_args(argv)
    if not (train.SHARED / "eval" / "score.py").exists():
        print(f"cross-validation skipped: {train.SHARED} (gold and scorer) is absent")
        return 0
    result = cross_validate(args.folds)
    if args.out:
        args.out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n")
    if args.json:
        print(json.dumps(result, indent=2, sort_keys=True))
        return 0
    measures = list(result["mean_learned"])
    print(f"{args.folds}-fold cross-validation by document over {result['documents']} articles (F1)")
    print(f"{'fold':10}" + "".join(f"{m:>17}" for m in measures))
    for k, fold in enumerate(result["folds"]):
        for kind in ("learned", "rules"):
            print(f"{k} {kind:8}" + "".join(f"{fold[kind][m]:17.3f}" for m in measures))
    for kind in ("learned", "rules"):
        print(f"mean {kind:5}" + "".join(f"{result['mean_' + kind][m]:17.3f}" for m in measures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
