"""Bullets stand alone: referents resolved from the previous sentence, fragments never chosen."""

from __future__ import annotations

import pytest

from briefgen.analysis.standalone import balanced, persons, speakers, stand_alone

MEETING = "U.S. President Donald Trump met Chinese President Xi Jinping in Busan on Thursday."
ARRIVAL = "Prime Minister Narendra Modi arrived in Tokyo on Friday for two days of talks."


@pytest.mark.parametrize(
    ("text", "previous", "expected"),
    [
        # a pronoun subject takes the one person the previous sentence is about
        ("He will meet business leaders on Saturday.", ARRIVAL,
         "Narendra Modi will meet business leaders on Saturday."),
        ("His visit is the first since 2018.", ARRIVAL,
         "Narendra Modi's visit is the first since 2018."),
        # the previous sentence's subject is a person: it wins over others named later
        ("He also announced plans to visit China in April.", MEETING,
         "Donald Trump also announced plans to visit China in April."),
        # "They" takes a plural subject, or the two people the previous sentence names
        ("They also discussed rare earths.", "The two leaders agreed to cut tariffs.",
         "The two leaders also discussed rare earths."),
        ("They emphasized the need for calm.", MEETING,
         "Donald Trump and Xi Jinping emphasized the need for calm."),
        ("Its terms were not published.", "The agreement was signed on Sunday.",
         "The agreement's terms were not published."),
        # a quote keeps its speaker: the pronoun speaker is named
        ('"We had a very good meeting," he said.', ARRIVAL,
         '"We had a very good meeting," Narendra Modi said.'),
        # nothing borrowed: unchanged
        ("It is unclear whether the truce will hold.", None,
         "It is unclear whether the truce will hold."),
        ("This year the two sides will meet again in Delhi.", None,
         "This year the two sides will meet again in Delhi."),
        ('The deal was "a big step" for trade, officials said.', None,
         'The deal was "a big step" for trade, officials said.'),
    ],
)  # fmt: skip
def test_referent_is_resolved(text: str, previous: str | None, expected: str) -> None:
    assert stand_alone(text, previous) == (expected, True)


@pytest.mark.parametrize(
    ("text", "previous"),
    [
        # no referent to borrow, or more than one candidate
        ("He also announced plans to visit China in April.", None),
        ("He said the talks went well.", "The talks in Busan ended early on Thursday."),
        ("She spoke first.", "The talks between Anna Berg and Lars Holm ran late."),
        ("These areas are seen as crucial for growth.", ARRIVAL),
        ("Such steps would take years, analysts say.", ARRIVAL),
        ("They emphasized the need for calm.", "The meeting in Busan lasted two hours."),
        ("We loved the new model in our review.", None),
        # quote fragments, unbalanced marks, quotes with nobody saying them
        ('a very good meeting," he said.', ARRIVAL),
        ("“We will not back down on tariffs.", None),
        ('"It was a great day for both countries and for the world."', None),
        ("This is a great day for trade,” the minister added.", None),
        # bare clauses, lead-ins and questions
        ("But it was an amazing meeting.", None),
        ("and the talks will continue next month.", None),
        ("The minister told reporters:", None),
        ("What does the truce mean for the border?", None),
        ("The two sides agreed to keep talking and", None),
    ],
)  # fmt: skip
def test_sentence_that_cannot_stand_alone_is_flagged(text: str, previous: str | None) -> None:
    assert stand_alone(text, previous)[1] is False


def test_balanced_quotes() -> None:
    assert balanced('He said "yes" and “no”.')
    assert not balanced("a stray closing quote” here")
    assert not balanced('one " straight quote')


def test_persons_skip_titles_places_and_bodies() -> None:
    assert persons(MEETING) == ["Donald Trump", "Xi Jinping"]
    assert persons("Officials in New Delhi said the United States would reply.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will act," Trump told reporters.', {"trump"}),
        ("The truce holds, said Foreign Minister Ana Lind.", {"lind"}),
        ("Officials said the deal holds.", {"officials"}),
        ('"It was an amazing meeting," he said.', set()),
    ],
)
def test_speakers(text: str, expected: set[str]) -> None:
    assert speakers(text) == expected


def test_analyse_fills_referents_and_flags_what_cannot_stand_alone() -> None:
    from pathlib import Path

    from briefgen.analysis.pipeline import analyse
    from briefgen.sources.base import SourceDocument

    text = "\n\n".join(
        [
            "Talks in Busan",
            "U.S. President Donald Trump met Chinese President Xi Jinping in Busan on Thursday.",
            "He also announced plans to visit China in April next year.",
            "These areas are seen as crucial for both economies by investors.",
            '"We had a very good meeting and a very good result," he said.',
        ]
    )
    document = SourceDocument(text=text, title="Talks in Busan", path=Path("busan.txt"))
    sentences = {s.printed or s.text: s for s in analyse([document]).sentences}
    resolved = sentences["He also announced plans to visit China in April next year."]
    assert resolved.text == "Donald Trump also announced plans to visit China in April next year."
    assert resolved.standalone
    assert not sentences[
        "These areas are seen as crucial for both economies by investors."
    ].standalone
    # the quote's speaker cannot be taken from a sentence that names nobody
    assert not sentences['"We had a very good meeting and a very good result," he said.'].standalone
    assert sentences[
        "U.S. President Donald Trump met Chinese President Xi Jinping in Busan on Thursday."
    ].standalone


def test_they_after_a_fronted_clause_takes_the_clause_s_subject() -> None:
    previous = (
        "After a long review of the accord, the two defence ministers asked their staff to "
        "draft a new maritime plan."
    )
    text, ok = stand_alone("They agreed to meet again in May.", previous)
    assert ok and text == "The two defence ministers agreed to meet again in May."
    # A fronted clause with no comma to end it gives no subject: not resolved, not chosen.
    assert stand_alone("They agreed.", "After the talks ended the mood was calm.") == (
        "They agreed.",
        False,
    )
