"""What each meeting dealt with: topic cues, and which meeting each cue belongs to.

Entry points: ``topic_candidates(view, words)`` → one :class:`TopicCandidate`
per (meeting, cue) pair worth asking about, with its features;
``choose_topics(candidates, model, count)`` → the topics of each meeting.
A cue is a word of the lexicon (``lang/<lang>/topics.yaml``); the trained model
says whether the cue's sentence ties it to the meeting (its own sentence, one
that points back to it, a neighbour naming its people).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from parley.extract.talks.model import LinearModel
from parley.extract.talks.view import DocumentView, Features
from parley.extract.talks.words import TalksWords
from parley.records import Evidence, Topic

MAX_DISTANCE = 4  # sentences between a cue and a meeting's evidence beyond which the cue is not asked about
# Words that put what follows on a meeting's table: "обсудили", "по вопросу", "посвящена".
AGENDA = re.compile(r"(?<![а-яa-z])(обсуд|обсужд|рассмотр|повестк|вопрос|тем[аеуы]\b|посвящ|касал|касающ|"
                    r"сосредоточ|речь|договор|согласова|достигл|достичь|по\b|о\b|об\b|насчет|относительно)")


@dataclass(frozen=True, slots=True)
class TopicCandidate:
    meeting: int
    topic: str
    start: int
    stop: int
    features: Features


def topic_candidates(view: DocumentView, words: TalksWords) -> list[TopicCandidate]:
    if not view.meetings:
        return []
    cues = list(words.topics.finditer(view.folded))
    per_topic: dict[str, int] = {}
    for cue in cues:
        per_topic[cue.label] = per_topic.get(cue.label, 0) + 1
    out: list[TopicCandidate] = []
    for cue in cues:
        sentence = view.sentence_of(cue.start)
        before = view.folded[max(view.sentences[sentence].start, cue.start - 60):cue.start]
        for meeting in range(len(view.meetings)):
            distance = view.distance(meeting, sentence)
            if abs(distance) > MAX_DISTANCE:
                continue
            f = view.link_features(meeting, sentence, cue.start)
            f[f"topic={cue.label}"] = 1.0
            f[f"cue={cue.label}:{cue.cue}"] = 1.0
            f[f"topic={cue.label}&dist={min(abs(distance), 2)}"] = 1.0
            f[f"topic={cue.label}&status={view.meetings[meeting].status.value}"] = 1.0
            f["agenda_before"] = float(bool(AGENDA.search(before)))
            f["cues_of_topic>1"] = float(per_topic[cue.label] > 1)
            f["cues_of_topic>3"] = float(per_topic[cue.label] > 3)
            out.append(TopicCandidate(meeting, cue.label, cue.start, cue.stop, f))
    return out


def choose_topics(candidates: list[TopicCandidate], model: LinearModel, count: int) -> list[tuple[Topic, ...]]:
    """Each meeting's topics: per topic, the most likely cue, kept when the model is sure enough."""
    best: dict[tuple[int, str], tuple[float, TopicCandidate]] = {}
    for candidate in candidates:
        p = model.probability(candidate.features)
        key = (candidate.meeting, candidate.topic)
        if key not in best or p > best[key][0]:
            best[key] = (p, candidate)
    chosen: list[list[Topic]] = [[] for _ in range(count)]
    for (meeting, topic), (p, candidate) in sorted(best.items(), key=lambda kv: (kv[0][0], kv[1][1].start)):
        if p >= model.threshold:
            chosen[meeting].append(Topic(topic, Evidence(candidate.start, candidate.stop)))
    return [tuple(topics) for topics in chosen]
