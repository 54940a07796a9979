"""Bottom line up front: 3-5 summary bullets chosen by centrality, position and coverage.

Centrality is TextRank (PageRank over the cosine-similarity graph of sentence vectors), run on a
bounded pool of candidates picked by a cheap prior, so the cost does not grow with the square of
the corpus. Publisher highlights, when an article has them, are the summary.
"""

from __future__ import annotations

import re

from briefgen.analysis.corpus import OTHER, Sentence, cosine

POOL = 60  # candidates for the similarity graph: the earliest sentences of the articles
DAMPING = 0.85
ITERATIONS = 40
LEAD_POSITION = 0.2  # "opening": the first fifth of an article
REDUNDANT = 0.4  # a candidate this similar to a chosen bullet adds nothing
OTHER_PENALTY = 0.5  # protocol and colour rarely make a bottom line, except an article's lead


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


def tighten(text: str) -> str:
    """A summary bullet: the sentence without framing clauses, colour or spelled-out acronyms.

    Only whole clauses are dropped, never words inside one, and never below MIN_BULLET_WORDS.
    """
    shorter = _ACRONYM.sub("", text)
    for pattern in (_LEAD_CLAUSE, _TRAILING_PARTICIPLE):
        candidate = pattern.sub("", shorter)
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
    top = max(rank)
    scored: list[tuple[float, Sentence, float]] = []
    for sentence, value in zip(pool, rank, strict=True):
        centrality = value / top
        prior = 1.0 + (1.0 - sentence.position)  # earlier sentences carry the news
        prior /= 1.0 + len(tighten(sentence.text).split()) / 60  # a bullet should be short
        support = 1.0 + 0.25 * (len(sentence.sources) - 1)  # told by several sources
        penalty = OTHER_PENALTY if sentence.section == OTHER and sentence.position > 0 else 1.0
        scored.append((centrality * prior * support * penalty, sentence, centrality))
    target = min(high, max(low, 4 if len(pool) >= 8 else low))
    covered = {p.section for p in picked}
    while len(picked) < target and scored:
        # Coverage: a bullet from a section not yet in the summary gets a bonus.
        best = max(scored, key=lambda t: t[0] * (1.3 if t[1].section not in covered else 1.0))
        scored.remove(best)
        value, sentence, centrality = best
        if any(cosine(sentence.vector, p.vector) >= REDUNDANT for p in picked):
            continue
        sentence.why = (
            f"summary: TextRank centrality {centrality:.2f} of the top, position "
            f"{sentence.position:.2f}, {len(sentence.sources)} source(s), "
            f"section {sentence.section}"
        )
        picked.append(sentence)
        covered.add(sentence.section)
    return picked
