"""What to watch: dated future events pulled from forward-looking sentences.

A sentence qualifies when it carries an outlook cue ("will", "upcoming", ...) and names both an
event ("next round of the dialogue", "Global AI Summit") and a time ("March 2027", "next year",
"in 2028"). Articles rarely carry their own date, so "future" means what the sentence's wording
says, not a comparison with today's date.
"""

from __future__ import annotations

import re

from briefgen.analysis.corpus import Sentence
from briefgen.sections import OUTLOOK

_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
_WHEN = re.compile(
    rf"\b(?:(?:early|mid|late)[- ])?(?:(?:{_MONTHS})\s+)?(?:19|20)\d\d\b(?!\s*[–-]\s*\d)|"
    r"\bnext (?:year|month|week|spring|summer|autumn|winter)\b|"
    r"\bevery (?:\w+ )?(?:months?|years?|weeks?)\b"
)
_NAMED = re.compile(
    r"\b(?:[A-Z0-9][\w+'’-]*\s+){1,5}(?:Summit|Dialogue|Meeting|Conference|Forum|Council|Talks|"
    r"Games|Election|Visit|Review)\b"
)
_GENERIC = re.compile(
    r"\b(?:(?:the|a)\s+)?(?:next|upcoming|forthcoming|joint|first|new)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:summit|round|meeting|council|dialogue|talks|visit|review|committee|call|elections?)"
    r"(?:\s+(?:of|on)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:dialogue|talks|summit|agreement|council))?\b",
    re.IGNORECASE,
)
_TALKS_ON = re.compile(r"\btalks on (?:an?\s+)?(?:[\w-]+\s+){0,4}?(?:agreement|deal|treaty)\b")


def watch_items(sentences: list[Sentence], limit: int = 3) -> list[tuple[str, list[int], str]]:
    """Up to ``limit`` (text, source ids, evidence) triples, "Watch: <event> (<when>)".

    Two mentions of one event ("AI Summit", "Global AI Summit") share the last two words of
    their name: they make one line citing both, with the more precise date ("February 2026"
    over "2026"). The evidence is the sentence the line was drawn from.
    """
    found: dict[str, tuple[str, str, Sentence]] = {}
    cited: dict[str, set[int]] = {}
    for sentence in sentences:
        if not sentence.scores.get(OUTLOOK):
            continue
        when = _WHEN.search(sentence.text)
        event = (
            _NAMED.search(sentence.text)
            or _TALKS_ON.search(sentence.text)
            or _GENERIC.search(sentence.text)
        )
        if not when or not event:
            continue
        name = event.group(0).strip()
        key = " ".join(re.findall(r"\w+", name.lower())[-2:])
        previous = found.get(key)
        if previous is None and len(found) >= limit:
            continue
        cited.setdefault(key, set()).update(sentence.sources)
        if previous is None or len(when.group(0)) > len(previous[1]):
            found[key] = (name, when.group(0), sentence)
    return [
        (f"Watch: {name[0].upper()}{name[1:]} ({when})", sorted(cited[key]), sentence.text)
        for key, (name, when, sentence) in found.items()
    ]
