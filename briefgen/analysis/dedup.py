"""Merge near-duplicate sentences across sources: the memo says a thing once and cites all.

Near-linear: each sentence probes an inverted index (term -> recent representatives) with its
few heaviest TF-IDF terms, accumulates partial dot products, and checks only the best candidates
with a full cosine. Each posting list is capped, so the work per sentence is bounded however
large the corpus. Exact repeats (after normalising case and spacing) merge through a hash map.
Of two tellings the memo keeps the fuller one (more figures, then more content words), in the
place of the first. Two sentences that both carry figures merge only when they share one:
"held in 2021" and "will be held in 2027" are different claims however alike their words;
and two that quote different words or name different speakers never merge (``same_voice``).
"""

from __future__ import annotations

import bisect
import heapq
import re
from array import array
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from briefgen.analysis.corpus import Sentence, cosine, tokens
from briefgen.analysis.standalone import SPEECH, quotes, speakers

THRESHOLD = 0.35  # TF-IDF cosine: paraphrases of one claim in the seeds score 0.39-0.68,
# distinct claims at most 0.26 (measured with bench/quality.py and the seeds)
PROBE_TERMS = 12  # heaviest terms of a sentence used to find candidates
POSTINGS_CAP = 32  # most recent representatives kept per term
VERIFY = 5  # candidates checked with a full cosine

_NORMAL = re.compile(r"\W+")


def merge_duplicates(sentences: Iterable[Sentence], threshold: float = THRESHOLD) -> list[Sentence]:
    """Representatives in first-seen order; a duplicate adds its sources to its representative."""
    kept: list[Sentence] = []
    exact: dict[str, int] = {}
    postings: dict[str, _Posting] = defaultdict(_Posting)
    for sentence in sentences:
        key = _NORMAL.sub(" ", sentence.text.lower()).strip()
        index = exact.get(key)
        if index is not None and not same_voice(sentence.text, kept[index].text):
            index = None  # the same words, but one prints them as a quotation: not the same
        if index is None:
            index = _nearest(sentence, kept, postings, threshold)
        if index is not None:
            twin = kept[index]
            if _fuller(sentence, twin):  # the memo quotes the telling with more detail
                kept[index], sentence.order = sentence, twin.order
                _repost(postings, index, old=twin.vector, new=sentence.vector)
                twin, sentence = sentence, twin
            _absorb(twin, sentence)
            sentence.vector = {}  # absorbed: never read again, and memory stays flat at scale
            exact.setdefault(key, index)
            continue
        index = len(kept)
        exact[key] = index
        kept.append(sentence)
        for term, weight in sentence.vector.items():
            postings[term].add(index, weight)
    return kept


class _Posting:
    """The most recent representatives that have a term, each with its weight for the term.

    Holding the weight here (rather than looking it up in the representative's vector) keeps a
    probe inside a few small arrays: at 10,000 articles the representatives' vectors no longer
    fit in the processor's cache, and a lookup in each cost more per sentence than at 1,000.
    Every weight is kept equal to ``kept[index].vector.get(term, 0.0)`` (see ``_repost``).
    """

    __slots__ = ("indices", "weights")

    def __init__(self) -> None:
        self.indices = array("l")
        self.weights = array("d")

    def add(self, index: int, weight: float) -> None:
        self.indices.append(index)
        self.weights.append(weight)
        if len(self.indices) > POSTINGS_CAP:  # the oldest goes: a 32-slot shift costs little
            del self.indices[0]
            del self.weights[0]

    def set_weight(self, index: int, weight: float) -> None:
        for at, posted in enumerate(self.indices):
            if posted == index:
                self.weights[at] = weight


def _repost(postings: dict[str, _Posting], index: int, old: dict, new: dict) -> None:
    """A fuller telling replaced the representative at ``index``: its weights change."""
    for term in old:
        if term in postings:
            postings[term].set_weight(index, new.get(term, 0.0))
    for term, weight in new.items():
        if term not in old:
            posting = postings[term]
            posting.set_weight(index, weight)  # an entry left by an earlier representative
            posting.add(index, weight)


def _nearest(
    sentence: Sentence, kept: list[Sentence], postings: dict[str, _Posting], threshold: float
) -> int | None:
    """The index of the most similar representative at or above ``threshold``, if any."""
    vector = sentence.vector
    probe = heapq.nlargest(PROBE_TERMS, vector, key=vector.__getitem__)
    partial: dict[int, float] = defaultdict(float)
    for term in probe:
        posting = postings.get(term)
        if posting is None:
            continue
        weight = vector[term]
        for index, posted in zip(posting.indices, posting.weights, strict=True):
            partial[index] += weight * posted
    best, best_score = None, threshold
    numbers = _numbers(sentence)
    for index in heapq.nlargest(VERIFY, partial, key=partial.__getitem__):
        score = cosine(sentence.vector, kept[index].vector)
        if (
            score >= best_score
            and _numbers_agree(numbers, _numbers(kept[index]))
            and same_voice(sentence.text, kept[index].text)
        ):
            best, best_score = index, score
    return best


QUOTE_OVERLAP = 0.8  # Jaccard of quoted words at which two quotations are the same words


def same_voice(a: str, b: str) -> bool:
    """Do two tellings quote the same words from the same speakers?

    Merging cites every source for the kept telling's words: a source must never be cited
    for a quotation it did not print ("It was an amazing meeting," one outlet quotes; another
    reports the meeting in its own words), nor for a speaker it did not name. Only checked for
    the few candidates already similar enough to merge.
    """
    quoted_a, said_a = _voice(a)
    quoted_b, said_b = _voice(b)
    if quoted_a or quoted_b:
        overlap = len(quoted_a & quoted_b) / len(quoted_a | quoted_b)
        if overlap < QUOTE_OVERLAP:
            return False
    return not (said_a and said_b) or bool(said_a & said_b)


_NONE: frozenset[str] = frozenset()


@lru_cache(maxsize=8192)  # a representative is checked against many probes
def _voice(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The quoted content words of ``text`` and its speakers."""
    quoted = (
        frozenset(t for q in quotes(text) for t in tokens(q)) if _QUOTE_MARK.search(text) else _NONE
    )
    said = speakers(text) if SPEECH.search(text) else _NONE
    return quoted, said


_QUOTE_MARK = re.compile('["“‘]')


def _numbers(sentence: Sentence) -> frozenset[str]:
    return sentence.numbers


def _numbers_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Sentences with figures make the same claim only if they share one (2021 is not 2027)."""
    return not (a and b) or bool(a & b)


def _fuller(a: Sentence, b: Sentence) -> bool:
    """True when ``a`` tells more: more figures, then more distinct content words."""
    return (len(_numbers(a)), len(a.vector)) > (len(_numbers(b)), len(b.vector))


def _absorb(twin: Sentence, duplicate: Sentence) -> None:
    for source_id in duplicate.sources:  # keep the list sorted without re-sorting it
        at = bisect.bisect_left(twin.sources, source_id)
        if at == len(twin.sources) or twin.sources[at] != source_id:
            twin.sources.insert(at, source_id)
    twin.tellings += duplicate.tellings
    # Told in one article's lead, it is lead news, whichever telling's words the memo keeps.
    twin.position = min(twin.position, duplicate.position)
    twin.highlight = twin.highlight or duplicate.highlight
