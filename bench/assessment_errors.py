#!/usr/bin/env python3
"""The assessments the cross-validated folds miss or add, and why.

    python bench/assessment_errors.py [--quiet] [--doc DOC_ID]

Each fold is decided with the talks model trained on the other four (as bench/talks_cv.py does), its
meetings paired with the gold's as ../shared/eval/score.py pairs them. Every gold assessment not given
gets a cause:
  unpaired   its meeting pairs with no system meeting
  no-judge   no candidate on the paired meeting names that judge
  tone       a candidate names the judge, but none with that tone
  dropped    a candidate with that judge and tone was scored below the threshold or lost to another
and every assessment given wrongly one:
  unpaired   its meeting pairs with no gold meeting
  judge      the gold meeting has no assessment by that judge
  tone       the gold gives that judge another tone
Printed per error: the cause, the document, judge and tone, the gold evidence or the candidate's words,
and for each candidate of that meeting and judge its probability (a '+' marks a true one).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from talks_cv import folds  # noqa: E402

from parley.extract.talks import train  # noqa: E402
from parley.extract.talks.assessments import choose_assessments  # noqa: E402


def _words(sample, start: int, stop: int, around: int = 60) -> str:
    text = sample.analysis.text
    return (text[max(0, start - around):start] + "[" + text[start:stop] + "]"
            + text[stop:stop + around]).replace("\n", " ")


def _candidates_line(sample, model, candidates, judge: str, aliases, truth: set) -> str:
    rows = []
    for c in candidates:
        if aliases.resolve(c.judge_name) != judge:
            continue
        p = model.assessments.probability(c.features)
        mark = "+" if (judge, c.tone.value) in truth else " "
        rows.append(f"    {mark}{p:.2f} {c.tone.value:8} {_words(sample, c.start, c.stop, 30)}")
    return "\n".join(rows)


def errors_of(sample, model, score, aliases, gold_of: dict[int, dict]) -> list[tuple[str, str, str]]:
    """(kind, cause, text) for each assessment missed ('miss') or given wrongly ('extra')."""
    meetings = sample.extraction.meetings
    chosen = choose_assessments(sample.assessments, model.assessments, len(meetings))
    out = []
    paired_gold = {id(g) for g in gold_of.values()}
    for g in sample.gold.get("meetings", []):
        if id(g) not in paired_gold:
            for by, tone in sorted(score.judgements_of(g, aliases)):
                out.append(("miss", "unpaired", f"{by} {tone}: {_gold_evidence(g, by)}"))
    for k in range(len(meetings)):
        g = gold_of.get(k)
        truth = score.judgements_of(g, aliases) if g is not None else set()
        got = {(aliases.resolve(a.judge_name), a.tone.value) for a in chosen[k]}
        mine = [c for c in sample.assessments if c.meeting == k]
        for by, tone in sorted(truth - got):
            named = [c for c in mine if aliases.resolve(c.judge_name) == by]
            cause = ("no-judge" if not named else "tone" if all(c.tone.value != tone for c in named)
                     else "dropped")
            out.append(("miss", cause, f"{by} {tone}: {_gold_evidence(g, by)}\n"
                        + _candidates_line(sample, model, mine, by, aliases, truth)))
        for by, tone in sorted(got - truth):
            cause = ("unpaired" if g is None else "tone" if any(b == by for b, _ in truth) else "judge")
            given = next(a for a in chosen[k] if aliases.resolve(a.judge_name) == by)
            out.append(("extra", cause, f"{by} {tone}: {_words(sample, given.evidence.start, given.evidence.stop)}\n"
                        + _candidates_line(sample, model, mine, by, aliases, truth)))
    return out


def _gold_evidence(meeting: dict, by: str) -> str:
    return next((a.get("evidence", "") for a in meeting.get("assessments") or [] if a.get("by") == by), "")[:200]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="print only the counts")
    parser.add_argument("--doc", help="only this document")
    args = parser.parse_args(argv)
    if not (train.SHARED / "eval" / "score.py").exists():
        print(f"skipped: {train.SHARED} (gold and scorer) is absent")
        return 0
    score = train.scorer()
    dev_path, train_path = train.DEFAULT_GOLD
    samples = train.corpus([dev_path]) + train.corpus([train_path])
    tally: Counter = Counter()
    for k, held in enumerate(folds(samples)):
        held_set = set(held)
        model = train.fit([s for n, s in enumerate(samples) if n not in held_set], score)
        test = [samples[n] for n in held if not args.doc or samples[n].gold["doc_id"] == args.doc]
        aliases, paired = train.pairing(test, score)
        for sample, gold_of in zip(test, paired):
            for kind, cause, text in errors_of(sample, model, score, aliases, gold_of):
                tally[kind, cause] += 1
                if not args.quiet:
                    print(f"[{kind} {cause}] fold {k + 1} {sample.gold['doc_id']} {text}")
    for kind in ("miss", "extra"):
        print(f"{kind}: {sum(n for (k, _), n in tally.items() if k == kind)} "
              + " ".join(f"{c}={n}" for (k, c), n in sorted(tally.items()) if k == kind))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
