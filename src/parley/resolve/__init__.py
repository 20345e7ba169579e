"""One actor however spelled or declined.

Entry point: ``resolve_name(name, kind)``.
"""
from __future__ import annotations

from parley.resolve.names import fold_key
from parley.records import Actor


def resolve_name(name: str, kind: str = "person") -> Actor:
    key = fold_key(name.split()[-1] if kind == "person" and name.split() else name)
    return Actor(id=key or name, name=name, kind=kind)
