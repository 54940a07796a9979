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
from briefgen.analysis.lexicon import WEEKDAYS, alternation
from briefgen.analysis.quantities import find_quantities
from briefgen.analysis.sentences import balanced, split_sentences
from briefgen.analysis.standalone import stand_alone

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
_HEADLINE_MOST = HEADLINE_WORDS + 4  # a line longer than this is a story sentence, not a title

# What a page's first line can be besides a headline: an order to click, a sponsor's notice,
# a spec or contact line ("Reviewed by: ... Price: ... More info: www...").
_PROMPT = re.compile(
    r"^\W*(?:click|tap|swipe|scroll|press)\b|#ad\b|\b(?:compensated|sponsored) by\b|"
    r"\baffiliate links?\b|\bwww\.|https?://|@\w",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
_FIELD = re.compile(r"(?:^|\s)[A-Z][\w ]{0,20}:\s")
# A day or a week a headline leaves to the story ("... on Tuesday night", "... last week").
_DAY = alternation(WEEKDAYS)
_WHEN = re.compile(
    rf",?\s+(?:(?:on|late|early)\s+(?:{_DAY})(?:\s+(?:night|morning|afternoon|evening))?|"
    rf"(?:last|this|next)\s+(?:week|weekend|month|{_DAY})|yesterday|today|at the weekend)"
    r"(?![\w'’-])(?!\s+\w+['’]s\b)",  # not "on Thursday night's fight"
    re.IGNORECASE,
)
# A bare day after the verb it dates: "pleaded guilty Monday to ...", "announced Wednesday at".
_VERB_DAY = re.compile(rf"\b((?:said|says|\w+ed)\s+)(?:{_DAY})\b(?![\w'’-])")


def _without_when(text: str) -> str:
    return _VERB_DAY.sub(r"\1", _WHEN.sub("", text)).replace("  ", " ")


def not_headline(line: str) -> bool:
    """Whether a source's first line is something other than a headline: a greeting, a cut
    line, a prompt or sponsor's notice, a bare dateline, a field line, the story's first
    sentences (more than one, or longer than any headline)."""
    from briefgen.analysis.clean import DATELINE_LINE, clutter_kind

    text = line.strip()
    if greeting_or_cut(text) or len(text.split()) > _HEADLINE_MOST:
        return True
    if _PROMPT.search(text) or len(_FIELD.findall(text)) >= 2:
        return True
    if DATELINE_LINE.match(text) and (text.isupper() or "," in text):
        return True  # "TALVIK, NORDLAND": where the story was filed, not what it says
    if clutter_kind(text) not in (None, "section label"):  # "Opinion | ..." is a headline
        return True
    # sentences that end as sentences do; not "The VW ID. Space ..." or "Is … You're Broke"
    return bool(_SENTENCE_END.search(text)) and len(split_sentences(text)) > 1


def source_title(headline: str, leads: list[str], fallback: str) -> str:
    """A source's title: its headline when it has one; else a headline made of whole clauses
    of its lead (a later sentence of the first paragraph only when the first gives none and it
    stands alone); else ``fallback``, the file's name."""
    if headline and not not_headline(headline):
        return headline
    for index, lead in enumerate(leads[:3]):
        if index and not stand_alone(lead, None)[1]:
            continue  # "And the band ...", "This partnership ...": it leans on the lead
        made = lead_headline(lead)
        if made and not not_headline(made):
            return made
    return fallback


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
    made = _cut(text, least)
    if len(made.split()) > HEADLINE_WORDS:
        # the day or week it happened goes ("... problems last week when ..."), then try again
        shorter = _without_when(text)
        if len(shorter.split()) >= least:
            again = _cut(clauses.trailing(shorter, HEADLINE_WORDS, least), least)
            made = again if len(again.split()) < len(made.split()) else made
    made = clauses.attribution(made.rstrip(" ,;:"), least)  # "..., the minister said"
    return made[0].upper() + made[1:] if len(made.split()) <= _HEADLINE_MOST else ""


# A subordinate clause a headline can end before, with or without a comma: "... led to
# widespread problems when the company launched its service".
_SUBORDINATE = re.compile(r",?\s(?=(?:when|while|whereas|because|since|until|after|including)\s)")
_OPENS_SUBORDINATE = re.compile(
    r"^\W*(?:when|while|whereas|because|since|until|after|before|if|unless|as|although|though|"
    r"even)\b",
    re.IGNORECASE,
)


def _cut(text: str, least: int) -> str:
    """``text`` ended early, before an adjunct phrase (``clauses.headline_cut``) or a closing
    subordinate clause, when it is longer than a headline: the longest line that fits."""
    if len(text.split()) <= HEADLINE_WORDS:
        return text
    cuts = [clauses.attribution(c, least) for c in clauses.headline_cut(text, least)]
    clauses_ = [
        clauses.attribution(text[: m.start()], least)
        for m in _SUBORDINATE.finditer(text)
        if not _OPENS_SUBORDINATE.match(text)  # the main clause comes after it
        and len(text[: m.start()].split()) >= least
        and balanced(text[: m.start()])
    ]
    # a phrase cut that fits first, then a clause cut that fits, then the longest up to 20
    for pool, most in ((cuts, HEADLINE_WORDS), (clauses_, HEADLINE_WORDS),
                       (cuts + clauses_, _HEADLINE_MOST)):  # fmt: skip
        fits = sorted((c for c in pool if len(c.split()) <= most), key=len, reverse=True)
        if fits:
            return fits[0]
    return text


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
