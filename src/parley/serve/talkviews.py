"""Topics and judgements on the web page: chips, each side's judgement of an event, tone by side per round.

- ``register(env)`` gives the templates the topics, tones and side names (their words are in ``labels``);
- ``judgements_by_side(store, event, documents)`` groups an event's judgements by the judge's side, each
  sentence checked against its article (``highlight.locate``) and cut into pieces with the judgement's
  own words marked (``highlight.pieces``; the template escapes every piece);
- ``tone_rounds(events)`` is the chart's data: per dated event with judgements, each side's tone;
- ``router`` serves ``/assessments``: the chart and every judgement, filtered like ``parley assessments``.
"""
from __future__ import annotations

import re

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from parley.records import TOPICS, Tone
from parley.serve import highlight, labels, queries, schemas

router = APIRouter(include_in_schema=False)

TONE_SCORES = {"positive": 1, "mixed": 0, "negative": -1}
SIDE_ORDER = ("RUS", "UKR", "USA")  # the three main sides first, then others by code, the unknown last
UNKNOWN_SIDE = "—"
MAX_PAGE_JUDGEMENTS = 1000
SIDE = re.compile(r"^[A-Za-z]{2,4}$")
DATE = re.compile(schemas.DATE_PATTERN)


def register(env) -> None:
    env.globals |= {"topic_vocabulary": TOPICS, "tone_vocabulary": tuple(TONE_SCORES),
                    "side_name": side_name, "tone_conflict_label": tone_conflict_label}


def side_name(t: labels.Labels, side: str | None) -> str:
    """A side's name in the page's language: a known code's name, another code as it is, none as "not given"."""
    if not side or side == UNKNOWN_SIDE:
        return t("side.none")
    key = f"side.{side}"
    return t(key) if side.isupper() and key in labels.CATALOGUE else side


def tone_conflict_label(t: labels.Labels, value: str) -> str:
    """A tone conflict's value, "Рустем Умеров: mixed", in the page's language: "Рустем Умеров: неоднозначно"."""
    judge, _, tone = value.rpartition(": ")
    return f"{judge}: {t('tone.' + tone)}" if judge and tone in TONE_SCORES else value


def side_key(side: str | None) -> tuple:
    if not side:
        return (2, "")
    return (0, SIDE_ORDER.index(side), "") if side in SIDE_ORDER else (1, side)


def sentence_pieces(judgement: dict) -> list[highlight.Piece]:
    """The sentence with the judgement's own words marked."""
    sentence, evidence = judgement["sentence"], judgement["evidence"]
    offset = sentence["start"]
    return highlight.pieces(sentence["text"], [(evidence["start"] - offset, evidence["end"] - offset)])


def judgements_by_side(store, event: dict, documents: dict) -> list[dict]:
    """``[{"side", "entries": [judgement + "pieces", "span"]}]``, sides in a fixed order.

    ``span`` is the sentence's place in the article as stored now (for the document page's highlight),
    None when the article is gone or no longer holds the sentence.
    """
    groups: dict[str, dict] = {}
    for judgement in event.get("assessments") or ():
        doc_id = judgement["doc_id"]
        if doc_id not in documents:
            documents[doc_id] = store.document(doc_id)
        document = documents[doc_id]
        sentence = judgement["sentence"]
        span = highlight.locate(document.text, sentence["start"], sentence["end"], sentence["text"]) \
            if document is not None else None
        side = judgement.get("side") or None
        group = groups.setdefault(side or UNKNOWN_SIDE, {
            "side": side, "entries": []})
        group["entries"].append({**judgement, "pieces": sentence_pieces(judgement), "span": span})
    return sorted(groups.values(), key=lambda g: side_key(g["side"]))


def tone_rounds(events: list[dict]) -> list[dict]:
    """Each dated event with judgements, oldest first: each side's mean tone (1 positive, 0 mixed,
    −1 negative) and the tones and judges behind it. Only ids, labels and tones: no article text."""
    rounds = []
    for event in events:
        judged = event.get("assessments") or ()
        if not event.get("date") or not judged:
            continue
        sides: dict[str, dict] = {}
        for judgement in judged:
            entry = sides.setdefault(judgement.get("side") or UNKNOWN_SIDE, {"tones": [], "judges": []})
            entry["tones"].append(judgement["tone"])
            if judgement["by"] not in entry["judges"]:
                entry["judges"].append(judgement["by"])
        for entry in sides.values():
            entry["score"] = round(sum(TONE_SCORES[t] for t in entry["tones"]) / len(entry["tones"]), 2)
        names = [p["name"].split()[-1] for p in event.get("participants") or () if p.get("name")]
        rounds.append({"id": event["id"], "date": event["date"], "place": event.get("place"),
                       "label": ", ".join(names[:3]) + (f" +{len(names) - 3}" if len(names) > 3 else ""),
                       "sides": dict(sorted(sides.items(), key=lambda kv: side_key(
                           None if kv[0] == UNKNOWN_SIDE else kv[0])))})
    return sorted(rounds, key=lambda r: (r["date"], r["id"]))


def chart_sides(rounds: list[dict]) -> list[str]:
    found = {side for r in rounds for side in r["sides"]}
    return sorted(found, key=lambda s: side_key(None if s == UNKNOWN_SIDE else s))


def _blank_to_none(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def page_filters(side, date_from, date_to, tone, topic) -> queries.AssessmentFilters:
    side, date_from, date_to, tone, topic = map(_blank_to_none, (side, date_from, date_to, tone, topic))
    if side and not SIDE.match(side):
        raise HTTPException(422, f"the side must be a country code such as RUS, UKR, USA, not '{side}'")
    for label, value in (("from", date_from), ("to", date_to)):
        if value and not DATE.match(value):
            raise HTTPException(422, f"the '{label}' date must be YYYY-MM-DD or YYYY-MM, not '{value}'")
    if tone and tone not in TONE_SCORES:
        raise HTTPException(422, f"tone must be one of {', '.join(t.value for t in Tone)}, not '{tone}'")
    if topic and topic not in TOPICS:
        raise HTTPException(422, f"topic must be one of {', '.join(TOPICS)}, not '{topic}'")
    return queries.AssessmentFilters(side=side.upper() if side else None, date_from=date_from, date_to=date_to,
                                     tone=tone, topic=topic)


@router.get("/assessments", response_class=HTMLResponse)
def assessments_page(request: Request, side: str | None = Query(None, max_length=8),
                     date_from: str | None = Query(None, alias="from", max_length=10),
                     date_to: str | None = Query(None, alias="to", max_length=10),
                     tone: str | None = Query(None, max_length=16), topic: str | None = Query(None, max_length=32)):
    from parley.serve.pages import render

    filters = page_filters(side, date_from, date_to, tone, topic)
    found = queries.assessment_page(request.app, filters, MAX_PAGE_JUDGEMENTS)
    events = queries.cached_events(request.app, queries.EventFilters(
        date_from=filters.date_from, date_to=filters.date_to, topic=filters.topic))
    rounds = tone_rounds([_only(e, filters) for e in events])
    for row in found["items"]:
        row["pieces"] = sentence_pieces(row)
    chosen = {"side": filters.side, "from": filters.date_from, "to": filters.date_to, "tone": filters.tone,
              "topic": filters.topic}
    return render(request, "assessments.html", {
        "judgements": found["items"], "total": found["total"], "rounds": rounds, "sides": chart_sides(rounds),
        "chosen": chosen, "filtered": any(chosen.values()),
        "known_sides": sorted({*SIDE_ORDER, *(s for r in tone_rounds(events) for s in r["sides"]
                                              if s != UNKNOWN_SIDE)}, key=side_key)})


def _only(event: dict, filters: queries.AssessmentFilters) -> dict:
    """The event with only the judgements the side and tone filters keep, for the chart."""
    kept = [a for a in event.get("assessments") or ()
            if (not filters.side or a.get("side") == filters.side) and (not filters.tone or a["tone"] == filters.tone)]
    return {**event, "assessments": kept}
