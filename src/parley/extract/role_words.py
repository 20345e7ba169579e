"""Words that name a position, a tie or a side, shared by roles and quotes.

``role_head(word)`` answers whether a word (in any case) is the head of a role
phrase ("министром" → "министр"); ``country_in(words)`` finds the side a role
phrase names ("президента США", "российский лидер", "глава Кремля").
"""
from __future__ import annotations

import functools
import re

from parley.nlp import models

ROLE_HEADS = frozenset("""
президент вице-президент премьер премьер-министр министр замминистра госсекретарь секретарь пресс-секретарь
генсек генсекретарь спецпосланник спецпредставитель посланник представитель постпред полпред посол
помощник советник глава замглавы руководитель начальник председатель зампред заместитель лидер канцлер
зять тесть сын дочь жена супруга брат журналист журналистка корреспондент обозреватель эксперт аналитик
политолог губернатор мэр сенатор конгрессмен конгрессвумен депутат член главнокомандующий командующий
директор дипломат политик переговорщик бизнесмен миллиардер спикер король принц эмир шейх наследник
генерал адмирал командир премьер-министр министр-президент основатель сотрудник
вице-премьер вице-спикер вице-губернатор вице-мэр сопредседатель зампредседателя замгенсека генпрокурор прокурор
судья следователь адвокат юрист омбудсмен уполномоченный комиссар еврокомиссар атташе консул главком
генерал-майор генерал-лейтенант генерал-полковник полковник подполковник майор капитан атаман
патриарх митрополит архиепископ епископ муфтий раввин имам
владелец совладелец гендиректор управляющий менеджер председатель-министр заведующий ректор декан профессор академик
ученый историк социолог экономист блогер активист правозащитник оппозиционер координатор наблюдатель
парламентарий докладчик колумнист ведущий редактор главред фотограф фотокорреспондент оператор писатель поэт
режиссер продюсер актер актриса певец певица музыкант солист вокалист художник
спортсмен футболист хоккеист теннисист боксер тренер полузащитник защитник нападающий вратарь
астронавт космонавт инженер врач рабочий специалист королева принцесса
""".split())

_PREFIXES = frozenset(head[:3] for head in ROLE_HEADS)

# Heads that say nothing of who is meant: they resolve only to the last named person.
GENERIC_HEADS = frozenset({"дипломат", "политик", "переговорщик", "спикер", "эксперт", "бизнесмен"})

PRONOUNS = frozenset({"он", "она"})

# word stem → side; the phrase "президент США" or "российский лидер" names the side it serves
COUNTRY_STEMS = (
    ("сша", "USA"), ("соединенных штатов", "USA"), ("америк", "USA"), ("американ", "USA"), ("белого дома", "USA"),
    ("вашингтон", "USA"), ("госдеп", "USA"), ("трамп", "USA"),
    ("росси", "RUS"), ("рф", "RUS"), ("кремл", "RUS"), ("москв", "RUS"), ("путин", "RUS"),
    ("украин", "UKR"), ("киев", "UKR"), ("зеленск", "UKR"), ("офиса президента", "UKR"),
    ("турци", "TUR"), ("турецк", "TUR"), ("оаэ", "ARE"), ("эмират", "ARE"), ("саудовск", "SAU"),
    ("франци", "FRA"), ("французск", "FRA"), ("германи", "DEU"), ("немецк", "DEU"), ("фрг", "DEU"),
    ("великобритани", "GBR"), ("британ", "GBR"), ("итали", "ITA"), ("польш", "POL"), ("финлянд", "FIN"),
    ("венгри", "HUN"), ("белорусси", "BLR"), ("беларус", "BLR"), ("китай", "CHN"), ("кнр", "CHN"),
    ("нато", "NATO"), ("оон", "UN"), ("евросоюз", "EU"), ("еврокомисси", "EU"), ("ес", "EU"), ("европейск", "EU"),
)


@functools.lru_cache(maxsize=65536)
def role_head(word: str) -> str | None:
    """The nominative head if ``word`` heads a role phrase: "госсекретаря" → "госсекретарь"."""
    low = word.lower().replace("ё", "е")
    bare = low[4:] if low.startswith("экс-") else low
    if bare in ROLE_HEADS:
        return bare
    if bare[:3] not in _PREFIXES or (not bare.isalpha() and "-" not in bare):
        return None  # a declined head keeps its first letters: a cheap test before the analyser
    parses = models().morph_vocab.parse(bare)
    if not parses or parses[0].tag.POS != "NOUN":
        return None  # "после" is a preposition before it is the locative of "посол"
    for p in parses[:3]:
        if p.tag.POS == "NOUN" and p.normal_form.replace("ё", "е") in ROLE_HEADS:
            return p.normal_form.replace("ё", "е")
    return None


def country_in(text: str) -> str | None:
    low = text.lower().replace("ё", "е")
    words = re.findall(r"[а-яa-z]+", low)
    for stem, side in COUNTRY_STEMS:
        if " " in stem:
            hit = stem in low
        elif len(stem) <= 3:
            hit = stem in words
        else:
            hit = any(w.startswith(stem) for w in words)
        if hit:
            return side
    return None


@functools.lru_cache(maxsize=65536)
def ends_role_phrase(word: str) -> bool:
    """A verb or a preposition: the role phrase "Спецпосланник поблагодарил ОАЭ" ends before it."""
    if not word[:1].islower():
        return False
    parses = models().morph_vocab.parse(word)
    return bool(parses) and parses[0].tag.POS in ("VERB", "INFN", "GRND", "PRTS", "PREP", "CONJ")
