"""Summary (BLUF), outlook and what-to-watch, the length budget, and the labelled-set scores."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path

import pytest
from conftest import REPO, SHARED_SEEDS, needs_shared_seeds

from briefgen.analysis.corpus import Sentence, vectorise
from briefgen.analysis.outlook import watch_items
from briefgen.analysis.pipeline import WORD_BUDGET, Options, build_brief
from briefgen.analysis.summarise import summarise, textrank, tighten
from briefgen.sections import BODY_SECTIONS, BY_KEY, OUTLOOK, SUMMARY
from briefgen.sources.base import SourceDocument, read_sources


@functools.cache
def _bench():
    """bench/labelled.py, imported from its path (bench/ is scripts, not a package)."""
    spec = importlib.util.spec_from_file_location("bench_quality", REPO / "bench" / "labelled.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def _doc(text: str, name: str = "a.txt") -> SourceDocument:
    return SourceDocument(text=text, title="", path=Path(name))


def test_textrank_prefers_the_sentence_the_others_echo() -> None:
    pool = [
        Sentence("India and Japan agreed on chips and minerals cooperation.", [1], 0, 0.0),
        Sentence("Chips cooperation was agreed.", [1], 1, 0.2),
        Sentence("Minerals cooperation was agreed too.", [1], 2, 0.4),
        Sentence("The weather in the city stayed warm.", [1], 3, 0.6),
    ]
    vectorise(pool)
    rank = textrank(pool)
    assert rank.index(max(rank)) == 0
    assert rank[3] == min(rank)


def test_summary_uses_publisher_highlights_when_present() -> None:
    lead = Sentence("Leaders met in Johannesburg on Sunday for talks.", [1], 0, 0.0)
    texts = [
        "Naval patrols expand in the Indian Ocean.",
        "A critical minerals pact is signed.",
        "Trade target doubles by 2030.",
    ]
    highlights = [Sentence(t, [1], i, 0.0, highlight=True) for i, t in enumerate(texts)]
    vectorise([lead, *highlights])
    picked = summarise([lead], highlights)
    assert picked[0] is lead and picked[1:] == highlights
    assert "highlight" in picked[1].why


def test_with_highlights_the_lead_bullet_is_the_opening_sentence_that_names_the_place() -> None:
    opening = Sentence("The two countries want faster progress on shared projects.", [1], 0, 0.0)
    occasion = Sentence("The leaders met in Johannesburg on Sunday for talks.", [2], 1, 0.0)
    later = Sentence("Officials later met in Geneva to review progress.", [1], 2, 0.9)
    highlights = [
        Sentence(t, [1], i, 0.0, highlight=True)
        for i, t in enumerate(["Naval patrols expand.", "A minerals pact is signed."])
    ]
    vectorise([opening, occasion, later, *highlights])
    picked = summarise([opening, occasion, later], highlights)
    assert picked[0] is occasion  # who met where, not a paraphrase of the highlights
    assert later not in picked


def test_summary_without_highlights_is_three_to_five_bullets_covering_sections() -> None:
    bench = _bench()
    for article in bench.load_set():
        text = "\n".join(line for line in article.text.splitlines() if not line.startswith("- "))
        brief = build_brief([_doc(text)], Options(explain=True))
        summary = brief.sections["summary"]
        assert 3 <= len(summary) <= 5, article.path.name
        assert all(item.why.startswith("summary: told by") for item in summary)


def test_tighten_drops_framing_and_colour_but_never_news() -> None:
    assert (
        tighten(
            "Building upon the outcomes of the last summit, Modi and Takaichi directed officials "
            "to move faster, injecting renewed vigour into the partnership."
        )
        == "Modi and Takaichi directed officials to move faster."
    )
    news = "The leaders compared notes on security, aligning their views on maritime threats."
    assert tighten(news) == news
    # a spelled-out acronym goes; a framing clause stays when cutting it leaves too little
    assert tighten("They back artificial intelligence (AI) research.") == (
        "They back artificial intelligence research."
    )
    assert (
        tighten(
            "Against the backdrop of rising tension in Asia, both sides underscored the role of "
            "their partnership in regional peace."
        )
        == "Both sides underscored the role of their partnership in regional peace."
    )
    listed = "With closer defence ties, larger investment and joint research, they will grow."
    assert tighten(listed) == listed
    short = "After the talks, both left."
    assert tighten(short) == short


def test_watch_items_come_from_dated_future_events() -> None:
    sentences = [
        Sentence(
            "The next round of the dialogue will be held in New Delhi in March 2027.", [1], 0, 0
        ),
        Sentence("Japan will take part in the Global AI Summit in February 2026.", [2], 1, 0),
        Sentence("The first dialogue was held in 2021.", [1], 2, 0),  # past: no outlook cue
    ]
    sentences[0].scores = {"outlook": 6.0}
    sentences[1].scores = {"outlook": 2.0, "technology": 3.0}
    found = watch_items(sentences)
    assert [(text, ids) for text, ids, _ in found] == [
        ("Watch: The next round of the dialogue (March 2027)", [1]),
        ("Watch: Global AI Summit (February 2026)", [2]),
    ]


def test_two_mentions_of_one_event_make_one_watch_line_citing_both() -> None:
    sentences = [
        Sentence("Japan welcomed the AI Summit that India will host in 2026.", [1], 0, 0),
        Sentence("Japan will join the Global AI Summit in February 2026.", [2], 1, 0),
    ]
    for sentence in sentences:
        sentence.scores = {"outlook": 2.0}
    found = watch_items(sentences)
    assert [(text, ids) for text, ids, _ in found] == [
        ("Watch: Global AI Summit (February 2026)", [1, 2])
    ]


def test_seed_memo_fits_the_length_budget() -> None:
    brief = build_brief(read_sources([REPO / "seeds"], lambda m: None), Options())
    summary = BY_KEY[SUMMARY]
    assert summary.min_items <= len(brief.sections[SUMMARY]) <= summary.max_items
    statements = {k: [i for i in brief.sections[k] if not i.text.startswith("Watch: ")]
                  for k in BODY_SECTIONS}
    assert all(len(items) <= BY_KEY[k].max_items for k, items in statements.items())
    assert sum(len(i.text.split()) for items in statements.values() for i in items) <= WORD_BUDGET
    assert len(brief.key_figures) <= 8
    assert any(i.text.startswith("Watch: ") for i in brief.sections[OUTLOOK])


def test_budget_caps_a_large_corpus() -> None:
    bench = _bench()
    documents = [_doc(a.text, a.path.name) for a in bench.load_set()]
    brief = build_brief(documents, Options())
    items = [i for k, v in brief.sections.items() if k != "summary" for i in v]
    statements = [i for i in items if not i.text.startswith("Watch: ")]
    assert sum(len(i.text.split()) for i in statements) <= WORD_BUDGET
    assert all(len(v) <= 5 for v in brief.sections.values())


def test_labelled_fixtures_stay_above_a_floor() -> None:
    """A floor on our own fixtures (the measure of quality is bench/quality.py, real coverage)."""
    bench = _bench()
    report = bench.evaluate(bench.load_set())
    assert report.macro_f1 >= 0.75, report.per_section
    assert report.facts_recall >= 0.9, report.misses
    assert report.split_accuracy >= 0.95
    assert report.drops_removed == 1.0
    assert report.false_merges == 0


def test_bench_loader_rebuilds_articles_with_boilerplate() -> None:
    article = _bench().load_set()[0]
    assert article.text.splitlines()[0] == article.title
    assert "Also Read: Five things to know about the Quad" in article.text
    assert len(article.gold) >= 8 and article.facts and article.summary


@needs_shared_seeds
def test_real_seed_summary_scores_against_publisher_highlights() -> None:
    score = _bench().seeds_rouge1(SHARED_SEEDS)
    assert score is not None and 0.0 < score <= 1.0


@pytest.mark.parametrize("n", [1, 2])
def test_rouge_n_is_one_for_identical_and_zero_for_disjoint_text(n: int) -> None:
    rouge = _bench().rouge_n
    assert rouge("India and Japan met", "India and Japan met", n) == 1.0
    assert rouge("alpha beta gamma", "delta epsilon zeta", n) == 0.0


def test_tighten_takes_any_text() -> None:
    # "" is in every string: an empty bullet once skipped its full stop and then raised IndexError
    assert tighten("") == ""
    assert tighten(" ; ") == ""
    assert tighten("talks resumed on Monday after a long pause in Tokyo") == (
        "Talks resumed on Monday after a long pause in Tokyo."
    )
