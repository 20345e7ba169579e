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


def is_role_reference(text: str, name: str) -> bool:
    """Whether a mention names its person by office ("российский лидер" for Владимир Путин), not by name."""
    return name.split()[-1][:3].lower() not in text.lower() and any(role_head(w) for w in text.split())


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


OFFICES = {"президент": "head_of_state", "лидер": "head_of_state", "глава": "head_of_state",
           "госсекретарь": "foreign_minister", "вице-президент": "vice_president",
           "канцлер": "head_of_government", "премьер": "head_of_government", "премьер-министр": "head_of_government"}
PHRASE_HEADS = frozenset({"представитель", "пресс-секретарь", "глава", "руководитель"})


def office_of(head: str, phrase: str) -> str | None:
    """Offices a phrase names beyond its head: "глава Госдепа", "представитель Кремля"."""
    words = phrase.split()
    at = next((n for n, w in enumerate(words) if role_head(w) == head), None)
    after = words[at + 1:] if at is not None else []
    following = " ".join(after[:2])
    if head in ("глава", "руководитель"):
        if re.search(r"госдеп|\bмид\b|внешнеполитическ", following):
            return "foreign_minister"
        if re.search(r"пентагон|минобороны", following):
            return "defence_minister"
        if following.startswith("офиса"):
            return "head_of_office"
        if re.search(r"кремл|белого дома", following):
            return "head_of_state"
        if after and country_in(after[0]):
            # "глава России", "глава киевского режима"; not "глава украинской делегации"
            named_state = len(after) > 1 and after[1].startswith(("режим", "государств", "стран", "республик"))
            if not after[0].endswith(("ого", "ой", "ей", "его")) or named_state:
                return "head_of_state"
        return None  # "глава делегации", "глава фракции": not an office the knowledge base dates
    if head in ("представитель", "пресс-секретарь") and re.search(r"кремл|белого дома|президента", following):
        return "press_secretary"
    return None
