"""Key figures: money and targets, numbered events, people with roles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CURRENCY = r"(?:JPY|USD|INR|EUR|GBP|CNY|US\$|Rs\.?|₹|¥|\$|€|£)"
SCALE = r"(?:trillion|billion|million|crore|lakh|bn|mn)"
AMOUNT = rf"{CURRENCY}\s?\d[\d,]*(?:\.\d+)?(?:\s?{SCALE})?"
_MONEY = re.compile(
    rf"(?P<amount>{AMOUNT})"
    rf"(?:\s*(?:\(|,)?\s*(?:equivalent to\s+|about\s+|approximately\s+|around\s+|roughly\s+|~\s*)+"
    rf"(?P<converted>{AMOUNT})\)?)?"
)
_ORDINAL_EVENT = re.compile(
    r"\b(?P<event>\d{1,3}(?:st|nd|rd|th)\s+(?:[A-Z][\w-]*\s+){0,4}"
    r"(?:Summit|Dialogue|Meeting|Conference|Forum|Session|Round))\b"
)
_PERSON = re.compile(
    r"\b(?P<role>(?:(?:Indian|Japanese|Chinese|South African|US|American|British|French|German|"
    r"Australian)\s+)?(?:Prime Minister|President|Foreign Minister|Defence Minister|"
    r"Finance Minister|Chancellor|Minister))\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})"
)
_LABEL_STOP = {
    "the",
    "a",
    "an",
    "to",
    "from",
    "of",
    "and",
    "for",
    "in",
    "on",
    "with",
    "their",
    "its",
}


@dataclass
class Fact:
    label: str
    value: str
    sources: set[int] = field(default_factory=set)


def extract_facts(sentence: str) -> list[tuple[str, str]]:
    """(label, value) pairs found in one sentence."""
    facts: list[tuple[str, str]] = []
    for match in _MONEY.finditer(sentence):
        value = match.group("amount")
        if match.group("converted"):
            value += f" (~{match.group('converted')})"
        facts.append((_label_before(sentence, match.start()), value))
    for match in _ORDINAL_EVENT.finditer(sentence):
        facts.append(("Reference meeting", match.group("event")))
    for match in _PERSON.finditer(sentence):
        facts.append((match.group("role"), match.group("name")))
    return facts


def _label_before(sentence: str, index: int) -> str:
    """A short label from the words just before an amount ("private investment target")."""
    words = re.findall(r"[\w'’-]+", sentence[:index])[-7:]
    while words and words[-1].lower() in _LABEL_STOP | {"jpy", "usd", "over", "by", "at"}:
        words.pop()
    while words and words[0].lower() in _LABEL_STOP:
        words.pop(0)
    label = " ".join(words[-5:]) or "Amount"
    return label[0].upper() + label[1:]


def merge_facts(found: list[tuple[str, str, int]]) -> list[Fact]:
    """Merge (label, value, source id) triples with the same value, keeping first label."""
    merged: dict[str, Fact] = {}
    for label, value, source_id in found:
        key = re.sub(r"\W+", "", value.lower())
        fact = merged.setdefault(key, Fact(label, value))
        fact.sources.add(source_id)
    return list(merged.values())
