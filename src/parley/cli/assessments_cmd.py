"""``parley assessments``: how each side judged each round, with the words that say so.

The table reads from 80 columns up: date, meeting (participants' surnames and place), judge (with
side; a person by surname), tone, evidence (the judgement's own words); ``--json`` gives every field, the sentence too.
"""
from __future__ import annotations

import typer
from rich.console import Console
from rich.text import Text

from parley.cli.query_args import TOPIC_HELP, TopicName, valid_date, valid_name
from parley.cli.query_cmd import DB_OPTION, JSON_OPTION, _end_of, _fail, _print_json, guarded, opened
from parley.cli.timeline_view import compact_table
from parley.records import Tone

TONE_COLOURS = {"positive": "green", "negative": "red", "mixed": "yellow"}


def valid_side(value: str | None) -> str | None:
    """A side as stored: an ISO 3166 alpha-3 code or EU, NATO, UN, any case."""
    if value is None:
        return None
    side = value.strip().upper()
    if not side.isalpha() or not 2 <= len(side) <= 4:
        raise typer.BadParameter(f"{value!r} is not a side; give a country code such as RUS, UKR, USA, or EU")
    return side


@guarded
def assessments(
    side: str | None = typer.Option(None, "--side", callback=valid_side,
                                    help="Only judges of this side: RUS, UKR, USA, EU…"),
    date_from: str | None = typer.Option(None, "--from", callback=valid_date,
                                         help="Earliest meeting date, YYYY-MM-DD or YYYY-MM."),
    date_to: str | None = typer.Option(None, "--to", callback=valid_date,
                                       help="Latest meeting date, YYYY-MM-DD or YYYY-MM."),
    tone: Tone | None = typer.Option(None, "--tone", help="positive, negative or mixed."),
    topic: TopicName | None = typer.Option(None, "--topic", help=TOPIC_HELP),
    judge: str | None = typer.Option(None, "--judge", callback=valid_name, help="Only this judge (id or name)."),
    limit: int | None = typer.Option(None, "--limit", min=0, help="At most this many judgements."),
    as_json: bool = JSON_OPTION,
    db: str | None = DB_OPTION,
) -> None:
    """How each side judged each meeting: date, meeting, judge, tone and the words that say it."""
    if date_from and date_to and date_from > _end_of(date_to):
        raise _fail(f"--from {date_from} is after --to {date_to}", 2)
    with opened(db) as store:
        total, found = store.assessments(side=side, date_from=date_from, date_to=_end_of(date_to),
                                         tone=tone.value if tone else None, topic=topic.value if topic else None,
                                         judge=judge, limit=limit)
    if as_json:
        _print_json(found)
        return
    title = f"{total} judgements" + (f", the first {len(found)} shown" if len(found) < total else "")
    Console().print(assessment_table(found, title))


def meeting_label(row: dict) -> str:
    """``Уиткофф, Дмитриев · Майами``: at most three surnames, then how many more, keep the column narrow."""
    surnames = [p["name"].split()[-1] for p in row["participants"] if p.get("name")]
    names = ", ".join(surnames[:3]) + (f" +{len(surnames) - 3}" if len(surnames) > 3 else "")
    return " · ".join(x for x in (names or "—", row.get("place")) if x)


def assessment_table(rows: list[dict], title: str):
    table = compact_table(title)
    table.add_column("date", no_wrap=True, min_width=10)
    table.add_column("meeting", ratio=3, overflow="fold")
    table.add_column("judge", ratio=2, overflow="fold")
    table.add_column("tone", no_wrap=True)
    table.add_column("evidence", ratio=3, overflow="fold")
    for row in rows:
        judge = row["by"].split()[-1] + (f" ({row['side']})" if row.get("side") else "")
        table.add_row(row.get("date") or "—", meeting_label(row), judge,
                      Text(row["tone"], style=TONE_COLOURS.get(row["tone"], "")),
                      f"«{row['evidence']['text']}»")
    return table
