"""Where the quoted words are: «…», "…", „…“, “…” and dialogue dashes.

Entry point: ``quoted_spans(text)``, the spans in text order; ``is_title``
tells a quoted name of an outlet or a document from a quote.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from parley.lang import lexicon

RU = lexicon("ru")

SPEECH_VERB = re.compile("(" + "|".join(map(re.escape, RU.sequence("quotes", "speech_stems"))) + ")")
OUTLET_NOUNS = RU.sequence("quotes", "outlet_stems")
_PAIRS = {"«": "»", "„": "“”", "“": "”"}
_ANY_MARK = re.compile(r"[«„“\"]")
_OPENING = re.compile(r"[«„“]")
WORD = re.compile(r"[^\W_]+")
_DASH = "—–-"
MIN_WORDS = 4


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    start: int  # the quoted words, without the marks
    stop: int
    open_at: int  # where the opening mark (or the dialogue dash) is
    close_at: int  # just after the closing mark; the end of the text when cut off
    after: tuple[int, int] | None = None  # an attribution clause found inside the span's own line


def quoted_spans(text: str) -> list[QuotedSpan]:
    return _parts(text, _marked_spans(text) + _dialogue_spans(text))


def _marked_spans(text: str) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    for line in re.finditer(r"[^\n]+", text):
        base, chunk = line.start(), line.group()
        taken: list[tuple[int, int]] = []
        if not _ANY_MARK.search(chunk):
            continue
        i = 0
        for opening in _OPENING.finditer(chunk):
            if opening.start() < i:
                continue
            mark = opening.group()
            end = _closing(chunk, opening.start(), mark)
            if end is None and text[base + len(chunk):].strip() == "":
                end = len(chunk)  # a quote cut off by the end of the text
            if end is not None:
                spans.append(_span(text, base, opening.start(), end))
                taken.append((opening.start(), end))
                i = end + 1
        if '"' in chunk:
            spans += _straight_spans(text, base, chunk, taken)
    return spans


def _closing(chunk: str, i: int, mark: str) -> int | None:
    depth, closers = 0, _PAIRS[mark]
    for j in range(i + 1, len(chunk)):
        if chunk[j] == mark and mark != "“":
            depth += 1
        elif chunk[j] in closers:
            if depth == 0:
                return j
            depth -= 1
    return None


def _straight_spans(text: str, base: int, chunk: str, taken) -> list[QuotedSpan]:
    """Pair straight quotes by which side of a word they stand on; nested pairs stay inside."""
    spans, stack = [], []
    for i, ch in enumerate(chunk):
        if ch != '"' or any(a < i < b for a, b in taken):
            continue
        before = chunk[i - 1] if i else " "
        after = chunk[i + 1] if i + 1 < len(chunk) else " "
        opening = (before.isspace() or before in "([«—–-:") and not after.isspace()
        closing = not before.isspace() and (after.isspace() or after in ".,;:!?)»—–-…")
        if stack and (closing or not opening):
            start = stack.pop()
            if not stack:
                spans.append(_span(text, base, start, i))
        elif opening or not stack:
            stack.append(i)
    if stack and text[base + len(chunk):].strip() == "":
        spans.append(_span(text, base, stack[0], len(chunk)))  # a quote cut off by the end of the text
    return spans


def _span(text: str, base: int, open_i: int, close_i: int) -> QuotedSpan:
    start, stop = base + open_i + 1, base + close_i
    while start < stop and text[start] in " \"'«„“":
        start += 1
    while stop > start and text[stop - 1] in " \"'»“”":
        stop -= 1
    if close_i >= len(text) - base:
        stop = _trim_cut(text, start, stop)
    return QuotedSpan(start, stop, base + open_i, min(base + close_i + 1, len(text)))


def _trim_cut(text: str, start: int, stop: int) -> int:
    """A quote cut off by the end of the text keeps its last whole word."""
    cut = text.rfind(" ", start, stop)
    return cut if cut > start and text[stop - 1].isalnum() else stop


def _dialogue_spans(text: str) -> list[QuotedSpan]:
    spans = []
    for line in re.finditer(r"(?m)^[ \t]*(?:[—–-][ \t]+)?(.+)$", text):
        body_at = line.start(1)
        body = line.group(1)
        if re.search(r"[«»\"“”„]", body):
            continue  # marked quotes are found by their marks
        sep = next((m for m in re.finditer(r"[,.!?…]?\s+[—–-]\s+(?=\w)", body)
                    if SPEECH_VERB.match(body[m.end():].lower())), None)
        if sep is None:
            continue
        clause_end = re.search(r"[.!?](\s|$)|\s[—–-]\s", body[sep.end():])
        after = (body_at + sep.end(), body_at + sep.end() + (clause_end.start() if clause_end else len(body) - sep.end()))
        stop = body_at + sep.start() + (1 if body[sep.start()] in "!?…" else 0)
        start = body_at
        if not line.group().lstrip().startswith(tuple(_DASH)):
            # no dialogue dash: the words spoken are the sentence before the attribution, not the paragraph
            ends = [m.end() for m in re.finditer(r"[.!?…]\s+(?:[—–-]\s+)?(?=[А-ЯЁA-Z«\"])", body[:sep.start()])]
            start = body_at + (ends[-1] if ends else 0)
        spans.append(QuotedSpan(start, stop, start if start != body_at else line.start(), body_at + sep.end(), after))
    return spans


def _parts(text: str, spans: list[QuotedSpan]) -> list[QuotedSpan]:
    """Split «A, — отметил Путин. — B» into two quotes, each attributed by the inner clause."""
    out = []
    for span in sorted(spans, key=lambda s: s.start):
        inner = text[span.start:span.stop]
        m = re.search(r"[,.!?…]?\s+[—–-]\s+(?P<clause>[^—–«»\"]{3,120}?)[.,:]\s+[—–-]\s+", inner)
        if m and SPEECH_VERB.match(m.group("clause").lower()):
            clause = (span.start + m.start("clause"), span.start + m.end("clause"))
            out.append(QuotedSpan(span.start, span.start + m.start(), span.open_at, span.start + m.end(), clause))
            out.append(QuotedSpan(span.start + m.end(), span.stop, span.start + m.end() - 1, span.close_at, clause))
        else:
            out.append(span)
    return out


def skip_back(text: str, at: int) -> int:
    at -= 1
    while at > 0 and text[at].isspace():
        at -= 1
    return at


def is_title(text: str, span: QuotedSpan) -> bool:
    line = text[max(0, span.open_at - 40):span.open_at].lower().split("\n")[-1]
    before = line.split()
    if before and before[-1].startswith(OUTLET_NOUNS) and before[-1][-1].isalpha():
        return True  # "телеканал «Россия 1»", "газета "…"", not "…договоренностям.\n\n"…""
    words = WORD.findall(text[span.start:span.stop])
    return all(w[:1].isupper() or w.isdigit() for w in words)


# --- speakers -------------------------------------------------------------------------
