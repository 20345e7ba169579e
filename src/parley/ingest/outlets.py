"""Who published a document: an outlet's name from its URL's host, the page's own name, or the feed's title.

Entry point: ``outlet_of(url, named=None)``. The table of known hosts
(``parley/resolve/data/outlets.tsv``) wins, so one outlet has one name whichever
input brought its article (a page's ``og:site_name``, a feed, a JSONL line with a
URL); a name the input gives comes next; an unknown host is shown as itself.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

DATA_FILE = "outlets.tsv"
MAX_NAME = 120


@lru_cache(maxsize=1)
def known_outlets() -> dict[str, str]:
    text = resources.files("parley.resolve").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        host, _, name = line.partition("\t")
        if not name.strip():
            raise ValueError(f"{DATA_FILE}:{number}: expected 'host<TAB>name', got {line!r}")
        table[host.strip().lower()] = name.strip()
    return table


def host_of(url: str | None) -> str | None:
    """The URL's host without "www." and "m.", or None when it has none."""
    if not url or "//" not in url:
        return None
    try:
        host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    for prefix in ("www.", "m."):
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host or None


def outlet_of(url: str | None, named: str | None = None) -> str | None:
    """The outlet for a document at ``url``; ``named`` is what the input calls it (og:site_name, feed title)."""
    host = host_of(url)
    table = known_outlets()
    if host:
        parts = host.split(".")
        for i in range(len(parts) - 1):  # "world.comments.ua" is "comments.ua"
            found = table.get(".".join(parts[i:]))
            if found:
                return found
    named = " ".join((named or "").split())[:MAX_NAME]
    return named or host
