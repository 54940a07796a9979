"""Sentences as the analysis sees them: text, provenance and a sparse TF-IDF vector.

Vectors are plain dicts (term -> weight, unit length): cheap to build in one pass over the corpus
and enough for near-duplicate search and summary centrality without an all-pairs comparison.
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefgen.analysis.classify import Verdict

from briefgen.sections import OTHER


@dataclass(slots=True)  # no per-object __dict__: draft holds hundreds of thousands of these
class Sentence:
    text: str
    sources: list[int]
    order: int  # position across the corpus: stable output order
    position: float  # 0 at the start of its article, 1 at the end
    section: str = OTHER
    scores: dict[str, float] = field(default_factory=dict)
    score: float = 0.0  # rank inside its section
    colour: float = 0.0  # its probability for ``other``: protocol, colour, atmosphere
    why: str = ""  # set by the summary; section reasons come from ``verdict``
    verdict: Verdict | None = None  # explains the section on demand (--explain)
    vector: dict[str, float] = field(default_factory=dict)
    numbers: frozenset[str] = frozenset()  # terms with a digit: "2027", "68", "15th"
    tellings: int = 1  # how many sentences (across sources) say this; >1 after merging
    highlight: bool = False
    # Can it be a bullet on its own (standalone.py)? False: an unresolved "He/They/These ...",
    # a quote fragment or a quote with no speaker, unbalanced quote marks, a bare clause, a
    # question. Selection (summary and sections) never picks a sentence with standalone False.
    standalone: bool = True
    printed: str = ""  # the sentence as its source printed it, when ``text`` filled a referent


def word_set(words: str) -> frozenset[str]:
    """A frozenset from a whitespace-separated list (keeps long word lists readable)."""
    return frozenset(words.split())


_DIGIT = re.compile(r"\d")
_NO_NUMBERS: frozenset[str] = frozenset()
# Runs of letters and digits, joined by inner hyphens or apostrophes ("three-hour", "trump's"):
# the tokens of TF-IDF here and of the learned model (learned.py), as the labelled corpus has them.
WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
STOP_WORDS = word_set(
    """
    a an the and or but nor of to in on for with at by from as into over under about than then
    is are was were be been being am has have had do does did will would shall should can could
    may might must that this these those there their its it they them he she his her we our you
    your i me my who whom which what when where why how also both two all any each more most
    other such only own same so too very not no just said says say told according while after
    before during since until between among upon within without per via amid s
    """
)


def tokens(text: str) -> list[str]:
    """Content words, lower-cased, plurals folded ("investments" -> "investment").

    Interned: every vector shares one string per term (measured: peak memory of draft over
    3,000 articles 305 -> 254 MB, same output).
    """
    intern = sys.intern
    return [intern(fold_plural(w)) for w in WORD.findall(text.lower()) if w not in STOP_WORDS]


def fold_plural(word: str) -> str:
    """One form for singular and plural: "tariffs" -> "tariff", "policies" -> "policy"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def vectorise(sentences: list[Sentence]) -> None:
    """Give every sentence a unit TF-IDF vector, IDF counted over these sentences."""
    idf = inverse_document_frequency(sentences)
    for sentence in sentences:
        set_vector(sentence, idf)


def inverse_document_frequency(sentences: Iterable[Sentence]) -> dict[str, float]:
    """IDF of every term over ``sentences``, counted in one pass that keeps nothing per sentence.

    With ``set_vector`` it lets vectors be made one at a time when needed, so a large corpus
    never holds every sentence's vector at once.
    """
    df: Counter[str] = Counter()
    total = 1
    for sentence in sentences:
        df.update(set(tokens(sentence.text)))
        total += 1
    return {term: math.log(total / (n + 1)) + 1.0 for term, n in df.items()}


def set_vector(sentence: Sentence, idf: dict[str, float]) -> None:
    """The sentence's unit TF-IDF vector and the terms in it that carry a digit."""
    count = Counter(tokens(sentence.text))
    weights = {t: (1.0 + math.log(c)) * idf[t] for t, c in count.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    sentence.vector = {t: w / norm for t, w in weights.items()}
    # Most sentences have no figure: they share the one empty frozenset.
    sentence.numbers = frozenset(t for t in count if _DIGIT.search(t)) or _NO_NUMBERS


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())
