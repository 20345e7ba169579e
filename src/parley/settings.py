"""One typed settings object: every knob with its default, environment variable and help.

The CLI flags, the API and docs/settings.md all read ``SETTINGS_SPEC``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str = field(default="sqlite:///parley.db",
                        metadata={"env": "PARLEY_DB", "help": "Database URL: sqlite:///FILE or postgresql://..."})
    token: str | None = field(default=None,
                              metadata={"env": "PARLEY_TOKEN", "help": "Token that unlocks writes through the API."})
    max_input_bytes: int = field(default=20_000_000,
                                 metadata={"env": "PARLEY_MAX_INPUT_BYTES",
                                           "help": "Inputs larger than this are skipped with a reason."})
    max_document_chars: int = field(default=200_000,
                                    metadata={"env": "PARLEY_MAX_DOCUMENT_CHARS",
                                              "help": "Longer documents are skipped with a reason."})
    document_seconds: int = field(default=60,
                                  metadata={"env": "PARLEY_DOCUMENT_SECONDS",
                                            "help": "A document whose extraction takes longer fails with "
                                                    "the reason (0: no limit)."})
    document_megabytes: int = field(default=1024,
                                    metadata={"env": "PARLEY_DOCUMENT_MEGABYTES",
                                              "help": "A document whose extraction grows memory by more fails "
                                                      "with the reason (0: no limit)."})
    host: str = field(default="127.0.0.1", metadata={"env": "PARLEY_HOST", "help": "Address the web server binds."})
    allowed_hosts: str = field(default="",
                               metadata={"env": "PARLEY_ALLOWED_HOSTS",
                                         "help": "Host names the web server answers, comma-separated "
                                                 "(default: its loopback names; any when bound to all addresses)."})
    port: int = field(default=8000, metadata={"env": "PARLEY_PORT", "help": "Port the web server listens on."})

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        values = {}
        for f in fields(cls):
            raw = os.environ.get(f.metadata["env"])
            if raw is not None:
                values[f.name] = _whole_number(f.metadata["env"], raw) if f.type in ("int", int) else raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def _whole_number(env: str, raw: str) -> int:
    """A count or a limit: a whole number, never negative."""
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{env}={raw!r} is not a whole number") from None
    if value < 0:
        raise ValueError(f"{env}={raw!r} is negative")
    return value


SETTINGS_SPEC = [(f.name, f.default, f.metadata["env"], f.metadata["help"]) for f in fields(Settings)]
