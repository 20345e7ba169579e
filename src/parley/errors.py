"""The few named errors Parley raises; the CLI and API translate them at the edges."""
from __future__ import annotations


class ParleyError(Exception):
    """Base class: a problem the user can act on, with a clear message."""

    exit_code = 1


class InputError(ParleyError):
    """An input could not be read (missing path, unreadable file)."""

    exit_code = 2


class DatabaseError(ParleyError):
    """The database URL is wrong or the database cannot be opened."""

    exit_code = 3


class KnowledgeBaseError(ParleyError):
    """A curated data file (actors, places) is malformed; the message names file and line."""

    exit_code = 4


class LexiconError(ParleyError):
    """A language's lexicon (src/parley/lang/<lang>/) is missing or malformed; the message names file and entry."""

    exit_code = 4
