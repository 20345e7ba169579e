"""Which reports are copies of one another: the wire agency in the dateline, and a text simhash.

Republished copies of one wire story count as one independent source. Both
signals are computed once per document when it is saved.
"""
from __future__ import annotations

import hashlib
import re

# Agencies whose stories are republished verbatim; the key is what ends up in the record.
AGENCIES = {
    "риа новости": "РИА Новости", "тасс": "ТАСС", "интерфакс": "Интерфакс", "рбк": "РБК",
    "укринформ": "Укринформ", "униан": "УНИАН", "рейтер": "Reuters", "reuters": "Reuters",
    "ассошиэйтед пресс": "AP", "associated press": "AP", "франс пресс": "AFP", "afp": "AFP",
    "bloomberg": "Bloomberg", "блумберг": "Bloomberg", "прайм": "ПРАЙМ", "спутник": "Sputnik",
}
# "МОСКВА, 18 фев – РИА Новости." — a capitalised city, a date, a dash, the agency.
DATELINE = re.compile(r"^[А-ЯЁA-Z][А-ЯЁA-Z\- ]{2,40},\s*\d{1,2}\s+\w+\.?\s*[–—-]\s*([^.\n]{2,40})", re.MULTILINE)
SHINGLE = 3
SIGNATURE_BITS = 64
NEAR_COPY_BITS = 6  # simhashes this close are the same story with light edits


def wire_agency(text: str) -> str | None:
    """The agency a dateline credits, looked for in the first lines only."""
    match = DATELINE.search(text[:600])
    if not match:
        return None
    credited = match.group(1).strip().lower()
    return next((name for key, name in AGENCIES.items() if credited.startswith(key)), None)


def simhash(text: str) -> str:
    words = re.findall(r"\w+", text.lower().replace("ё", "е"))
    weights = [0] * SIGNATURE_BITS
    for i in range(max(1, len(words) - SHINGLE + 1)):
        shingle = " ".join(words[i:i + SHINGLE])
        value = int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big")
        for bit in range(SIGNATURE_BITS):
            weights[bit] += 1 if value >> bit & 1 else -1
    signature = sum(1 << bit for bit, weight in enumerate(weights) if weight > 0)
    return f"{signature:016x}"


def near_copies(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return bin(int(a, 16) ^ int(b, 16)).count("1") <= NEAR_COPY_BITS
