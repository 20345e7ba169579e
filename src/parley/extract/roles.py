"""Roles from appositions: "министр финансов Скотт Бессент".

Entry point: ``find_roles(document, analysis, mentions)``.
"""
from __future__ import annotations

from parley.records import ActorMention, Analysis, Document, Role


def find_roles(document: Document, analysis: Analysis, mentions: tuple[ActorMention, ...]) -> tuple[Role, ...]:
    return ()
