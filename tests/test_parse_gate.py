from __future__ import annotations

import pytest

from parley.extract import wants_parse


@pytest.mark.parametrize("text, wanted", [
    ("Горелов и Петров увидятся в Вене на следующей неделе.", True),
    ("Они уже виделись в прошлом месяце.", True),
    ("Свидетель рассказал суду о пожаре на складе.", False),  # "видет" inside another word
    ("Суд выслушал свидетельские показания.", False),
])
def test_wants_parse_on_meeting_stems_only(text, wanted):
    assert wants_parse(text) is wanted
