"""Sentence splitting and cleaning: each case an article throws at us."""

from __future__ import annotations

import pytest

from briefgen.analysis.clean import clean_text, is_boilerplate
from briefgen.analysis.sentences import split_sentences


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # abbreviations: titles, numbers and months never end a sentence before a name or digit
        (
            "Dr. Singh met No. 10 officials on Jan. 5 in London. Talks ended.",
            ["Dr. Singh met No. 10 officials on Jan. 5 in London.", "Talks ended."],
        ),
        # "U.S." mid-sentence stays; before a sentence starter it ends the sentence
        (
            "The U.S. Navy joined. Both sides met the U.S. The talks went on.",
            ["The U.S. Navy joined.", "Both sides met the U.S.", "The talks went on."],
        ),
        # decimals, money and ranges
        (
            "Trade rose to USD 68.5 billion over 2022–2026. JPY 10 trillion is the new goal.",
            ["Trade rose to USD 68.5 billion over 2022–2026.", "JPY 10 trillion is the new goal."],
        ),
        # initials
        (
            "Minister S. Jaishankar and A.P.J. Kalam spoke. They agreed.",
            ["Minister S. Jaishankar and A.P.J. Kalam spoke.", "They agreed."],
        ),
        # quotes and brackets close a sentence with their punctuation
        (
            'He said, "We will act." (The vote is due.) "Why now?" he asked.',
            ['He said, "We will act."', "(The vote is due.)", '"Why now?" he asked.'],
        ),
        # a missing space between sentences
        (
            "A rules-based Indo-Pacific.Prime Minister Modi left. It ended in 2026.The rest.",
            [
                "A rules-based Indo-Pacific.",
                "Prime Minister Modi left.",
                "It ended in 2026.",
                "The rest.",
            ],
        ),
        (
            "They met in Brussels.A joint call opens in 2027.",
            ["They met in Brussels.", "A joint call opens in 2027."],
        ),
        # whitespace is collapsed; an empty paragraph has no sentences
        ("  Two\n lines   here. ", ["Two lines here."]),
        ("", []),
    ],
)
def test_split_sentences(paragraph: str, expected: list[str]) -> None:
    assert split_sentences(paragraph) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Also Read: Seoul and Taipei discuss chip tariffs",
        "Read more: G20 leaders debate climate",
        "Click here to subscribe to our newsletter",
        "Subscribe now for unlimited access",
        "Share this article: Facebook | X | WhatsApp",
        "Facebook | Twitter | Email",
        "*By our diplomatic correspondent · Photo: PIB*",
        "By Priya Natarajan, Defence Correspondent",
        "Photo: Department of Defence",
        "Photo credit: Prime Minister's Office",
        "Image courtesy Reuters",
        "Follow us on LinkedIn for more news",
        "Advertisement",
        "Updated: Nov 23, 2026 10:30 IST",
        "4 min read",
    ],
)
def test_boilerplate_lines_are_recognised(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "By 2030 the two sides want trade to double.",
        "Officials said the photo opportunity was brief.",
        "Subsidies for chips were read out at the meeting.",
    ],
)
def test_story_sentences_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_clean_text_keeps_highlights_strips_dateline_and_drops_promos() -> None:
    text = "\n".join(
        [
            "Leaders meet in Canberra",
            "- Patrols expand in the Indian Ocean.",
            "- A minerals deal is signed.",
            "By Staff Writer",
            "CANBERRA, Oct. 14 (Staff) — Ministers met on Tuesday. They agreed.",
            "Also Read: Five things to know",
            "- A later bullet is story text.",
            "Share this story",
        ]
    )
    cleaned = clean_text(text, title="Leaders meet in Canberra")
    assert cleaned.highlights == [
        "Patrols expand in the Indian Ocean.",
        "A minerals deal is signed.",
    ]
    assert cleaned.paragraphs == [
        "Ministers met on Tuesday. They agreed.",
        "A later bullet is story text.",
    ]
    assert cleaned.place == "Canberra"
    assert "Also Read: Five things to know" in cleaned.dropped
    assert "By Staff Writer" in cleaned.dropped


@pytest.mark.parametrize(
    ("line", "story", "place"),
    [
        ("NEW DELHI: India and Japan met.", "India and Japan met.", "New Delhi"),
        ("TOKYO (Reuters) - Talks began.", "Talks began.", "Tokyo"),
        ("JOHANNESBURG, Nov 23 (Staff report) — Modi met.", "Modi met.", "Johannesburg"),
        # not a dateline: no sentence follows the colon
        (
            "NATO: the view from Brussels is that allies must spend more.",
            "NATO: the view from Brussels is that allies must spend more.",
            "",
        ),
    ],
)
def test_datelines(line: str, story: str, place: str) -> None:
    cleaned = clean_text(line)
    assert cleaned.paragraphs == [story]
    assert cleaned.place == place
