"""One fact once: tellings of one claim merge and cite every source; different claims never do."""

from __future__ import annotations

import pytest

from briefgen.analysis.corpus import Sentence, vectorise
from briefgen.analysis.dedup import merge_duplicates, same_voice

FILLER = [
    "Fishing fleets returned to port early because of the storm.",
    "The museum opened a new wing for modern sculpture on Sunday.",
    "Rail fares will rise slightly in the spring timetable.",
]


def _merge(a: str, b: str) -> list[Sentence]:
    sentences = [Sentence(a, [1], 0, 0.0), Sentence(b, [2], 1, 0.0)]
    sentences += [Sentence(t, [3], 2 + i, 0.5) for i, t in enumerate(FILLER)]
    vectorise(sentences)
    return [s for s in merge_duplicates(sentences) if 3 not in s.sources]


def test_two_tellings_of_one_fact_become_one_bullet_citing_both() -> None:
    kept = _merge(
        "The two sides agreed in Busan to cut tariffs on fentanyl to 10 percent for a year.",
        "Tariffs on fentanyl will be cut to 10 percent for a year, the two sides agreed in Busan.",
    )
    assert len(kept) == 1 and kept[0].sources == [1, 2]


def test_the_same_quote_from_the_same_speaker_merges() -> None:
    kept = _merge(
        '"It was an amazing meeting," Trump said after the talks in Busan.',
        '"It was an amazing meeting," Trump told reporters after the talks in Busan.',
    )
    assert len(kept) == 1 and kept[0].sources == [1, 2]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # different figures
        (
            "The two sides agreed in Busan to cut tariffs on fentanyl to 10 percent for a year.",
            "The two sides agreed in Busan to cut tariffs on fentanyl to 20 percent for a year.",
        ),
        # different quoted words
        (
            '"It was an amazing meeting," Trump said after the talks in Busan.',
            '"It was a twelve out of ten meeting," Trump said after the talks in Busan.',
        ),
        # a quotation and a paraphrase: the second outlet never printed those words
        (
            '"It was an amazing meeting," Trump said after the talks in Busan.',
            "It was an amazing meeting, Trump said after the talks in Busan.",
        ),
        # different speakers
        (
            "The truce will hold, Foreign Minister Ana Lind said on Monday in Geneva.",
            "The truce will hold, Defence Minister Per Holm said on Monday in Geneva.",
        ),
    ],
)
def test_merge_guard_keeps_different_claims_apart(a: str, b: str) -> None:
    kept = _merge(a, b)
    assert [s.sources for s in kept] == [[1], [2]]


def test_same_voice() -> None:
    assert same_voice("Talks ended, officials said.", "Talks ended on Monday, officials said.")
    assert same_voice("Talks ended.", "Talks ended, Lind said.")  # one names nobody
    assert not same_voice("Talks ended, Lind said.", "Talks ended, Holm said.")
    assert not same_voice('He called it "historic".', "He called it historic.")


def test_memo_says_a_fact_once_and_cites_every_source(tmp_path) -> None:
    from briefgen.analysis.pipeline import Options, build_brief
    from briefgen.sources.base import SourceDocument

    fact = [
        "The two governments agreed in Busan to cut tariffs on fentanyl to 10 percent for a year.",
        "Tariffs on fentanyl will be cut to 10 percent for a year, the two governments agreed.",
    ]
    quoted = [
        '"It was an amazing meeting," the president said after the talks in Busan ended.',
        "It was an amazing meeting, the president said after the talks in Busan ended.",
    ]
    documents = [
        SourceDocument(
            text=f"{fact[i]}\n\n{quoted[i]}", title=f"Report {i}", path=tmp_path / f"{i}.txt"
        )
        for i in range(2)
    ]
    brief = build_brief(documents, Options())
    items = [item for items in brief.sections.values() for item in items]
    tariff = [item for item in items if "fentanyl" in item.text]
    assert len(tariff) == 1 and tariff[0].sources == [1, 2]
    # the quotation is never cited to the outlet that did not print it as one
    assert all(
        item.sources != [1, 2] for item in items if "amazing" in item.text and '"' in item.text
    )
