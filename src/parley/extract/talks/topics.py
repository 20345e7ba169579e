"""What each meeting dealt with: topic cues, and which meeting each cue belongs to.

Entry points: ``topic_candidates(view, words)`` → one :class:`TopicCandidate`
per (meeting, topic) pair worth asking about, with features read from all the
topic's cues; ``choose_topics(candidates, model, count)`` → the topics of each
meeting. A cue is a word of the lexicon (``lang/<lang>/topics.json``); the
trained model says whether the cues' sentences tie the topic to the meeting
(its own sentence, one that retells it, a neighbour naming its people).
"""
from __future__ import annotations

from dataclasses import dataclass

from parley.extract.talks.model import LinearModel
from parley.extract.talks.view import DocumentView, Features, bucket
from parley.extract.talks.words import TalksWords
from parley.records import Evidence, Topic

NEGATION_REACH = 4  # words before a topic cue that a negation may stand in ("не обсуждали вопрос о перемирии")
MAX_DISTANCE = 40  # sentences between a cue and a meeting beyond which the cue is not asked about
RIVAL_MARGIN = 0.25  # how far below the topic's likeliest meeting another meeting's probability may fall and keep it


@dataclass(frozen=True, slots=True)
class TopicCandidate:
    """Whether a meeting dealt with a topic, from every cue of the topic near it; ``start``/``stop``
    are the nearest cue's."""

    meeting: int
    topic: str
    start: int
    stop: int
    features: Features
    told: bool = False  # a cue of the topic stands in a sentence that tells the meeting (its evidence or a retelling)
    main: bool = False  # the meeting the article tells most


def topic_candidates(view: DocumentView, words: TalksWords) -> list[TopicCandidate]:
    if not view.meetings:
        return []
    view = view.with_retellings()
    by_topic: dict[str, list] = {}
    titles = [(t.start(), t.end()) for t in words.titles.finditer(view.folded)]
    for cue in words.topics.finditer(view.folded):
        if any(start <= cue.start < stop for start, stop in titles):
            continue  # "секретарь Совета национальной безопасности": a title, no topic
        if negated(view, words, cue.start):
            continue  # "не обсуждали вопрос о перемирии"
        by_topic.setdefault(cue.label, []).append((cue, view.sentence_of(cue.start)))
    told = [len(s) for s in view.meeting_sentences]
    main = max(range(len(view.meetings)), key=lambda k: (told[k], -k))
    out: list[TopicCandidate] = []
    for topic, cues in by_topic.items():
        gaps = [[abs(view.distance(k, sentence)) for cue, sentence in cues] for k in range(len(view.meetings))]
        closest = [min(g) for g in gaps]
        for meeting in range(len(view.meetings)):
            if closest[meeting] > MAX_DISTANCE:
                continue
            near = [c for c, g in zip(cues, gaps[meeting]) if g <= 1]
            best = min(range(len(cues)), key=lambda n: (gaps[meeting][n], cues[n][0].start))
            cue, sentence = cues[best]
            f = view.link_features(meeting, sentence, cue.start)
            rank = sorted(closest).index(closest[meeting])
            only_recalled = float(all(view.recalled(c.start) for c, _ in cues)
                                  and not view.meetings[meeting].evidence.background)
            f.update({
                f"topic={topic}": 1.0,
                f"topic={topic}&dist={bucket(closest[meeting], (0, 1, 2))}": 1.0,
                f"min_dist={bucket(closest[meeting], (0, 1, 2, 4, 8))}": 1.0,
                f"topic={topic}&rank={bucket(rank, (0,))}": 1.0,
                f"cues={bucket(len(cues), (1, 2, 4))}": 1.0,
                f"near_cues={bucket(len(near), (0, 1, 2))}": 1.0,
                "main_meeting": float(meeting == main),
                f"topic={topic}&main": float(meeting == main),
                "in_evidence_any": float(any(view.meetings[meeting].evidence.start <= c.start
                                             < view.meetings[meeting].evidence.stop for c, _ in cues)),
                "only_recalled": only_recalled,
                f"topic={topic}&only_recalled": only_recalled,
                "headline_cue": float(any(s == 0 for _, s in cues)),
                "main&headline_cue": float(meeting == main and any(s == 0 for _, s in cues)),
                f"main&cues={bucket(len(cues), (1, 3))}": float(meeting == main),
                f"told_cues={bucket(sum(1 for g in gaps[meeting] if g == 0), (0, 1, 2))}": 1.0,
                "share_of_cues": sum(1 for n in range(len(cues)) if gaps[meeting][n] == min(
                    gaps[k][n] for k in range(len(view.meetings)))) / len(cues),
                "negated_before": float(any(
                    words.negation.search(view.folded, max(view.sentences[s].start, c.start - 40), c.start)
                    for c, s in cues if abs(view.distance(meeting, s)) <= 1)),
                "agenda_before": float(any(words.agenda.search(view.folded[max(view.sentences[s].start, c.start - 60):c.start])
                                           for c, s in cues if abs(view.distance(meeting, s)) <= 1)),
            })
            for c, sentence_of_cue in cues:
                for name in cue_context(view, words, meeting, c.start, sentence_of_cue):
                    f[name] = 1.0
                    if "&" not in name:
                        f[f"topic={topic}&{name}"] = 1.0
            told = any(placement(view, meeting, s) in ("evidence", "told") for _, s in cues)
            out.append(TopicCandidate(meeting, topic, cue.start, cue.stop, f, told, meeting == main))
    return out


def negated(view: DocumentView, words: TalksWords, at: int) -> bool:
    """Whether a negation stands among the few words of the sentence before offset ``at``."""
    start = view.sentences[view.sentence_of(at)].start
    return words.negates(view.folded[start:at], NEGATION_REACH)


def placement(view: DocumentView, meeting: int, sentence: int) -> str:
    """Where a sentence stands to a meeting: its evidence, a sentence retelling it, next to one, near, far."""
    if sentence in view.evidence_sentences[meeting]:
        return "evidence"
    gap = abs(view.distance(meeting, sentence))
    return "told" if gap == 0 else "next" if gap == 1 else "near" if gap <= 3 else "far"


def cue_context(view: DocumentView, words: TalksWords, meeting: int, at: int, sentence: int) -> list[str]:
    """What ties one cue to a meeting: where its sentence stands, and whether that sentence speaks of
    discussing, names the meeting's people or only another meeting's, or quotes someone."""
    where = placement(view, meeting, sentence)
    s = view.sentences[sentence]
    ids = {x.actor.id for x in view.mentions_in[sentence]}
    own = bool(ids & view.meeting_ids[meeting])
    other = not own and any(ids & view.meeting_ids[k] for k in range(len(view.meetings)) if k != meeting)
    states_other = any(sentence in e for k, e in enumerate(view.evidence_sentences) if k != meeting) \
        and sentence not in view.evidence_sentences[meeting]
    names = [f"at={where}"]
    if words.discussion.search(view.folded, s.start, s.stop):
        names.append(f"at={where}&discussion")
    if own:
        names.append(f"at={where}&own")
    if other:
        names.append(f"at={where}&other")
    if states_other:
        names.append(f"at={where}&states_other")
    if view.quote_at(at) is not None:
        names.append(f"at={where}&quote")
    if view.recalled(at) and not view.meetings[meeting].evidence.background:
        names.append(f"at={where}&recalled")
    if len(view.meetings) == 1:
        names.append(f"at={where}&one_meeting")
    return names


def choose_topics(candidates: list[TopicCandidate], model: LinearModel, count: int) -> list[tuple[Topic, ...]]:
    """Each meeting's topics, in the order the text names them: those the model is sure enough of, and a topic
    it is sure of for one meeting for every other meeting whose own sentences state it (two meetings told in one
    sentence that names the topic both dealt with it). A meeting whose own sentences do not state the topic keeps
    it only when it is nearly as likely as the topic's likeliest meeting, or is the meeting the article tells
    most: the meetings of an article compete for a cue, and the gold gives a topic to one of them far more often
    than to two."""
    chosen: list[list[Topic]] = [[] for _ in range(count)]
    scored = [(model.probability(c.features), c) for c in candidates]
    sure = {c.topic for p, c in scored if p >= model.threshold}
    likeliest: dict[str, float] = {}
    for p, c in scored:
        likeliest[c.topic] = max(likeliest.get(c.topic, 0.0), p)
    for p, candidate in sorted(scored, key=lambda pc: (pc[1].meeting, pc[1].start)):
        if not (candidate.told or candidate.main) and p < likeliest[candidate.topic] - RIVAL_MARGIN:
            continue
        if p >= model.threshold or candidate.topic in sure and candidate.told:
            chosen[candidate.meeting].append(Topic(candidate.topic, Evidence(candidate.start, candidate.stop)))
    return [tuple(topics) for topics in chosen]
