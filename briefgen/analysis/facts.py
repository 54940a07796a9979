"""Key figures: money and targets, percentages, dates, numbered events, people, places.

Each extractor reads one sentence and returns (kind, label, value) facts; ``select_facts`` merges
the same value told by several sources and keeps the most useful few, in a fixed kind order
(money before events, places, dates, percentages and people).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefgen.analysis.corpus import word_set

KINDS = ("money", "event", "place", "date", "percent", "person")

CURRENCY = (
    r"(?:JPY|USD|INR|EUR|GBP|AUD|CAD|NZD|CNY|HKD|TWD|KRW|SGD|IDR|PHP|VND|THB|MYR|AED|SAR|QAR|"
    r"BRL|MXN|ZAR|NGN|RUB|CHF|SEK|NOK|DKK|PLN|TRY|US\$|A\$|Rs\.?|₹|¥|\$|€|£)"
)
SCALE = r"(?:trillion|billion|million|crore|lakh|bn|mn)"
AMOUNT = rf"{CURRENCY}\s?\d[\d,]*(?:\.\d+)?(?:\s?{SCALE})?"
_CONVERTED = (
    rf"\s*[(,]?\s*(?:(?:equivalent to|about|approximately|around|roughly|nearly|some|or)\s+|~\s*)+"
    rf"(?P<converted>{AMOUNT})\)?"
)
_AMOUNT_HEAD = re.compile(AMOUNT)
_HAS_DIGIT = re.compile(r"\d")
_MONEY = re.compile(rf"(?P<amount>{AMOUNT})(?:{_CONVERTED})?")
# "from JPY 5 trillion (2022–2026) to JPY 10 trillion": the earlier figure and its period.
_FROM = re.compile(
    rf"\bfrom\s+(?:the\s+)?(?:earlier\s+|previous\s+)?(?P<old>{AMOUNT})"
    r"(?:\s*\(?(?:over\s+|for\s+)?(?P<period>\d{4}\s*[–-]\s*\d{2,4})\)?)?\s+to\s+(?:a\s+new\s+\w+\s+of\s+)?$"
)
_BY_YEAR = re.compile(r"^[^.;]{0,40}?\b(by|in|over)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*[–-]\s*\d)")
_HEADS = (
    r"target|goal|package|fund|facility|investments?|trade|loans?|aid|deal|budget|partnership|"
    r"grant|credit|line of credit|commitment|pledge|exports|imports|spending|surplus|deficit|"
    r"programme|program|call|agreement"
)
_LABEL_PHRASE = re.compile(
    rf"(?:\b[A-Z][\w-]*(?:'s|’s)\s+)?(?:\b[\w-]+\s+){{0,2}}\b(?:{_HEADS})\b"
    r"(?:\s+(?:for|in|into|with)\s+[A-Z][\w-]*)?"
)
_PERCENT = re.compile(r"(?P<value>\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent))")
_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(
    rf"\b(?P<value>(?:(?:early|mid|late)[- ])?(?:{_MONTHS})\s+(?:\d{{1,2}},?\s+)?(?:19|20)\d\d)\b"
)
_EVENT_NOUN = (
    r"Summit|Dialogue|Meeting|Conference|Forum|Session|Round|Council|Talks|Exercise|Games|"
    r"Election|Visit|Ministerial"
)
_ORDINAL_EVENT = re.compile(
    rf"\b(?P<event>\d{{1,3}}(?:st|nd|rd|th)\s+(?:[A-Z0-9][\w+'’-]*\s+){{0,5}}(?:{_EVENT_NOUN}))\b"
)
_NAMED_EVENT = re.compile(
    rf"\b(?P<event>(?:[A-Z0-9][\w+'’-]*\s+){{1,5}}(?:{_EVENT_NOUN}))\b(?:\s+(?:19|20)\d\d)?"
)
_NATIONALITY = (
    r"Indian|Japanese|Chinese|South African|South Korean|Korean|US|U\.S\.|American|British|"
    r"French|German|Australian|Emirati|Canadian|Italian|Brazilian|Indonesian|Vietnamese|EU"
)
_ROLE = (
    r"(?:Deputy |Vice |Chief |Senior |Foreign |Defence |Defense |Finance |Trade |Commerce |"
    r"External Affairs |Home |Digital |Industry |(?:[A-Z][a-z]+ and [A-Z][a-z]+ ))?"
    r"(?:Prime Minister|President|Chancellor|Minister|Secretary|Premier|Ambassador|"
    r"Crown Prince|King|Queen|Emir|negotiator)"
)
_PERSON = re.compile(
    rf"\b(?P<role>(?:(?:{_NATIONALITY})\s+)?{_ROLE})\s+"
    r"(?P<name>(?:[A-Z]\.\s?){0,3}[A-Z][a-zé]+(?:[ -][A-Z][a-zé]+){0,2})\b"
)
_NOT_NAMES = word_set("Of For And The In On At With Office Minister Ministers President Said Met")
_VENUE = re.compile(
    r"\b(?:met|meeting|held|summit|gathered|convened|hosted|Summit|Dialogue|Council|"
    r"Conference)\b[^.;]{0,70}?\bin\s+"
    r"(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"
)
_NOT_PLACES = frozenset(
    (_MONTHS + "|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|Its").split("|")
)


@dataclass
class Fact:
    kind: str
    label: str
    value: str
    sources: set[int] = field(default_factory=set)
    order: int = 0


def extract_facts(sentence: str) -> list[tuple[str, str, str]]:
    """(kind, label, value) facts found in one sentence, in reading order within each kind."""
    if not _HAS_DIGIT.search(sentence):  # most sentences: only people and places to look for
        return _people_and_places(sentence)
    facts = _money(sentence)
    for match in _ORDINAL_EVENT.finditer(sentence):
        facts.append(("event", "Numbered meeting", match.group("event")))
    for match in _DATE.finditer(sentence):
        facts.append(("date", _event_near(sentence, match.start()) or "Date", match.group("value")))
    for match in _PERCENT.finditer(sentence):
        label = _label_before(sentence, match.start())
        facts.append(("percent", label, " ".join(match.group("value").split())))
    return facts + _people_and_places(sentence)


def _people_and_places(sentence: str) -> list[tuple[str, str, str]]:
    facts: list[tuple[str, str, str]] = []
    for match in _VENUE.finditer(sentence):
        if match.group("place").split()[0] not in _NOT_PLACES:
            facts.append(("place", "Venue", match.group("place")))
    for match in _PERSON.finditer(sentence):
        name = match.group("name")
        if name.split()[0] not in _NOT_NAMES and len(name) > 3:
            facts.append(("person", _role(match.group("role")), name))
    return facts


def _money(sentence: str) -> list[tuple[str, str, str]]:
    matches = list(_MONEY.finditer(sentence))
    # "from X to Y": X is the earlier figure, told as part of Y rather than on its own.
    earlier = {m.start(): _FROM.search(sentence[: m.start()]) for m in matches}
    olds = {e.group("old") for e in earlier.values() if e}
    facts: list[tuple[str, str, str]] = []
    for match in matches:
        value = match.group("amount")
        if value in olds and not earlier[match.start()]:
            continue
        if match.group("converted"):
            value += f" (~{match.group('converted')})"
        by_year = _BY_YEAR.match(sentence[match.end() :])
        if by_year:
            value += f" {by_year.group(1)} {by_year.group('year')}"
        before = sentence[: match.start()]
        old = earlier[match.start()]
        if old:
            period = f" ({old.group('period')})" if old.group("period") else ""
            value += f", up from {old.group('old')}{period}"
            before = before[: old.start()]
        facts.append(("money", _label_before(before, len(before)), value))
    return facts


def _label_before(sentence: str, index: int) -> str:
    """A short label for a figure: the nearest "... target/trade/fund" phrase before it."""
    window = sentence[max(0, index - 120) : index]
    phrases = list(_LABEL_PHRASE.finditer(window))
    if phrases:
        label = phrases[-1].group(0)
    else:
        words = re.findall(r"[\w'’-]+", window)[-5:]
        label = " ".join(words)
    words = label.split()
    while words and words[0].lower() in _LABEL_STOP:
        words.pop(0)
    while words and words[-1].lower() in _LABEL_STOP:
        words.pop()
    text = " ".join(words) or "Amount"
    return text[0].upper() + text[1:]


_LABEL_STOP = word_set(
    "the a an to from of and for in on with their its over by at worth about some new "
    "endorsed agreed set announced signed double doubling rose reached grew which that under "
    "whose"
)


def _event_near(sentence: str, index: int) -> str:
    """The named event a date belongs to ("Global AI Summit in February 2026")."""
    events = [m for m in _NAMED_EVENT.finditer(sentence) if m.start() < index]
    if events:
        return events[-1].group("event")
    return ""


def _role(role: str) -> str:
    return role[0].upper() + role[1:]


def _value_key(value: str) -> str:
    return re.sub(r"\W+", "", value.lower())


def merge_facts(found: list[tuple[str, str, str, int]]) -> list[Fact]:
    """Merge (kind, label, value, source id) with the same value, keeping the first label."""
    merged: dict[str, Fact] = {}
    for kind, label, value, source_id in found:
        fact = merged.setdefault(_value_key(value), Fact(kind, label, value, order=len(merged)))
        fact.sources.add(source_id)
    # A bare amount ("JPY 10 trillion") that a fuller figure starts with ("JPY 10 trillion
    # (~USD 68 billion)") is the same figure told less fully: one lookup per fact, no pairs.
    facts = list(merged.values())
    fuller: dict[str, Fact] = {}
    for fact in facts:
        head = _AMOUNT_HEAD.match(fact.value)
        if fact.kind == "money" and head and head.end() < len(fact.value):
            fuller.setdefault(_value_key(head.group(0)), fact)
    for fact in facts:
        target = fuller.get(_value_key(fact.value)) if fact.kind == "money" else None
        if target is not None and target is not fact:
            target.sources |= fact.sources
            fact.kind = ""
    _merge_short_names(facts)
    return [f for f in facts if f.kind]


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


def select_facts(facts: list[Fact], limit: int) -> list[Fact]:
    """The most useful ``limit`` facts: by kind, then by how many sources tell them."""
    quota = {"money": 4, "event": 2, "place": 1, "date": 2, "percent": 2, "person": 3}
    chosen: list[Fact] = []
    used: dict[str, int] = {}
    ranked = sorted(facts, key=lambda f: (KINDS.index(f.kind), -len(f.sources), f.order))
    for fact in ranked:
        if used.get(fact.kind, 0) < quota[fact.kind] and len(chosen) < limit:
            chosen.append(fact)
            used[fact.kind] = used.get(fact.kind, 0) + 1
    return chosen
