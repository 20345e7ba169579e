"""The trained decisions for topics and assessments: two linear models read from JSON.

Entry points: ``shipped()`` → the :class:`TalksModel` in the package, read once
per process; ``load(path)`` and ``from_dict(data)`` for any other. A model is
named weights, a bias and a threshold, so it needs nothing but the standard
library to apply (scikit-learn is used only to train it: ``make model-talks``).
"""
from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

FORMAT = 1
SHIPPED = "talks_model.json"


class ModelError(ValueError):
    """A model file that cannot be used."""


@dataclass(frozen=True)
class LinearModel:
    weights: Mapping[str, float]
    bias: float
    threshold: float

    def score(self, features: Mapping[str, float]) -> float:
        weights = self.weights
        return self.bias + sum(weights.get(name, 0.0) * value for name, value in features.items())

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.score(features)
        return 1.0 / (1.0 + math.exp(-z)) if z > -50 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"bias": self.bias, "threshold": self.threshold,
                "weights": {k: self.weights[k] for k in sorted(self.weights)}}


@dataclass(frozen=True)
class TalksModel:
    version: str
    topics: LinearModel
    assessments: LinearModel

    def to_dict(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": self.version, "topics": self.topics.to_dict(),
                "assessments": self.assessments.to_dict()}


def _linear(data: Any, where: str) -> LinearModel:
    try:
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        return LinearModel(weights, float(data["bias"]), float(data["threshold"]))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ModelError(f"{where}: expected weights, bias and threshold ({error})") from None


def from_dict(data: Any, source: str = "model") -> TalksModel:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ModelError(f"{source}: not a talks model of format {FORMAT}")
    return TalksModel(str(data.get("version", "")), _linear(data.get("topics"), f"{source}: topics"),
                      _linear(data.get("assessments"), f"{source}: assessments"))


def load(path: str | Path) -> TalksModel:
    try:
        return from_dict(json.loads(Path(path).read_text(encoding="utf-8")), str(path))
    except (OSError, json.JSONDecodeError) as error:
        raise ModelError(f"{path}: cannot read the talks model: {error}") from None


@functools.lru_cache(maxsize=1)
def shipped() -> TalksModel:
    resource = resources.files("parley.extract.talks") / SHIPPED
    try:
        text = resource.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ModelError(f"parley/extract/talks/{SHIPPED} is missing: run `make model-talks`") from None
    return from_dict(json.loads(text), SHIPPED)
