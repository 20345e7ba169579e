#!/usr/bin/env python3
"""The gold meetings the cross-validated folds miss, and why.

    python bench/meeting_errors.py [--folds 5] [--quiet] [--extra]

Each fold is extracted with the decisions trained on the other folds (as bench/cv.py does) and paired
with the gold as ../shared/eval/score.py pairs it. Every gold meeting left unpaired gets a cause:
  joined  a system meeting with its people (participants' Jaccard >= 0.5) was taken by another gold
          meeting: two meetings of the same people told as one
  people  the nearest system meeting shares some people, but fewer than half
  none    no system meeting shares any of its people
Printed per missed meeting: the cause, the gold participants, date, place, status and evidence, and the
nearest system meeting. ``--extra`` also lists the system meetings paired with no gold one.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from cv import _outputs, trained_folds  # noqa: E402


def _system(meeting: dict, aliases) -> dict:
    return {**meeting, "p": {aliases.resolve(n) for n in meeting.get("participants", []) if n}}


def _pairs(score, gold: list[dict], system: list[dict]) -> list[tuple[int, int]]:
    return score.greedy_match(gold, system, lambda g, s: score.jaccard(g["p"], s["p"])
                              + score.SLOT_TIE_BREAK * sum(score.slots_ok(g, s).values()))


def _line(meeting: dict) -> str:
    place = meeting.get("place")
    place = "/".join(place) if isinstance(place, list) else place
    return (f"{sorted(meeting['p'])} date={meeting.get('date')} place={place or '-'} "
            f"status={meeting.get('status')}")


def _evidence(article, meeting: dict) -> str:
    span = meeting.get("evidence") or {}
    return article.document.text[span.get("start", 0):span.get("end", 0)][:220].replace("\n", " ")


def causes(score, gold: list[dict], system: list[dict], pairs: list[tuple[int, int]]) -> list[tuple[int, str, int | None]]:
    """(gold index, cause, nearest system index) for each unpaired gold meeting."""
    taken = {j for _, j in pairs}
    paired_gold = {i for i, _ in pairs}
    out = []
    for i, g in enumerate(gold):
        if i in paired_gold:
            continue
        near = max(range(len(system)), key=lambda j: score.jaccard(g["p"], system[j]["p"]), default=None)
        best = score.jaccard(g["p"], system[near]["p"]) if near is not None else 0.0
        if best >= score.MATCH_THRESHOLD and near in taken:
            cause = "joined"
        elif best > 0:
            cause = "people"
        else:
            cause = "none"
        out.append((i, cause, near))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--quiet", action="store_true", help="print only the counts")
    parser.add_argument("--extra", action="store_true", help="also list system meetings paired with none")
    parser.add_argument("--doc", help="only this document")
    args = parser.parse_args(argv)
    folds = trained_folds(args.folds)
    score, aliases = folds.score, folds.aliases
    tally: Counter = Counter()
    extras = 0
    for k, (held_out, model) in enumerate(folds.held_out):
        test = [a for a in folds.batch if a.gold["doc_id"] in held_out and (not args.doc or a.gold["doc_id"] == args.doc)]
        for article, output in zip(test, _outputs(test, model)):
            gold = [{"p": set(m["participants"]), **m} for m in article.gold.get("meetings", [])]
            system = [_system(m, aliases) for m in output.get("meetings", [])]
            pairs = _pairs(score, gold, system)
            found = causes(score, gold, system, pairs)
            tally.update(cause for _, cause, _ in found)
            unpaired = [j for j in range(len(system)) if j not in {s for _, s in pairs}]
            extras += len(unpaired)
            if args.quiet:
                continue
            for i, cause, near in found:
                g = gold[i]
                print(f"[{cause}] fold {k} {article.gold['doc_id']}\n  gold {_line(g)}\n"
                      f"       {g.get('evidence', '')[:220]}")
                if near is not None:
                    print(f"  near {_line(system[near])}\n       {_evidence(article, system[near])}")
            if args.extra:
                for j in unpaired:
                    print(f"[extra] fold {k} {article.gold['doc_id']}\n  sys  {_line(system[j])}\n"
                          f"       {_evidence(article, system[j])}")
    print(f"missed gold meetings: {sum(tally.values())} "
          + " ".join(f"{c}={tally[c]}" for c in ("joined", "people", "none")) + f"; system unpaired: {extras}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
