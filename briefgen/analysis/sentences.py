"""Sentence splitting that survives abbreviations, decimals, initials, quotes and glued sentences.

A full stop, question or exclamation mark ends a sentence when whitespace and a capital, a digit
or an opening quote/bracket follow it, unless the word before it is a known abbreviation
("Dr.", "No.", "Jan.", "U.S.") or an initial ("S. Jaishankar"). Decimals ("USD 68.5 billion") and
ranges ("2022–2026") never split because no whitespace follows their punctuation. A full stop glued
to the next sentence ("Indo-Pacific.Prime Minister") is split first.
"""

from __future__ import annotations

import re

from briefgen.analysis.corpus import word_set
from briefgen.analysis.lexicon import MONTHS_SHORT, WEEKDAYS_SHORT, lower

# Lower-case, without the final dot. Titles, months, corporate and Latin abbreviations.
ABBREVIATIONS = word_set(
    """
    mr mrs ms dr prof sr jr st mt ft no nos vs etc inc ltd co corp plc gov govt gen lt col maj
    capt cmdr sgt adm rep sen hon rev amb dept est approx fig vol art sec cl para ch pp op
    u.s u.k u.n u.s.a e.u e.g i.e a.m p.m
    """
) | lower(MONTHS_SHORT + WEEKDAYS_SHORT)
# After these the next word is a name or number, never a new sentence ("Dr. Singh", "No. 10").
_ALWAYS_JOIN = word_set("mr mrs ms dr prof st mt no nos gen lt col maj capt cmdr sgt adm")

# A sentence end: . ! ? or an ellipsis (optionally closed by quotes/brackets), whitespace, then
# something that can open a sentence.
_BOUNDARY = re.compile(r"((?:\.{3}|…|[.!?])[\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-Z0-9])")
# "Indo-Pacific.Prime Minister", "in 2026.The", "outcomes.”Next": a full stop glued to a capital
# that starts a word of at least two letters. "U.S.Army" stays (a single letter before the dot).
_GLUED = re.compile(r"(?<=[a-z0-9]{2}[.!?])([\"'”’)\]]*)(?=[A-Z][a-z]|[AI]\s)")
_SPACE = re.compile(r"\s+")
_CURLY_DOUBLE = re.compile("[“”]")


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph, in order, with whitespace collapsed."""
    text = _SPACE.sub(" ", paragraph).strip()
    if not text:
        return []
    text = _GLUED.sub(r"\1 ", text)
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end(1)
        if _is_not_an_end(text[start:end], text[match.end() :]):
            continue
        sentences.append(text[start:end].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return _join_quotes([s for s in sentences if s])


QUOTE_SPAN = 4  # most sentences one quotation may run over and still be joined


def _join_quotes(sentences: list[str]) -> list[str]:
    """Keep a quotation of several sentences in one piece with its speaker.

    '"We will act. We will win," he said.' stays one sentence, so the quote keeps its speaker
    and no piece has a stray quote mark. A quote that does not close within QUOTE_SPAN
    sentences (it runs on into the next paragraph) is left split.
    """
    out: list[str] = []
    index = 0
    while index < len(sentences):
        joined = sentences[index]
        end = index
        if not balanced(joined):
            for later in range(index + 1, min(index + QUOTE_SPAN, len(sentences))):
                candidate = " ".join(sentences[index : later + 1])
                if balanced(candidate):
                    joined, end = candidate, later
                    break
        out.append(joined)
        index = end + 1
    return out


def balanced(text: str) -> bool:
    """Quote marks open and close in pairs (straight double quotes in an even number).

    One rule for both uses: splitting joins a quotation's sentences until they balance, and
    the standalone check (standalone.py) refuses a sentence that still does not.
    """
    if text.count('"') % 2:
        return False
    depth = 0
    for mark in _CURLY_DOUBLE.findall(text):  # the marks only: every sentence passes here
        depth += 1 if mark == "“" else -1
        if depth < 0:
            return False
    if depth:
        return False
    # A sentence that opens a single quote it never closes ("‘We will act.").
    return not (text.startswith("‘") and "’" not in text[1:])


def _is_not_an_end(candidate: str, following: str) -> bool:
    """True when the punctuation closing ``candidate`` belongs to an abbreviation or initial."""
    if not candidate.endswith("."):
        return False
    words = candidate.split()
    if not words:
        return False
    last = words[-1].lstrip("\"'“‘([").rstrip(".").lower()
    if last in _ALWAYS_JOIN:
        return True
    if last in ABBREVIATIONS:
        # "the U.S. The talks": a known abbreviation ends the sentence only before a word that
        # usually starts one (The, A, It, ...), never before a name or a number.
        return not _STARTERS.match(following)
    # Initials: "S. Jaishankar", "A.P.J. Abdul Kalam" (single capitals separated by dots).
    return re.fullmatch(r"(?:[a-z]\.)*[a-z]", last) is not None and words[-1][0].isupper()


_STARTERS = re.compile(
    r"[\"'“‘(\[]?(?:The|A|An|It|In|On|At|This|That|These|Those|They|He|She|We|But|And|However|"
    r"Both|Its|Their|His|Her|Officials|Meanwhile|After|Before|During|While)\b"
)
