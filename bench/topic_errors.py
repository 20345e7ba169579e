#!/usr/bin/env python3
"""The topics the cross-validated folds get wrong, and why.

    python bench/topic_errors.py [--list] [--cause CAUSE]

The folds are bench/talks_cv.py's: each is decided by the topic model trained on the other four, and its
meetings are paired with the gold's as ../shared/eval/score.py pairs them. Every gold topic missed and every
topic given wrongly gets a cause:

  missed
    unpaired    the gold meeting pairs with no meeting found: its topics are lost with it
    no_cue      no cue of the topic anywhere in the article: the lexicon lacks its words
    not_asked   cues in the article, but no candidate for the meeting (too far, negated, inside a title)
    dropped     a candidate the decision scored below the threshold
  given wrongly
    unpaired    the meeting found pairs with no gold meeting
    elsewhere   the gold gives the topic to another meeting of the article: attached to the wrong one
    article     the gold gives the topic to no meeting of the article: a cue the text does not tie to a meeting
    spread      as "article", but given through a sure topic of another meeting (``choose_topics``' spreading)

Then the counts per topic. ``--list`` prints each error with its meeting, its probability and the sentence of
the nearest cue (for reading only: nothing of it is kept).
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
from parley.extract.talks.topics import choose_topics  # noqa: E402
from parley.extract.talks.words import fold, talks_words  # noqa: E402


def _sentence(sample, start: int) -> str:
    for s in sample.analysis.sentences:
        if s.start <= start < s.stop:
            return sample.analysis.text[s.start:s.stop].replace("\n", " ")[:260]
    return ""


def errors(samples, score, held: list[int], model) -> list[dict]:
    part = [samples[n] for n in held]
    _, paired = train.pairing(part, score)
    out: list[dict] = []
    for sample, gold_of in zip(part, paired):
        meetings = sample.extraction.meetings
        chosen = choose_topics(sample.topics, model.topics, len(meetings))
        probability = {(c.meeting, c.topic): (model.topics.probability(c.features), c) for c in sample.topics}
        gold_meetings = sample.gold.get("meetings", [])
        doc_topics = set().union(*(score.topics_of(g) for g in gold_meetings)) if gold_meetings else set()
        text_topics = {m.label for m in talks_words("ru").topics.finditer(fold(sample.analysis.text))}
        seen = {id(g) for g in gold_of.values()}

        def record(kind, cause, topic, meeting, who):
            p, c = probability.get((meeting, topic), (None, None)) if meeting is not None else (None, None)
            out.append({"kind": kind, "cause": cause, "topic": topic, "doc": sample.gold["doc_id"], "who": who,
                        "p": p, "sentence": _sentence(sample, c.start) if c else ""})

        for g in gold_meetings:
            if id(g) not in seen:
                for topic in score.topics_of(g):
                    record("missed", "unpaired", topic, None, sorted(g["participants"]))
        for k, meeting in enumerate(meetings):
            g = gold_of.get(k)
            got = {t.topic for t in chosen[k]}
            who = sorted(a.id for a in meeting.participants)
            if g is None:
                for topic in got:
                    record("wrong", "unpaired", topic, k, who)
                continue
            truth = score.topics_of(g)
            for topic in truth - got:
                cause = ("no_cue" if topic not in text_topics else "not_asked" if (k, topic) not in probability
                         else "dropped")
                record("missed", cause, topic, k, who)
            for topic in got - truth:
                p, _ = probability[(k, topic)]
                cause = ("elsewhere" if topic in doc_topics else "spread" if p < model.topics.threshold
                         else "article")
                record("wrong", cause, topic, k, who)
            for topic in got & truth:
                record("right", "-", topic, k, who)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print each error with its cue's sentence")
    parser.add_argument("--cause", help="list only this cause")
    args = parser.parse_args(argv)
    if not (train.SHARED / "eval" / "score.py").exists():
        print(f"skipped: {train.SHARED} (gold and scorer) is absent")
        return 0
    score = train.scorer()
    samples = train.corpus(list(train.DEFAULT_GOLD))
    found: list[dict] = []
    for held in folds(samples):
        held_set = set(held)
        model = train.fit([s for n, s in enumerate(samples) if n not in held_set], score)
        found += errors(samples, score, held, model)
    right = sum(1 for e in found if e["kind"] == "right")
    missed = [e for e in found if e["kind"] == "missed"]
    wrong = [e for e in found if e["kind"] == "wrong"]
    print(f"right {right}, missed {len(missed)}, given wrongly {len(wrong)}; "
          f"pooled F1 {2 * right / (2 * right + len(missed) + len(wrong)):.3f}")
    for kind, rows in (("missed", missed), ("given wrongly", wrong)):
        causes = Counter(e["cause"] for e in rows)
        print(f"{kind}: " + ", ".join(f"{c} {n}" for c, n in causes.most_common()))
    print(f"{'topic':22}{'right':>7}{'missed':>8}{'wrong':>7}")
    for topic in sorted({e["topic"] for e in found}):
        n = Counter(e["kind"] for e in found if e["topic"] == topic)
        print(f"{topic:22}{n['right']:7}{n['missed']:8}{n['wrong']:7}")
    if args.list:
        for e in sorted(missed + wrong, key=lambda e: (e["kind"], e["cause"], e["topic"], e["doc"])):
            if args.cause and e["cause"] != args.cause:
                continue
            p = f"{e['p']:.2f}" if e["p"] is not None else "-"
            print(f"\n{e['kind']}/{e['cause']} {e['topic']} {e['doc']} {e['who']} p={p}\n  {e['sentence']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
