"""The duplicate index keeps each posted weight equal to its representative's current weight.

``dedup`` stores a term's weight next to each representative in the posting list (a probe then
stays in a few small arrays). This compares it with the plain way of scoring, which reads every
candidate's current vector, on corpora built to make fuller tellings replace representatives
again and again: both must keep the same sentences with the same sources.
"""

from __future__ import annotations

import heapq
import random
from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.analysis import dedup
from briefgen.analysis.corpus import Sentence, cosine, vectorise

FIGURES = ["2026", "2027", "10", "68"]


def reference_merge(sentences: list[Sentence]) -> list[Sentence]:
    """dedup.merge_duplicates scoring each candidate with ``kept[index].vector.get``."""
    kept: list[Sentence] = []
    exact: dict[str, int] = {}
    postings: dict[str, list[int]] = defaultdict(list)

    def post(sentence: Sentence, index: int, skip: dict | None = None) -> None:
        for term in sentence.vector:
            if not (skip and term in skip):
                postings[term] = (postings[term] + [index])[-dedup.POSTINGS_CAP :]

    def nearest(sentence: Sentence) -> int | None:
        vector = sentence.vector
        partial: dict[int, float] = defaultdict(float)
        for term in heapq.nlargest(dedup.PROBE_TERMS, vector, key=vector.__getitem__):
            for index in postings.get(term, []):
                partial[index] += vector[term] * kept[index].vector.get(term, 0.0)
        best, best_score = None, dedup.THRESHOLD
        for index in heapq.nlargest(dedup.VERIFY, partial, key=partial.__getitem__):
            score = cosine(vector, kept[index].vector)
            agree = not (sentence.numbers and kept[index].numbers) or bool(
                sentence.numbers & kept[index].numbers
            )
            if score >= best_score and agree:
                best, best_score = index, score
        return best

    for sentence in sentences:
        key = dedup._NORMAL.sub(" ", sentence.text.lower()).strip()
        index = exact.get(key)
        if index is None:
            index = nearest(sentence)
        if index is not None:
            twin = kept[index]
            if dedup._fuller(sentence, twin):
                kept[index], sentence.order = sentence, twin.order
                post(sentence, index, skip=twin.vector)
                twin, sentence = sentence, twin
            dedup._absorb(twin, sentence)
            sentence.vector = {}
            exact.setdefault(key, index)
            continue
        exact[key] = len(kept)
        kept.append(sentence)
        post(sentence, len(kept) - 1)
    return kept


def corpus(texts: list[tuple[list[str], int]]) -> list[Sentence]:
    sentences = [
        Sentence(" ".join(words), [source], i, 0.0) for i, (words, source) in enumerate(texts)
    ]
    vectorise(sentences)
    return sentences


def random_texts(seed: int, vocabulary: int, count: int) -> list[tuple[list[str], int]]:
    """Short sentences over a small vocabulary: many near-duplicates, many fuller tellings."""
    rng = random.Random(seed)
    words = [f"term{i}" for i in range(vocabulary)] + FIGURES
    return [
        ([rng.choice(words) for _ in range(rng.randint(2, 9))], rng.randint(1, 4))
        for _ in range(count)
    ]


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(20, 80), st.integers(100, 300))
def test_the_index_merges_exactly_as_reading_each_current_vector(seed, vocabulary, count) -> None:
    texts = random_texts(seed, vocabulary, count)
    ours = dedup.merge_duplicates(corpus(texts))
    reference = reference_merge(corpus(texts))
    assert [(s.text, s.sources, s.order, s.tellings) for s in ours] == [
        (s.text, s.sources, s.order, s.tellings) for s in reference
    ]


def test_a_fuller_telling_is_found_through_the_words_only_it_has() -> None:
    # 0 is replaced by the fuller 1 (a figure); 2 shares with the representative mainly what
    # only 1 said, so it is found through weights that changed when 1 took 0's place
    texts = [
        (["navy", "ports", "trade"], 1),
        (["navy", "ports", "trade", "2027", "minerals", "rail"], 2),
        (["2027", "minerals", "rail", "navy"], 3),
    ]
    ours = dedup.merge_duplicates(corpus(texts))
    assert [(s.text, s.sources) for s in ours] == [
        (s.text, s.sources) for s in reference_merge(corpus(texts))
    ]
