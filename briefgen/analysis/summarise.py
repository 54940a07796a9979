"""Bottom line up front: 3-5 summary bullets chosen by centrality, position and coverage.

Centrality is TextRank (PageRank over the cosine-similarity graph of sentence vectors), run on a
bounded pool of candidates picked by a cheap prior, so the cost does not grow with the square of
the corpus. Publisher highlights, when an article has them, are the summary.
"""

from __future__ import annotations

import re

from briefgen.analysis.corpus import Sentence, cosine

POOL = 60  # candidates for the similarity graph: the earliest sentences of the articles
DAMPING = 0.85
ITERATIONS = 40
LEAD_POSITION = 0.2  # "opening": the first fifth of an article
REDUNDANT = 0.4  # a candidate this similar to a chosen bullet adds nothing
LEAD_WEIGHT = 3.0  # how much more an article's first sentence weighs than its last
FIGURE_BONUS = 0.3  # a sentence with a figure (a sum, a count, a date) is likelier news
COLOUR_WEIGHT = 0.6  # times the section model's probability that the sentence is colour
AGREE_LOW, AGREE_HIGH = 0.2, 0.5  # cosine to another source's closest sentence: none .. full


# A leading framing clause: "Building upon the outcomes of X, Modi and Takaichi directed ..."
_LEAD_CLAUSE = re.compile(
    r"^(?:(?:Building|Following|Against|Amid|Despite|During|After|With|Closing|Speaking|"
    r"Addressing|In a|On the|At the)\b[^,;]{3,140}?),\s+"
    # the main clause's subject: a capital, or a plural subject ("both sides ..."); a lower-case
    # word after the comma is otherwise the next item of a list ("With X, Y and Z, ...")
    r"(?=[A-Z]|(?:both|the two|they|officials|leaders)\b)"
)
# A trailing participle phrase: "..., injecting renewed vigour into ..." adds colour, not news.
# Only participles that comment rather than report: "aligning their views on maritime
# security" is news and stays.
_TRAILING_PARTICIPLE = re.compile(
    r",\s+(?:\w+ly\s+)?(?:injecting|marking|highlighting|underscoring|underlining|signall?ing|"
    r"reflecting|adding|bringing|giving|paving|capping|reinforcing|solidifying|cementing|"
    r"lending|sending|setting the stage)\b[^;]*[.!?]?$"
)
_ACRONYM = re.compile(r"\s+\([A-Z]{2,6}\)")
MIN_BULLET_WORDS = 8
# What a clause must not lose: a figure, or a condition or limit ("if", "unless", "for a year").
_CARRIES = re.compile(
    r"\d|\b(?:if|unless|until|provided|subject to|only|except|conditional|for a year|"
    r"for (?:one|two|three|six|\w+) (?:days?|weeks?|months?|years?))\b",
    re.IGNORECASE,
)


def tighten(text: str) -> str:
    """A summary bullet: the sentence without framing clauses, colour or spelled-out acronyms.

    Only whole clauses are dropped, never words inside one, never one that carries a figure or
    a condition, and never below MIN_BULLET_WORDS.
    """
    shorter = _ACRONYM.sub("", text)
    for pattern in (_LEAD_CLAUSE, _TRAILING_PARTICIPLE):
        match = pattern.search(shorter)
        if match is None or _CARRIES.search(match.group(0)):
            continue  # a clause with a figure or a condition is the news: it stays
        candidate = shorter[: match.start()] + shorter[match.end() :]
        if len(candidate.split()) >= MIN_BULLET_WORDS:
            shorter = candidate
    shorter = shorter.rstrip(" ,;")
    if shorter[-1:] not in ".!?":
        shorter += "."
    return shorter[0].upper() + shorter[1:]


def textrank(pool: list[Sentence]) -> list[float]:
    """PageRank scores of the sentences in ``pool`` over their cosine-similarity graph."""
    n = len(pool)
    if n == 0:
        return []
    weights = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            w = cosine(pool[i].vector, pool[j].vector)
            weights[i][j] = weights[j][i] = w
    out = [sum(row) or 1.0 for row in weights]
    rank = [1.0 / n] * n
    for _ in range(ITERATIONS):
        rank = [
            (1 - DAMPING) / n
            + DAMPING * sum(weights[j][i] * rank[j] / out[j] for j in range(n) if weights[j][i])
            for i in range(n)
        ]
    return rank


def _who_met_where(kept: list[Sentence]) -> Sentence | None:
    """The first opening sentence that names a place (who met where), else the first sentence.

    Highlights say what was agreed; this bullet gives the reader the occasion.
    """
    from briefgen.analysis.facts import extract_facts

    openings = [s for s in kept if s.position <= LEAD_POSITION]
    for sentence in openings:
        if any(kind == "place" for kind, _, _ in extract_facts(sentence.text)):
            return sentence
    return kept[0] if kept else None


def summarise(
    kept: list[Sentence], highlights: list[Sentence], low: int = 3, high: int = 5
) -> list[Sentence]:
    """The summary bullets, most important first; each carries a ``why``."""
    picked: list[Sentence] = []
    if highlights:
        lead = _who_met_where(kept)
        if lead and all(cosine(lead.vector, h.vector) < REDUNDANT for h in highlights):
            lead.why = "summary: the opening sentence (who met where), then publisher highlights"
            picked.append(lead)
        for highlight in highlights:
            if len(picked) < high and all(
                cosine(highlight.vector, p.vector) < REDUNDANT for p in picked
            ):
                highlight.why = "summary: publisher highlight bullet"
                picked.append(highlight)
        if len(picked) >= low:
            return picked
    pool = sorted(kept, key=lambda s: (s.position, s.order))[:POOL]
    if not pool:
        return picked
    rank = textrank(pool)
    top = max(rank) or 1.0
    agree = agreement(pool)
    sources = len({i for s in pool for i in s.sources})
    scored: list[tuple[float, Sentence, float, float]] = []
    for sentence, value, told in zip(pool, rank, agree, strict=True):
        centrality = value / top
        opening = 1.0 + LEAD_WEIGHT * (1.0 - sentence.position) ** 2  # the news comes first
        short = 1.0 / (1.0 + len(sentence.text.split()) / 60)  # a bullet should be short
        figures = 1.0 + FIGURE_BONUS * bool(sentence.numbers)  # headline numbers
        news = 1.0 - COLOUR_WEIGHT * sentence.colour  # protocol and colour are not the news
        value = (1.0 + told) * (0.5 + centrality) * opening * short * figures * news
        scored.append((value, sentence, centrality, told))
    target = min(high, max(low, high if sources >= 3 and len(pool) >= 12 else low + 1))
    if len(pool) < 8:
        target = low
    while len(picked) < target and scored:
        best = max(scored, key=lambda t: t[0])
        scored.remove(best)
        _, sentence, centrality, told = best
        if any(cosine(sentence.vector, p.vector) >= REDUNDANT for p in picked):
            continue
        sentence.why = (
            f"summary: told by {told:.1f} other source(s), TextRank centrality "
            f"{centrality:.2f} of the top, position {sentence.position:.2f}, "
            f"{'figures, ' if sentence.numbers else ''}section {sentence.section}"
        )
        picked.append(sentence)
    return picked


def agreement(pool: list[Sentence]) -> list[float]:
    """How many other sources say something close to each sentence (0 with one source).

    Per other source, the closest of its sentences counts in proportion to its cosine from
    AGREE_LOW (nothing) to AGREE_HIGH (a full source); a merged sentence already cites several.
    """
    by_source: dict[int, list[Sentence]] = {}
    for sentence in pool:
        for source in sentence.sources:
            by_source.setdefault(source, []).append(sentence)
    out = []
    for sentence in pool:
        told = float(len(sentence.sources) - 1)
        for source, theirs in by_source.items():
            if source in sentence.sources:
                continue
            best = max(cosine(sentence.vector, t.vector) for t in theirs)
            told += min(1.0, max(0.0, (best - AGREE_LOW) / (AGREE_HIGH - AGREE_LOW)))
        out.append(told)
    return out
