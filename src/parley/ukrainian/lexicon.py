"""The Ukrainian lexicon: Ukrainian words and lemmas with the Russian words the extractors know.

Data lives in ``src/parley/lang/uk/`` as tab-separated files, one pair a
line, ``#`` starting a comment:

- ``forms.tsv``: word forms and two-word phrases glossed as written ("у" → "в",
  "за словами" → "по словам", "має" → "должен");
- ``lemmas.tsv``: Ukrainian lemmas → Russian lemmas ("зустріч" → "встреча",
  "четвер" → "четверг"), the gloss then inflected like the Ukrainian word;
- ``classes.tsv``: classes of words the gloss's rewrites look for, a class name
  → its words ("possessives" → "його її їх …").

Entry point: ``ukrainian_lexicon()``, read once per process; a malformed line
raises :class:`LexiconError` naming the file and the line.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from parley.errors import LexiconError

DATA = Path(__file__).resolve().parent.parent / "lang" / "uk"


@dataclass(frozen=True)
class UkrainianLexicon:
    forms: dict[str, str]  # lower-case word form or two-word phrase → Russian gloss
    lemmas: dict[str, str]  # Ukrainian lemma → Russian lemma
    classes: dict[str, str]  # class name → its words, space-separated

    def words(self, name: str) -> frozenset[str]:
        """The words of a class of ``classes.tsv``; an unknown class raises :class:`LexiconError`."""
        if name not in self.classes:
            raise LexiconError(f"{DATA / 'classes.tsv'}: no class {name!r}")
        return frozenset(self.classes[name].split())

    @functools.cached_property
    def phrases(self) -> dict[tuple[str, str], str]:
        return {tuple(k.split()): v for k, v in self.forms.items() if " " in k}


def read_pairs(path: Path) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        fields = [f.strip() for f in line.split("\t") if f.strip()]
        if len(fields) != 2:
            raise LexiconError(f"{path}:{number}: expected 'ukrainian<TAB>russian', got {line!r}")
        source = fields[0].lower().replace("’", "'").replace("ʼ", "'")
        if source in pairs and pairs[source] != fields[1]:
            raise LexiconError(f"{path}:{number}: {source!r} is already glossed as {pairs[source]!r}")
        pairs[source] = fields[1]
    return pairs


@functools.cache
def ukrainian_lexicon(folder: Path = DATA) -> UkrainianLexicon:
    return UkrainianLexicon(forms=read_pairs(folder / "forms.tsv"), lemmas=read_pairs(folder / "lemmas.tsv"),
                            classes=read_pairs(folder / "classes.tsv"))
