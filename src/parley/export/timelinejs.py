"""TimelineJS JSON: one slide per dated event (undated events cannot be placed on a timeline)."""
from __future__ import annotations

import html
import json
from pathlib import Path

from parley.safe_text import web_link

STATUS_WORDS = {"held": "состоялась", "planned": "запланирована", "cancelled": "отменена", "unknown": "статус неясен"}


def start_date(date: str) -> dict:
    parts = date.split("-")
    out = {"year": parts[0]}
    if len(parts) > 1:
        out["month"] = str(int(parts[1]))
    if len(parts) > 2:
        out["day"] = str(int(parts[2]))
    return out


def slide(event: dict) -> dict:
    names = ", ".join(p["name"] for p in event["participants"])
    headline = names + (f" — {event['place']}" if event["place"] else "")
    sources = "".join(f'<li><a href="{html.escape(web_link(s["url"]) or "")}">{html.escape(s["doc_id"])}</a> '
                      f'{html.escape(s["evidence"]["text"])}</li>' for s in event["sources"])
    text = (f"<p>{STATUS_WORDS.get(event['status'], event['status'])}; "
            f"источников: {len(event['sources'])} (независимых: {event['independent_sources']})</p>"
            f"<ul>{sources}</ul>")
    return {"unique_id": event["id"], "start_date": start_date(event["date"]),
            "text": {"headline": html.escape(headline), "text": text}, "group": event["status"]}


def timeline(events: list[dict]) -> dict:
    return {"title": {"text": {"headline": "Переговоры", "text": "Встречи, восстановленные по новостям"}},
            "events": [slide(e) for e in events if e["date"]]}


def write_timelinejs(events: list[dict], path: Path) -> None:
    path.write_text(json.dumps(timeline(events), ensure_ascii=False, indent=1), encoding="utf-8")
