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


def source_item(source: dict) -> str:
    """One source: its outlet (or id), linked when the article has an address, then its evidence."""
    name = html.escape(source.get("outlet") or source["doc_id"])
    link = web_link(source.get("url"))
    if link:
        name = f'<a href="{html.escape(link)}" rel="noopener noreferrer">{name}</a>'
    copy = f" (перепечатка: {html.escape(source['copy_of_outlet'])})" if source.get("copy_of_outlet") else ""
    return f"<li>{name}{copy}: {html.escape(source['evidence']['text'])}</li>"


def slide(event: dict) -> dict:
    names = ", ".join(p["name"] for p in event["participants"])
    headline = names + (f" — {event['place']}" if event["place"] else "")
    outlets = ", ".join(event.get("independent_outlets") or ())
    text = (f"<p>{STATUS_WORDS.get(event['status'], event['status'])}; "
            f"источников: {len(event['sources'])} (независимых: {event['independent_sources']}"
            f"{': ' + html.escape(outlets) if outlets else ''})</p>"
            f"<ul>{''.join(source_item(s) for s in event['sources'])}</ul>")
    out = {"unique_id": event["id"], "start_date": start_date(event["date"]),
           "text": {"headline": html.escape(headline), "text": text}, "group": event["status"]}
    if event.get("date_end"):
        out["end_date"] = start_date(event["date_end"])
    return out


def timeline(events: list[dict]) -> dict:
    return {"title": {"text": {"headline": "Переговоры", "text": "Встречи, восстановленные по новостям"}},
            "events": [slide(e) for e in events if e["date"]]}


def write_timelinejs(events: list[dict], path: Path) -> int:
    """Writes the dated events; returns how many slides that is."""
    data = timeline(events)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(data["events"])
