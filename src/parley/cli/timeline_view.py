"""Fused meetings as rich tables that read well from 80 columns up.

Entry point: ``print_events(console, events, title)``; ``compact_table(title)`` is the same style for
the other query tables. Dated meetings come first, in one table;
undated ones follow in their own table under a heading. Participants take whatever width the
other columns leave; sources read "3/2" (articles / independent ones); a meeting whose reports
disagree gets a "!" in its status cell and a line under the table naming the values in dispute.
"""
from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

STATUS_COLOURS = {"held": "green", "planned": "cyan", "cancelled": "red", "unknown": "yellow"}
CONFLICT_MARK = "!"
LEGEND = f"sources: articles/independent ones; {CONFLICT_MARK}: the reports disagree (listed below)"


def print_events(console: Console, events: list[dict], title: str) -> None:
    dated = [e for e in events if e.get("date")]
    undated = [e for e in events if not e.get("date")]
    if dated or not undated:
        console.print(_table(dated, title, with_date=True))
    if undated:
        heading = f"Undated: {len(undated)} meetings" if dated else f"{title}, all undated"
        if dated:
            console.print()
        console.print(_table(undated, heading, with_date=False))
    disputes = [line for e in events for line in _conflict_lines(e)]
    if disputes:
        console.print()
    for line in disputes:
        console.print(line, highlight=False)
    if events:
        console.print(Text(LEGEND, style="dim"), highlight=False)


def compact_table(title: str) -> Table:
    """Full width, no vertical rules: the columns keep their text for themselves."""
    return Table(title=title, title_justify="left", expand=True, box=box.SIMPLE_HEAD, pad_edge=False,
                 collapse_padding=True, show_edge=False)


def _table(events: list[dict], title: str, with_date: bool) -> Table:
    table = compact_table(title)
    if with_date:
        table.add_column("date", no_wrap=True, min_width=10)
    table.add_column("participants", ratio=1, overflow="fold")
    table.add_column("place", max_width=16, overflow="fold")
    table.add_column("status", no_wrap=True)
    table.add_column("sources", no_wrap=True, justify="right")
    for e in events:
        cells = [date_span(e)] if with_date else []
        cells += [", ".join(p["name"] for p in e["participants"]) or "—", e["place"] or "—",
                  _status(e), f"{len(e['sources'])}/{e.get('independent_sources', len(e['sources']))}"]
        table.add_row(*cells)
    return table


def date_span(event: dict) -> str:
    """"2026-02-17–18" for a round of two days in one month, "2026-01-31–02-01" across two."""
    date, end = event.get("date") or "", event.get("date_end")
    if not end or not date:
        return date
    return f"{date}–{end[8:] if end[:7] == date[:7] else end[5:]}"


def _status(event: dict) -> str:
    colour = STATUS_COLOURS.get(event["status"], "white")
    mark = f" [bold red]{CONFLICT_MARK}[/]" if event.get("conflicts") else ""
    return f"[{colour}]{event['status']}[/]{mark}"


def _conflict_lines(event: dict) -> list[Text]:
    """``! 2026-01-23 Абу-Даби — date: 2026-01-23 (a2) | 2026-01-24 (a3)``"""
    lines = []
    for conflict in event.get("conflicts", ()):
        values = " | ".join(f"{v['value']} ({', '.join(v['doc_ids'])})" for v in conflict["values"])
        where = " ".join(x for x in (event.get("date"), event.get("place")) if x) or event["id"]
        line = Text(f"{CONFLICT_MARK} ", style="bold red")
        line.append(f"{where} — {conflict['field']}: {values}")
        lines.append(line)
    return lines
