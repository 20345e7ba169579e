import pytest

from parley import nlp


def test_nlp_splits_lines_before_sentences():
    text = " date 2026-02-01\nЗаголовок без точки\nПервое предложение. Второе предложение."
    sentences = [text[a:b] for a, b in nlp.split_sentences(text)]
    assert sentences == ["date 2026-02-01", "Заголовок без точки", "Первое предложение.", "Второе предложение."]


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("Стороны не раскрыли деталей беседы.Подробности ожидаются позже.",
         ["Стороны не раскрыли деталей беседы.", "Подробности ожидаются позже."]),
        ("Делегації зустрілися в Женеві.Переговори тривали довго.",
         ["Делегації зустрілися в Женеві.", "Переговори тривали довго."]),
        ("В.Путин встретился с Д.Трампом.", ["В.Путин встретился с Д.Трампом."]),
        ("Рост составил 1.5 процента.", ["Рост составил 1.5 процента."]),
        ("Встреча на ул.Садовой прошла быстро.", ["Встреча на ул.Садовой прошла быстро."]),
        ("Он сказал «Газете.Ru», что всё решено.", ["Он сказал «Газете.Ru», что всё решено."]),
    ],
)
def test_nlp_splits_sentences_at_a_full_stop_with_no_space_after(text, sentences):
    assert [text[a:b] for a, b in nlp.split_sentences(text)] == sentences


def test_nlp_finds_name_at_document_start(models):
    analysis = nlp.analyse("Уиткофф прилетел в Москву.")
    names = [(s.type, s.normal) for s in analysis.sentences[0].spans]
    assert ("PER", "Уиткофф") in names


def test_nlp_offsets_point_into_text(models):
    text = "Вчера в Майами Стив Уиткофф встретился с Кириллом Дмитриевым."
    analysis = nlp.analyse(text)
    for span in analysis.sentences[0].spans:
        assert text[span.start:span.stop] == span.text


@pytest.mark.parametrize(
    "surface, expected",
    [
        ("Кириллом Дмитриевым", "Кирилл Дмитриев"),
        ("Путиным", "Путин"),
        ("Рустема Умерова", "Рустем Умеров"),
    ],
)
def test_nlp_normalizes_person_names_to_nominative(models, surface, expected):
    assert nlp.normalize_name(surface, "PER") == expected


def test_nlp_parses_only_requested_sentences(models):
    analysis = nlp.analyse("Переговоры прошли в Женеве. Погода была хорошей.", parse=lambda s: "Переговоры" in s)
    assert [s.parsed for s in analysis.sentences] == [True, False]
    assert analysis.sentences[0].tokens[0].lemma == "переговоры"


def test_a_run_without_full_stops_is_cut_at_clause_marks():
    from parley.nlp import MAX_SENTENCE_CHARS, split_sentences

    clause = "делегации обсудили обмен пленными и гарантии, после чего стороны сделали перерыв; "
    text = "Заголовок\n" + clause * 400
    pieces = split_sentences(text)
    assert len(pieces) > 50
    assert all(stop - start <= MAX_SENTENCE_CHARS for start, stop in pieces)
    assert all(text[stop - 1] in ";," for start, stop in pieces[1:-1])  # cut after a mark, never mid-word
    covered = "".join(text[start:stop] for start, stop in pieces)
    assert covered.replace(" ", "") == text.replace("\n", "").replace(" ", "")


def test_a_run_without_spaces_is_cut_hard():
    from parley.nlp import split_sentences

    pieces = split_sentences("ж" * 1234, limit=500)
    assert pieces == [(0, 500), (500, 1000), (1000, 1234)]


def test_ordinary_sentences_are_not_cut():
    from parley.nlp import split_sentences

    text = "Первое предложение о встрече. " * 3 + "Второе, с запятыми, двоеточием: и точкой с запятой; вот."
    assert split_sentences(text) == split_sentences(text, limit=10**9)


def test_sentence_at_finds_the_sentence_in_order_or_not():
    from parley.records import Analysis, Sentence

    ordered = tuple(Sentence(start=10 * n, stop=10 * n + 8, text="x" * 8) for n in range(50))
    analysis = Analysis(text="", sentences=ordered)
    assert analysis.sentence_at(123) is ordered[12] and analysis.sentence_at(129) is None
    assert analysis.sentence_at(0) is ordered[0] and analysis.sentence_at(-1) is None
    shuffled = Analysis(text="", sentences=(ordered[3], ordered[1], ordered[2]))
    assert shuffled.sentence_at(15) is ordered[1] and shuffled.sentence_at(35) is ordered[3]


@pytest.mark.parametrize("word", ["переговоров", "Уиткоффа", "состоялась", "российско-американские", "ИИ", "ёжиком"])
def test_readings_are_natashas(word):
    from natasha import MorphVocab
    from pymorphy2.analyzer import Parse

    def described(parse):
        return (parse.word, str(parse.tag), parse.normal_form, parse.score, parse.normal, parse.pos,
                list(parse.feats.items()))

    ours, natashas = nlp.morph_vocab().parse(word), MorphVocab().parse(word)
    assert [described(p) for p in ours] == [described(p) for p in natashas]
    for mine, theirs in zip(ours, natashas):
        for grammemes in ({"nomn", "sing"}, {"gent", "plur"}):
            inflected, expected = Parse.inflect(mine, grammemes), Parse.inflect(theirs, grammemes)
            assert (inflected and described(inflected)) == (expected and described(expected))
    assert nlp.morph_vocab().lemmatize(word, "NOUN", {"Case": "Nom"}) == MorphVocab().lemmatize(word, "NOUN", {"Case": "Nom"})


def test_crf_decoding_is_slovnets():
    import numpy as np
    from slovnet.exec.model import CRF, Weight

    from parley import crf

    rng = np.random.default_rng(3)
    for batch, seq, tags in [(1, 1, 3), (4, 7, 5), (9, 30, 9), (3, 2, 2)]:
        transitions = rng.standard_normal((tags, tags)).astype(np.float32)
        emissions = rng.standard_normal((batch, seq, tags)).astype(np.float32)
        sizes = rng.integers(1, seq + 1, size=batch)
        mask = np.arange(seq)[None, :] < sizes[:, None]
        expected = CRF(Weight(transitions.shape, transitions.dtype.name, transitions)).decode(emissions, mask)
        found = crf.decode(transitions, emissions, mask)
        assert [list(path) for path in found] == [list(path) for path in expected]



def test_conv_encoder_is_slovnets_up_to_rounding(models):
    """The folded batch norms give slovnet's own encoder output: sentences of one word, padding, unknown words."""
    import numpy as np
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger

    sentences = [["Уиткофф"], ["Переговоры", "в", "Женеве", "продлились", "пять", "часов", "."],
                 ["Стороны", "обсудили", "обмен", "пленными"], ["Кракозябра", "12,5", "!"]]
    embedding = NewsEmbedding()
    for fresh in (NewsNERTagger(embedding), NewsMorphTagger(embedding)):  # slovnet's layers, not ours
        model = fresh.infer.model
        encoded = nlp._encode(fresh.infer.encoder, sentences)
        expected = model.encoder(model.emb(encoded.word_id, encoded.shape_id), encoded.pad_mask)
        ours = nlp._ConvEncoder(model.emb, model.encoder.layers)((encoded.word_id, encoded.shape_id), encoded.pad_mask)
        assert np.allclose(ours, expected, atol=1e-4)
        assert np.abs(expected).max() > 0.1


@pytest.mark.parametrize("args", [(0, 5, "Уиткофф"), (3, 9, "встреча", "встреча", "NOUN", (("Case", "Nom"),), 2, "nsubj")])
def test_tokens_made_by_the_adapter_are_the_records_themselves(args):
    from parley.records import Token

    made, expected = nlp._token(*args), Token(*args)
    assert made == expected and hash(made) == hash(expected) and repr(made) == repr(expected)
    with pytest.raises(AttributeError):
        made.start = 1  # still frozen
