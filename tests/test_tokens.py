import random

import pytest
from razdel import tokenize as razdel_tokenize

from parley.tokens import tokenize


def _razdel(text: str) -> list[tuple[int, int, str]]:
    return [(t.start, t.stop, t.text) for t in razdel_tokenize(text)]


@pytest.mark.parametrize(
    "text, words",
    [
        ("Делегации встретились в Женеве.", ["Делегации", "встретились", "в", "Женеве", "."]),
        ("Из-за погоды рейс отложили", ["Из-за", "погоды", "рейс", "отложили"]),
        ("кто -то пришёл", ["кто", "-то", "пришёл"]),  # razdel's dash rule reads across the space
        ("Рост составил 2,5% за 2025-2026 годы", ["Рост", "составил", "2,5", "%", "за", "2025-2026", "годы"]),
        ("счёт 3/4 и 10.02.2026", ["счёт", "3/4", "и", "10.02.2026"]),
        ("Что?! Нет...", ["Что", "?!", "Нет", "..."]),
        ("Он сказал: «Да», — и ушёл =(((", ["Он", "сказал", ":", "«", "Да", "»", ",", "—", "и", "ушёл", "=((("]),
        ("snake_case и yahoo!", ["snake_case", "и", "yahoo!"]),
        ("ΔP растёт, mβж", ["ΔP", "растёт", ",", "mβж"]),
        ("", []),
        ("  \n ", []),
    ],
)
def test_tokens_are_razdels(text, words):
    tokens = tokenize(text)
    assert [word for _, _, word in tokens] == words
    assert tokens == _razdel(text)
    assert all(text[start:stop] == word for start, stop, word in tokens)


def test_tokens_match_razdel_on_random_text():
    marks = "аяЁё zZ1.,-—_/\\:;()=*!?…«»\"'Δσ \n\u212a"
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(marks) for _ in range(rng.randint(0, 14)))
        assert tokenize(text) == _razdel(text), text
