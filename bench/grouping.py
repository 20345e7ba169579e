"""Do fused events group meetings the way the gold does? Pairwise precision, recall and F1 on dev.jsonl.

    python bench/grouping.py [--gold ../shared/gold/dev.jsonl] [--show]

The gold has no cross-article event ids, so its grouping is derived from the
gold meetings (docs/store.md, "Gold grouping"): dated meetings in different
articles are one event when their participants' sides are the same, their days
at most one apart and their places compatible; an undated meeting joins the one
event that fits its sides, place and publication window, if exactly one does;
two undated meetings join when they name one place and were published within a
week. Events are the connected components of these links.

Three figures:
- **oracle**: fusion run on the gold meetings themselves (perfect extraction),
  so only the fusion rules are measured;
- **aligned**: extraction + store + fusion end to end; each gold meeting is
  aligned to the system meeting of its article with the most similar
  participants (the scorer's matching), and pairs are counted over gold
  meetings that found a partner;
- **end to end**: as aligned, but gold pairs whose meetings were not extracted
  count as missed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import sys
import tempfile
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared"

DAY_TOLERANCE = 1  # a round of talks over two days is reported with either day
UNDATED_WINDOW = 7  # an undated report of a held meeting appears within a week of it
PLAN_WINDOW = 21  # an undated plan is for a meeting within three weeks


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the gold grouping ------------------------------------------------------------


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value and len(value) == 10 else None


def _window(item: dict) -> tuple[dt.date, dt.date]:
    """The days an undated meeting can be on: before publication if held, after it if planned."""
    pub = item["published"]
    if item["date"] and len(item["date"]) == 7:
        first = dt.date.fromisoformat(item["date"] + "-01")
        return first, (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
    before, after = {"held": (UNDATED_WINDOW, 1), "cancelled": (UNDATED_WINDOW, PLAN_WINDOW),
                     "planned": (1, PLAN_WINDOW)}.get(item["status"], (UNDATED_WINDOW, UNDATED_WINDOW))
    return pub - dt.timedelta(days=before), pub + dt.timedelta(days=after)


def gold_places_compatible(a: dict, b: dict, stems, both_said: bool = False) -> bool:
    """Place lists share a name, or the gazetteer puts one place inside the other (Кремль, Москва)."""
    from parley.fuse.match import places_agree

    if not a["place"] or not b["place"]:
        return not both_said
    return any(stems(x) == stems(y) or places_agree(x, y) for x in a["place"] for y in b["place"])


def gold_items(gold_docs: list[dict]) -> list[dict]:
    country = {}
    for doc in gold_docs:
        for actor in doc.get("actors", []):
            country[actor["id"]] = actor.get("country") or actor["id"]
    items = []
    for doc in gold_docs:
        for k, m in enumerate(doc.get("meetings", [])):
            items.append({"key": (doc["doc_id"], k), "doc_id": doc["doc_id"], "participants": m["participants"],
                          "countries": [country.get(a, a) for a in m["participants"]],
                          "persons": {a for a in m["participants"] if country.get(a, a) != a},
                          "sides": frozenset(country.get(a, a) for a in m["participants"]),
                          "date": m.get("date"), "place": m.get("place") or [], "status": m.get("status"),
                          "published": dt.date.fromisoformat(doc["published"])})
    return items


def components(n: int, links: list[tuple[int, int]]) -> list[int]:
    parent = list(range(n))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in links:
        parent[find(i)] = find(j)
    return [find(i) for i in range(n)]


def gold_grouping(items: list[dict], stems) -> list[int]:
    """Dated meetings link by sides, day (±1) and place; an undated one joins only an unambiguous event.

    An article's distinct meetings never share an event (the guidelines give one entry per meeting).
    """
    dated = [i for i, m in enumerate(items) if _day(m["date"])]
    undated = sorted((i for i, m in enumerate(items) if not _day(m["date"])),
                     key=lambda i: (items[i]["published"], items[i]["key"]))
    links = [(i, j) for i, j in combinations(dated, 2)
             if items[i]["doc_id"] != items[j]["doc_id"] and items[i]["sides"] == items[j]["sides"]
             and abs((_day(items[i]["date"]) - _day(items[j]["date"])).days) <= DAY_TOLERANCE
             and gold_places_compatible(items[i], items[j], stems)]
    groups = components(len(items), links)
    docs: dict[int, set[str]] = {}
    for i in dated:
        docs.setdefault(groups[i], set()).add(items[i]["doc_id"])
    left = []
    for i in undated:
        low, high = _window(items[i])
        candidates = [j for j in dated
                      if items[j]["sides"] == items[i]["sides"] and items[i]["doc_id"] not in docs[groups[j]]
                      and low <= _day(items[j]["date"]) <= high and gold_places_compatible(items[i], items[j], stems)]
        named, same_place, plans_only = {}, set(), {}
        for j in candidates:
            named.setdefault(groups[j], set()).update(items[j]["persons"])
            if any(stems(x) == stems(y) for x in items[i]["place"] for y in items[j]["place"]):
                same_place.add(groups[j])
        for j in dated:
            plans_only[groups[j]] = plans_only.get(groups[j], True) and items[j]["status"] == "planned" \
                and items[j]["published"] > items[i]["published"]
        strangers = {g for g in named if items[i]["persons"] and named[g] and not items[i]["persons"] & named[g]}
        outcome_first = {g for g in named if items[i]["status"] in ("held", "cancelled") and plans_only[g]}
        at_place = {groups[j] for j in candidates if gold_places_compatible(items[i], items[j], stems, both_said=True)}
        at_place -= (strangers - same_place) | outcome_first
        fits = at_place if items[i]["place"] else set(named) - strangers - outcome_first
        if len(fits) == 1:
            group = fits.pop()
            groups[i] = group
            docs[group].add(items[i]["doc_id"])
        else:
            left.append(i)
    for i, j in combinations(left, 2):  # two undated reports naming one place, published days apart
        a, b = items[i], items[j]
        if (a["doc_id"] != b["doc_id"] and a["sides"] == b["sides"] and a["status"] == b["status"]
                and abs((a["published"] - b["published"]).days) <= UNDATED_WINDOW
                and gold_places_compatible(a, b, stems, both_said=True)):
            groups[j] = groups[i] = min(groups[i], groups[j])
    return groups


# --- scoring ------------------------------------------------------------------------


def pairwise(gold: dict, predicted: dict, universe: list) -> dict:
    """Pairs of items in one group: gold and predicted, over ``universe`` (items predicted may lack)."""
    tp = fp = fn = 0
    for a, b in combinations(universe, 2):
        same_gold = gold[a] == gold[b]
        same_pred = a in predicted and b in predicted and predicted[a] == predicted[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
            "tp": tp, "fp": fp, "fn": fn}


def _one_place(places: list[str]) -> str | None:
    """A report holds one place: the gold's first the gazetteer knows (a hotel's name may not be), else its first."""
    from parley.fuse.match import place_country

    return next((p for p in places if place_country(p)), places[0] if places else None)


def oracle(items: list[dict]) -> dict:
    """Fusion over the gold meetings themselves."""
    from parley.fuse import fuse_reports
    from parley.fuse.records import Participant, Report

    reports = []
    for number, item in enumerate(items):
        reports.append(Report(
            meeting_id=number, doc_id=item["doc_id"], seq=item["key"][1], published=item["published"],
            participants=tuple(Participant(a, a, side) for a, side in zip(item["participants"], item["countries"])),
            place=_one_place(item["place"]), date=item["date"],
            date_precision="day" if _day(item["date"]) else "month" if item["date"] else "unknown",
            status=item["status"], kind="talks", evidence_start=0, evidence_stop=0, evidence_text=""))
    events = fuse_reports(reports)
    return {items[s.report.meeting_id]["key"]: e.id for e in events for s in e.sources}


def run_system(gold_docs: list[dict]) -> tuple[dict, dict]:
    """Extract, store and fuse the dev articles; (doc_id, meeting seq) → event id, and the meetings by doc."""
    from parley.fuse import fuse
    from parley.pipeline import process_many
    from parley.records import Document
    from parley.store import Store

    documents = [Document(doc_id=d["doc_id"], text=d["text"], url=d.get("url"), title=d.get("title"),
                          published=dt.date.fromisoformat(d["published"]) if d.get("published") else None)
                 for d in gold_docs]
    with tempfile.TemporaryDirectory() as folder, Store.open(f"sqlite:///{folder}/grouping.db") as store:
        meetings = {}
        for extraction in process_many(documents):
            store.save_extraction(extraction)
            meetings[extraction.document.doc_id] = [list(m.participant_names) for m in extraction.meetings]
        fuse(store)
        seq_of = {r.meeting_id: (r.doc_id, r.seq) for r in store.reports()}
        by_meeting = {}
        for event in store.events():
            for source in event["sources"]:
                by_meeting[seq_of[source["meeting_id"]]] = event["id"]
    return by_meeting, meetings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=SHARED / "gold" / "dev.jsonl")
    parser.add_argument("--show", action="store_true", help="print the gold groups of more than one meeting")
    parser.add_argument("--oracle-only", action="store_true", help="skip extraction (no NLP models needed)")
    args = parser.parse_args()
    if not args.gold.exists():
        print(f"skipped: {args.gold} is absent (the gold set lives beside the project)")
        return
    scorer = load_scorer()
    gold_docs = [json.loads(line) for line in args.gold.open(encoding="utf-8") if line.strip()]
    items = gold_items(gold_docs)
    groups = gold_grouping(items, scorer.stems)
    gold = {item["key"]: g for item, g in zip(items, groups)}
    keys = [item["key"] for item in items]
    multi = [g for g in set(groups) if groups.count(g) > 1]
    print(f"gold: {len(items)} meetings in {len(gold_docs)} articles → {len(set(groups))} events "
          f"({len(multi)} reported by more than one article)")
    if args.show:
        for g in multi:
            print("  ", [(i["doc_id"], sorted(i["sides"]), i["date"], i["place"][:1]) for i, x in zip(items, groups)
                         if x == g])
    print("oracle     ", json.dumps(pairwise(gold, oracle(items), keys)))
    if args.oracle_only:
        return
    by_meeting, system_meetings = run_system(gold_docs)
    aliases = scorer.Aliases(gold_docs)
    predicted = {}
    for doc in gold_docs:
        gm = [set(m["participants"]) for m in doc.get("meetings", [])]
        sm = [{aliases.resolve(n) for n in names} for names in system_meetings.get(doc["doc_id"], [])]
        for i, j in scorer.greedy_match(gm, sm, scorer.jaccard):
            if (doc["doc_id"], j) in by_meeting:
                predicted[doc["doc_id"], i] = by_meeting[doc["doc_id"], j]
    aligned = [k for k in keys if k in predicted]
    print(f"aligned: {len(aligned)} of {len(keys)} gold meetings found a system meeting")
    print("aligned    ", json.dumps(pairwise(gold, predicted, aligned)))
    print("end to end ", json.dumps(pairwise(gold, predicted, keys)))


if __name__ == "__main__":
    main()
