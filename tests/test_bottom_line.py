"""The bottom line from each article's lead, and colour kept out of the summary and sections."""

from __future__ import annotations

from pathlib import Path

from briefgen.analysis.corpus import Sentence, vectorise
from briefgen.analysis.dedup import merge_duplicates
from briefgen.analysis.pipeline import COLOUR_MAX, Analysis, select
from briefgen.analysis.summarise import (
    LEAD,
    MIN_POOL,
    Ranker,
    candidate_features,
    candidates,
    summarise,
)

TOPICS = [
    "tariff cuts on steel imports",
    "a naval patrol agreement in the strait",
    "chip export licences for the new plant",
    "a climate finance fund for coastal towns",
    "the rail corridor linking both capitals",
    "fishing quotas in the northern waters",
    "a vaccine research centre near the border",
    "student visas for engineering courses",
]


def _articles(sources: int, length: int) -> list[Sentence]:
    """``sources`` articles of ``length`` distinct sentences each, in article order."""
    sentences = []
    for source in range(1, sources + 1):
        for index in range(length):
            topic = TOPICS[index % len(TOPICS)]
            text = f"Officials from delegation {source} discussed {topic} in round {index}."
            position = index / max(length - 1, 1)
            sentences.append(Sentence(text, [source], len(sentences), position))
    vectorise(sentences)
    return sentences


def _index(sentence: Sentence) -> int:
    return int(sentence.text.rsplit(" ", 1)[1].rstrip("."))


def test_candidates_are_the_leads_of_every_article() -> None:
    kept = _articles(sources=4, length=10)
    pool = candidates(kept)
    assert len(pool) == 4 * LEAD
    assert {_index(s) for s in pool} == set(range(LEAD))  # no article's sixth sentence
    assert {s.sources[0] for s in pool} == {1, 2, 3, 4}  # every article has its say


def test_one_article_still_gives_enough_candidates() -> None:
    kept = _articles(sources=1, length=20)
    pool = candidates(kept)
    assert len(pool) == MIN_POOL
    assert [_index(s) for s in pool] == list(range(MIN_POOL))  # the earliest, in order


def test_a_merged_claim_keeps_the_earliest_position_it_was_told_at() -> None:
    late = Sentence("The two leaders agreed to cut steel tariffs to 15 per cent.", [1], 0, 0.8)
    lead = Sentence("The leaders agreed to cut steel tariffs to 15 per cent.", [2], 1, 0.0)
    vectorise([late, lead])
    (merged,) = merge_duplicates([late, lead])
    assert merged.sources == [1, 2]
    assert merged.position == 0.0  # lead news in article 2, whichever words are kept


def _ranker_liking(feature: str) -> Ranker:
    return Ranker(0.0, {feature: 5.0, "position": -1.0})


def test_summary_leaves_out_likely_colour_while_enough_else_remains() -> None:
    kept = _articles(sources=3, length=6)
    colourful = [s for s in kept if _index(s) == 0]
    for sentence in colourful:
        sentence.colour = COLOUR_MAX + 0.3
    # A ranker that prefers colour: the gate, not the weights, keeps it out.
    picked = summarise(kept, [], ranker=_ranker_liking("colour"))
    assert 3 <= len(picked) <= 5
    assert not any(s in colourful for s in picked)


def test_summary_takes_colour_when_nothing_else_is_left() -> None:
    kept = _articles(sources=1, length=4)
    for sentence in kept:
        sentence.colour = 0.9
    picked = summarise(kept, [], ranker=_ranker_liking("colour"))
    assert len(picked) == 3  # a summary of colour beats no summary


def test_summary_leaves_out_a_quotation_that_carries_no_fact() -> None:
    kept = _articles(sources=3, length=6)
    quote = Sentence(
        '"It was a wonderful and very warm meeting between old friends," the minister said.',
        [1],
        len(kept),
        0.0,
    )
    figure = Sentence(
        '"We will cut steel tariffs to 15 per cent from March," the minister said.',
        [2],
        len(kept) + 1,
        0.0,
    )
    everything = [quote, figure, *kept]
    vectorise(everything)
    features = candidate_features(candidates(everything))
    assert all("outcome" in f for f in features)
    picked = summarise(everything, [], ranker=_ranker_liking("first"))
    assert quote not in picked
    assert figure in picked  # a quotation with a figure is news


def _analysis(kept: list[Sentence]) -> Analysis:
    return Analysis(sources=[], sentences=kept, kept=kept, highlights=[])


def test_a_section_leaves_out_likely_colour_but_is_never_emptied_for_it() -> None:
    kept = _articles(sources=2, length=8)
    for sentence in kept:
        sentence.section = "other"
    defence = [s for s in kept if _index(s) in (5, 6, 7)]
    economy = [s for s in kept if _index(s) == 4]
    for sentence in defence + economy:
        sentence.section = "defence" if sentence in defence else "economy"
    strongest = defence[0]
    strongest.score, strongest.colour = 10.0, COLOUR_MAX + 0.1  # colour the ranking likes
    for sentence in economy:
        sentence.colour = 0.9  # all the economy section has
    chosen = select(_analysis(kept), _ranker_liking("first"))
    assert chosen["defence"] and strongest not in chosen["defence"]
    assert len(chosen["economy"]) == 1  # colour, but the sources wrote about it


def test_what_several_articles_open_with_stays_however_colourful() -> None:
    kept = _articles(sources=3, length=6)
    for sentence in kept:
        sentence.colour = COLOUR_MAX + 0.2 if _index(sentence) == 0 else 0.0
    lead = next(s for s in kept if _index(s) == 0)
    lead.sources = [1, 2, 3]  # the three articles open with it (merged tellings)
    others = [s for s in kept if _index(s) == 0 and s is not lead]
    picked = summarise(kept, [], ranker=_ranker_liking("first"))
    assert lead in picked
    assert not any(s in picked for s in others)  # one article's colourful opening is left out


def test_the_occasion_comes_first_even_when_the_ranker_prefers_others() -> None:
    kept = _articles(sources=1, length=8)
    opening = kept[0]
    opening.colour = 0.9  # reads like protocol: "The ministers met in X to end a dispute"
    for sentence in kept[1:]:
        sentence.numbers = frozenset({"12"})
    picked = summarise(kept, [], ranker=_ranker_liking("figures"))
    assert picked[0] is opening


def test_an_article_without_highlights_still_has_its_say_in_the_summary() -> None:
    lead = Sentence("The leaders met in Johannesburg on Sunday for talks.", [1, 2], 0, 0.0)
    texts = ["Naval patrols expand in the ocean.", "A minerals pact is signed by both."]
    highlights = [Sentence(t, [1], i, 0.0, highlight=True) for i, t in enumerate(texts)]
    news = Sentence("They agreed to double the investment target to 10 trillion yen.", [2], 1, 0.3)
    colour = Sentence("The delegates toured a museum of modern art after lunch.", [2], 2, 0.6)
    vectorise([lead, news, colour, *highlights])
    picked = summarise([lead, news, colour], highlights, ranker=_ranker_liking("figures"))
    assert picked[: len(highlights) + 1] == [lead, *highlights]
    assert picked[-1] is news  # article 2 gave no highlights: its best news joins them
    assert len(picked) == 4  # one more bullet per such article, within the 3-5


def test_the_bottom_line_follows_only_a_subject_line_briefgen_chose(monkeypatch) -> None:
    # The outcome the SUBJECT line states moves up in the bottom line; with --subject no line of
    # the memo states it, so the bottom line keeps the ranker's order.
    from briefgen.analysis import pipeline
    from briefgen.sources.base import SourceDocument

    text = " ".join(
        f"Delegation {n} agreed on {topic} at the talks in the capital on Monday."
        for n, topic in enumerate(TOPICS[:6], start=1)
    )
    documents = [SourceDocument(text=text, title="Talks", path=Path("a.txt"))]
    ranked = [i.text for i in pipeline.build_brief(documents).sections["summary"]]
    assert len(ranked) >= 3
    monkeypatch.setattr(pipeline, "memo_subject", lambda *args: ("Chosen outcome", 2))
    chosen = pipeline.build_brief(documents)
    assert chosen.subject == "Chosen outcome"
    assert [i.text for i in chosen.sections["summary"]] == [
        ranked[0],
        ranked[2],
        ranked[1],
    ] + ranked[3:]
    own = pipeline.build_brief(documents, pipeline.Options(subject="Our own subject"))
    assert own.subject == "Our own subject"
    assert [i.text for i in own.sections["summary"]] == ranked
