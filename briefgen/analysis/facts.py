"""Key figures: money, percentages, measures and counts, dates, numbered events, people, places.

Each extractor reads one sentence and returns (kind, label, value) facts. Figures come from
``quantities`` (one row per fact: a change "57% → 47%" is one value); the label is the noun
phrase the figure measures, taken from the sentence's own words by ``labels``. ``merge_facts``
joins tellings of one figure across sources and ``select_facts`` keeps the few that matter most:
told by several sources, in the bottom line, money and shares before counts, people and places last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from briefgen.analysis.corpus import word_set
from briefgen.analysis.labels import label_for
from briefgen.analysis.lexicon import CALENDAR, EVENT_NOUNS, MONTHS, YEAR, alternation
from briefgen.analysis.quantities import (
    Quantity,
    find_quantities,
    is_unit,
    number_value,
    value_key,
    without_approximation,
)

KINDS = ("money", "percent", "share", "measure", "number", "time", "event", "date", "place",
         "person")  # fmt: skip
_HAS_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|hundred|dozen|half|third|quarter)\b",
    re.IGNORECASE,
)
# "USD 100 billion in non-oil trade by 2030": a target keeps its year
_BY_YEAR = re.compile(rf"^[^.;]{{0,40}}?\b(by|in)\s+(?P<year>{YEAR})\b(?!\s*[–-]\s*\d)")
# a change or a target: "Cut in emissions intensity | 45% by 2030" keeps its deadline
_DEADLINE_LABEL = re.compile(r"(?:Cut|Rise|Increase|Growth|Expansion|Target)\b")
_MONTHS = alternation(MONTHS)
_DATE = re.compile(
    rf"\b(?P<value>(?:(?:early|mid|late)[- ])?(?:{_MONTHS})\s+(?:\d{{1,2}},?\s+)?{YEAR})\b"
)
_EVENT_NOUN = alternation(EVENT_NOUNS)
_ORDINAL_EVENT = re.compile(
    rf"\b(?P<event>\d{{1,3}}(?:st|nd|rd|th)\s+(?:[A-Z0-9][\w+'’-]*\s+){{0,5}}(?:{_EVENT_NOUN}))\b"
)
NAMED_EVENT = re.compile(
    rf"\b(?P<event>(?:[A-Z0-9][\w+'’-]*\s+){{1,5}}(?:{_EVENT_NOUN}))\b(?:\s+{YEAR})?"
)
_NATIONALITY = (
    r"Indian|Japanese|Chinese|South African|South Korean|Korean|US|U\.S\.|American|British|"
    r"French|German|Australian|Emirati|Canadian|Italian|Brazilian|Indonesian|Vietnamese|EU"
)
# a minister's portfolio: "Trade and Industry Minister", "Energy Secretary" (not "Sondland
# and Energy Secretary": a name before "and" is another person)
_PORTFOLIO = (
    r"(?:Foreign|Defence|Defense|Finance|Trade|Commerce|External Affairs|Home|Digital|Industry|"
    r"Energy|Economy|Health|Education|Agriculture|Transport|Environment|Justice|Labour|Labor|"
    r"Interior|Science|Technology|Culture|Communications)"
)
_ROLE = (
    rf"(?:Deputy |Vice |Chief |Senior )?(?:{_PORTFOLIO}(?: and {_PORTFOLIO})? )?"
    r"(?:Prime Minister|President|Chancellor|Minister|Secretary|Premier|Ambassador|"
    r"Crown Prince|King|Queen|Emir|negotiator)"
)
_PERSON = re.compile(
    rf"\b(?P<role>(?:(?:{_NATIONALITY})\s+)?{_ROLE})\s+"
    r"(?P<name>(?:[A-Z]\.\s?){0,3}[A-Z][a-zé]+"
    r"(?:[ -](?:(?:von der|van der|von|van|de|da|di|del|al|bin|bint) )?[A-Z][a-zé]+){0,2})\b"
)
_ROYAL = re.compile(r"King|Queen|Emir|Prince")
_NOT_NAMES = word_set("Of For And The In On At With Office Minister Ministers President Said Met")
_VENUE = re.compile(
    r"\b(?:met|meeting|held|summit|gathered|convened|hosted|deal|Summit|Dialogue|"
    r"Council|Conference)\b[^.;]{0,70}?\b(?:in|at)\s+"
    r"(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"
)
_NOT_PLACES = frozenset(CALENDAR) | word_set("The This Its No")  # "at No. 10 Downing Street"
VENUE = "Venue"
REPORTED_FROM = "Reported from"  # a dateline's place: where the report was filed


@dataclass
class Fact:
    kind: str
    label: str
    value: str
    sources: set[int] = field(default_factory=set)
    order: int = 0


def extract_facts(sentence: str) -> list[tuple[str, str, str]]:
    """(kind, label, value) facts found in one sentence, in reading order within each kind."""
    if not _HAS_DIGIT.search(sentence) and not _NUMBER_WORD.search(sentence):
        return _people_and_places(sentence)  # most sentences: only people and places
    facts: list[tuple[str, str, str]] = []
    for quantity in find_quantities(sentence):
        label = label_for(sentence, quantity)
        if quantity.kind == "measure" and not is_unit(quantity.unit) and (quantity.amount or 0) < 3:
            continue  # "two leaders", "one side": a count too small to be a figure
        if label:  # a figure with nothing it measures is noise in a table
            targeted = (
                quantity.kind == "money"
                or quantity.kind == "percent"
                and _DEADLINE_LABEL.match(label)
            )
            by_year = _BY_YEAR.match(sentence[quantity.end :]) if targeted else None
            deadline = f" {by_year.group(1)} {by_year.group('year')}" if by_year else ""
            value = _value(quantity)
            if label.startswith("Share of ") and " of " in value:
                value = value.split(" of ", 1)[0]  # the base is in the label already
            facts.append((quantity.kind, label, value + deadline))
    for match in _ORDINAL_EVENT.finditer(sentence):
        # "the 15th India-Japan Annual Summit": the series names the row, the ordinal is its value
        ordinal, series = match.group("event").split(" ", 1)
        facts.append(("event", series, ordinal))
    for match in _DATE.finditer(sentence):
        event = _event_near(sentence, match.start())
        if event:
            facts.append(("date", event, match.group("value")))
    return facts + _people_and_places(sentence)


def _value(quantity: Quantity) -> str:
    """A counted noun moves to the label ("Strategic documents | 24"); units stay."""
    if quantity.kind == "measure" and not is_unit(quantity.unit):
        return quantity.text[: len(quantity.text) - len(quantity.unit)].strip() or quantity.text
    return quantity.text


def _people_and_places(sentence: str) -> list[tuple[str, str, str]]:
    facts: list[tuple[str, str, str]] = []
    for match in _VENUE.finditer(sentence):
        if match.group("place").split()[0] not in _NOT_PLACES:
            facts.append(("place", VENUE, match.group("place")))
    for match in person_mentions(sentence):
        royal = _ROYAL.search(match.group("role")) and " " not in match.group("name")
        if len(match.group("name")) > 3 and not royal:  # "Queen Elizabeth" is one name
            facts.append(("person", _role(match.group("role")), match.group("name")))
    return facts


def person_mentions(sentence: str) -> list[re.Match[str]]:
    """Each "role name" a sentence carries ("US President Donald Trump"), groups role and name."""
    return [m for m in _PERSON.finditer(sentence) if m.group("name").split()[0] not in _NOT_NAMES]


def named_events(sentence: str) -> list[str]:
    """Named events a sentence mentions: "G20 Summit", "Global AI Summit"."""
    return [m.group("event") for m in NAMED_EVENT.finditer(sentence)]


def _event_near(sentence: str, index: int) -> str:
    """The named event a date belongs to ("Global AI Summit in February 2026")."""
    events = [m for m in NAMED_EVENT.finditer(sentence) if m.start() < index]
    if events:
        return events[-1].group("event")
    return ""


def _role(role: str) -> str:
    return role[0].upper() + role[1:]


@lru_cache(maxsize=4096)  # one figure is told many times: parse its value once
def _value_key(kind: str, value: str) -> str:
    """Tellings of one figure share a key: "$44 billion" and "US$44 billion" alike."""
    if kind in ("money", "percent", "measure", "number") and "→" not in value:
        found = find_quantities(value)
        if found and found[0].amount is not None:
            return value_key(found[-1])
    return kind + ":" + re.sub(r"\W+", "", value.lower())


def merge_facts(found: list[tuple[str, str, str, int]]) -> list[Fact]:
    """Merge (kind, label, value, source id) telling one figure; the fuller value and the
    label most sources use win ("JPY 10 trillion (~USD 68 billion)" over "JPY 10 trillion").

    Money merges only when the labels share a word: "€20 billion" from Brookfield and
    "€20 billion" for a fund are two facts, each credited to its own actor.
    """
    merged: dict[str, list[Fact]] = {}
    labels: dict[int, list[str]] = {}
    order = 0
    for kind, label, value, source_id in found:
        tellings = merged.setdefault(_value_key(kind, value), [])
        fact = next((f for f in tellings if kind != "money" or _same_subject(f, label)), None)
        if fact is None:
            fact = Fact(kind, label, value, order=order)
            order += 1
            tellings.append(fact)
        fact.sources.add(source_id)
        labels.setdefault(id(fact), []).append(label)
        if len(value) > len(fact.value) and kind == fact.kind:
            fact.value = value
    facts = sorted((f for group in merged.values() for f in group), key=lambda f: f.order)
    for fact in facts:
        names = labels[id(fact)]
        if fact.kind not in ("place", "person"):
            fact.label = max(names, key=lambda n: (names.count(n), -names.index(n)))
        elif VENUE in names:  # a dateline that is also where the meeting was: the venue
            fact.label = VENUE
    _merge_short_names(facts)
    return [f for f in facts if f.kind]


def _stems(label: str) -> set[str]:
    return {w.rstrip("s").removesuffix("’").removesuffix("'") for w in label.lower().split()}


def _same_subject(fact: Fact, label: str) -> bool:
    return bool(_stems(fact.label) & _stems(label) - _LABEL_STOP)


_LABEL_STOP = word_set("of on for in into the a an to")


def _merge_short_names(facts: list[Fact]) -> None:
    """ "Prime Minister Takaichi" is "Sanae Takaichi" told with the surname only."""
    full: dict[str, Fact] = {}
    for fact in facts:
        if fact.kind == "person" and " " in fact.value:
            full.setdefault(fact.value.split()[-1], fact)
    for fact in facts:
        if fact.kind == "person" and " " not in fact.value and fact.value in full:
            full[fact.value].sources |= fact.sources
            fact.kind = ""


_WEIGHT = {"money": 3.0, "percent": 2.5, "share": 2.0, "measure": 1.5, "number": 1.2,
           "time": 0.5, "event": 1.0,
           "date": 1.0, "place": 0.5, "person": 0.0}  # fmt: skip
_QUOTA = {"money": 5, "percent": 4, "share": 2, "measure": 3, "number": 2, "time": 1,
          "event": 1, "date": 2,
          "place": 1, "person": 2}  # fmt: skip


FEW_FIGURES = 4


def _bare_count(fact: Fact) -> bool:
    """A count whose noun is its label ("Games | three", "Member states | 27")."""
    return fact.kind in ("measure", "number") and (
        number_value(without_approximation(fact.value)) is not None
    )


def _told_in(value: str, text: str) -> bool:
    """``value`` stands in ``text`` as a figure of its own: "27" is not told by "27.5%"."""
    return re.search(rf"(?<![\w.]){re.escape(value)}(?![\w]|[.,]\d)", text) is not None


def select_facts(
    facts: list[Fact], limit: int, bottom_line: str = "", memo_text: str = ""
) -> list[Fact]:
    """The ``limit`` facts that matter most, most important first.

    A figure several sources report, or one the bottom line states, outranks one mentioned
    once; money and shares outrank counts. What does not matter stays out even when there is
    room:
    - a bare count ("three games", "27 member states") that neither the bottom line states
      nor a second source repeats: articles are full of counts, few of them are the news;
    - a person or place the memo's text (``memo_text``: its title and bullets) already names:
      a row helps only with a name the reader would not otherwise see;
    - a second row under a label already shown: the reader could not tell the two apart.
    """
    told = bottom_line.lower()

    def said(fact: Fact) -> bool:
        latest = fact.value.split(" → ")[-1].split(" (")[0].lower()
        return fact.kind not in ("person", "place") and _told_in(latest, told)

    def matters(fact: Fact) -> bool:
        if fact.kind in ("person", "place"):  # "Donald Trump" is named by "Trump"
            return not _told_in(fact.value.split()[-1], memo_text)
        return not _bare_count(fact) or said(fact) or len(fact.sources) > 1

    def score(fact: Fact) -> float:
        return _WEIGHT[fact.kind] + 1.5 * (len(fact.sources) - 1) + 1.5 * said(fact)

    chosen: list[Fact] = []
    used: dict[str, int] = {}
    ranked = sorted(filter(matters, facts), key=lambda f: (-score(f), f.order))
    # people and places only fill a short table
    labels: set[str] = set()
    for fillers, room in ((False, limit), (True, min(limit, FEW_FIGURES))):
        for fact in ranked:
            if (fact.kind in ("person", "place")) != fillers:
                continue
            # two rows under one label ("Tariffs | 15%", "Tariffs | 25%") cannot be told apart
            if fact.label.lower() in labels:
                continue
            if used.get(fact.kind, 0) < _QUOTA[fact.kind] and len(chosen) < room:
                chosen.append(fact)
                labels.add(fact.label.lower())
                used[fact.kind] = used.get(fact.kind, 0) + 1
    return chosen
