"""The memo's title: what the sources agree the event was.

One source keeps its headline. Several sources get a title built from what at least two of them
tell: who (the leaders named with a role), what (the named event or the kind of meeting) and where
(the venue or dateline), "Modi–Takaichi meeting at the G20 Summit in Johannesburg". The subject
line (``subject.py``) adds what came of it.
"""

from __future__ import annotations

import re
from collections import Counter

from briefgen.analysis import clauses
from briefgen.analysis.corpus import Sentence
from briefgen.analysis.facts import Fact, named_events
from briefgen.analysis.quantities import find_quantities

_LEADER = re.compile(
    r"President|Prime Minister|Chancellor|Premier|King|Emir|Crown Prince|Secretary|Minister"
)
_KINDS = (
    ("summit", "summit"), ("talks", "talks"), ("ceasefire", "ceasefire"), ("strikes", "strikes"),
    ("deal", "deal"), ("agreement", "agreement"), ("meeting", "meeting"), ("met", "meeting"),
    ("call", "call"), ("visit", "visit"),
)  # fmt: skip


# A first line that is no headline: a newsletter's greeting, or a line cut short ("…").
_GREETING = re.compile(
    r"^(?:good (?:morning|afternoon|evening)|hello|hi|hey|welcome|dear|greetings|happy \w+day)\b",
    re.IGNORECASE,
)


def greeting_or_cut(headline: str) -> bool:
    """Whether a source's title is a greeting or a truncated line rather than a headline."""
    line = headline.strip()
    return bool(_GREETING.match(line)) or line.endswith(("…", "...")) or not line


HEADLINE_WORDS = 16  # a headline made from a lead sentence: at most this many words ...
_HEADLINE_LEAST = 6  # ... and at least this many


def lead_headline(lead: str) -> str:
    """A headline from an article's lead sentence, shortened by whole clauses and closing
    phrases ("Teachers surrounded the Statehouse on Tuesday to call for ..." -> "Teachers
    surrounded the Statehouse"); "" when it cannot be made short without cutting a phrase."""
    text = lead.strip().rstrip(".")
    if not text or greeting_or_cut(text):
        return ""
    least = _HEADLINE_LEAST
    text = clauses.fronted(text, least, 30 if len(text.split()) > HEADLINE_WORDS else 2)
    text = clauses.parentheses(clauses.attribution(text, least), least)
    text = clauses.trailing(text, HEADLINE_WORDS, least)
    if len(text.split()) > HEADLINE_WORDS:
        cuts = [c for c in clauses.headline_cut(text, least) if len(c.split()) <= HEADLINE_WORDS]
        text = cuts[0] if cuts else text
    return text[0].upper() + text[1:] if len(text.split()) <= HEADLINE_WORDS + 4 else ""


def memo_title(sources: list, facts: list[Fact], sentences: list[Sentence]) -> str:
    """A title naming the event; a single source's headline when there is only one."""
    if not sources:
        return "Briefing memo"
    if len(sources) == 1:
        return sources[0].title
    who = _leaders(facts, sentences)
    event = _agreed_event(sentences)
    where = _place(facts)
    if len(who) < 2 and not event:
        return sources[0].title  # nothing the sources agree on to name it by
    kind = _kind(sentences, who)
    parts = ["–".join(who)] if len(who) == 2 else []
    host = _host(facts, sentences) if event and len(who) < 2 else ""
    if event and parts:
        parts.append(f"{kind} at the {event}")
    elif event and host:
        parts.append(f"{host} at the {event}")  # the summit's host or principal, agreed on
    elif event:
        parts.append(event)
    else:
        parts.append(kind)
    if where and where.lower() not in " ".join(parts).lower():
        parts.append(f"in {where}")
    title = " ".join(parts) + _outcome(facts)
    return title[0].upper() + title[1:]


def _outcome(facts: list[Fact]) -> str:
    """ ": tariffs on Chinese goods cut to 47%" when the sources agree on a change."""
    changes = [f for f in facts if "→" in f.value and len(f.sources) >= 2]
    if not changes or len(changes[0].label.split()) > 5:
        return ""
    fact = max(changes, key=lambda f: (len(f.sources), -f.order))
    old, new = (part.split(" (")[0] for part in fact.value.split(" → ", 1))
    amounts = [find_quantities(x) for x in (old, new)]
    if not all(amounts) or amounts[0][0].amount is None or amounts[1][0].amount is None:
        return ""
    verb = "cut" if amounts[1][0].amount < amounts[0][0].amount else "raised"
    return f": {fact.label[0].lower()}{fact.label[1:]} {verb} to {new}"


def _leaders(facts: list[Fact], sentences: list[Sentence]) -> list[str]:
    """Surnames of the (at most two) leaders most sources name, in the order first told."""
    people = [f for f in facts if f.kind == "person" and _LEADER.search(f.label)]
    agreed = [f for f in people if len(f.sources) >= 2] or people[:2]
    agreed.sort(key=lambda f: (-len(f.sources), f.order))
    chosen = sorted(agreed[:2], key=lambda f: f.order)
    text = " ".join(s.text for s in sentences)
    names: list[str] = []
    for fact in chosen:
        surname = short_name(fact.value, text)
        if surname not in names:
            names.append(surname)
    return names


def _host(facts: list[Fact], sentences: list[Sentence]) -> str:
    """The one leader every source names, when the sources name a single one: a summit's host
    or principal ("Macron at the AI Action Summit in Paris")."""
    told = {source for sentence in sentences for source in sentence.sources}
    people = [f for f in facts if f.kind == "person" and _LEADER.search(f.label)]
    everywhere = [f for f in people if len(told) >= 2 and set(f.sources) >= told]
    if len(everywhere) != 1:
        return ""
    return short_name(everywhere[0].value, " ".join(s.text for s in sentences))


def short_name(name: str, text: str) -> str:
    """The name copy uses on its own: "Trump" for Donald Trump, "Xi" for Xi Jinping (family
    name first), "von der Leyen" (a particle stays with the surname)."""
    particle = re.search(r"\b(?:von der|van der|von|van|de|da|al|bin)\s+\S+$", name)
    if particle:
        return particle.group(0)
    parts = name.split()
    if len(parts) < 2:
        return name
    text = text.replace(name, " ")  # count each part where it stands alone
    alone = {p: len(re.findall(rf"\b{re.escape(p)}\b", text)) for p in parts}
    first, last = parts[0], parts[-1]
    return first if alone[first] > alone[last] else last


def _agreed_event(sentences: list[Sentence]) -> str:
    """The named event ("G20 Summit") told by the most sources, when at least two tell it."""
    told: dict[str, set[int]] = {}
    shown: dict[str, str] = {}
    for sentence in sentences:
        for name in named_events(sentence.text):
            key = " ".join(name.lower().split()[-2:])
            told.setdefault(key, set()).update(sentence.sources)
            shown.setdefault(key, re.sub(r"^[Tt]he\s+", "", name))  # "at the The ..." otherwise
    agreed = [(len(ids), key) for key, ids in told.items() if len(ids) >= 2]
    if not agreed:
        return ""
    return shown[max(agreed)[1]]


def _kind(sentences: list[Sentence], who: list[str]) -> str:
    """What kind of event: the word for it most sources use ("meeting" by default)."""
    counts: Counter[str] = Counter()
    for sentence in sentences:
        words = set(re.findall(r"[a-z]+", sentence.text.lower()))
        for word, kind in _KINDS:
            if word in words:
                counts[kind] += 1
    if len(who) == 2 and counts["meeting"]:
        return "meeting"
    return counts.most_common(1)[0][0] if counts else "meeting"


def _place(facts: list[Fact]) -> str:
    places = [f for f in facts if f.kind == "place"]
    if not places:
        return ""
    return max(places, key=lambda f: (len(f.sources), -f.order)).value
