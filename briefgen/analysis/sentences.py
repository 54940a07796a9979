"""Sentence splitting that survives abbreviations, decimals, initials and glued sentences."""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "no",
        "nos",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "gov",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "adm",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "approx",
        "est",
        "fig",
    ]
)
# A sentence end: . ! or ? (optionally closed by quotes/brackets), then space and a capital,
# a digit or an opening quote.
_BOUNDARY = re.compile(r"([.!?][\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-Z0-9])")
# "Indo-Pacific.Prime Minister": a full stop glued to the next sentence's capital.
_GLUED = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z])")


def split_sentences(paragraph: str) -> list[str]:
    text = _GLUED.sub(". ", paragraph.strip())
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end(1)
        candidate = text[start:end]
        if _ends_with_abbreviation(candidate):
            continue
        sentences.append(candidate.strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return [s for s in sentences if s]


def _ends_with_abbreviation(text: str) -> bool:
    words = text.rstrip("\"'”’)]").split()
    if not words:
        return False
    last = words[-1].rstrip(".").lower().lstrip("(\"'“‘")
    if last in ABBREVIATIONS:
        return True
    # A single capital initial such as "J." in "J. Smith".
    return len(last) == 1 and last.isalpha() and words[-1][0].isupper()
