"""What to watch: dated future events pulled from forward-looking sentences.

A sentence qualifies when it names an event ("next round of the dialogue", "Global AI Summit",
"will visit China") and a time ("March 2027", "next year", "on Thursday") that falls on or after
the memo's date. Relative times resolve against the date of the source that wrote them ("next
year" in a piece of 2025-10-30 is 2026); without a source date, only times with their own year
count, and without a memo date "future" falls back to what the wording says.
"""

from __future__ import annotations

import datetime as dt
import re

from briefgen.analysis.corpus import Sentence
from briefgen.analysis.dates import DateMention, find_dates
from briefgen.analysis.facts import NAMED_EVENT
from briefgen.analysis.lexicon import MONTHS, YEAR, alternation
from briefgen.sections import OUTLOOK

_MONTHS = alternation(MONTHS)
_WHEN = re.compile(
    rf"\b(?:(?:early|mid|late)[- ])?(?:(?:{_MONTHS})\s+)?{YEAR}\b(?!\s*[–-]\s*\d)|"
    r"\bnext (?:year|month|week|spring|summer|autumn|winter)\b|"
    r"\bevery (?:\w+ )?(?:months?|years?|weeks?)\b"
)
_GENERIC = re.compile(
    r"\b(?:(?:the|a)\s+)?(?:next|upcoming|forthcoming|joint|first|new)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:summit|round|meeting|council|dialogue|talks|visit|review|committee|call|elections?)"
    r"(?:\s+(?:of|on)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:dialogue|talks|summit|agreement|council))?\b",
    re.IGNORECASE,
)
# "Trump will visit China", "Xi is due to travel to Washington": a leader's next step.
_TRIP = re.compile(
    r"\b(?P<who>[A-Z][\w’'-]+|he|she)\s+(?:(?:will|is (?:due|set|expected) to|plans to|would)\s+"
    r"(?:travel to|visit|go to)|(?:is\s+|was\s+)?due\s+in)\s+"
    r"(?P<where>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)"
)
_NAME = re.compile(r"\b[A-Z][a-z]+\b")
_TALKS_ON = re.compile(r"\btalks on (?:an?\s+)?(?:[\w-]+\s+){0,4}?(?:agreement|deal|treaty)\b")


def watch_items(
    sentences: list[Sentence],
    limit: int = 3,
    anchors: dict[int, dt.date | None] | None = None,
    memo_date: dt.date | None = None,
) -> list[tuple[str, list[int], str]]:
    """Up to ``limit`` (text, source ids, evidence) triples, "Watch: <event> (<when>)".

    ``anchors`` maps a source id to its date (relative times resolve against it); an event
    whose time ends before ``memo_date`` is past and left out. Two mentions of one event ("AI
    Summit", "Global AI Summit") share the last two words of their name: they make one line
    citing both, with the more precise date. The evidence is the sentence the line came from.
    """
    anchors = anchors or {}
    found: dict[str, tuple[str, DateMention | str, Sentence]] = {}
    cited: dict[str, set[int]] = {}
    for sentence in sentences:
        trip = _TRIP.search(sentence.text)
        if not sentence.scores.get(OUTLOOK) and not trip:
            continue
        when = _when(sentence, anchors, memo_date)
        if when is None:
            continue
        if trip:
            who = trip.group("who")
            if who in ("he", "she"):  # "Trump said he would visit China"
                names = _NAME.findall(sentence.text[: trip.start()])
                who = names[-1] if names else ""
            name = f"{who} visit to {trip.group('where')}".strip()
        else:
            named = NAMED_EVENT.search(sentence.text)
            event = named or _TALKS_ON.search(sentence.text) or _GENERIC.search(sentence.text)
            if not event:
                continue
            name = (named.group("event") if named else event.group(0)).strip()
        # one trip however its place is told ("China", "Beijing"); else the name's last words
        words = re.findall(r"\w+", name.lower())
        key = f"{words[0]} visit" if trip else " ".join(words[-2:])
        previous = found.get(key)
        if previous is None and len(found) >= limit:
            continue
        cited.setdefault(key, set()).update(sentence.sources)
        if previous is None or _precision(when) > _precision(previous[1]):
            found[key] = (name, when, sentence)
    return [
        (f"Watch: {name[0].upper()}{name[1:]} ({_shown(when)})", sorted(cited[key]), sentence.text)
        for key, (name, when, sentence) in found.items()
    ]


def _when(
    sentence: Sentence, anchors: dict[int, dt.date | None], memo_date: dt.date | None
) -> DateMention | str | None:
    """The time of the sentence's event: a resolved date not before the memo date, or (with no
    date to resolve against) the wording of a future time; None when it is past or absent."""
    anchor = next((anchors[i] for i in sentence.sources if anchors.get(i)), None)
    mentions = find_dates(sentence.text, anchor)
    if memo_date is not None and mentions:
        ahead = [m for m in mentions if m.last_day() >= memo_date]
        if not ahead:
            return None
        return max(ahead, key=lambda m: (_RANK[m.precision], -m.start))
    wording = _WHEN.search(sentence.text)
    return wording.group(0) if wording else None


_RANK = {"year": 0, "month": 1, "day": 2}


def _precision(when: DateMention | str) -> int:
    return _RANK[when.precision] if isinstance(when, DateMention) else len(when) // 10


def _shown(when: DateMention | str) -> str:
    return when.label() if isinstance(when, DateMention) else when
