"""The shapes the API reads and writes, for validation and for the OpenAPI document."""
from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

from parley.records import TOPICS

DATE_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$"  # YYYY-MM-DD or YYYY-MM, as event dates are stored
LANG_PATTERN = r"^(ru|uk)$"

TopicName = Enum("TopicName", {topic: topic for topic in TOPICS}, type=str)  # the topic vocabulary, as a choice


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Participant(Open):
    name: str
    id: str
    country: str | None = None


class Span(Open):
    start: int
    end: int
    text: str = ""


class Source(Open):
    doc_id: str
    url: str | None = None
    outlet: str | None = Field(default=None, description="Who published it: known host, og:site_name or feed title")
    published: str | None = None
    copy_of: str | None = Field(default=None, description="The doc_id of the earlier source this one republishes")
    copy_of_outlet: str | None = None
    lang: str | None = Field(None, description="the article's language: ru or uk")
    evidence: Span


class TopicSource(Open):
    topic: str = Field(description="One of the topic vocabulary")
    doc_id: str
    evidence: Span = Field(description="The words of the source that name the topic")


class Judgement(Open):
    by: str = Field(description="The judge, as the actor table names them")
    by_id: str
    written: str = Field("", description="The judge's name as the source writes it")
    side: str | None = Field(None, description="The judge's side: ISO 3166 alpha-3, or EU/NATO/UN")
    tone: str = Field(description="positive, negative or mixed")
    doc_id: str
    url: str | None = None
    published: str | None = None
    evidence: Span = Field(description="The words that carry the judgement")
    sentence: Span = Field(description="The sentence around them")


class Event(Open):
    id: str
    type: str
    participants: list[Participant]
    date: str | None = None
    date_end: str | None = Field(default=None, description="The last day of a round of several days; date is its first")
    place: str | None = None
    status: str = Field(description="held, planned, cancelled or unknown")
    sources: list[Source]
    conflicts: list[dict] = []
    history: list[dict] = []
    independent_sources: int = 0
    independent_outlets: list[str] = Field(default=[], description="The outlets of the independent sources")
    topics: list[str] = Field([], description="What the meeting dealt with: the union of its sources' topics")
    topic_sources: list[TopicSource] = []
    assessments: list[Judgement] = Field([], description="Every source's judgements of the meeting")


class EventPage(BaseModel):
    total: int = Field(description="How many events match the filters, over all pages")
    limit: int
    offset: int
    items: list[Event]


class AssessmentRow(Judgement):
    event_id: str
    date: str | None = None
    place: str | None = None
    status: str
    participants: list[Participant]
    topics: list[str] = []


class AssessmentPage(BaseModel):
    total: int = Field(description="How many judgements match the filters, over all pages")
    limit: int
    offset: int
    items: list[AssessmentRow]


class ActorList(BaseModel):
    total: int
    items: list[dict]


class SearchResults(BaseModel):
    query: str
    total: int
    items: list[dict]


class DocumentOut(BaseModel):
    doc_id: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str = ""
    lang: str = "ru"
    content_hash: str = ""
    outlet: str | None = None
    text: str


class LedgerRow(BaseModel):
    source: str
    status: str = Field(description="processed, skipped or failed")
    reason: str = ""
    doc_id: str | None = None
    lang: str | None = Field(None, description="the language the input reads as: ru, uk, en, other")


class Ledger(BaseModel):
    total: int
    items: list[LedgerRow]


class ArticleIn(BaseModel):
    """One article to add, in the same fields as a line of an input JSONL file."""

    model_config = ConfigDict(extra="ignore")

    doc_id: str = Field(min_length=1, max_length=200, pattern=r"^[^\s/?#][^\s?#]*$",
                        description="Your identifier for the article; no spaces, '?' or '#'")
    text: str = Field(min_length=1, description="The article's text, in Russian")
    published: dt.date | None = Field(default=None, description="Publication date, YYYY-MM-DD")
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)


class DocumentResult(BaseModel):
    doc_id: str
    status: str = Field(description="processed, or skipped with a reason")
    reason: str = ""
    meetings: int = 0
    events: list[str] = Field(default=[], description="Ids of the events this article is a source of")


class WriteResult(BaseModel):
    documents: list[DocumentResult]


class Error(BaseModel):
    status: int
    error: str
    message: str
