"""Shared fixtures: models load once per test session; ../shared is optional."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def models():
    from parley import nlp

    return nlp.models()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"{SHARED} is absent: the gold set and corpus live only beside the project")
    return SHARED


@pytest.fixture(scope="session")
def dev_gold(shared_dir) -> list[dict]:
    with (shared_dir / "gold" / "dev.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
