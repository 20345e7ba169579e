"""Train the topic and assessment decisions on the annotated articles.

    python -m parley.extract.talks.train [--gold FILE ...] [-o MODEL.json]

(``make model-talks``.) Every gold article goes through the pipeline as
``parley extract`` runs it; its meetings are paired with the gold's as the
scorer pairs them (``../shared/eval/score.py``), and every (meeting, cue) and
(meeting, judgement, judge) candidate is labelled by whether the paired gold
meeting has that topic, or that judge with that tone. A logistic regression
(scikit-learn, liblinear: deterministic) is fitted on each, and its threshold
is the one that scores best on the training articles. The weights are written
as JSON with a version made of the training data's and the lexicon's digests.
scikit-learn is needed here only; applying a model needs none.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from types import ModuleType

from parley import extract, nlp
from parley.contract import to_contract
from parley.extract.talks.assessments import AssessmentCandidate, assessment_candidates, choose_assessments
from parley.extract.talks.model import FORMAT, SHIPPED, LinearModel, TalksModel
from parley.extract.talks.topics import TopicCandidate, choose_topics, topic_candidates
from parley.extract.talks.view import DocumentView
from parley.extract.talks.words import FILES, talks_words
from parley.ingest import read_inputs
from parley.learn.train import scorer  # the one loader of the gold scorer: its pairing labels the candidates
from parley.records import Analysis, Extraction

ROOT = Path(__file__).resolve().parents[4]
SHARED = ROOT.parent / "shared"
DEFAULT_GOLD = (SHARED / "gold" / "dev.jsonl", SHARED / "gold" / "train.jsonl")
THRESHOLDS = tuple(round(0.2 + 0.05 * n, 2) for n in range(11))  # 0.20 … 0.70
REGULARISATION = (0.1, 0.3)  # inverse strengths (C) for topics and assessments: chosen by bench/talks_cv.py


@dataclass(frozen=True)
class Sample:
    """One gold article, extracted without topics and assessments, with its candidates."""

    gold: dict
    extraction: Extraction
    analysis: Analysis
    topics: list[TopicCandidate]
    assessments: list[AssessmentCandidate]


def corpus(gold_files: Iterable[Path]) -> list[Sample]:
    words = talks_words("ru")
    samples: list[Sample] = []
    for path in gold_files:
        golds = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                golds[record["doc_id"]] = record
        documents = [r.document for r in read_inputs([path]) if r.document is not None and r.document.doc_id in golds]
        for document, analysis in zip(documents, nlp.analyse_many([d.text for d in documents],
                                                                    parse=extract.wants_parse)):
            found = extract.facts(document, analysis)
            view = DocumentView(analysis.text, analysis.sentences, found.actors, found.quotes, found.meetings, words)
            _, judged = assessment_candidates(view, words, document.published)
            samples.append(Sample(golds[document.doc_id], found, analysis, topic_candidates(view, words), judged))
    return samples


def with_talks(sample: Sample, model: TalksModel) -> Extraction:
    """The sample's extraction with the topics and assessments ``model`` decides."""
    meetings = sample.extraction.meetings
    topics = choose_topics(sample.topics, model.topics, len(meetings))
    judged = choose_assessments(sample.assessments, model.assessments, len(meetings))
    return replace(sample.extraction, meetings=tuple(replace(m, topics=t, assessments=a)
                                                     for m, t, a in zip(meetings, topics, judged)))


def pairing(samples: Sequence[Sample], score: ModuleType) -> tuple[object, list[dict[int, dict]]]:
    """The scorer's name resolution, and for each sample its system meeting → paired gold meeting."""
    aliases = score.Aliases([s.gold for s in samples])
    paired: list[dict[int, dict]] = []
    for sample in samples:
        gm = [{"p": set(m["participants"]), **m} for m in sample.gold.get("meetings", [])]
        contract = to_contract(sample.extraction)["meetings"]
        sm = [{"p": {aliases.resolve(n) for n in m["participants"] if n}, **m} for m in contract]
        pairs = score.greedy_match(gm, sm, lambda g, s: score.jaccard(g["p"], s["p"])
                                   + score.SLOT_TIE_BREAK * sum(score.slots_ok(g, s).values()))
        paired.append({j: sample.gold["meetings"][i] for i, j in pairs})
    return aliases, paired


def _labels(samples, score, aliases, paired):
    topic_rows, judged_rows = [], []
    for sample, gold_of in zip(samples, paired):
        for c in sample.topics:
            g = gold_of.get(c.meeting)
            topic_rows.append((c.features, int(g is not None and c.topic in score.topics_of(g))))
        for c in sample.assessments:
            g = gold_of.get(c.meeting)
            truth = score.judgements_of(g, aliases) if g is not None else set()
            judged_rows.append((c.features, int((aliases.resolve(c.judge_name), c.tone.value) in truth)))
    return topic_rows, judged_rows


def _fit(rows, regularisation: float, balanced: bool = True) -> LinearModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    features = [f for f, _ in rows]
    labels = [y for _, y in rows]
    if len(set(labels)) < 2:
        return LinearModel({}, -10.0, 0.5)  # nothing to learn from: decide nothing
    vectoriser = DictVectorizer(sort=True, sparse=False)
    x = vectoriser.fit_transform(features)
    fitted = LogisticRegression(C=regularisation, solver="liblinear", max_iter=2000,
                                class_weight="balanced" if balanced else None).fit(x, labels)
    weights = {name: round(float(w), 5) for name, w in zip(vectoriser.get_feature_names_out(), fitted.coef_[0])
               if abs(w) >= 1e-5}
    return LinearModel(weights, round(float(fitted.intercept_[0]), 5), 0.5)


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _tally(samples, score, aliases, paired, model: TalksModel) -> tuple[float, float]:
    counts = {"topics": [0, 0, 0], "assessments": [0, 0, 0]}
    for sample, gold_of in zip(samples, paired):
        meetings = sample.extraction.meetings
        topics = choose_topics(sample.topics, model.topics, len(meetings))
        judged = choose_assessments(sample.assessments, model.assessments, len(meetings))
        gold_meetings = sample.gold.get("meetings", [])
        seen = {id(g) for g in gold_of.values()}
        for k in range(len(meetings)):
            g = gold_of.get(k)
            for key, got, truth in (
                    ("topics", {t.topic for t in topics[k]}, score.topics_of(g) if g else set()),
                    ("assessments", {(aliases.resolve(a.judge_name), a.tone.value) for a in judged[k]},
                     score.judgements_of(g, aliases) if g else set())):
                counts[key][0] += len(got & truth)
                counts[key][1] += len(got - truth)
                counts[key][2] += len(truth - got)
        for g in gold_meetings:
            if id(g) not in seen:
                counts["topics"][2] += len(score.topics_of(g))
                counts["assessments"][2] += len(score.judgements_of(g, aliases))
    return _f1(*counts["topics"]), _f1(*counts["assessments"])


def fit(samples: Sequence[Sample], score: ModuleType, version: str = "",
        regularisation: tuple[float, float] = REGULARISATION) -> TalksModel:
    aliases, paired = pairing(samples, score)
    topic_rows, judged_rows = _labels(samples, score, aliases, paired)
    model = TalksModel(version, _fit(topic_rows, regularisation[0], balanced=False), _fit(judged_rows, regularisation[1]))
    best_topic = max(THRESHOLDS, key=lambda t: (_tally(samples, score, aliases, paired, TalksModel(
        version, LinearModel(model.topics.weights, model.topics.bias, t), model.assessments))[0], -abs(t - 0.5)))
    best_judged = max(THRESHOLDS, key=lambda t: (_tally(samples, score, aliases, paired, TalksModel(
        version, model.topics, LinearModel(model.assessments.weights, model.assessments.bias, t)))[1], -abs(t - 0.5)))
    return TalksModel(version, LinearModel(model.topics.weights, model.topics.bias, best_topic),
                      LinearModel(model.assessments.weights, model.assessments.bias, best_judged))


def version_of(gold_files: Iterable[Path], model: TalksModel) -> str:
    """A digest of what made the model: the gold, the lexicon and the weights themselves."""
    digest = hashlib.sha256()
    for path in gold_files:
        digest.update(path.read_bytes())
    for name in FILES:
        digest.update((resources.files("parley") / "lang" / "ru" / name).read_bytes())
    digest.update(json.dumps(model.to_dict(), sort_keys=True).encode())
    return f"{FORMAT}.{digest.hexdigest()[:12]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, nargs="+", default=list(DEFAULT_GOLD), help="annotated JSONL files")
    parser.add_argument("-o", "--output", type=Path, default=Path(__file__).with_name(SHIPPED))
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.gold if not p.exists()]
    if missing:
        print(f"no such gold file: {', '.join(missing)}", file=sys.stderr)
        return 2
    score = scorer()
    samples = corpus(args.gold)
    model = fit(samples, score)
    model = replace(model, version=version_of(args.gold, model))
    args.output.write_text(json.dumps(model.to_dict(), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                           encoding="utf-8")
    aliases, paired = pairing(samples, score)
    topics_f1, judged_f1 = _tally(samples, score, aliases, paired, model)
    print(f"{len(samples)} articles; model {model.version} written to {args.output}; "
          f"on the training articles: topics F1 {topics_f1:.3f}, assessments F1 {judged_f1:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
