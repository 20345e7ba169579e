"""The page's words in Russian and English: one catalogue for the templates and the scripts.

Entry points: ``language_of(request)`` (the ``hl`` query parameter, else the
``hl`` cookie, else Russian) and ``Labels(lang)``, which templates call as
``t("key")`` and ``tn(count, "key")`` (a count with its noun). The scripts get the
chosen language's catalogue as JSON in the page. The data (names, places,
quotes, evidence) stays as the articles report it.

A noun's forms are "|"-separated: Russian one|few|many, English one|many.
"""
from __future__ import annotations

LANGUAGES = ("ru", "en")
DEFAULT = "ru"
PARAMETER = "hl"  # not "lang": that filters the sources by the language they are written in
COOKIE = "hl"
COOKIE_AGE = 365 * 24 * 3600

CATALOGUE: dict[str, tuple[str, str]] = {
    # the frame
    "lang.name": ("Русский", "English"),
    "nav.meetings": ("Встречи", "Meetings"),
    "nav.actors": ("Участники", "Actors"),
    "nav.assessments": ("Оценки", "Assessments"),
    "nav.api": ("API", "API"),
    "nav.language": ("Язык", "Language"),
    "search.placeholder": ("Поиск по статьям", "Search the articles"),
    "search.button": ("Найти", "Search"),
    "footer": ("Каждый факт ведёт к предложению, в котором он сообщён.",
               "Every fact leads to the sentence that reports it."),
    # statuses and changes
    "status.held": ("состоялась", "held"),
    "status.planned": ("планируется", "planned"),
    "status.cancelled": ("отменена", "cancelled"),
    "status.unknown": ("неизвестно", "unknown"),
    "change.reported": ("сообщено", "reported"),
    "change.held": ("состоялась", "held"),
    "change.planned": ("запланирована", "planned"),
    "change.moved": ("перенесена", "moved"),
    "change.cancelled": ("отменена", "cancelled"),
    "change.unknown": ("неясно", "unclear"),
    "legend.statuses": ("Статусы встреч", "Meeting statuses"),
    "legend.sides": ("Стороны участников", "Participants' sides"),
    "side.USA": ("США", "USA"),
    "side.RUS": ("Россия", "Russia"),
    "side.UKR": ("Украина", "Ukraine"),
    "side.other": ("другие", "others"),
    # the meetings page
    "index.title": ("Встречи и переговоры", "Meetings and talks"),
    "filter.actor": ("Участник", "Participant"),
    "filter.all": ("все", "all"),
    "filter.from": ("С", "From"),
    "filter.to": ("По", "To"),
    "filter.status": ("Статус", "Status"),
    "filter.place": ("Место", "Place"),
    "filter.lang": ("Язык источника", "Source language"),
    "filter.any_lang": ("любой", "any"),
    "filter.any_place": ("любое", "any"),
    "filter.show": ("Показать", "Show"),
    "filter.reset": ("сбросить", "reset"),
    "summary.of": ("из", "of"),
    "summary.participant": ("участник", "participant"),
    "summary.undated": ("без даты — только в таблице", "undated: in the table only"),
    "summary.first": ("Показаны первые {shown} из {matching}: сузьте условия.",
                      "The first {shown} of {matching} are shown: narrow the filters."),
    "n.meetings": ("встреча|встречи|встреч", "meeting|meetings"),
    "n.actors": ("участник|участника|участников", "actor|actors"),
    "timeline.title": ("Хронология", "Timeline"),
    "timeline.noscript": ("Хронологии нужен JavaScript; все встречи перечислены в таблице ниже.",
                          "The timeline needs JavaScript; every meeting is listed in the table below."),
    "timeline.empty": ("Нет датированных встреч для хронологии.", "No dated meetings to place on the timeline."),
    "timeline.hint": ("Сдвиньте или масштабируйте хронологию: её окно отбирает встречи на карте, в сети и в таблице.",
                      "Drag or zoom the timeline: its window picks the meetings on the map, in the network and in "
                      "the table."),
    "brush.window": ("В окне хронологии", "In the timeline's window"),
    "brush.apply": ("сделать фильтром", "use as filter"),
    "brush.reset": ("всё время", "all dates"),
    "track.us-ru": ("США — Россия", "USA – Russia"),
    "track.us-ua": ("США — Украина", "USA – Ukraine"),
    "track.ru-ua": ("Россия — Украина", "Russia – Ukraine"),
    "track.three-way": ("Трёхсторонние", "Three-way"),
    "track.calls": ("Звонки лидеров", "Leaders' calls"),
    "track.other": ("Другие", "Other"),
    "network.title": ("Сеть участников", "Network of participants"),
    "network.hint": ("Толщина линии — число состоявшихся встреч, пунктир — только запланированные; щёлкните линию, "
                     "чтобы открыть последнюю встречу пары, или имя — чтобы открыть участника.",
                     "Line width is the number of held meetings, dashed when only planned; click a line to open "
                     "the pair's latest meeting, a name to open the participant."),
    "network.countries": ("показать страны", "show countries"),
    "network.empty": ("Нет участников для сети.", "No participants for the network."),
    "map.title": ("Карта", "Map"),
    "map.hint": ("Размер кружка — число встреч; щёлкните, чтобы отобрать встречи этого места.",
                 "Circle size is the number of meetings; click one to pick that place's meetings."),
    "map.empty": ("Нет встреч с известным местом.", "No meetings with a known place."),
    "map.unplaced": ("не на карте (место не найдено): {places}", "not on the map (place not found): {places}"),
    "export.title": ("Скачать выборку", "Download this selection"),
    "table.all": ("Все встречи", "All meetings"),
    "table.matching": ("Встречи по условиям", "Matching meetings"),
    "col.date": ("Дата", "Date"),
    "col.participants": ("Участники", "Participants"),
    "col.place": ("Место", "Place"),
    "col.status": ("Статус", "Status"),
    "col.sources": ("Источники", "Sources"),
    "col.topics": ("Темы", "Topics"),
    "no_date": ("без даты", "undated"),
    "events.none": ("Нет встреч по этим условиям.", "No meetings match these filters."),
    "no_participants": ("участники не названы", "participants not named"),
    "sources.count": ("источников", "sources"),
    # one meeting
    "event.title": ("Встреча", "Meeting"),
    "event.participants": ("Участники", "Participants"),
    "event.date": ("Дата", "Date"),
    "event.place": ("Место", "Place"),
    "event.status": ("Статус", "Status"),
    "event.sources": ("Источники", "Sources"),
    "event.independent": ("независимых", "independent"),
    "event.no_date": ("не указана", "not given"),
    "event.no_place": ("не указано", "not given"),
    "event.conflicts": ("Расхождения между источниками", "Where the sources disagree"),
    "field.place": ("место", "place"),
    "field.date": ("дата", "date"),
    "field.status": ("статус", "status"),
    "field.participants": ("участники", "participants"),
    "field.tone": ("оценка", "assessment"),
    "event.history": ("История сообщений", "History of the reports"),
    "history.reported": ("Сообщено", "Reported"),
    "history.change": ("Изменение", "Change"),
    "history.article": ("Статья", "Article"),
    "source.unknown_date": ("дата публикации неизвестна", "publication date unknown"),
    "source.original": ("оригинал", "original"),
    "source.copy_of": ("перепечатка", "copy of"),
    "source.here": ("в этой статье", "in this article"),
    "source.lang": ("язык статьи", "the article's language"),
    "source.text": ("Текст статьи", "The article's text"),
    "source.missing": ("Текст статьи не сохранён.", "The article's text is not stored."),
    # actors
    "actors.title": ("Участники", "Actors"),
    "actors.by_meetings": ("по числу встреч", "by number of meetings"),
    "actors.none": ("Пока нет ни одного участника.", "No actors yet."),
    "col.name": ("Имя", "Name"),
    "col.variants": ("Другие написания", "Other spellings"),
    "col.country": ("Страна", "Country"),
    "col.meetings": ("Встречи", "Meetings"),
    "col.quotes": ("Цитаты", "Quotes"),
    "col.mentions": ("Упоминания", "Mentions"),
    "actor.id": ("Идентификатор", "Id"),
    "actor.kind": ("Тип", "Kind"),
    "kind.person": ("человек", "person"),
    "kind.country": ("страна", "country"),
    "kind.organisation": ("организация", "organisation"),
    "actor.country": ("Страна", "Country"),
    "actor.names": ("Написания", "Spellings"),
    "actor.other_names": ("Также пишут", "Also written"),
    "actor.roles": ("Должности", "Roles"),
    "col.role": ("Должность", "Role"),
    "col.reported": ("Сообщалось", "Reported"),
    "col.articles": ("Статьи", "Articles"),
    "actor.no_roles": ("Должности не найдены.", "No roles found."),
    "actor.meetings": ("Встречи", "Meetings"),
    "actor.no_meetings": ("Встречи не найдены.", "No meetings found."),
    "actor.quotes": ("Цитаты", "Quotes"),
    "actor.no_quotes": ("Цитаты не найдены.", "No quotes found."),
    "date.unknown": ("дата неизвестна", "date unknown"),
    # a document
    "document.crumb": ("статья", "article"),
    "document.highlighted": ("выделено фрагментов", "highlighted passages"),
    "document.meetings": ("Встречи, о которых сообщает статья", "Meetings this article reports"),
    "document.mark": ("выделить в тексте", "mark in the text"),
    # search
    "search.title": ("Поиск", "Search"),
    "search.prompt": ("Введите слова в поле поиска: подойдут любые формы слова («переговоры», «переговорах»).",
                      "Type words into the search box: any form of a word will do («переговоры», «переговорах»)."),
    "search.nothing": ("Ничего не найдено.", "Nothing found."),
    "search.found": ("Найдено", "Found"),
    "search.in_month": ("за", "in"),
    "search.all_months": ("все месяцы", "all months"),
    "search.articles": ("статей", "articles"),
    "search.by_month": ("По месяцам публикации", "By month of publication"),
    "search.no_month": ("без даты", "undated"),
    # errors
    "error.back": ("К списку встреч", "Back to the meetings"),
}


def plural_ru(count: int, forms: list[str]) -> str:
    """The noun form for a count: 1 встреча, 3 встречи, 5 встреч, 21 встреча, 11 встреч."""
    one, few, many = forms
    if count % 10 == 1 and count % 100 != 11:
        return one
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return few
    return many


class Labels:
    """The catalogue in one language, callable from templates."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else DEFAULT
        self.index = LANGUAGES.index(self.lang)

    def __call__(self, key: str, **values) -> str:
        text = CATALOGUE[key][self.index]
        return text.format(**values) if values else text

    def count(self, count: int, key: str) -> str:
        forms = CATALOGUE[key][self.index].split("|")
        noun = plural_ru(count, forms) if self.lang == "ru" else forms[0] if count == 1 else forms[1]
        return f"{count} {noun}"

    def catalogue(self) -> dict[str, str]:
        """Every label in this language, for the scripts."""
        return {key: texts[self.index] for key, texts in CATALOGUE.items()}


def language_of(request) -> tuple[str, bool]:
    """The page's language and whether the request chose it just now (then the cookie remembers it)."""
    asked = request.query_params.get(PARAMETER)
    if asked in LANGUAGES:
        return asked, True
    kept = request.cookies.get(COOKIE)
    return (kept if kept in LANGUAGES else DEFAULT), False
