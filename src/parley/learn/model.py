"""Linear models read from JSON: a keep/drop model and a status model.

Entry point: ``load(path)`` → :class:`MeetingModel`; ``shipped()`` → the model in
the package, loaded once per process. Weights are plain named numbers, so a
model file is small, diffable and needs nothing but the standard library to use.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from parley.records import MeetingStatus

SHIPPED = Path(__file__).with_name("data") / "meetings.json"
FORMAT = 1

Weights = dict[str, float]


def _dot(weights: Weights, features: dict[str, float]) -> float:
    return sum(weights.get(name, 0.0) * value for name, value in features.items())


@dataclass(frozen=True)
class MeetingModel:
    version: str
    keep_weights: Weights
    keep_threshold: float
    status_weights: dict[str, Weights]  # status value → weights
    description: str = ""

    def keep_probability(self, features: dict[str, float]) -> float:
        score = _dot(self.keep_weights, features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def keeps(self, features: dict[str, float]) -> bool:
        return self.keep_probability(features) >= self.keep_threshold

    def status(self, features: dict[str, float]) -> MeetingStatus:
        scores = {status: _dot(weights, features) for status, weights in self.status_weights.items()}
        return MeetingStatus(max(sorted(scores), key=lambda s: scores[s]))

    def to_json(self) -> dict:
        return {"format": FORMAT, "version": self.version, "description": self.description,
                "keep": {"threshold": self.keep_threshold, "weights": _rounded(self.keep_weights)},
                "status": {s: _rounded(w) for s, w in sorted(self.status_weights.items())}}


def _rounded(weights: Weights) -> Weights:
    return {k: round(v, 5) for k, v in sorted(weights.items()) if abs(v) >= 1e-5}


def load(path: Path) -> MeetingModel:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise RuntimeError(f"cannot read the meeting model {path}: {error}; rebuild it with `make model`") from error
    if data.get("format") != FORMAT:
        raise RuntimeError(f"{path} has model format {data.get('format')!r}, this Parley reads {FORMAT}; "
                           "rebuild it with `make model`")
    unknown = set(data["status"]) - {s.value for s in MeetingStatus}
    if unknown:
        raise RuntimeError(f"{path} names unknown statuses {sorted(unknown)}")
    return MeetingModel(version=data["version"], description=data.get("description", ""),
                        keep_weights=data["keep"]["weights"], keep_threshold=data["keep"]["threshold"],
                        status_weights=data["status"])


@lru_cache(maxsize=1)
def shipped() -> MeetingModel:
    return load(SHIPPED)
