"""Shortening a sentence into a headline-length line by whole clauses and phrases.

The subject line (subject.py) and a headline made from an article's lead (title.py) both need a
sentence shorter without cutting inside a phrase. What may go, in this order: a fronted clause
or phrase before the main clause ("Shortly after news broke on Monday ..., X denied ..."), a
parenthesis between commas ("Singh, another deportee, said ..."), an attribution at the end
(", prosecutors said"), then trailing clauses from the end (", which ...", ", although ...").
No step leaves fewer than ``least`` words, a clause with an unbalanced quote, or a line that
opens with a pronoun pointing into the words it dropped.
"""

from __future__ import annotations

import re

from briefgen.analysis.corpus import word_set
from briefgen.analysis.lexicon import SPEECH_VERBS, alternation
from briefgen.analysis.sentences import balanced

# Words that open a clause or phrase fronted before the main clause: subordinators,
# prepositions, sequence adverbs. A first word ending in -ly or -ing ("Shortly after",
# "Having bought ...") counts too. Not "If"/"Unless": a condition is the news.
_FRONTED = word_set(
    """
    after before following on in with amid against despite during since while as at under even
    when whereas although though because once by for from given unlike like over within
    then now meanwhile still earlier later separately also yet instead there here so
    according besides beyond among between without upon until throughout to
    """
)
# What a main clause may open with besides a capitalised word: a determiner or a plural
# subject. Not a pronoun: "When he arrived, he said ..." would lose the name it points to.
_MAIN_START = re.compile(
    r"(?:[A-Z0-9][\w'’.-]*|the|a|an|both|several|many|some|most|more|few|two|three|four|"
    r"five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundreds|thousands|millions|"
    r"dozens|officials|leaders|researchers|scientists|police|authorities|investors|analysts)\b"
)
_PRONOUN_START = word_set("He She It They We I You His Her Its Their This These Those That Such")
_CONNECTIVE_START = word_set("And But Or So Yet Nor Which Who")
# A parenthesis between commas: ", a former envoy," ", who ...," ", including ...,"; the line
# goes on in lower case (a verb), not with "and"/"or" (then it was a list).
_PARENTHESIS = re.compile(
    r",\s+(?:a|an|the|another|who|whose|which|including|such as|like|now|then|also|"
    r"however|too|for example|for instance|in turn|reportedly|apparently)\b[^,;:“”\"]{1,90},\s+"
    r"(?=(?!(?:and|or|but|which|who|whose|whom|that|where|when|while|the|a|an|of|to|in|on|at|"
    r"for|with|by|from|as)\b)[a-z])"
)
_SPEECH = alternation(v for v in SPEECH_VERBS if " " not in v)
# A closing attribution: ", prosecutors said", ", said Jane Doe, a spokeswoman", ", according to
# two people familiar with the matter".
_ATTRIBUTION = re.compile(
    rf",\s+(?:(?:[\w'’.-]+\s+){{1,6}}(?:{_SPEECH})(?:\s+on\s+\w+day)?|(?:{_SPEECH})\s+[^,;]{{1,60}}"
    rf"|according to\s+[^;]{{1,100}})\s*[.!]?$"
)
# Where a line can lose a trailing clause: a comma or semicolon before a word that opens a
# new clause or an adjunct, or a dash. Not any comma: "in Greenbelt, Maryland, observed ..."
_CLAUSE_BREAK = re.compile(
    r"[,;]\s+(?=(?:(?:in|of|during|under|by) which|which|who|where|while|as|after|before|when|"
    r"although|though|even though|"
    r"even as|because|since|whereas|but|yet|so that|including|such as|according|with|amid|"
    r"despite|following|ahead of|in a move|in what|and\s+(?:then|also)|\w+ing)\b)|\s[—–]\s"
)
# A finite verb, roughly: the line before an early end must still say what happened.
_VERB = re.compile(
    r"\s(?:is|are|was|were|will|would|has|have|had|can|could|may|might|must|did|does|"
    r"[a-z]{2,}(?:ed|es|ts|ns|ds|ks|ps|rs|ws))\s"
)
# A finite verb for a headline's early end: an auxiliary, a past tense, a common irregular
# past (not a plural noun, which _VERB lets pass). And a head that opens a relative or
# reported clause before the cut would end inside it ("flavors that would put me").
_FINITE = re.compile(
    r"\s(?:is|are|was|were|will|would|has|have|had|can|could|may|might|must|did|does|"
    r"[a-z]{3,}ed|said|says|found|met|won|lost|fell|rose|made|took|gave|began|came|went|told|sent|"
    r"hit|cut|put|left|ran|got|saw|became|held|set|struck|sold|bought|paid|wrote|spent|built|"
    r"kept|led|brought|drew|grew|knew|felt|stood|spoke|chose|broke|sought|fought|meant)\s"
)
_OPEN_CLAUSE = re.compile(r"\b(?:which|who|whom|whose|that|where|when|after|because|said)\b")
# a verb whose "that" clause is its object: cutting there leaves "X said" or "X is so"
_REPORTING = re.compile(
    r"\b(?:said|says|say|found|find|finds|believe[sd]?|show(?:s|ed)?|report(?:s|ed)?|"
    r"announce[sd]?|warn(?:s|ed)?|note[sd]?|argue[sd]?|claim(?:s|ed)?|think|thinks|thought|"
    r"so|such|now|told|tells|know|knew|hope[sd]?|expect(?:s|ed)?|suggest(?:s|ed)?)$",
    re.IGNORECASE,
)
_LIST_BREAK = re.compile(r"[,;]\s+(?:including|such as)\b")


def fronted(text: str, least: int, longest: int = 30) -> str:
    """``text`` without a clause or phrase (of at most ``longest`` words) fronted before its
    main clause, when one is there and what remains has at least ``least`` words."""
    words = text.split()
    first = words[0].lower().strip("“\"'(,") if words else ""
    if not (first in _FRONTED or first.endswith(("ly", "ing", "ed"))) or first == "only":
        return text
    for comma in re.finditer(r",\s+", text):
        head, rest = text[: comma.start()], text[comma.end() :]
        if len(head.split()) > longest or len(rest.split()) < least:
            break
        if not balanced(head) or not _MAIN_START.match(rest):
            continue
        opener = rest.split()[0]
        if opener in _PRONOUN_START or opener in _CONNECTIVE_START:
            return text  # the main clause's subject is in the part that would go
        segment = rest.split(",", 1)
        listed = len(segment) == 2 and len(segment[0].split()) <= 5
        if listed and re.search(r"\b(?:and|or)\b", segment[0]):
            continue  # "In Paris, Berlin and Rome, ...": a list, not the main clause
        if len(segment) == 2 and not _VERB.search(f" {segment[0]} "):
            continue  # "..., a town on the border, Austria will ...": an apposition
        return rest[0].upper() + rest[1:]
    return text


def parentheses(text: str, least: int) -> str:
    """``text`` without parentheses set off by commas, while it keeps ``least`` words."""
    while match := _PARENTHESIS.search(text):
        shorter = text[: match.start()] + " " + text[match.end() :]
        if len(shorter.split()) < least or not balanced(shorter):
            break
        text = shorter
    return text


def attribution(text: str, least: int) -> str:
    """``text`` without a closing ", X said" or ", according to X"."""
    match = _ATTRIBUTION.search(text)
    if match is None or not balanced(text[: match.start()]):
        return text
    if len(text[: match.start()].split()) < least:
        return text
    return text[: match.start()]


def trailing(text: str, most: int, least: int, keep: re.Pattern[str] | None = None) -> str:
    """Trailing clauses dropped from the end while ``text`` has more than ``most`` words; never
    below ``least`` words, never a clause that the main clause resumes after ("X, which ...,
    the scientists found ..."), never the last one matching ``keep`` (a figure, a condition)."""
    while len(text.split()) > most:
        breaks = [
            b for b in _CLAUSE_BREAK.finditer(text) if len(text[: b.start()].split()) >= least
        ]
        if not breaks:
            break
        head, tail = text[: breaks[-1].start()], text[breaks[-1].start() :]
        resumed = tail[1:].rsplit(",", 1)[-1] if "," in tail[1:] else ""
        if resumed and (_VERB.search(f" {resumed} ") or _FINITE.search(f" {resumed} ")):
            # the main clause comes back after the clause (a verb after its last comma, not an
            # apposition such as ", a former envoy"): only a list before it goes whole
            earlier = [b for b in breaks[:-1] if _LIST_BREAK.match(text[b.start() :])]
            if not earlier:
                break
            head, tail = text[: earlier[-1].start()], text[earlier[-1].start() :]
        if keep is not None and keep.search(tail) and not keep.search(head):
            break  # the clause is the line's only figure or condition: it stays
        if not balanced(head):
            break
        text = head
    return text


def headline_cut(text: str, least: int) -> list[str]:
    """The places a line may end early: before an adjunct phrase after its verb ("... on
    Tuesday", "... in a statement"), longest line first. Not before "to" or "for", which a verb
    may need ("is set to", "ran for"), and not in a line that opens with a subordinate clause."""
    first = text.split()[0].lower().strip(",") if text.split() else ""
    if first in _FRONTED or first in ("if", "even", "unless"):
        return []
    cuts = []
    for match in re.finditer(
        r"\s(?=(?:on|in|at|after|before|over|amid|during|with|that|which|who)\s)", text
    ):
        head = text[: match.start()].rstrip(" ,;")
        if len(head.split()) < least or not balanced(head) or _OPEN_CLAUSE.search(head):
            continue
        if text[match.end() :].startswith(("that", "which", "who")) and _REPORTING.search(head):
            continue  # "officials said that ...": what they said is the news, not a clause to drop
        if _FINITE.search(head + " "):
            cuts.append(head)
    return sorted(cuts, key=len, reverse=True)
