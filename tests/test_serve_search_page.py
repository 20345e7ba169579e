"""The search page: passages grouped by article, the query's words marked in any form, the text escaped."""
from __future__ import annotations

import pytest

from parley.serve.pages import hits_by_article, marked_words
from parley.store.stemmer import stem


@pytest.mark.parametrize("text, query, marked", [
    ("Переговоры в Женеве продолжились.", "переговорах", ["Переговоры"]),
    ("Делегации провели переговоры, а затем новые переговоры.", "переговоров", ["переговоры", "переговоры"]),
    ("Встреча прошла в Стамбуле.", "переговоры", []),
    ("Стороны <script>обсудили</script> обмен.", "обсудят", ["обсудили"]),
])
def test_serve_search_page_marks_words_in_any_form(text, query, marked):
    pieces = marked_words(text, {stem(query)})
    assert "".join(piece for piece, _ in pieces) == text  # nothing lost, nothing added
    assert [piece for piece, hit in pieces if hit] == marked


def test_serve_search_page_groups_passages_by_article():
    hits = [{"doc_id": "a", "title": "Первая", "text": "Переговоры начались.", "start": 0, "end": 20},
            {"doc_id": "b", "title": "Вторая", "text": "Переговоры шли долго.", "start": 0, "end": 21},
            {"doc_id": "a", "title": "Первая", "text": "Итоги переговоров неясны.", "start": 30, "end": 55}]
    articles = hits_by_article(hits, "переговорах")
    assert [a["doc_id"] for a in articles] == ["a", "b"]
    assert [len(a["passages"]) for a in articles] == [2, 1]
    assert articles[0]["passages"][1]["start"] == 30


def test_serve_search_page_leaves_short_common_words_unmarked():
    hits = [{"doc_id": "a", "title": "Одна", "text": "В Женеве и в Эр-Рияде шли переговоры в четверг.", "start": 0,
             "end": 47}]
    passage = hits_by_article(hits, "переговорах в Женеве")[0]["passages"][0]
    assert [piece for piece, hit in passage["pieces"] if hit] == ["Женеве", "переговоры"]
