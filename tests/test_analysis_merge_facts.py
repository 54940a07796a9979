"""Duplicate merging across sources, and key-figure extraction."""

from __future__ import annotations

import pytest
from conftest import REPO, SHARED_SEEDS, needs_shared_seeds

from briefgen.analysis import dedup
from briefgen.analysis.corpus import Sentence, vectorise
from briefgen.analysis.facts import Fact, extract_facts, merge_facts, select_facts
from briefgen.analysis.pipeline import Options, analyse, build_brief
from briefgen.sources.base import read_sources


def _sentences(*texts: tuple[str, int]) -> list[Sentence]:
    sentences = [Sentence(t, [sid], i, 0.0) for i, (t, sid) in enumerate(texts)]
    vectorise(sentences)
    return sentences


def test_paraphrase_across_sources_merges_and_cites_both() -> None:
    kept = dedup.merge_duplicates(
        _sentences(
            ("Japan welcomed the AI summit that India will host in 2026.", 1),
            ("Japan will take an active part in the AI Summit India hosts in 2026.", 2),
            ("The navies agreed on a submarine rescue pact.", 2),
        )
    )
    assert [k.sources for k in kept] == [[1, 2], [2]]
    assert kept[0].tellings == 2


def test_different_figures_keep_alike_sentences_apart() -> None:
    kept = dedup.merge_duplicates(
        _sentences(
            ("The first dialogue was held in New Delhi in 2021.", 1),
            ("The next dialogue will be held in New Delhi in 2027.", 1),
        )
    )
    assert len(kept) == 2


def test_merging_does_bounded_work_per_sentence(monkeypatch) -> None:
    """Near-linear: full cosines per sentence are capped, however many sentences share words."""
    calls = 0
    real = dedup.cosine

    def counting(a, b):
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(dedup, "cosine", counting)
    texts = [
        (f"Delegation {i} discussed trade, defence and technology item {i}.", i)
        for i in range(3000)
    ]
    kept = dedup.merge_duplicates(_sentences(*texts))
    assert len(kept) == 3000  # each names its own number: nothing to merge
    assert calls <= dedup.VERIFY * len(texts)


def test_bundled_seeds_merged_duplicate_cites_both() -> None:
    analysis = analyse(read_sources([REPO / "seeds"], lambda m: None))
    merged = [s for s in analysis.kept if s.sources == [1, 2]]
    assert any("Johannesburg" in s.text for s in merged), [s.text for s in merged]
    brief = build_brief(read_sources([REPO / "seeds"], lambda m: None), Options())
    items = [i for items in brief.sections.values() for i in items]
    assert any(i.sources == [1, 2] and "Johannesburg" in i.text for i in items)


@needs_shared_seeds
def test_real_seeds_merged_duplicate_cites_both() -> None:
    analysis = analyse(read_sources([SHARED_SEEDS], lambda m: None))
    merged = [s for s in analysis.kept if s.sources == [1, 2]]
    assert any("G20 Summit in Johannesburg" in s.text for s in merged)
    # the merged sentence is said once: the other telling is not kept as well
    assert sum("sidelines of the G20 Summit" in s.text for s in analysis.kept) == 1


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "They agreed to double Japan's private investment target for India, from JPY 5 "
            "trillion over 2022–2026 to JPY 10 trillion (about USD 68 billion) in the years ahead.",
            (
                "money",
                "Japan's private investment target for India",
                "JPY 5 trillion (2022–2026) → JPY 10 trillion (~USD 68 billion)",
            ),
        ),
        (
            "The two governments set a target of USD 100 billion in non-oil trade by 2030.",
            ("money", "Target in non-oil trade", "USD 100 billion by 2030"),
        ),
        (
            "Non-oil trade rose 20% to USD 57.8 billion.",
            ("percent", "Rise in non-oil trade", "20%"),
        ),
        (
            "Following up on the 15th India-Japan Annual Summit held earlier this year.",
            ("event", "India-Japan Annual Summit", "15th"),
        ),
        (
            "Ministers met for the 3rd 2+2 Ministerial Dialogue.",
            ("event", "2+2 Ministerial Dialogue", "3rd"),
        ),
        (
            "Japan will join the Global AI Summit that India hosts in February 2026.",
            ("date", "Global AI Summit", "February 2026"),
        ),
        (
            "Indian External Affairs Minister S. Jaishankar spoke.",
            ("person", "Indian External Affairs Minister", "S. Jaishankar"),
        ),
        (
            "Modi met Takaichi on the margins of the G20 Summit in Johannesburg on Sunday.",
            ("place", "Venue", "Johannesburg"),
        ),
    ],
)
def test_extract_facts(sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in extract_facts(sentence)


def test_a_name_before_and_is_another_person_not_a_portfolio() -> None:
    people = [
        f
        for f in extract_facts("Envoy Ola Sund and Energy Secretary Rick Perry met.")
        if f[0] == "person"
    ]
    assert people == [("person", "Energy Secretary", "Rick Perry")]


def test_a_royal_title_and_one_name_are_the_name_not_a_role() -> None:
    people = [
        f for f in extract_facts("His mother, Queen Elizabeth, disapproved.") if f[0] == "person"
    ]
    assert people == []


def test_no_venue_from_a_place_that_is_only_talked_about() -> None:
    facts = extract_facts("The leaders called for talks to end the war in Ukraine.")
    assert not [f for f in facts if f[0] == "place"]


def test_less_common_currencies_are_money() -> None:
    facts = extract_facts("Chinese companies announced BRL 27 billion for Brazilian ports.")
    assert [(f[0], f[2]) for f in facts] == [("money", "BRL 27 billion")]


def test_earlier_amount_of_a_from_to_pair_is_not_a_separate_figure() -> None:
    facts = extract_facts("The goal rose from JPY 5 trillion to JPY 10 trillion.")
    assert [f[2] for f in facts if f[0] == "money"] == ["JPY 5 trillion → JPY 10 trillion"]


def test_same_figure_from_two_sources_is_one_key_figure_citing_both() -> None:
    facts = merge_facts(
        [
            ("money", "Investment target", "JPY 10 trillion", 1),
            ("money", "Target", "JPY 10 trillion (~USD 68 billion)", 2),
            ("place", "Venue", "Johannesburg", 1),
            ("place", "Reported from", "Johannesburg", 2),
        ]
    )
    values = {f.value: sorted(f.sources) for f in facts}
    assert values == {"JPY 10 trillion (~USD 68 billion)": [1, 2], "Johannesburg": [1, 2]}
    chosen = select_facts(facts, limit=1)
    assert [f.kind for f in chosen] == ["money"]


def test_seed_memo_key_figures_carry_sources() -> None:
    brief = build_brief(read_sources([REPO / "seeds"], lambda m: None), Options())
    assert 1 <= len(brief.key_figures) <= 8
    values = " | ".join(k.value for k in brief.key_figures)
    for fact in ["JPY 10 trillion", "USD 68 billion", "February 2026"]:
        assert fact in values
    rows = {k.label: k.value for k in brief.key_figures}
    assert rows["India-Japan Annual Summit"] == "15th"  # the series names the row
    # the venue is in the title, so a row would only repeat it
    assert "Johannesburg" in brief.title and "Johannesburg" not in values
    assert all(k.sources for k in brief.key_figures)


def _facts(*rows: tuple[str, str, str, int]) -> list[Fact]:
    return merge_facts(list(rows))


def test_a_bare_count_needs_the_bottom_line_or_a_second_source() -> None:
    facts = _facts(
        ("money", "Port investment", "$2 billion", 1),
        ("measure", "Games", "three", 1),
        ("measure", "Inspectors", "40", 1),
        ("measure", "Cranes", "12", 1),
        ("measure", "Cranes", "12", 2),
    )
    chosen = select_facts(facts, limit=8, bottom_line="The board sent 40 inspectors to the port.")
    assert [(f.label, f.value) for f in chosen] == [
        ("Port investment", "$2 billion"),
        ("Inspectors", "40"),  # the bottom line states it
        ("Cranes", "12"),  # two sources (as much weight: the first told goes first)
    ]


def test_a_count_is_not_told_by_a_longer_number() -> None:
    facts = _facts(("measure", "Member states", "27", 1))
    assert select_facts(facts, limit=8, bottom_line="Car duties fall from 27.5% to 15%.") == []
    assert select_facts(facts, limit=8, bottom_line="All 27 member states agreed.") == facts


def test_people_and_places_only_where_the_memo_does_not_name_them() -> None:
    facts = _facts(
        ("percent", "Tariff on steel", "50%", 1),
        ("person", "President", "Ana Lind", 1),
        ("person", "Trade Minister", "Jon Berg", 1),
        ("place", "Reported from", "Osterby", 1),
    )
    memo = "Lind and her trade minister agreed a 50% tariff on steel."
    chosen = select_facts(facts, limit=8, memo_text=memo)
    assert [(f.label, f.value) for f in chosen] == [
        ("Tariff on steel", "50%"),
        ("Reported from", "Osterby"),
        ("Trade Minister", "Jon Berg"),
    ]
    assert "Osterby" not in [f.value for f in select_facts(facts, 8, memo_text="In Osterby, ...")]


def test_one_row_per_label() -> None:
    facts = _facts(("percent", "Tariffs", "15%", 1), ("percent", "Tariffs", "25%", 1))
    assert [f.value for f in select_facts(facts, limit=8)] == ["15%"]


def test_a_dateline_that_is_also_the_venue_is_the_venue() -> None:
    facts = _facts(("place", "Reported from", "Osterby", 1), ("place", "Venue", "Osterby", 2))
    assert [(f.label, sorted(f.sources)) for f in select_facts(facts, limit=8)] == [
        ("Venue", [1, 2])
    ]
