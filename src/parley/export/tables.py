"""Events as JSON Lines (the full dictionaries), or flat rows in CSV and Parquet."""
from __future__ import annotations

import csv
import json
from pathlib import Path

LIST_COLUMNS = ("participants", "participant_ids", "countries", "independent_outlets", "doc_ids", "urls", "outlets",
                "topics", "assessed_by", "assessment_sides", "assessment_tones", "assessment_evidence")
# Evidence is free text that may hold "; ": in CSV its items go one to a line of the (quoted) cell.
LINE_LIST_COLUMNS = ("assessment_evidence",)


def flat_row(event: dict) -> dict:
    people = event["participants"]
    return {
        "id": event["id"], "type": event["type"], "kind": event.get("kind"), "date": event["date"],
        "date_end": event.get("date_end"), "place": event["place"], "status": event["status"],
        "participants": [p["name"] for p in people], "participant_ids": [p["id"] for p in people],
        "countries": sorted({p["country"] for p in people if p["country"]}),
        "sources": len(event["sources"]), "independent_sources": event["independent_sources"],
        "independent_outlets": event.get("independent_outlets") or [],
        "doc_ids": [s["doc_id"] for s in event["sources"]], "urls": [s["url"] or "" for s in event["sources"]],
        "outlets": [s.get("outlet") or "" for s in event["sources"]],
        "first_evidence": event["sources"][0]["evidence"]["text"] if event["sources"] else "",
        "conflicts": "; ".join(f"{c['field']}: " + " vs ".join(v["value"] for v in c["values"])
                               for c in event["conflicts"]),
        "history": " → ".join(h["change"] for h in event["history"]),
        **judgement_columns(event),
    }


def judgement_columns(event: dict) -> dict:
    """Topics, and one item per judgement in each parallel list: who, their side, the tone, the words."""
    judged = event.get("assessments") or []
    return {"topics": list(event.get("topics") or []), "assessed_by": [a["by"] for a in judged],
            "assessment_sides": [a["side"] or "" for a in judged], "assessment_tones": [a["tone"] for a in judged],
            "assessment_evidence": [a["evidence"]["text"] for a in judged]}


def write_jsonl(events: list[dict], path: Path) -> int:
    with path.open("w", encoding="utf-8") as out:
        for event in events:
            out.write(json.dumps(event, ensure_ascii=False) + "\n")
    return len(events)


def write_json(events: list[dict], path: Path) -> int:
    """One JSON document: the events under "items", with how many there are."""
    path.write_text(json.dumps({"total": len(events), "items": events}, ensure_ascii=False), encoding="utf-8")
    return len(events)


def write_csv(events: list[dict], path: Path) -> int:
    rows = [flat_row(e) for e in events]
    columns = list(flat_row(_EMPTY))
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ("\n" if k in LINE_LIST_COLUMNS else "; ").join(v) if k in LIST_COLUMNS else v
                             for k, v in row.items()})
    return len(rows)


def write_parquet(events: list[dict], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flat_row(e) for e in events]
    schema = pa.schema([(name, pa.list_(pa.string()) if name in LIST_COLUMNS
                         else pa.int64() if name in ("sources", "independent_sources") else pa.string())
                        for name in flat_row(_EMPTY)])
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    return len(rows)


_EMPTY = {"id": "", "type": "", "date": None, "place": None, "status": "", "participants": [], "sources": [],
          "conflicts": [], "history": [], "independent_sources": 0}
