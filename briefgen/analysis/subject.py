"""The memo's subject line: the outcome the sources agree on, in a line that adds to the title.

The title names the event (who, what, where); the subject says what came of it. It is one of
the memo's own bullets, the one that best states an outcome: a decision verb ("agreed to
double ...", "will suspend ..."), a headline figure, words the sources' own headlines use,
several sources telling it, and words the title does not already carry. Summary bullets come
first, so among equals the bottom line wins. The chosen sentence is shortened only by whole
clauses that carry no number or condition; people the title names keep only their short name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.analysis import clauses
from briefgen.analysis.corpus import tokens, word_set
from briefgen.analysis.facts import person_mentions
from briefgen.analysis.lexicon import WEEKDAYS, YEAR, alternation
from briefgen.analysis.standalone import stand_alone
from briefgen.analysis.summarise import CARRIES, OUTCOME
from briefgen.analysis.title import short_name

SUBJECT_WORDS = 20  # a subject line is one short line: longer ones lose whole clauses
TARGET_WORDS = 16  # ... and the best read at 10-16 words: fronted clauses go past this
MIN_WORDS = 6
MIN_KEPT = 8  # shortening never leaves fewer words than this
MIN_NEW = 0.35  # share of a candidate's words the title lacks: below it, it repeats the title

# A plan told in the future ("will ...") counts for less than an outcome (summarise.OUTCOME).
_PLAN = re.compile(r"\b(?:will|would|plans? to|aims? to)\b", re.IGNORECASE)
_QUOTE = re.compile('["“”]')
# "on Sunday (27 July 2025)", "this month (October 2025)", as dates.resolve_relative writes them:
# the memo's date line already dates the event. A date ahead ("next month (...)") stays.
_WEEKDAYS = alternation(WEEKDAYS)
_RESOLVED_DATE = re.compile(
    rf"\s+(?:(?:on\s+)?(?:{_WEEKDAYS})|this\s+(?:week|month))"
    rf"\s+\((?:\d{{1,2}}\s+)?[A-Z][a-z]+\s+{YEAR}\)"
)
# A closing phrase that says no more than "later": "in the years ahead".
_VAGUE_TIME = re.compile(
    r",?\s+(?:in the (?:years|months|weeks|days) ahead|in the coming (?:years|months|weeks|days)|"
    r"over time|going forward)$"
)
# A second main clause with its own subject: "X will cut tariffs to 47%, while Beijing will ..."
_SECOND_CLAUSE = re.compile(r"(?:,\s+(?:while|whereas|and|but)|;)\s+(?=[A-Z])")
MAX_REPEAT = 0.5  # a first clause with at most this share of words the title lacks retells it
# A closing phrase after the last comma that opens with a preposition: ", at the X Summit".
_TRAILING_PHRASE = re.compile(r",\s+(?:at|in|on|during|on the sidelines of)\s[^,;]*$")
# A connective that points back to a previous sentence: a subject line stands alone.
_LEAD_CONNECTIVE = re.compile(
    r"^(?:In fact|However|Meanwhile|Still|Indeed|Moreover|Also|Instead|Separately|In addition|"
    r"By contrast|At the same time|Earlier|Later),\s+"
)
# "Brussels also agreed ...": "also" points back to a line the subject is read without.
_ALSO = re.compile(r"^((?:The\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})\s+also\s+(?=[a-z])")
_CAPITALISED = re.compile(r"[A-Z][\w.]*")
_NOT_ROLE = word_set("On In At The A An As When After Before And But") | frozenset(WEEKDAYS)


@dataclass(frozen=True)
class Candidate:
    """A memo bullet the subject may be taken from."""

    text: str
    sources: Sequence[int]
    summary: bool


def memo_subject(
    title: str, candidates: list[Candidate], headlines: list[str]
) -> tuple[str, int | None]:
    """The subject line: the bullet that best states the outcome, shortened, with its index in
    ``candidates``; the title (and None) when the memo has no bullet that adds to it."""
    title_words = set(tokens(title))
    headline_words = [set(tokens(h)) - title_words for h in headlines]
    best: tuple[float, str, int] | None = None
    for position, candidate in enumerate(candidates):
        line = shorten(candidate.text, title)
        score = _score(line, candidate, title_words, headline_words)
        if score is not None and (best is None or score - 0.01 * position > best[0]):
            best = (score - 0.01 * position, line, position)
    return (best[1], best[2]) if best else (title, None)


def _score(
    line: str, candidate: Candidate, title_words: set[str], headline_words: list[set[str]]
) -> float | None:
    """How well a shortened bullet states the outcome; None when it cannot be a subject line."""
    words = tokens(line)
    length = len(line.split())
    if length < MIN_WORDS or _QUOTE.search(line) or line.startswith("Watch:"):
        return None
    if not stand_alone(line + ".", None)[1]:
        return None  # "They said ...": the line is read without the sentence before
    new = {w for w in words if w not in title_words}
    if not words or len(new) / len(set(words)) < MIN_NEW:
        return None
    # the sources' headlines are what their editors judged the news: bullets that echo them
    echoed = sum(1 for seen in headline_words if len(seen & new) >= 2)
    return (
        1.0 * bool(OUTCOME.search(line))
        + 0.5 * bool(_PLAN.search(line))
        + 0.5 * bool(re.search(r"\d", line))
        + 0.5 * (len(candidate.sources) >= 2)
        + 1.0 * min(echoed, 2) / 2
        + 0.5 * candidate.summary
        + len(new) / len(set(words))
        - 0.08 * max(0, length - TARGET_WORDS)  # a long line is a poor subject ...
        - 0.5 * (length > SUBJECT_WORDS)  # ... and one over the limit more so
    )


# "JPY 10 trillion (about USD 68 billion)", "3,200 miles (5,150 km)": the same figure again, in
# other units; the key-figures table keeps it
_CONVERSION = re.compile(
    r"\s*\((?:about|around|roughly|approximately|some|~|≈)?\s*[$€£¥₹]?[A-Z]{0,3}\s?\d[^()]{0,30}\)"
)


def shorten(text: str, title: str) -> str:
    """``text`` as a subject line: a leading connective, resolved past dates, the roles of
    people the title names, a first clause that retells the title (when a second main clause
    follows) and a closing phrase that only repeats the title go; then, while it
    is longer than SUBJECT_WORDS, trailing clauses, but never the last clause that carries a
    number or a condition, nor below MIN_KEPT words."""
    text = _ALSO.sub(r"\1 ", _LEAD_CONNECTIVE.sub("", text))
    text = _VAGUE_TIME.sub("", _RESOLVED_DATE.sub("", text).strip().rstrip("."))
    text = _short_names(text, title)
    title_words = set(tokens(title))
    second = _SECOND_CLAUSE.search(text)
    if second and len(text[second.end() :].split()) >= MIN_WORDS:
        first = tokens(text[: second.start()])
        if first and sum(w not in title_words for w in first) / len(first) <= MAX_REPEAT:
            text = text[second.end() :]  # the first clause retells the title: the second adds
    said = _TRAILING_PHRASE.search(text)
    if said and set(tokens(said.group(0))) <= title_words:
        text = text[: said.start()]  # ", at the AI Action Summit in Paris": the title says so
    # "Then, ...", "In it, ...": a short opener goes always, a longer one from a long line
    text = clauses.fronted(text, MIN_KEPT, 30 if len(text.split()) > TARGET_WORDS else 2)
    text = clauses.attribution(text, MIN_KEPT)
    if len(text.split()) > TARGET_WORDS:
        text = clauses.parentheses(_CONVERSION.sub("", text), MIN_KEPT)
    text = clauses.trailing(text, TARGET_WORDS, MIN_KEPT, CARRIES)
    return text[:1].upper() + text[1:]  # "" when nothing was left


def _short_names(text: str, title: str) -> str:
    """ "US President Donald Trump" -> "Trump" when the title already names him so."""
    for match in reversed(person_mentions(text)):
        name = short_name(match.group("name"), text)
        if not re.search(rf"\b{re.escape(name)}\b", title):
            continue
        start = _role_start(text, match.start())
        text = text[:start] + name + text[match.end() :]
    return text


def _role_start(text: str, start: int) -> int:
    """Where a role begins: "European Commission President" takes the capitalised words before
    "President" (at most three), never a sentence opener or a weekday ("On Sunday US ...")."""
    words = text[:start].split(" ")[:-1]  # the text before ends in the space before the role
    taken = 0
    while taken < 3 and words and _CAPITALISED.fullmatch(words[-1]) and words[-1] not in _NOT_ROLE:
        start -= len(words.pop()) + 1
        taken += 1
    return start
