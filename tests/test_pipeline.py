import pytest

from parley import pipeline
from parley.records import Document
from parley.relevance import NO_NEGOTIATION_CONTENT

ON_TOPIC = ("Вчера в Женеве Марко Рубио встретился с Андрием Сибигой. "
            "Стороны обсудили условия прекращения огня.")
OFF_TOPIC = "Синоптики обещают на выходных тёплую погоду и слабый ветер."


def _doc(doc_id: str, text: str) -> Document:
    return Document(doc_id=doc_id, text=text)


def test_pipeline_skips_off_topic_document_with_reason(models):
    extraction = pipeline.process(_doc("weather", OFF_TOPIC))
    assert extraction.skipped_reason == NO_NEGOTIATION_CONTENT
    assert (extraction.actors, extraction.meetings, extraction.quotes, extraction.roles) == ((), (), (), ())


def test_pipeline_screen_is_the_same_decision(models):
    assert pipeline.screen(_doc("weather", OFF_TOPIC)) == NO_NEGOTIATION_CONTENT
    assert pipeline.screen(_doc("talks", ON_TOPIC)) is None


def test_pipeline_processes_on_topic_document(models):
    extraction = pipeline.process(_doc("talks", ON_TOPIC))
    assert extraction.skipped_reason is None
    assert {m.name for m in extraction.actors} >= {"Марко Рубио"}


@pytest.mark.parametrize("batch", [1, 2, 16])
def test_pipeline_process_many_matches_process(models, batch):
    docs = [_doc("a", ON_TOPIC), _doc("b", OFF_TOPIC),
            _doc("c", "Переговоры в Эр-Рияде продлились пять часов, сообщил Кирилл Дмитриев."),
            _doc("d", ON_TOPIC + "\n" + OFF_TOPIC)]
    assert list(pipeline.process_many(docs, batch=batch)) == [pipeline.process(d) for d in docs]


def test_pipeline_analysis_does_not_depend_on_batch(models):
    from parley import nlp

    texts = [ON_TOPIC, OFF_TOPIC, "Короткая строка.\n" + ON_TOPIC * 3, "Стороны договорились о новой встрече."]
    assert nlp.analyse_many(texts) == [nlp.analyse(t) for t in texts]


def test_pipeline_threads_get_the_same_analyses(models):
    from concurrent.futures import ThreadPoolExecutor

    from parley import nlp

    texts = [f"{ON_TOPIC} Встреча номер {n} прошла в городе Кызыл-{n}." for n in range(24)]
    expected = [nlp.analyse(t) for t in texts]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(nlp.analyse, texts)) == expected
