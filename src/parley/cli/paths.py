"""Checks on paths given on the command line, made before any work starts."""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def unwritable(output: Path, inputs: Iterable[Path] = (), db_url: str | None = None) -> str | None:
    """Why ``output`` cannot be written; None when it can. Writing over one of the ``inputs`` or over
    the database (the same file, by any path or link) would destroy them: refused."""
    for path in inputs:
        if path.is_file() and _same_file(output, path):
            return f"it is the input {path}; give another file name"
    database = sqlite_file(db_url) if db_url else None
    if database is not None and any(_same_file(output, Path(f"{database}{suffix}")) for suffix in ("", "-wal", "-shm")):
        return "it is the database; give another file name"
    if output.is_dir():
        return "it is a folder; give a file name"
    folder = output.parent
    if not folder.is_dir():
        return f"no such folder {folder}"
    if not os.access(folder, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        return "permission denied"
    return None


def sqlite_file(db_url: str) -> Path | None:
    """The file of an SQLite database URL (or bare path); None for another database or one in memory."""
    from parley.store.engine import normalise_url

    url = normalise_url(db_url)
    if not url.startswith("sqlite:///") or url.endswith(":memory:"):
        return None
    return Path(url.removeprefix("sqlite:///").split("?", 1)[0]).expanduser()


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.realpath(a) == os.path.realpath(b)
