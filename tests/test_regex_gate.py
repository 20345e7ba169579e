import re

import pytest

from parley.extract.regex_gate import first_letters, gated


@pytest.mark.parametrize(
    "pattern, letters",
    [
        (r"возглав|во\s+главе|\bглав[аыуео]й?\b|руковод", {"в", "г", "р"}),
        (r"встреч\w*|(?:саммит|визит)", None),  # a group first: not read
        (r"а?бв|где", None),  # an optional first letter
        (r"[вп]ризыв|зов", None),  # a class first
        (r"совет(?:ник|а)|созвон", {"с"}),
        (r"(вывод|отвод) войск|газ", {"в", "о", "г"}),  # a plain group first: its alternatives
        (r"(вывод|отвод)? войск", None),  # an optional group
        (r"(?:вывод|отвод)", None),
    ],
)
def test_first_letters_are_read_only_where_plain(pattern, letters):
    assert first_letters(pattern) == letters


@pytest.mark.parametrize(
    "text",
    ["Делегацию Возглавил министр.", "Во  главе группы стоял посол.", "Глава делегации не приехал.",
     "Заглавие статьи.", "Он руководит группой, в Состав вошли трое.", "Ничего такого.", ""],
)
def test_a_gated_pattern_finds_what_the_pattern_finds(text):
    pattern = r"возглав|во\s+главе|\bглав[аыуео]й?\b|руковод|в\s+состав|вошл"
    plain, fast = re.compile(pattern, re.IGNORECASE), gated(pattern, re.IGNORECASE)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert fast.pattern.startswith("(?=[")
