"""Word lists that several analysis steps read: calendar names and reporting verbs.

Each list is written here once and every step derives the set or pattern it needs from it
(cleaning, sentence splitting, dates, facts, labels, titles, the standalone check), so a word
added here reaches them all and no two copies can disagree. Plain tuples and strings only:
this module compiles nothing, so importing it costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# The short forms copy writes ("Sept. 3", "Thurs, 4 Dec"); "May" has none.
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
WEEKDAYS_SHORT = ("Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun")
CALENDAR = MONTHS + WEEKDAYS  # capitalised words that name a time, never a person or place
YEAR = r"(?:19|20)\d\d"  # a year as copy writes one (1900-2099): "2026", never "4096" or "1024"
# The last word of a named event ("G20 Summit", "2+2 Ministerial Dialogue", "Strategic Review"):
# a key-figure date belongs to it, a title names it, a Watch line looks ahead to it.
EVENT_NOUNS = (
    "Summit", "Dialogue", "Meeting", "Conference", "Forum", "Session", "Round", "Council",
    "Talks", "Exercise", "Games", "Election", "Visit", "Ministerial", "Review",
)  # fmt: skip

# Verbs (and "according to") that report speech: a sentence holding one has a speaker, so it is
# story text, not a subhead or a teaser, and the name beside it is who is quoted.
SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "asked", "stated", "states", "noted",
    "notes", "wrote", "writes", "posted", "declared", "insisted", "warned", "argued", "explained",
    "stressed", "emphasised", "emphasized", "tweeted", "remarked", "commented", "replied",
    "responded", "acknowledged", "admitted", "recalled", "continued", "announced",
    "according to",
)  # fmt: skip


def alternation(words: Iterable[str]) -> str:
    """``words`` as a regular-expression alternation, longest first, so that without a word
    boundary after it a whole word ("Sept", "June") is preferred to its prefix ("Sep", "Jun")."""
    return "|".join(sorted(words, key=len, reverse=True))


def lower(words: Iterable[str]) -> frozenset[str]:
    return frozenset(word.lower() for word in words)
