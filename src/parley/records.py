"""Typed, frozen records that flow between the stages.

Every span keeps ``start``/``stop`` character offsets into ``Document.text``
so any fact can be traced back to the exact words that state it.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field
from enum import Enum


class LedgerStatus(str, Enum):
    PROCESSED = "processed"
    SKIPPED = "skipped"
    FAILED = "failed"


class MeetingStatus(str, Enum):
    HELD = "held"
    PLANNED = "planned"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"


class Tone(str, Enum):
    """How an actor judged a meeting (GUIDELINES: assessments)."""

    POSITIVE = "positive"
    NEGATIVE = "negative"
    MIXED = "mixed"


# The fixed vocabulary of what a meeting dealt with (GUIDELINES: topics).
TOPICS = ("territory", "ceasefire", "security_guarantees", "peace_plan",
          "economy", "energy", "humanitarian", "summit")


class DatePrecision(str, Enum):
    DAY = "day"
    MONTH = "month"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Document:
    """One article, its text cleaned of page furniture, with its metadata."""

    doc_id: str
    text: str
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None
    source: str = ""  # file path, or "path:line" for a JSONL line
    lang: str = "ru"
    content_hash: str = ""
    outlet: str | None = None  # who published it: "РИА Новости" (parley.ingest.outlets)


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """What became of one input: a file, or one line of a JSONL file."""

    source: str
    status: LedgerStatus
    reason: str = ""
    doc_id: str | None = None
    lang: str | None = None  # the language the text reads as, once detected: ru, uk, en, other


@dataclass(frozen=True, slots=True)
class IngestResult:
    """An input's ledger entry and, when it was readable Russian, its document."""

    entry: LedgerEntry
    document: Document | None = None


# --- nlp -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    stop: int
    text: str
    lemma: str = ""
    pos: str = ""
    feats: tuple[tuple[str, str], ...] = ()
    head: int = -1  # index of the head token within the sentence, -1 for root
    rel: str = ""

    def feat(self, name: str) -> str | None:
        for key, value in self.feats:
            if key == name:
                return value
        return None


@dataclass(frozen=True, slots=True)
class NamedSpan:
    """A named entity found by NER: PER, ORG or LOC."""

    start: int
    stop: int
    type: str
    text: str
    normal: str  # the name in the nominative case


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    stop: int
    text: str
    tokens: tuple[Token, ...] = ()
    spans: tuple[NamedSpan, ...] = ()
    parsed: bool = False  # whether tokens carry morphology and syntax


@dataclass(frozen=True, slots=True)
class Analysis:
    """The NLP layer's view of one document."""

    text: str
    sentences: tuple[Sentence, ...]

    def sentence_at(self, offset: int) -> Sentence | None:
        # sentences come in text order: bisection first, a scan only for a hand-built analysis out of order
        at = bisect_right(self.sentences, offset, key=lambda sentence: sentence.start) - 1
        if at >= 0 and self.sentences[at].start <= offset < self.sentences[at].stop:
            return self.sentences[at]
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.stop:
                return sentence
        return None


# --- extracted facts ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence (or part) that states a fact."""

    start: int
    stop: int
    background: bool = False  # inside "Ранее ... сообщал", "Напомним" paragraphs


@dataclass(frozen=True, slots=True)
class Actor:
    """A real-world actor: a person, an organisation or a country."""

    id: str
    name: str  # canonical display name, nominative
    kind: str = "person"  # person | country | organisation
    country: str | None = None  # ISO 3166 alpha-3 side, or EU/NATO/UN


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int
    stop: int
    text: str
    name: str  # nominative form as written in this document ("Стив Виткофф")
    actor: Actor


@dataclass(frozen=True, slots=True)
class Role:
    actor: Actor
    name: str  # the person's name as written in this document, nominative
    role: str  # nominative: "секретарь СНБО Украины"
    evidence: Evidence
    title: str = ""  # the position alone: "секретарь", "министр иностранных дел"
    organization: str | None = None  # "СНБО"; the lexicon's name for a known organisation
    country: str | None = None  # the side the role serves, by its display name: "Украина"


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: Actor
    speaker_name: str
    text: str
    start: int  # offsets of the quoted words, without the quote marks
    stop: int
    evidence: Evidence
    channel: str | None = None  # "X", "Telegram", "обращение" when the text says


@dataclass(frozen=True, slots=True)
class Topic:
    """A subject the text ties to one meeting, with the words that name it."""

    topic: str  # one of TOPICS
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Assessment:
    """One actor's judgement of one meeting, with the span that carries it."""

    judge: Actor  # a person, or a side speaking through an unnamed voice ("в Кремле заявили")
    judge_name: str  # as written in this document, nominative
    tone: Tone
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Meeting:
    participants: tuple[Actor, ...]
    participant_names: tuple[str, ...]  # as written in this document, nominative
    place: str | None
    date: str | None  # YYYY-MM-DD or YYYY-MM
    date_precision: DatePrecision
    status: MeetingStatus
    evidence: Evidence
    kind: str = "talks"  # talks | visit | summit | call
    topics: tuple[Topic, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    date_end: str | None = None  # the last day of a round that lasts more than a day (``date`` is its first)


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    actors: tuple[ActorMention, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    quotes: tuple[Quote, ...] = ()
    roles: tuple[Role, ...] = ()
    background: tuple[Evidence, ...] = field(default=())
    skipped_reason: str | None = None  # set when the document was screened out before NLP
