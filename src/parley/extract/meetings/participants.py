"""Who takes part in the meeting a trigger names.

Entry point: ``participants_for(tree, trigger, people, sides)`` → :class:`Party` list.

A name takes part when the tree links it to the trigger's clause (the subject of
"встретился", the "с + instrumental" partner, the genitive of "переговоры
Трампа и Зеленского", a delegation's members) without passing through a verb of
saying ("сообщила пресс-секретарь Давитян"), a source noun ("по словам
Ушакова", "план Трампа") or a role it only owns ("представитель Путина
Дмитриев"). When the clause names fewer than two parties, the speaker of the
clause ("Уиткофф заявил, что его переговоры с Дмитриевым …") and then the other
names of the sentence are taken in.
"""
from __future__ import annotations

from dataclasses import dataclass

from parley.extract.lexicon import MEETING_NOUNS, SOURCE_NOUNS, SPEECH_VERBS
from parley.resolve.offices import ENVOY_NOUNS, OWNER_NOUNS, PRINCIPAL_TITLES
from parley.resolve.places import gazetteer
from parley.resolve.sides import display as side_display
from parley.extract.meetings.sides import SideMention
from parley.extract.meetings.tree import Tree
from parley.extract.meetings.triggers import Trigger
from parley.records import ActorMention
from parley.lang import lexicon

RU = lexicon("ru")

LEAVING_RELATIONS = {"parataxis", "ccomp", "acl:relcl", "root", "vocative", "discourse"}
PARTICIPATION_NOUNS = RU.words("meetings", "participation_nouns")
MAX_HOPS = 7
# Verbs of passing on what others said or wrote: their subject relays a meeting, never joins it.
RELAYING_VERBS = RU.words("meetings", "relaying_verbs")


@dataclass(frozen=True, slots=True)
class Party:
    key: str  # actor id, or side id
    name: str  # display name
    side: str | None  # the side a person belongs to, or the side itself
    is_person: bool
    mention: ActorMention | None = None


PRONOUNS = RU.words("grammar", "personal_pronouns")
MEETING_NOUN_LEMMAS = frozenset(MEETING_NOUNS)
# Subjects that stand for the parties of the meeting just spoken of: "Лидеры договорились встретиться".
GENERIC_PARTIES = RU.words("meetings", "generic_parties")
COUNTRY_NOUN_STEMS = RU.sequence("meetings", "country_noun_stems")
COMITATIVE = RU.words("grammar", "comitative_prepositions")
RELATIVE_PRONOUNS = RU.words("grammar", "relative_pronouns")
FIRST_PERSON = RU.words("grammar", "first_person_pronouns")
POSSESSOR_PREPOSITIONS = RU.words("grammar", "possessor_prepositions")
THIRD_PLURAL = RU.words("grammar", "third_plural_pronouns")
BOTH_WORDS = RU.words("grammar", "both_words")
COLLECTIVE_OWNERS = RU.words("meetings", "collective_owners")
SUBJECT_PRONOUNS = RU.words("grammar", "subject_pronouns")
PRECEDED_PREPOSITIONS = RU.words("status", "preceded_prepositions")
VISIT_WORDS = RU.words("meetings", "visit_words")


def _envoy_of(tree: Tree, i: int) -> bool:
    """A genitive name under an unnamed envoy or representative: "представители Путина" (his side), also
    through his title ("спецпосланник президента США Дональда Трампа") or when the parser made it an
    apposition of plural envoys ("посланников Дональда Трампа")."""
    head = tree.head(i)
    if head == -1:
        return False
    if tree.rel(i) == "appos" and tree.lemma(head) in ENVOY_NOUNS:
        return tree.tokens[head].feat("Number") == "Plur" and tree.tokens[i].feat("Number") != "Plur"
    between = range(head + 1, i)
    if tree.rel(i) == "appos" and tree.lemma(head) in PRINCIPAL_TITLES \
            and all(tree.tokens[k].pos == "PROPN" for k in between):
        # the title right before the name, a country at most between: "президента США Дональда Трампа",
        # not "спецпосланника президента США по Сирии Тома Баррака", whose envoy is named
        i, head = head, tree.head(head)
        if head == -1:
            return False
    return tree.rel(i) == "nmod" and tree.tokens[i].feat("Case") == "Gen" and tree.lemma(head) in ENVOY_NOUNS


def _possessor(tree: Tree, i: int, holders: frozenset[int] = frozenset()) -> bool:
    """A genitive name under a role noun whose holder is named beside it: "представитель Путина Дмитриев",
    "Кушнер, зять Трампа"."""
    head = tree.head(i)
    if head == -1 or tree.rel(i) != "nmod" or tree.tokens[i].feat("Case") != "Gen":
        return False
    head_token = tree.tokens[head]
    if not (tree.lemma(head) in OWNER_NOUNS or (head_token.pos == "NOUN" and head_token.feat("Animacy") == "Anim")):
        return False
    grand = tree.head(head)
    if tree.rel(head) == "appos" and grand != -1 and grand < head and (
            grand in holders or tree.tokens[grand].pos == "PROPN"):
        return True  # "Кушнер, зять президента США Трампа": the holder is named before the role
    own = tree.subtree(i)
    return any(c > i and c not in own and (c in holders or tree.tokens[c].feat("Animacy") == "Anim")
               and tree.tokens[c].pos == "PROPN" and tree.rel(c) in ("appos", "flat:name")
               for c in tree.children[head])


def _reaches(tree: Tree, start: int, anchors: set[int], others: frozenset[int] = frozenset(),
             holders: frozenset[int] = frozenset()) -> bool:
    """Whether the tree links ``start`` to the clause; ``others``: other meeting words, which own
    what hangs from them ("разговор с Путиным до своей встречи с Зеленским")."""
    cur = start
    came_by = ""
    for _ in range(MAX_HOPS):
        if cur in anchors:
            # another meeting verb above ours ("созвонился с Путиным накануне встречи с Зеленским")
            # lends our meeting its subject only
            return cur not in others or came_by.startswith("nsubj")
        if cur in others or _possessor(tree, cur, holders) or tree.rel(cur) in LEAVING_RELATIONS:
            return False
        came_by = tree.rel(cur)
        head = tree.head(cur)
        if head == -1:
            return False
        lemma = tree.lemma(head)
        if head not in anchors and (lemma in SPEECH_VERBS or lemma in SOURCE_NOUNS):
            return False
        cur = head
    return False


def _side_reaches(tree: Tree, side: SideMention, anchors: set[int], others: frozenset[int]) -> bool:
    if side.grouped:
        return _reaches(tree, side.index, anchors, others)
    head = tree.head(side.index)
    if side.index in anchors:
        return True
    if head == -1:
        return False
    if head in anchors:
        return True
    if tree.lemma(head).startswith(COUNTRY_NOUN_STEMS) and tree.head(head) != -1:
        return _reaches(tree, head, anchors, others)  # "между Украиной и страной-агрессором РФ"
    if tree.lemma(head) not in PARTICIPATION_NOUNS:
        return False
    if tree.head(head) == -1 and tree.rel(head) != "root":
        # "при посредничестве США" whose own link the parser lost: trust it close after the meeting word
        trigger = min(anchors, key=lambda a: abs(a - head))
        return 0 < head - trigger <= 8
    return _reaches(tree, head, anchors, others)


def _visited_seat(tree: Tree, side: SideMention) -> bool:
    """"посетить Москву": the capital visited is where, not who; its side comes in as the host's (or as
    the host himself: "заявил, что пригласил Трампа посетить Москву")."""
    head = tree.head(side.token)
    if side.grouped or tree.rel(side.token) != "obj" or head == -1 or tree.lemma(head) not in VISIT_WORDS:
        return False
    place = gazetteer().lookup(tree.lemma(side.token))
    return place is not None and place.seat_of_power


def _speaker(tree: Tree, trigger: Trigger) -> set[int]:
    """Tokens of the subject of the verb of saying that introduces the trigger's clause, when the
    speaker is the meeting's missing party: the clause has no subject of its own ("Мединский заявил,
    что провел переговоры") or the meeting names only its partner ("объявил о встрече с Путиным");
    not "Ушаков подтвердил проведение саммита"."""
    top = trigger.anchors[-1]
    own_verb = next((a for a in trigger.anchors if tree.tokens[a].pos in ("VERB", "AUX")
                     and tree.lemma(a) not in SPEECH_VERBS), None)
    elided = own_verb is not None and not any(tree.rel(c).startswith("nsubj") for c in tree.children[own_verb])
    # "сказал, что его спецпосланник встретится с X": a meeting verb with a subject of its own keeps the speaker out
    subject = trigger.is_verb and any(tree.rel(c).startswith("nsubj") for c in tree.children[trigger.index])
    partner = not subject and any(tree.case_word(c) in COMITATIVE for c in tree.children[trigger.index])
    if not (elided or partner):
        return set()
    chain = [top]
    while len(chain) < 4 and chain[-1] != -1:
        chain.append(tree.head(chain[-1]))  # "рассказал о деталях разговора с Путиным"
    for position, verb in enumerate(chain):
        if verb != -1 and tree.lemma(verb) in RELAYING_VERBS:
            return set()  # "заметки о беседе с Эрдоганом передал помощник": who passes it on did not talk
        if verb != -1 and tree.lemma(verb) in SPEECH_VERBS:
            subjects = [c for c in tree.children[verb] if tree.rel(c).startswith("nsubj")]
            above = chain[position + 1] if position + 1 < len(chain) else -1
            if not subjects and tree.rel(verb) == "ccomp" and above != -1 and tree.lemma(above) in SPEECH_VERBS:
                continue  # "заявил, что допускает встречу с Путиным": the subject is the one who said so
            out: set[int] = set()
            for s in subjects:
                out |= tree.subtree(s)
            return out
    return set()


def speaker_of(tree: Tree, people: list[tuple[int, Party]]) -> Party | None:
    """The named subject of a verb of saying in the sentence ("— написал Трамп")."""
    for index, party in people:
        cur = index
        for _ in range(3):
            head = tree.head(cur)
            if head == -1:
                break
            if tree.rel(cur).startswith("nsubj") and (tree.lemma(head) in SPEECH_VERBS or any(
                    tree.rel(c) == "xcomp" and tree.lemma(c) in SPEECH_VERBS for c in tree.children[head])):
                return party  # "написал Трамп", "Песков не стал комментировать"
            if tree.rel(cur) not in ("appos", "flat", "flat:name"):
                break
            cur = head
    return None


def _excluded(tree: Tree, i: int) -> bool:
    """A name that is only a source or an owner wherever it stands in the sentence."""
    cur = i
    for _ in range(MAX_HOPS):
        if _possessor(tree, cur):
            return True
        head = tree.head(cur)
        if head == -1:
            return False
        lemma = tree.lemma(head)
        if lemma in SOURCE_NOUNS:
            return True
        if lemma in SPEECH_VERBS and tree.rel(cur).startswith("nsubj"):
            return True
        cur = head
    return False


JOINERS = RU.words("grammar", "list_joiners")
ROLE_GAP_POS = {"NOUN", "ADJ", "PROPN", "ADP", "PUNCT", "CCONJ", "DET"}


def _coordinated(tree: Tree, people: list[tuple[int, Party]], linked: set[int]) -> list[tuple[int, Party]]:
    """Names joined to a linked name (by its head token) by "и", a comma or "а также", maybe with the
    second name's role between ("Путин и спецпредставитель Трампа Уиткофф"), in the same case (the tree
    often misses the link)."""
    added: list[tuple[int, Party]] = []
    heads = set(linked)
    owners = _owners_by_position(people)  # "спецпредставитель Трампа Уиткофф": Трамп is part of the gap
    spans = sorted((p.mention.start, p.mention.stop, i, p) for i, p in people if p.mention and i not in owners)
    pairs = list(zip(spans, spans[1:]))
    for (_, stop, left_head, left), (start, _, right_head, right) in pairs + pairs[::-1]:
        if (left_head in heads) == (right_head in heads):
            continue
        gap = [t for t in tree.tokens if t.start >= stop and t.stop <= start]
        if not gap or gap[0].text.lower() not in JOINERS or len(gap) > 12:
            continue
        plain = all(t.text.lower() in JOINERS for t in gap)
        role = all(t.pos in ROLE_GAP_POS and t.text not in ("(", ")", "—", "–", ":", "«", "»", '"') for t in gap)
        case_left = tree.tokens[left_head].feat("Case")
        case_right = tree.tokens[right_head].feat("Case")
        if plain or (role and case_left and case_left == case_right):
            new = (right_head, right) if left_head in heads else (left_head, left)
            added.append(new)
            heads.add(new[0])
    return added


def _headline_source(tree: Tree, people: list[tuple[int, Party]]) -> int | None:
    """"Ушаков: разговор Путина и Трампа продлился час": the name before the colon is the source."""
    for index, party in people:
        stop = party.mention.stop if party.mention else None
        after = [t for t in tree.tokens if stop is not None and t.start >= stop][:1]
        before = [t for t in tree.tokens if party.mention and t.stop <= party.mention.start]
        if after and after[0].text == ":" and all(not t.text[:1].isalpha() or t.text == "date" or t.text[:1].isdigit()
                                                  for t in before):
            return index
    return None


def _owners_by_position(people: list[tuple[int, Party]]) -> set[int]:
    """Head tokens of names written right before another name, whose role they own:
    "спецпосланник Трампа Стив Уиткофф"."""
    spans = sorted((p.mention.start, p.mention.stop, i, p) for i, p in people if p.mention)
    owners = set()
    for (_, stop, index, first), (start, _, _, second) in zip(spans, spans[1:]):
        if 0 <= start - stop <= 1 and first.key != second.key:
            owners.add(index)
    return owners


def _relative_antecedent(tree: Tree, trigger: Trigger, people: list[tuple[int, Party]]) -> Party | None:
    """"Глава Белого дома, который побеседовал с Путиным": "который" stands for the noun the clause hangs on."""
    verb = trigger.index
    if tree.rel(verb) != "acl:relcl" or not any(tree.lemma(c) in RELATIVE_PRONOUNS and tree.rel(c).startswith("nsubj")
                                                for c in tree.children[verb]):
        return None
    heads = {i: p for i, p in people}
    cur = tree.head(verb)
    for _ in range(3):
        if cur == -1:
            return None
        if cur in heads:
            return heads[cur]
        if tree.rel(cur) not in ("nmod", "appos", "flat:name"):
            return None
        cur = tree.head(cur)
    return None


def partner_after(tree: Tree, trigger: Trigger, people: list[tuple[int, Party]]) -> Party | None:
    """"встреча с X" where the tree lost the link: the name after the first "с" that follows a meeting
    noun before any verb ("встречей завтра в 15:30 (по киевскому времени) с президентом Зеленским")."""
    if trigger.is_verb:
        return None
    heads = {i: p for i, p in people}
    depth = 0
    for j in range(trigger.index + 1, min(len(tree), trigger.index + 24)):
        text = tree.tokens[j].text
        depth += text == "("
        depth -= text == ")"
        if depth > 0 or text == ")":
            continue
        if tree.tokens[j].pos in ("VERB", "AUX") or (tree.lemma(j) in MEETING_NOUN_LEMMAS and j != trigger.index):
            return None
        if tree.lemma(j) in COMITATIVE:
            for k in range(j + 1, min(len(tree), j + 8)):
                if k in heads and tree.tokens[k].feat("Case") in ("Ins", None):
                    return heads[k]
                if tree.tokens[k].pos in ("VERB", "ADP"):
                    return None
            return None
    return None


def _pronoun_reference(tree: Tree, trigger: Trigger) -> bool:
    """The clause names one party by a pronoun: "его встреча", "я провел разговор", "он встретился"."""
    for child in tree.children[trigger.index]:
        if tree.lemma(child) in PRONOUNS and tree.rel(child) in ("det", "nmod", "nmod:poss"):
            return True
    for anchor in trigger.anchors:
        if tree.tokens[anchor].pos not in ("VERB", "AUX"):
            continue
        for child in tree.children[anchor]:
            if tree.lemma(child) in PRONOUNS and tree.rel(child).startswith("nsubj"):
                return True
            if tree.lemma(child) in FIRST_PERSON and tree.case_word(child) in POSSESSOR_PREPOSITIONS:
                return True  # "у меня состоялся разговор", "у нас будет встреча"
    return False


def generic_subject(tree: Tree, trigger: Trigger) -> str | None:
    """The word by which the clause names its parties only generically ("лидеры", "стороны", "они",
    "их встреча"), as a lemma, or None."""
    for child in tree.children[trigger.index]:
        if tree.lemma(child) in THIRD_PLURAL and tree.rel(child) in ("det", "nmod", "nmod:poss"):
            return tree.lemma(child)
        if tree.lemma(child) in GENERIC_PARTIES and tree.rel(child) == "nmod" \
                and tree.tokens[child].feat("Number") == "Plur":
            return tree.lemma(child)  # "встреча лидеров", "переговоры сторон"
    verbs = [a for a in trigger.anchors if tree.tokens[a].pos in ("VERB", "AUX") or a == trigger.index]
    for anchor in verbs:
        for child in tree.children[anchor]:
            if tree.lemma(child) in THIRD_PLURAL and tree.case_word(child) in COMITATIVE:
                return tree.lemma(child)  # "планирует встретиться с ними снова": the partners just told
    # "Стороны обсудили … и договорились о продолжении контактов": the subject is shared, by a verb that
    # agrees with it in number ("стороны вряд ли договорились бы, но он не исключил встречи" shares none)
    shared = {tree.head(a): a for a in verbs if tree.rel(a) == "conj" and tree.head(a) not in (-1, *verbs)}
    verbs += list(shared)
    for anchor in verbs:
        for child in tree.children[anchor]:
            token = tree.tokens[child]
            if not tree.rel(child).startswith("nsubj") or tree.lemma(child) not in GENERIC_PARTIES:
                continue
            number = tree.tokens[shared[anchor]].feat("Number") if anchor in shared else None
            if number and token.feat("Number") and number != token.feat("Number"):
                continue
            if token.feat("Number") == "Plur" and not any(tree.rel(c) in ("amod", "nmod") and tree.lemma(c) not in
                                                           BOTH_WORDS | COLLECTIVE_OWNERS for c in tree.children[child]):
                return tree.lemma(child)
    return None


FRAME_NOUNS = RU.words("meetings", "frame_nouns")


def _framing_subjects(tree: Tree, trigger: Trigger, people: list[tuple[int, Party]]) -> list[Party]:
    """"Лавров и Фидан по итогам встречи выступили с заявлением": people of two sides who together
    act on a meeting's outcome held it."""
    top = trigger.anchors[-1]
    framed = tree.lemma(top) in FRAME_NOUNS or tree.case_word(trigger.index) in PRECEDED_PREPOSITIONS
    verb = tree.head(top)
    if not framed or verb == -1 or tree.tokens[verb].pos != "VERB":
        return []
    subjects = [c for c in tree.children[verb] if tree.rel(c).startswith("nsubj")]
    heads = set()
    for subject in subjects:
        heads |= {subject, *(c for c in tree.children[subject] if tree.rel(c) == "conj")}
    found = [party for index, party in people if index in heads]
    return found if len(found) >= 2 and len({p.side or p.key for p in found}) >= 2 else []


def _partners_of_another_event(tree: Tree, trigger: Trigger, names: frozenset[int]) -> set[int]:
    """"обсудить с Путиным … перед встречей с Зеленским": a meeting noun with its own "с" partner does not
    take the partner the verb above it has for its own event."""
    if trigger.is_verb or not any(c in names and (tree.case_word(c) in COMITATIVE or tree.tokens[c].feat("Case") == "Ins")
                                  for c in tree.children[trigger.index]):
        return set()
    own = tree.subtree(trigger.index)
    out: set[int] = set()
    for anchor in trigger.anchors:
        if anchor != trigger.index and tree.tokens[anchor].pos == "VERB":
            for c in tree.children[anchor]:
                if c not in own and tree.case_word(c) in COMITATIVE:
                    out |= (tree.subtree(c) - own) & names
    return out


def participants_for(tree: Tree, trigger: Trigger, people: list[tuple[int, Party]],
                     sides: list[tuple[SideMention, Party]], referent: Party | None = None,
                     other_triggers: frozenset[int] = frozenset(), claimed: frozenset[str] = frozenset()) -> list[Party]:
    """``people``: (head token, party) for each person named in the sentence; ``referent``: whom a
    pronoun in the clause stands for (the sentence's speaker, or the last person spoken of)."""
    anchors = set(trigger.anchors)
    others = other_triggers - {trigger.index}
    holders = frozenset(i for i, _ in people)
    chosen: dict[str, Party] = {}
    owners = _owners_by_position(people)
    headline_source = _headline_source(tree, people)
    linked: set[int] = set()
    partners = _partners_of_another_event(tree, trigger, holders)
    for index, party in people:
        if party.key in claimed or index in owners or index == headline_source or index in partners \
                or not _reaches(tree, index, anchors, others, holders):
            continue
        if _envoy_of(tree, index) and not _possessor(tree, index, holders):
            # "встреча представителей Трампа и Путина": their sides meet, not they
            if party.side:
                chosen.setdefault(party.side, Party(party.side, side_display(party.side),
                                                    party.side, False))
        else:
            chosen.setdefault(party.key, party)
            linked.add(index)
    for extra in (_relative_antecedent(tree, trigger, people), partner_after(tree, trigger, people)):
        if extra is not None:
            chosen.setdefault(extra.key, extra)
            linked.update(i for i, p in people if p is extra)
    if chosen:
        for _, party in _coordinated(tree, people, linked):
            chosen.setdefault(party.key, party)
    for side, party in sides:
        if _side_reaches(tree, side, anchors, others) and not _visited_seat(tree, side):
            chosen.setdefault(party.key, party)
    if referent is not None and _pronoun_reference(tree, trigger):
        chosen.setdefault(referent.key, referent)
    sides_named = {p.side or p.key for p in chosen.values()}
    if len(sides_named) < 2:
        for party in _framing_subjects(tree, trigger, people):
            chosen.setdefault(party.key, party)
        sides_named = {p.side or p.key for p in chosen.values()}
    # "рассказал по итогам бесед с Мерцем и со Стармером": partners alone leave the meeting its subject
    partners_only = bool(chosen) and all(p.is_person for p in chosen.values()) and all(
        tree.case_word(index) in COMITATIVE for index, party in people if party.key in chosen)
    if (len(sides_named) < 2 or partners_only) and not generic_subject(tree, trigger):
        speaker = _speaker(tree, trigger)
        for index, party in people:
            # the speaker, not whose title he holds ("спецпосланник Трампа Уиткофф подтвердил, что провел …")
            spoke = index in speaker and index not in owners and not _possessor(tree, index, holders)
            if spoke or index == headline_source:
                chosen.setdefault(party.key, party)
        if referent is not None and any(tree.lemma(i) in SUBJECT_PRONOUNS for i in speaker):
            chosen.setdefault(referent.key, referent)  # "он привел встречу с Луной": the one spoken of
    return list(chosen.values())
