"""The lexicon's word lists that several extractors share, under their names (data: parley/lang/ru/)."""
from __future__ import annotations

from parley.lang import lexicon

RU = lexicon("ru")

# Substrings that make a sentence worth parsing for meetings (checked on lower-cased raw text).
MEETING_STEMS = RU.sequence("meetings", "stems")

# Nouns that name a meeting, with the kind of meeting they name.
MEETING_NOUNS = RU.mapping("meetings", "nouns")
# Verbs that state a meeting by themselves ("встретился с", "созвонились", "принял Уиткоффа").
MEETING_VERBS = RU.mapping("meetings", "verbs")
# Verbs that need a named counterpart in the sentence before they count ("говорить с X", "принять X").
WEAK_MEETING_VERBS = RU.words("meetings", "weak_verbs")
# Meeting words that are not meetings in a given phrase.
NOT_MEETING_NEIGHBOURS = RU.words("meetings", "not_meeting_neighbours")

# Verbs of saying and reporting: their subject is a source, not a participant.
SPEECH_VERBS = RU.words("meetings", "speech_verbs")
# Nouns through which a name is only a source or an owner: "по словам Ушакова", "план Трампа".
SOURCE_NOUNS = RU.words("meetings", "source_nouns")

# Status: words that put a meeting in the future, call it off, or doubt it.
PLANNED_LEMMAS = RU.words("status", "planned")
CANCELLED_LEMMAS = RU.words("status", "cancelled")
DOUBT_LEMMAS = RU.words("status", "doubt")
HELD_ADJECTIVES = RU.words("status", "held_adjectives")
# Adjectives that lean to a meeting held but yield to a future verb: "первая встреча состоится …".
WEAK_HELD_ADJECTIVES = RU.words("status", "weak_held_adjectives")
# Prepositions before a meeting noun that place it relative to another event.
BEFORE_PREPOSITIONS = RU.words("status", "before_prepositions")
AFTER_PREPOSITIONS = RU.words("status", "after_prepositions")

# Nouns that stand for a side's people: "украинская делегация", "представители России".
SIDE_GROUP_NOUNS = RU.words("sides", "group_nouns")
