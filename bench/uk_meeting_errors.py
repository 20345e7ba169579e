#!/usr/bin/env python3
"""The Ukrainian gold meetings missed, added or given a wrong slot, each with the gloss Parley read.

    python bench/uk_meeting_errors.py [--doc ID] [--slots] [--extra] [--quiet]

Every article of ../shared/gold/dev_uk.jsonl goes through the Ukrainian pipeline
with the rules alone (bench/cv_uk.py shows the trained decisions change nothing
there), and its meetings are paired with the gold as ../shared/eval/score.py
pairs them. Printed per missed gold meeting: its participants, date, place,
status, the gold evidence and the gloss of that evidence, so a miss can be told
apart as a gloss defect (a Ukrainian word rendered wrongly) or a gap of the
Russian extractors (the gloss reads well and still yields nothing).
``--slots`` adds paired meetings with a wrong date, place or status;
``--extra`` the system meetings paired with none.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from cv_uk import UKRAINIAN_GOLD, outputs, ukrainian_articles  # noqa: E402
from meeting_errors import _line, _pairs, _system, causes  # noqa: E402

from parley.learn import train  # noqa: E402


def _gloss_of(glossed, evidence: str) -> str:
    """The gloss of the gold evidence (found in the Ukrainian text), or "" when it is not found."""
    if glossed is None or not evidence:
        return ""
    original, read, word_map = glossed
    at = original.text.find(evidence.strip()[:60])
    if at < 0:
        return ""
    stop = at + len(evidence.strip())
    inside = [w for w in word_map.words if at <= w.start < stop]
    if not inside:
        return ""
    return read.text[inside[0].gloss_start:inside[-1].gloss_stop].replace("\n", " ")


def _system_text(glossed, meeting: dict) -> str:
    span = meeting.get("evidence") or {}
    if glossed is None:
        return ""
    return glossed[0].text[span.get("start", 0):span.get("end", 0)][:220].replace("\n", " ")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--doc", help="only this document")
    parser.add_argument("--slots", action="store_true", help="also list paired meetings with a wrong slot")
    parser.add_argument("--extra", action="store_true", help="also list system meetings paired with none")
    parser.add_argument("--quiet", action="store_true", help="print only the counts")
    args = parser.parse_args(argv)
    score = train.scorer()
    batch, glossed = ukrainian_articles(train.SHARED / "gold" / UKRAINIAN_GOLD)
    batch = [a for a in batch if not args.doc or a.gold["doc_id"] == args.doc]
    aliases = score.Aliases([a.gold for a in batch])
    tally: Counter = Counter()
    for article, output in zip(batch, outputs(batch, glossed, None)):
        doc_id = article.gold["doc_id"]
        doc = glossed.get(doc_id)
        gold = [{"p": set(m["participants"]), **m} for m in article.gold.get("meetings", [])]
        system = [_system(m, aliases) for m in output.get("meetings", [])]
        pairs = _pairs(score, gold, system)
        found = causes(score, gold, system, pairs)
        tally.update(cause for _, cause, _ in found)
        for i, j in pairs:
            wrong = [k for k, ok in score.slots_ok(gold[i], system[j]).items() if not ok]
            tally.update(f"slot {k}" for k in wrong)
            if args.slots and wrong and not args.quiet:
                print(f"[slot {'/'.join(wrong)}] {doc_id} (published {article.gold.get('published')})\n"
                      f"  gold {_line(gold[i])}\n       {gold[i].get('evidence', '')[:220]}\n"
                      f"  gloss {_gloss_of(doc, gold[i].get('evidence', ''))[:220]}\n"
                      f"  sys  {_line(system[j])}\n       {_system_text(doc, system[j])}")
        unpaired = [j for j in range(len(system)) if j not in {s for _, s in pairs}]
        tally["extra"] += len(unpaired)
        if args.quiet:
            continue
        for i, cause, near in found:
            g = gold[i]
            print(f"[{cause}] {doc_id} (published {article.gold.get('published')})\n  gold {_line(g)}\n"
                  f"       {g.get('evidence', '')[:220]}\n  gloss {_gloss_of(doc, g.get('evidence', ''))[:220]}")
            if near is not None:
                print(f"  near {_line(system[near])}\n       {_system_text(doc, system[near])}")
        if args.extra:
            for j in unpaired:
                print(f"[extra] {doc_id}\n  sys  {_line(system[j])}\n       {_system_text(doc, system[j])}")
    print("counts: " + " ".join(f"{k}={v}" for k, v in sorted(tally.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
