"""Can a sentence stand alone as a bullet? Resolve what it borrows from the sentence before.

A bullet is read without its neighbours. So a sentence that opens with "He", "They", "It" or
"His" gets the referent from the previous sentence of its article when that is unambiguous
("He also announced ..." -> "Trump also announced ..."), and so does a quote's pronoun speaker
("..., he said" -> "..., Trump said"); when it cannot be resolved, or the sentence opens with
"This/These/Those/Such" + noun, is a quote fragment (unbalanced quote marks, a quote with no
speaker), a bare clause ("But it was ...", lower-case start, no sentence end) or a question,
the sentence is marked not standalone: ``Sentence.standalone`` is False and bullet selection
(summary and sections) leaves it out.

``quotes`` and ``speakers`` also serve the duplicate merge's guard (dedup.py): two tellings
whose quoted words or speakers differ are different claims.
"""

from __future__ import annotations

import re

from briefgen.analysis.corpus import word_set
from briefgen.analysis.lexicon import CALENDAR, SPEECH_VERBS, alternation
from briefgen.analysis.sentences import balanced

_SPEECH = alternation(SPEECH_VERBS)
SPEECH = re.compile(rf"\b(?:{_SPEECH})\b", re.IGNORECASE)
# A quoted span: curly or straight double quotes, or curly single quotes around 2+ words.
_QUOTED = re.compile(r"“([^”]*)”|\"([^\"]*)\"|‘([^’]*\s[^’]*)’")
# Titles before a name ("President", "Dr."), and the words that may qualify them ("Deputy",
# "Chinese"): written once for the name pattern and for _NOT_PERSON below.
_TITLE_WORDS = (
    "President", "Premier", "Chancellor", "Minister", "Secretary", "Representative",
    "Ambassador", "Senator", "Governor", "Spokesperson", "Spokesman", "Spokeswoman", "Leader",
    "General", "Admiral", "King", "Queen", "Pope",
)  # fmt: skip
_HONORIFICS = ("Mr", "Mrs", "Ms", "Dr")
_TITLE_QUALIFIERS = (
    "US", "Chinese", "Russian", "Indian", "Japanese", "British", "French", "German", "Ukrainian",
    "EU", "Vice", "Deputy", "Former", "Acting", "Foreign", "Prime", "Defence", "Defense",
    "Finance", "Trade", "Commerce", "Treasury", "State", "Home",
)  # fmt: skip
_TITLES = (
    rf"(?:(?:U\.S\.|{'|'.join(_TITLE_QUALIFIERS)})\s+)*"
    rf"(?:{'|'.join(_TITLE_WORDS)}|{'|'.join(h + chr(92) + '.?' for h in _HONORIFICS)})"
)
_NAME_WORD = r"[A-Z][a-zA-Z'’-]+"
_NAME = rf"{_NAME_WORD}(?:\s+(?:bin|al|de|van|von|der|da)?\s*{_NAME_WORD}){{0,3}}"
# "President Donald Trump", "Prime Minister Narendra Modi", "Xi Jinping".
TITLED_NAME = re.compile(rf"\b{_TITLES}\s+(?P<name>{_NAME})")
PLAIN_NAME = re.compile(rf"\b(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})\b")
# Words that make a capitalised run a place, a body or a thing rather than a person.
_NOT_PERSON = word_set(
    """
    The A An This That These Those In On At For And But Of To With By From As After Before
    United States Kingdom Nations Union Republic Ministry Department Office Council Committee
    Commission Agency Bank Fund House Senate Congress Parliament Party Army Navy Air Force
    Forces Base Summit Group Organisation Organization University Institute News Times Post
    Reuters Associated Press Street Road Sea Ocean Bay Strait Island Islands River Coast
    Airport Palace Hall Centre Center Treaty Agreement Pact Act Initiative Forum Corporation
    Inc Ltd Company Group Airlines Trade Economic Foreign Defence Defense North South East West
    Korea China Russia India Japan Ukraine Iran Israel Europe European America American Asia
    Pacific Atlantic Indo Middle Gulf
    White Kremlin Pentagon G7 G20 BRICS NATO ASEAN New Saint St San Los Las Port Fort Mount
    Prime Vice Deputy Former Acting Chief Indian Chinese Russian Japanese British French German
    Ukrainian Korean Iranian Israeli Pakistani Brazilian Canadian Australian Thai Cambodian
    """
) | frozenset(CALENDAR + _TITLE_WORDS + _HONORIFICS)
# Not the qualifiers "US", "State", "Home", "Treasury"...: adding them was measured on the real
# pages and left a single, wrong referent for a "he" where a second run had kept it ambiguous.
_AUX = word_set(
    """
    is are was were will would has have had can could may might must shall should did does do
    said says agreed met signed announced called discussed held urged expressed plans planned
    pledged vowed reached launched left arrived told added noted warned remain remained
    """
)
_TEMPORAL = word_set("year week month time morning afternoon evening weekend summer winter")
_CONNECTIVE = re.compile(r"^(?:And|But|Or|So|Yet|Which|Who|Whom|Whose|Nor)\b")
_OPENING = re.compile(r"^[\"“‘']?(?P<word>[A-Za-z]+)\b")
# "It is unclear whether ...", "It was expected that ...": "it" points forward, not back.
_EXPLETIVE = re.compile(
    r"^It\s+(?:is|was|will be|would be|remains|remained|seems|seemed|appears|appeared)\s+"
    r"(?:\w+\s+){0,2}?(?:unclear|clear|likely|unlikely|possible|impossible|expected|hoped|"
    r"feared|believed|thought|said|reported|understood|known|time|important|necessary|"
    r"difficult|hard|easy|surprising|uncertain|too early|not yet)\b"
)
_PRONOUN_SPEAKER = re.compile(
    rf"(?P<lead>[,”\"]\s*)(?P<pronoun>he|she)\s+(?P<verb>{_SPEECH})\b"
    rf"|\b(?P<verb2>said|says|added|told)\s+(?P<pronoun2>he|she)\b"
)
_NAME_AFTER = re.compile(rf"(?:{_TITLES}\s+)?({_NAME})")
_PRONOUNS = word_set(
    "He She His Her Him They Their Them It Its This These Those That Such We I You"
)
SCARE_WORDS = 3  # a quote of this many words or fewer is a phrase, not a statement


def quotes(text: str) -> list[str]:
    """The quoted spans of ``text`` (without their marks)."""
    return [next(g for g in m.groups() if g is not None) for m in _QUOTED.finditer(text)]


def unquoted(text: str) -> str:
    """``text`` with its quoted spans cut out: what the reporter says, not what was quoted."""
    return _QUOTED.sub(" ", text)


def speakers(text: str) -> frozenset[str]:
    """Who is quoted or reported: the surname (or noun) next to "said", "told", "according to"."""
    outside = unquoted(text)
    found: set[str] = set()
    for match in SPEECH.finditer(outside):
        before = outside[: match.start()].rstrip(" ,")
        after = outside[match.end() :].lstrip(" ,")
        name = re.search(rf"({_NAME_WORD})$", before) or _NAME_AFTER.match(after)
        if name:
            word = name.group(1).split()[-1]
            if word not in _NOT_PERSON and word.lower() not in {"he", "she", "they", "it", "we"}:
                found.add(word.lower())
        else:
            noun = re.search(r"\b(officials?|spokes\w+|ministry|diplomats?|sources?)$", before)
            if noun:
                found.add(noun.group(1).rstrip("s"))
    return frozenset(found)


def persons(text: str) -> list[str]:
    """Person names in ``text`` in order, one per surname: titled names, and capitalised runs
    of two or three words with none of the words places, bodies or days are made of."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for match in TITLED_NAME.finditer(text):
        found.append((match.start("name"), match.group("name")))
        taken.append(match.span("name"))
    for match in PLAIN_NAME.finditer(text):
        if any(match.start() < b and match.end() > a for a, b in taken):
            continue
        words = [w.removesuffix("’s").removesuffix("'s") for w in match.group("name").split()]
        if not any(w in _NOT_PERSON for w in words):
            found.append((match.start(), " ".join(words)))
    names: list[str] = []
    for _, name in sorted(found):
        if all(name.split()[-1] != n.split()[-1] for n in names):
            names.append(name)
    return names


def subject(text: str) -> str:
    """The noun phrase a sentence opens with, up to its verb ("The two leaders", "Xi and Lee").

    A fronted clause is passed over: in "Following up on the summit, the prime ministers told
    officials ..." the subject is "the prime ministers".
    """
    opening, comma, rest = text.partition(",")
    first = opening.split()[0].lower() if opening.split() else ""
    if comma and (first in _FRONTED or first.endswith("ing")) and len(opening.split()) <= 25:
        return _opening_phrase(rest.strip())
    return _opening_phrase(text)


_FRONTED = word_set(
    """
    after before following on in with amid against despite during since while as at under
    """
)


def _opening_phrase(text: str) -> str:
    words = text.split()
    for index, word in enumerate(words[:9]):
        bare = word.strip(",;:").lower()
        if index and (bare in _AUX or (bare.endswith("ed") and word[0].islower())):
            phrase = " ".join(words[:index]).rstrip(",")
            # Not a referent: a clause, a quotation, or a pronoun itself ("It", "They").
            if any(c in phrase for c in ",\"“”‘’") or words[0] in _PRONOUNS:
                return ""
            return phrase
    return ""


def stand_alone(text: str, previous: str | None) -> tuple[str, bool]:
    """(``text`` with a borrowed referent filled in, whether it can stand alone as a bullet)."""
    stripped = text.strip()
    if not stripped or not balanced(stripped):
        return text, False
    first = stripped.lstrip("\"“‘'([")
    if not first[:1].isupper() and not first[:1].isdigit():
        return text, False  # a fragment cut from inside a sentence or a quote
    if stripped.rstrip("\"”’')]")[-1:] not in ".!" or _CONNECTIVE.match(stripped):
        return text, False  # no sentence end, a question, a lead-in, or "But it was ..."
    text, speaker_ok = _resolve_speaker(stripped, previous)
    if not speaker_ok:
        return text, False
    if _speakerless_quote(text):
        return text, False
    return _resolve_opening(text, previous)


def _speakerless_quote(text: str) -> bool:
    """A statement in quotes with nobody saying it (a scare-quoted phrase is fine)."""
    spans = [q for q in quotes(text) if len(q.split()) > SCARE_WORDS]
    return bool(spans) and not SPEECH.search(unquoted(text)) and ":" not in unquoted(text)


def _resolve_speaker(text: str, previous: str | None) -> tuple[str, bool]:
    """'"...," he said' -> '"...," Trump said', when the previous sentence names one person."""
    match = _PRONOUN_SPEAKER.search(text)
    if match is None or not quotes(text):
        return text, True
    name = _person_referent(previous)
    if not name:
        return text, False
    if match.group("pronoun"):
        start, end = match.span("pronoun")
    else:
        start, end = match.span("pronoun2")
    return text[:start] + name + text[end:], True


def _person_referent(previous: str | None) -> str:
    """The one person the previous sentence is about: its subject if a person, else its only one."""
    if not previous:
        return ""
    names = persons(previous)
    if not names:
        return ""
    head = subject(previous)
    for name in names:
        if head and name in head:
            return name
    return names[0] if len(names) == 1 else ""


def _resolve_opening(text: str, previous: str | None) -> tuple[str, bool]:
    match = _OPENING.match(text)
    if match is None or text[:1] in "\"“‘'":
        return text, True  # a quote's opening words are its speaker's, resolved by the speaker
    word = match.group("word")
    rest = text[match.end() :]
    if word in _PRONOUNS and rest[:1] in "'’":
        return text, False  # "They're", "He's": a contraction a name cannot take in place
    if word in ("He", "She", "His", "Her", "Him"):
        name = _person_referent(previous)
        if not name:
            return text, False
        filled = name + ("'s" if word in ("His", "Her") else "")
        return text[: match.start("word")] + filled + rest, True
    if word in ("They", "Their", "Them"):
        head = subject(previous or "")
        if not head or not _plural(head) or not _agents(head):
            names = persons(previous or "")
            if len(names) != 2:
                return text, False
            head = " and ".join(names)  # "Donald Trump and Xi Jinping"
        filled = _capital(head) + ("'" if word == "Their" and head.endswith("s") else "")
        if word == "Their" and not head.endswith("s"):
            filled += "'s"
        return text[: match.start("word")] + filled + rest, True
    if word in ("It", "Its"):
        if word == "It" and _EXPLETIVE.match(text):
            return text, True
        head = subject(previous or "")
        if not head or _plural(head) or persons(head) or not _plain(head, 4):
            return text, False
        filled = _capital(head) + ("'s" if word == "Its" else "")
        return text[: match.start("word")] + filled + rest, True
    if word in ("This", "These", "Those", "That", "Such"):
        following = rest.split()[:1]
        if word == "This" and following and following[0].strip(",").lower() in _TEMPORAL:
            return text, True  # "This year ..." names its own time
        return text, False
    if word in ("We", "Our", "Us", "I", "My", "You", "Your"):
        return text, False  # the writer's or a speaker's voice outside quotes
    return text, True


_AGENTS = word_set(
    """
    leaders sides ministers officials countries nations governments delegations negotiators
    parties allies partners presidents premiers diplomats members states envoys both two
    """
)


def _plain(phrase: str, most: int) -> bool:
    """A short noun phrase with no clause or prepositional tail ("parts for the jets")."""
    words = phrase.split()
    return len(words) <= most and not any(w.lower() in _PREPOSITIONS for w in words[1:])


_PREPOSITIONS = word_set(
    "for of in on at with from by to about over under between among who which that"
)


def _agents(phrase: str) -> bool:
    """Can the phrase be the "they" that discussed, agreed, said: people or governments?"""
    words = phrase.split()
    if not _plain(phrase, 6):
        return False
    if " and " in f" {phrase} ":
        return all(w[:1].isupper() or w.lower() in {"and", "the"} for w in words)
    return any(w.lower() in _AGENTS for w in words)


def _plural(phrase: str) -> bool:
    words = phrase.split()
    return (
        " and " in f" {phrase} "
        or words[0].lower() in {"both", "all", "many", "several", "some"}
        or phrase.lower().startswith(("the two", "the three", "the leaders", "leaders"))
        or words[-1].lower().endswith("s")
        and not words[-1][0].isupper()
    )


def _capital(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]
