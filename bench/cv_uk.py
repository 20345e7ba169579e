#!/usr/bin/env python3
"""Cross-validated quality on the Ukrainian articles: 5 folds by document over dev_uk.

    python bench/cv_uk.py [--folds 5] [--json]

For each fold of ../shared/gold/dev_uk.jsonl (a fixed shuffle, as bench/cv.py
splits), the meeting decisions are trained on the Russian gold (dev and train)
and on the other Ukrainian folds, read through their gloss; the fold's articles
go through the Ukrainian pipeline (gloss, extraction with that model, facts put
back on the Ukrainian text) and are scored with ../shared/eval/score.py.
Printed beside them: the same folds with the shipped model (trained on the
Russian gold alone, so these articles are unseen by it) and with the rules alone.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from cv import _score, folds_of  # noqa: E402

from parley import extract, nlp, ukrainian  # noqa: E402
from parley.contract import to_contract  # noqa: E402
from parley.ingest import read_inputs  # noqa: E402
from parley.learn import train  # noqa: E402
from parley.learn.decide import using  # noqa: E402
from parley.learn.model import shipped  # noqa: E402
from parley.relevance import screen  # noqa: E402

UKRAINIAN_GOLD = "dev_uk.jsonl"
KINDS = ("trained with the other folds", "shipped model", "rules alone")


def ukrainian_articles(path: Path) -> tuple[list[train.Article], dict]:
    """Each Ukrainian gold article with the gloss Parley reads (as a training article) and what restores it."""
    gold = {line["doc_id"]: line for line in train.read_gold([path])}
    glossed = {}
    for result in read_inputs([path]):
        document = result.document
        if document is not None and document.lang == "uk":
            read, word_map = ukrainian.gloss_document(document)
            if screen(read.text) is None:
                glossed[document.doc_id] = (document, read, word_map)
    wanted = [glossed[d] for d in gold if d in glossed]
    analyses = dict(zip((original.doc_id for original, _, _ in wanted),
                        nlp.analyse_many([read.text for _, read, _ in wanted], parse=extract.wants_parse)))
    batch = [train.Article(line, glossed[d][1] if d in glossed else None, analyses.get(d)) for d, line in gold.items()]
    return batch, glossed


def outputs(batch: list[train.Article], glossed: dict, model) -> list[dict]:
    lines = []
    with using(model):
        for article in batch:
            doc_id = article.gold["doc_id"]
            if article.document is None:
                lines.append({"doc_id": doc_id, "meetings": [], "quotes": [], "roles": [], "actors": []})
                continue
            original, _, word_map = glossed[doc_id]
            found = extract.extract(article.document, article.analysis)
            lines.append(to_contract(ukrainian.restore(found, word_map, original)))
    return lines


def cross_validate(count: int) -> dict:
    score = train.scorer()
    russian = train.articles([train.SHARED / "gold" / name for name in train.GOLD_FILES])
    batch, glossed = ukrainian_articles(train.SHARED / "gold" / UKRAINIAN_GOLD)
    aliases = score.Aliases([a.gold for a in russian + batch])
    with using(None):
        russian_examples = train.examples(russian, score, aliases)
        ukrainian_examples = train.examples(batch, score, aliases)
    folds = folds_of([a.gold["doc_id"] for a in batch], count)
    result: dict = {"folds": [], "documents": len(batch)}
    with tempfile.TemporaryDirectory() as tmp:
        for k, held_out in enumerate(folds):
            model = train.fit(russian_examples + [e for e in ukrainian_examples if e.doc_id not in held_out])
            test = [a for a in batch if a.gold["doc_id"] in held_out]
            gold = [a.gold for a in test]
            fold = {"documents": len(test)}
            for kind, chosen in zip(KINDS, (model, shipped(), None)):
                fold[kind] = _score(gold, outputs(test, glossed, chosen), Path(tmp), f"fold{k}-{KINDS.index(kind)}")
            result["folds"].append(fold)
    for kind in KINDS:
        result[f"mean: {kind}"] = {m: round(statistics.mean(f[kind][m] for f in result["folds"]), 4)
                                   for m in result["folds"][0][kind]}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not (train.SHARED / "gold" / UKRAINIAN_GOLD).exists():
        print(f"cross-validation skipped: {train.SHARED / 'gold' / UKRAINIAN_GOLD} is absent")
        return 0
    result = cross_validate(args.folds)
    if args.json:
        print(json.dumps(result, indent=2, sort_keys=True))
        return 0
    measures = list(result[f"mean: {KINDS[0]}"])
    print(f"{args.folds}-fold cross-validation by document over {result['documents']} Ukrainian articles (F1)")
    print(f"{'':30}" + "".join(f"{m:>17}" for m in measures))
    for kind in KINDS:
        print(f"{'mean, ' + kind:30}" + "".join(f"{result['mean: ' + kind][m]:17.3f}" for m in measures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
