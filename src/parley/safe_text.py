"""Text every store and every terminal can take: ``storable`` for what is kept, ``shown`` for paths,
``web_link`` for a URL that becomes a link.

Input can carry characters that no database stores the same way: NUL
(PostgreSQL refuses it in text) and lone surrogates (``"\\ud800"`` in JSON: not
encodable in UTF-8, so SQLite's driver refuses them). ``storable`` drops NUL and
puts U+FFFD for a lone surrogate, the same on every backend, at ingest, before
anything is hashed or stored. ``shown`` is how a file's path is named in the
ledger: bytes that are not UTF-8 as ``\\xff``, and control characters (terminal
escape codes) as ``\\x1b``, so a name can never be mistaken for another or
rewrite the terminal it is printed on.
"""
from __future__ import annotations

import os
import re

_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def storable(text: str) -> str:
    """``text`` without NUL, lone surrogates replaced by U+FFFD."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    if _LONE_SURROGATE.search(text):
        text = _LONE_SURROGATE.sub("\ufffd", text)
    return text


def storable_or_none(text: str | None) -> str | None:
    return storable(text) if text is not None else None


def shown(path: str | os.PathLike) -> str:
    """A path as the ledger names it: readable, one line, free of escape codes."""
    raw = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", storable(raw))


def web_link(url: str | None) -> str | None:
    """``url`` when it is an http(s) address, else None: a ``javascript:`` or ``data:`` URL from an
    input must never become a link on a page, in an export or in a feed."""
    if not url:
        return None
    cleaned = url.strip()
    scheme = cleaned.split(":", 1)[0].lower() if ":" in cleaned else ""
    if scheme not in ("http", "https") or not cleaned[len(scheme) + 1:].startswith("//") \
            or _CONTROL.search(cleaned) or any(c.isspace() for c in cleaned):
        return None
    return cleaned
