#!/usr/bin/env python3
"""The wrong date, place and status of paired meetings, on held-out folds, grouped by cause.

    python bench/slot_errors.py [--folds 5] [--slot date|place|status] [--quiet]

Runs the folds of bench/cv.py (a model trained on the other folds decides each
fold's meetings), pairs system meetings with the gold's as score.py does, and
for each paired meeting whose slot is wrong prints the gold value, the system's
value and the sentences behind them, under a cause read from the text: the date
said in a neighbouring sentence, another date of the same sentence, a relative
day or weekday resolved against the publication day, a range, an undated
meeting given a date or a dated one left undated; a place of another size
(city, country, venue); a status of the other tense. Ends with the count of
each cause.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from cv import trained_folds  # noqa: E402
from parley import extract  # noqa: E402
from parley.contract import to_contract  # noqa: E402
from parley.extract.dates import find_dates  # noqa: E402
from parley.learn.decide import using  # noqa: E402
from parley.resolve.places import gazetteer  # noqa: E402

RELATIVE_WORDS = re.compile(r"(?<!\w)(?:сегодня|вчера|завтра|накануне|позавчера|послезавтра|понедельник|вторник"
                            r"|сред[уаы]|четверг|пятниц|суббот|воскресень|недел|выходн)", re.IGNORECASE)
CANCEL_WORDS = re.compile(r"(?<!\w)(?:отмен|так и не|не состо|сорва|отложи|перенес|перенос)", re.IGNORECASE)
MODAL_WORDS = re.compile(r"(?<!\w)(?:может|могут|могла|мог|возможн|намер|планир|ожида|собира|готов|хотел|предлож"
                         r"|должн|будут|будет|состоится|пройдет|пройдут|бы)(?!\w)", re.IGNORECASE)


def sentence_of(analysis, start: int):
    return analysis.sentence_at(start) if analysis is not None else None


def gold_sentence(document, analysis, evidence: str | None):
    if not evidence:
        return None
    at = document.text.find(evidence.strip()[:60])
    return sentence_of(analysis, at) if at >= 0 else None


def neighbours(analysis, sentence, width: int = 2):
    if sentence is None:
        return []
    index = analysis.sentences.index(sentence)
    return [s for k, s in enumerate(analysis.sentences) if k != index and abs(k - index) <= width]


def values_in(sentence, published) -> list[str]:
    if sentence is None:
        return []
    return [d.value for d in find_dates(sentence.text, published) if d.value]


def date_cause(gold: str | None, system: str | None, published, sys_sentence, gold_sentence_, analysis) -> str:
    today = published.isoformat() if published else None
    here = sys_sentence or gold_sentence_
    text = (here.text if here else "") + " " + (gold_sentence_.text if gold_sentence_ else "")
    if gold is None:
        if system == today:
            return "undated given the publication day"
        return "undated given a date word"
    if system is None:
        if gold == today and not any(v == gold for v in values_in(here, published) + values_in(gold_sentence_, published)):
            return "dated (publication day, no date word) left undated"
        if gold in values_in(here, published) or gold in values_in(gold_sentence_, published):
            return "dated left undated: date word in the sentence"
        if any(gold in values_in(s, published) for s in neighbours(analysis, here)):
            return "dated left undated: date in a neighbouring sentence"
        if RELATIVE_WORDS.search(text):
            return "dated left undated: relative day or weekday"
        return "dated left undated: other"
    if len(gold) != len(system):
        return "precision: day vs month"
    if RELATIVE_WORDS.search(text) and not (gold in values_in(here, published)):
        return "relative day or weekday resolved wrongly"
    ranges = [d for s in (here, gold_sentence_) if s for d in find_dates(s.text, published) if d.end]
    if any(gold == d.value or system == d.value or gold == d.end or system == d.end for d in ranges):
        return "range"
    if gold in values_in(here, published) or gold in values_in(gold_sentence_, published):
        return "another date of the same sentence"
    if any(gold in values_in(s, published) for s in neighbours(analysis, here)):
        return "date in a neighbouring sentence"
    if system == today:
        return "publication day instead of the date"
    return "dated wrongly: other"


def place_kind(name: str | None) -> str:
    if not name:
        return "none"
    entry = gazetteer().named(name) or gazetteer().lookup(name.lower())
    return entry.kind if entry is not None else "unknown"


def place_cause(gold: list[str], system: str | None) -> str:
    if not gold:
        return "no place in gold, system gives one"
    if not system:
        return "gold place left out"
    return f"other place ({place_kind(system)} for {place_kind(gold[0])})"


def status_cause(gold: str, system: str, text: str) -> str:
    cue = "cancel words" if CANCEL_WORDS.search(text) else "modal/future words" if MODAL_WORDS.search(text) \
        else "no cue word"
    return f"{gold} read as {system} ({cue})"


def slot_errors(count: int) -> list[dict]:
    return [e for pair in paired_slots(count) for e in pair["errors"]]


def paired_slots(count: int) -> list[dict]:
    """Every paired meeting of the held-out folds, with its wrong slots (``errors``)."""
    folds = trained_folds(count)
    score, aliases = folds.score, folds.aliases
    out = []
    for held_out, model in folds.held_out:
        with using(model):
            for article in folds.batch:
                if article.gold["doc_id"] not in held_out or article.document is None:
                    continue
                out += _article_pairs(article, to_contract(extract.extract(article.document, article.analysis)),
                                      score, aliases)
    return out


def _article_pairs(article, system_doc: dict, score, aliases) -> list[dict]:
    document, analysis, gold_doc = article.document, article.analysis, article.gold
    gm = [{"p": set(m["participants"]), **m} for m in gold_doc.get("meetings", [])]
    sm = [{"p": {aliases.resolve(n) for n in m.get("participants", []) if n}, **m} for m in system_doc["meetings"]]
    pairs = score.greedy_match(gm, sm, lambda g, s: score.jaccard(g["p"], s["p"])
                               + score.SLOT_TIE_BREAK * sum(score.slots_ok(g, s).values()))
    out = []
    for i, j in pairs:
        g, s = gm[i], sm[j]
        ok = score.slots_ok(g, s)
        sys_sentence = sentence_of(analysis, s["evidence"]["start"])
        gold_sent = gold_sentence(document, analysis, g.get("evidence"))
        text = " ".join(x.text for x in (sys_sentence, gold_sent) if x)
        errors = []
        for slot, right in ok.items():
            if right:
                continue
            if slot == "date":
                cause = date_cause(g.get("date"), s.get("date"), document.published, sys_sentence, gold_sent,
                                   analysis)
            elif slot == "place":
                cause = place_cause(g.get("place") or [], s.get("place"))
            else:
                cause = status_cause(g.get("status", "unknown"), s.get("status") or "unknown", text)
            errors.append({"doc": gold_doc["doc_id"], "slot": slot, "cause": cause, "published": str(document.published),
                        "gold": g.get(slot), "system": s.get(slot), "strict_only_this": sum(ok.values()) == 2,
                        "system_sentence": sys_sentence.text if sys_sentence else None,
                        "gold_evidence": g.get("evidence"),
                        "same_sentence": sys_sentence is not None and sys_sentence is gold_sent})
        order = analysis.sentences.index(sys_sentence) if sys_sentence is not None else -1
        out.append({"doc": gold_doc["doc_id"], "gold": g, "system": s, "ok": ok, "errors": errors,
                    "published": str(document.published), "sentence": order,
                    "system_sentence": sys_sentence.text if sys_sentence else None})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--slot", choices=("date", "place", "status"))
    parser.add_argument("--quiet", action="store_true", help="only the counts")
    parser.add_argument("--json", type=Path, help="also write every error here")
    args = parser.parse_args(argv)
    errors = [e for e in slot_errors(args.folds) if args.slot in (None, e["slot"])]
    if args.json:
        args.json.write_text(json.dumps(errors, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    grouped = defaultdict(list)
    for error in errors:
        grouped[(error["slot"], error["cause"])].append(error)
    if not args.quiet:
        for (slot, cause), items in sorted(grouped.items()):
            print(f"\n## {slot}: {cause} ({len(items)})")
            for e in items:
                alone = " [only wrong slot]" if e["strict_only_this"] else ""
                print(f"- {e['doc']} pub {e['published']}: gold {e['gold']!r} system {e['system']!r}{alone}")
                print(f"    system: {(e['system_sentence'] or '')[:300]}")
                if not e["same_sentence"]:
                    print(f"    gold:   {(e['gold_evidence'] or '')[:300]}")
    print("\ncause counts (wrong slot on paired meetings; * = the only wrong slot of its meeting)")
    for (slot, cause), items in sorted(grouped.items(), key=lambda kv: (kv[0][0], -len(kv[1]))):
        alone = sum(e["strict_only_this"] for e in items)
        print(f"{slot:7} {len(items):4} {alone:4}*  {cause}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
