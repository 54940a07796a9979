"""Bottom line up front: 3-5 summary bullets, the sentences most likely to carry the news.

Publisher highlights, when an article has them, are the summary. Otherwise each candidate (the
first LEAD sentences of every article: on the labelled coverage 39 of 52 bottom-line facts are
in some article's first three) is scored by a small logistic ranker learned from real coverage
(``bench/train.py``: which sentences hold the facts a bottom line must carry) over what says
"news": agreement across sources (how many other publishers say something close), lead
position, TextRank centrality (PageRank over the cosine-similarity graph), figures, a verb that
reports an outcome, the section model's probability that it is colour, length and section.
The best are taken in turn, skipping any too close to one already chosen, and leaving out
likely colour and quotes that carry no fact while enough else remains.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from briefgen.analysis.corpus import Sentence, cosine
from briefgen.analysis.quantities import headline_figures
from briefgen.analysis.standalone import SCARE_WORDS, quotes, unquoted

BUNDLED_RANKER = Path(__file__).resolve().parent.parent / "data" / "summary_ranker.json"
RANKER_FORMAT = "briefgen-summary-ranker/1"

LEAD = 5  # candidates: each article's first five sentences (held out: 4-5 > 3, 6 or all)
MIN_POOL = 12  # ... but at least this many (one or two sources), at most POOL
POOL = 60  # the similarity graph's size bound, however many articles
COLOUR_MAX = 0.4  # a candidate this likely colour (section model) is left out while enough remain
DAMPING = 0.85
ITERATIONS = 40
LEAD_POSITION = 0.2  # "opening": the first fifth of an article
REDUNDANT = 0.4  # a candidate this similar to a chosen bullet adds nothing
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
# A verb (or noun) that reports an outcome: what was decided or done, not a view or a setting.
# The summary ranker reads it, and the subject line prefers a bullet with one (subject.py).
OUTCOME = re.compile(
    r"\b(?:agree[sd]?|agreement|decided?|decision|sign(?:s|ed)?|announc(?:e[sd]?|ing)|"
    r"approv(?:e[sd]?|al)|pledg(?:e[sd]?)|commit(?:s|ted)?|doubl(?:e[sd]?)|halv(?:e[sd]?)|"
    r"cuts?|rais(?:e[sd]?)|lower(?:s|ed)|launch(?:e[sd])?|reach(?:e[sd])?|struck|"
    r"suspend(?:s|ed)?|impos(?:e[sd]?)|lift(?:s|ed)?|unveil(?:s|ed)?|confirm(?:s|ed)?|"
    r"found|concluded|ban(?:s|ned)?|order(?:s|ed)?)\b",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"\s+\([A-Z]{2,6}\)")
MIN_BULLET_WORDS = 8
# What a clause must not lose: a figure, or a condition or limit ("if", "unless", "for a year").
CARRIES = re.compile(
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
        if match is None or CARRIES.search(match.group(0)):
            continue  # a clause with a figure or a condition is the news: it stays
        candidate = shorter[: match.start()] + shorter[match.end() :]
        if len(candidate.split()) >= MIN_BULLET_WORDS:
            shorter = candidate
    shorter = shorter.rstrip(" ,;")
    if not shorter:
        return shorter
    if shorter[-1] not in ".!?":
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


def repeats(sentence: Sentence, other: Sentence, similar: float) -> bool:
    """Does ``sentence`` tell what ``other`` tells: worded alike, or the same headline figure
    ("cut to 47 per cent from 57" and "lowered from 57% to 47%" are one fact)?"""
    if cosine(sentence.vector, other.vector) >= similar:
        return True
    return bool(headline_figures(sentence.text) & headline_figures(other.text))


def summarise(
    kept: list[Sentence],
    highlights: list[Sentence],
    low: int = 3,
    high: int = 5,
    ranker: Ranker | None = None,
) -> list[Sentence]:
    """The summary bullets, most important first; each carries a ``why``."""
    picked: list[Sentence] = []
    ranker = ranker or bundled_ranker()
    if highlights:
        lead = _who_met_where(kept)
        if lead and not any(repeats(lead, h, REDUNDANT) for h in highlights):
            lead.why = "summary: the opening sentence (who met where), then publisher highlights"
            picked.append(lead)
        for highlight in highlights:
            if len(picked) < high and not any(repeats(highlight, p, REDUNDANT) for p in picked):
                highlight.why = "summary: publisher highlight bullet"
                picked.append(highlight)
        if len(picked) >= low:
            # An article without highlights has its say too: its best news, while there is room.
            told = {i for h in highlights for i in h.sources}
            lacking = [s for s in kept if told.isdisjoint(s.sources)]
            articles = len({i for s in lacking for i in s.sources})
            if articles:
                _add_ranked(picked, lacking, min(high, len(picked) + articles), ranker, False)
            return picked
    pool = candidates(kept)
    sources = len({i for s in pool for i in s.sources})
    target = min(high, max(low, high if sources >= 3 and len(pool) >= 12 else low + 1))
    if len(pool) < 8:
        target = low
    _add_ranked(picked, kept, target, ranker, True)
    return picked


def _add_ranked(
    picked: list[Sentence], kept: list[Sentence], target: int, ranker: Ranker, occasion: bool
) -> None:
    """Add the best-ranked candidates of ``kept`` to ``picked`` until it holds ``target``;
    with ``occasion``, the best-ranked sentence several articles (or the only one) open with
    comes first (who did what, where: held out on the labelled coverage it costs no fact)."""
    pool = candidates(kept)
    if not pool or len(picked) >= target:
        return
    feats = candidate_features(pool)
    scored = sorted(
        zip(pool, feats, strict=True), key=lambda pair: (-ranker.score(pair[1]), pair[0].order)
    )
    _, leads = _lead_ranks(kept)
    plain = [pair for pair in scored if _plain_news(pair[0], leads)]
    if len(plain) >= target - len(picked):  # colour and fact-free quotes only when nothing else
        scored = plain
    if occasion:
        opening = [pair for pair in scored if id(pair[0]) in leads][:1]
        scored = opening + [pair for pair in scored if pair not in opening]
    for sentence, f in scored:
        if len(picked) >= target:
            break
        if any(repeats(sentence, p, REDUNDANT) for p in picked):
            continue
        sentence.why = (
            f"summary: told by {f['told']:.1f} other source(s), TextRank centrality "
            f"{f['centrality']:.2f} of the top, position {sentence.position:.2f}, "
            f"{'figures, ' if sentence.numbers else ''}section {sentence.section}, "
            f"news score {ranker.score(f):.2f}"
        )
        picked.append(sentence)


def candidates(kept: list[Sentence]) -> list[Sentence]:
    """The summary's candidates: the first LEAD sentences of every article (at least MIN_POOL,
    at most POOL), earliest first; a claim several articles make counts at its earliest."""
    ranks, _ = _lead_ranks(kept)
    early = sorted(kept, key=lambda s: (ranks[id(s)], s.position, s.order))
    lead = sum(ranks[id(s)] < LEAD for s in early)
    return early[: min(POOL, max(lead, MIN_POOL))]


def _lead_ranks(kept: list[Sentence]) -> tuple[dict[int, int], set[int]]:
    """Per sentence (by id): its place among its article's sentences, in the article that tells
    it earliest (0: a lead); and the sentences that open two articles or more (or the only one):
    the news as their editors judged it."""
    by_source: dict[int, list[Sentence]] = {}
    for sentence in kept:
        for source in sentence.sources:
            by_source.setdefault(source, []).append(sentence)
    ranks: dict[int, int] = {}
    opens: Counter[int] = Counter()
    for told in by_source.values():
        told.sort(key=lambda s: (s.position, s.order))
        opens[id(told[0])] += 1
        for rank, sentence in enumerate(told):
            ranks[id(sentence)] = min(rank, ranks.get(id(sentence), rank))
    agreed = min(2, len(by_source))
    return ranks, {key for key, count in opens.items() if count >= agreed}


def _plain_news(sentence: Sentence, leads: set[int]) -> bool:
    """Not likely colour, and not a quotation that carries no figure and no outcome.

    What several articles (or the only one) open with is the news as their editors judged it,
    even when it reads like protocol ("X and Y ended their quarrel in Z"): the colour test
    spares it."""
    if sentence.colour >= COLOUR_MAX and id(sentence) not in leads:
        return False
    long_quote = any(len(q.split()) > SCARE_WORDS for q in quotes(sentence.text))
    return not long_quote or bool(sentence.numbers) or bool(OUTCOME.search(unquoted(sentence.text)))


def candidate_features(pool: list[Sentence]) -> list[dict[str, float]]:
    """What the summary ranker reads of each candidate (training reads the same)."""
    rank = textrank(pool)
    top = max(rank) or 1.0
    out = []
    for sentence, value, told in zip(pool, rank, agreement(pool), strict=True):
        out.append(
            {
                "position": sentence.position,
                "first": float(sentence.position == 0),
                "told": told,
                "told_any": float(told >= 0.5),
                "centrality": value / top,
                "figures": float(bool(sentence.numbers)),
                "outcome": float(bool(OUTCOME.search(sentence.text))),
                "colour": sentence.colour,
                "length": min(len(sentence.text.split()), 60) / 30,
                f"section:{sentence.section}": 1.0,
            }
        )
    return out


@dataclass(frozen=True)
class Ranker:
    """Logistic weights over ``candidate_features``: how likely a sentence carries the news."""

    bias: float
    weights: dict[str, float]

    def score(self, features: dict[str, float]) -> float:
        return self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())


def ranker_from_dict(data: object, origin: Path) -> Ranker:
    from briefgen.errors import InputError

    if not isinstance(data, dict) or data.get("format") != RANKER_FORMAT:
        raise InputError(origin, f"not a summary ranker (expected format {RANKER_FORMAT!r})")
    bias, weights = data.get("bias"), data.get("weights")
    if not isinstance(bias, (int, float)) or not isinstance(weights, dict):
        raise InputError(origin, "expected a number `bias` and a mapping `weights`")
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in weights.values()):
        raise InputError(origin, "weights: expected numbers")
    return Ranker(float(bias), {str(k): float(v) for k, v in weights.items()})


@lru_cache(maxsize=1)
def bundled_ranker() -> Ranker:
    return load_ranker(BUNDLED_RANKER)


def load_ranker(path: Path) -> Ranker:
    from briefgen.analysis.learned import read_model_file

    return ranker_from_dict(read_model_file(path), path)


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
