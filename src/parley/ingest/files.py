"""Walking the input paths: which files to read, and which to refuse before reading them.

Folders are walked recursively without following links; a link is followed
only when it points inside the folder being read. Size is checked with
``stat`` before a byte is read, so a huge file costs nothing.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from parley.safe_text import shown

SUPPORTED_SUFFIXES = {
    ".txt": "text", ".text": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}

# Leading bytes of formats that are never articles.
MAGIC_NUMBERS = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"RIFF", "RIFF media (WebP image, WAV audio)"), (b"%PDF", "PDF document"), (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"), (b"BZh", "bzip2 archive"), (b"\xfd7zXZ", "xz archive"),
    (b"7z\xbc\xaf", "7z archive"), (b"\x7fELF", "executable"), (b"SQLite format 3", "SQLite database"),
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file to read, or a reason it was refused (``skip``/``fail``) before reading."""

    path: Path
    source: str
    name: str = ""  # the path under the input folder without its suffix: the default doc_id
    kind: str | None = None  # a reader name from SUPPORTED_SUFFIXES
    skip: str | None = None
    fail: str | None = None


def walk(paths: Iterable[str | Path], max_bytes: int) -> Iterator[Candidate]:
    """One candidate per file under ``paths``, in a stable order."""
    for path in map(Path, paths):
        if not os.path.lexists(path):
            yield Candidate(path, shown(path), fail="no such file or folder")
        elif path.is_dir():
            yield from _walk_folder(path, max_bytes)
        else:
            yield check_file(path, max_bytes, name=shown(path.stem))


def _walk_folder(root: Path, max_bytes: int) -> Iterator[Candidate]:
    real_root = root.resolve()
    unreadable: list[OSError] = []  # folders os.walk could not list: each gets a failed row
    for folder, dirnames, filenames in os.walk(root, followlinks=False, onerror=unreadable.append):
        yield from _unlisted(unreadable)
        folder_path = Path(folder)
        for name in sorted(dirnames):
            link = folder_path / name
            if link.is_symlink():
                yield _linked_folder(link, real_root)
            elif name.startswith("."):
                yield Candidate(link, shown(link), skip="hidden folder (.git, .cache …): not read")
        dirnames[:] = sorted(name for name in dirnames if not name.startswith("."))
        for name in sorted(filenames):
            path = folder_path / name
            if path.is_symlink():
                reason = _link_problem(path, real_root)
                if reason:
                    yield Candidate(path, shown(path), skip=reason)
                    continue
            yield check_file(path, max_bytes, name=shown(path.relative_to(root).with_suffix("").as_posix()))
    yield from _unlisted(unreadable)


def _unlisted(errors: list[OSError]) -> Iterator[Candidate]:
    while errors:
        error = errors.pop(0)
        path = Path(error.filename or "?")
        yield Candidate(path, shown(path), fail=f"cannot read the folder: {error.strerror or error}")


def _linked_folder(link: Path, real_root: Path) -> Candidate:
    reason = _link_problem(link, real_root)
    return Candidate(link, shown(link), skip=reason or "link to a folder inside the input: its files are read there")


def _link_problem(link: Path, real_root: Path) -> str | None:
    try:
        target = link.resolve()
        exists = target.exists()
    except (OSError, RuntimeError):  # a link to itself, or a loop of links
        return f"symbolic link in a loop (to {shown(os.readlink(link))}): not followed"
    if not exists:
        return f"broken symbolic link (to {shown(os.readlink(link))})"
    if not target.is_relative_to(real_root):
        return f"symbolic link pointing outside the input folder (to {shown(target)}): not followed"
    return None


def check_file(path: Path, max_bytes: int, name: str = "") -> Candidate:
    """Refuse what must not be read: unreadable, empty, too large, binary, of an unknown type."""
    source = shown(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        return Candidate(path, source, fail=f"cannot read: {error.strerror or error}")
    if not path.is_file():
        return Candidate(path, source, skip="not a regular file")
    if size == 0:
        return Candidate(path, source, skip="empty file")
    if size > max_bytes:
        return Candidate(path, source, skip=f"too large: {size:,} bytes, the limit is {max_bytes:,} (PARLEY_MAX_INPUT_BYTES)")
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
    except OSError as error:
        return Candidate(path, source, fail=f"cannot read: {error.strerror or error}")
    binary = binary_kind(head)
    if binary:
        return Candidate(path, source, skip=f"binary file ({binary})")
    kind = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        return Candidate(path, source, skip=f"unsupported file type {path.suffix or '(no extension)'}")
    return Candidate(path, source, name=name or path.stem, kind=kind)


def binary_kind(head: bytes) -> str | None:
    """What binary format ``head`` starts, or None for what may be text."""
    for magic, name in MAGIC_NUMBERS:
        if head.startswith(magic):
            return name
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 text has NUL bytes by nature
    if b"\x00" in head:
        return "contains NUL bytes"
    return None


def source_order(source: str) -> list:
    """Sources in reading order: "news.jsonl:2" before "news.jsonl:10", "feed.rss#9" before "feed.rss#10"."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", source)]
