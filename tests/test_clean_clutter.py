"""Every clutter form real pages carry is dropped; story text that looks like it is kept.

The lines are ours (tests/fixtures/clutter), written in the forms of ../shared/corpus
``clutter_shapes``; bench/clutter.py measures the same on the corpus and on real pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.analysis.clean import clean_text, clutter_kind, story_sentences

FIXTURES = Path(__file__).parent / "fixtures" / "clutter"
BEFORE = "Officials met on Monday to discuss the plan in detail."
AFTER = "The talks ended with a joint statement on trade and investment."
LEAD = "The talks resumed on Friday after a pause of two weeks."


def _rows(name: str) -> list[str]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


CLUTTER = [tuple(row.split("\t", 1)) for row in _rows("lines.txt")]


@pytest.mark.parametrize(("kind", "line"), CLUTTER, ids=[f"{k}:{v[:30]}" for k, v in CLUTTER])
def test_clutter_line_between_paragraphs_is_dropped(kind: str, line: str) -> None:
    cleaned, kept = story_sentences("\n".join([BEFORE, line, AFTER]))
    assert kept == [BEFORE, AFTER], kind
    assert cleaned.dropped  # recorded for --explain


def test_every_clutter_kind_has_fixtures() -> None:
    kinds = {kind for kind, _ in CLUTTER}
    assert kinds >= {
        "byline", "dateline", "timestamp", "label", "subhead", "caption", "note", "embed",
    }  # fmt: skip


@pytest.mark.parametrize("line", [line for kind, line in CLUTTER if kind == "dateline"])
def test_dateline_opening_any_paragraph_is_cut(line: str) -> None:
    _, kept = story_sentences("\n".join([BEFORE, f"{line} {LEAD}", AFTER]))
    assert kept == [BEFORE, LEAD, AFTER]


@pytest.mark.parametrize(
    ("paragraph", "place"),
    [
        ("BUSAN, South Korea (Reuters) — Talks began.", "Busan"),
        ("Catenaa, Thursday, February 13, 2025 – Talks began.", "Catenaa"),
        ("Paris, February 10-11 - Talks began.", "Paris"),
        ("Rio de Janeiro (Reuters) - Talks began.", "Rio de Janeiro"),
        ("(AP) — Talks began.", ""),
    ],
)
def test_dateline_place(paragraph: str, place: str) -> None:
    cleaned = clean_text(paragraph)
    assert cleaned.paragraphs == ["Talks began."]
    assert cleaned.place == place


@pytest.mark.parametrize("line", _rows("story.txt"))
def test_story_lines_that_look_like_clutter_are_kept(line: str) -> None:
    _, kept = story_sentences("\n".join([BEFORE, line, AFTER]))
    assert " ".join(kept) == " ".join([BEFORE, line, AFTER])


@pytest.mark.parametrize(
    "paragraph",
    [
        # a story paragraph whose last sentence lost its full stop (pasted text often does)
        "The pact covers naval patrols. Japan will share satellite images with India. "
        "The deal runs until 2030",
        # one sentence without a full stop, but a reported one: no caption quotes anyone
        "Japan will share satellite images of the Indian Ocean with India from next year "
        "under the new pact, officials told reporters in Tokyo on Monday",
    ],
)
def test_story_paragraph_without_a_final_stop_is_no_caption(paragraph: str) -> None:
    cleaned, kept = story_sentences("\n".join([BEFORE, paragraph, AFTER]))
    assert paragraph in cleaned.paragraphs, cleaned.dropped
    assert " ".join(kept) == " ".join([BEFORE, paragraph, AFTER])


def test_hard_wrapped_text_is_not_taken_for_subheads() -> None:
    text = (
        "Ministers from both countries agreed on Tuesday to extend the\n"
        "fisheries accord for another five years, with quotas set by a\n"
        "joint commission that will meet twice a year in the capital.\n"
        "\n"
        "Fleet owners welcomed the decision but asked for a review of the\n"
        "rules on inspection at sea, which they called slow and costly\n"
        "for the smaller boats that work close to the coast each season.\n"
    )
    _, kept = story_sentences(text)
    assert len(kept) == 2
    assert kept[0].startswith("Ministers") and kept[0].endswith("capital.")


def test_a_rule_inside_a_long_paragraph_does_not_drop_the_paragraph() -> None:
    story = (
        "The ministry published the figures on Monday. Exports rose by a tenth. "
        "Imports fell. Officials said the trend would hold. A file photo on its site "
        "showed the port in 2019, in a file photo caption that is not the story."
    )
    _, kept = story_sentences(story)
    assert kept[:4] == [
        "The ministry published the figures on Monday.",
        "Exports rose by a tenth.",
        "Imports fell.",
        "Officials said the trend would hold.",
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("By Jane Roe, with reporting from Washington D.C. Bureau Staff", "byline"),
        ("Published By: Web Desk", "promo"),
        ("World News | Wire Service | Updated: Nov 23, 2026, 10:30 IST", "section label"),
        ("9:41 PM on Saturday, October 11", "timestamp"),
        ("Editor's note: This story was updated on Friday.", "editor's note"),
        ("Leaders meet in Osaka on July 27, 2025. (AP Photo/Jo Reyes)", "caption"),
        ("Big news today. — City Desk (@citydesk) May 2, 2025", "embedded post"),
        ("By 2030 the two sides want trade to double.", None),
    ],
)
def test_clutter_kind(text: str, kind: str | None) -> None:
    assert clutter_kind(text) == kind


@pytest.mark.parametrize(
    "dateline",
    [
        "NEW YORK, Dec. 1, 2025 /PRNewswire/ --",
        "Brussels, 12.06.2025 –",
        "New Delhi [India], March 3 (ANI):",
        "Dubai, UAE, 12th March 2025:",
        "Tokyo, Japan – Monday, 3 March 2025:",
        "ABUJA, Nigeria — (Reuters)",
    ],
)
def test_dateline_of_wire_and_press_release_forms_is_cut(dateline: str) -> None:
    _, kept = story_sentences("\n".join([BEFORE, f"{dateline} {LEAD}", AFTER]))
    assert kept == [BEFORE, LEAD, AFTER]


def test_place_and_colon_is_a_dateline_only_where_the_story_opens() -> None:
    cleaned = clean_text("\n".join([f"Lahore: {LEAD}", BEFORE]), title="Talks resume")
    assert cleaned.paragraphs == [LEAD, BEFORE]
    assert cleaned.place == ""  # "Update:" opens a story the same way: not taken for a place
    # Further down the same shape is a team's or a speaker's label, and stays.
    later = "Rovers: The captain missed training with a knee strain."
    assert clean_text("\n".join([BEFORE, later])).paragraphs == [BEFORE, later]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Minister Ana Ruiz: We will not sign this week.",
        "A: The steel makers gain most from the new quota.",
        "Q: Minister – Will the quota rules change again before the summer recess?",
        "RUIZ: We have agreed on the text and will sign it on Friday.",
    ],
)
def test_a_speaker_label_at_the_story_head_is_kept(paragraph: str) -> None:
    cleaned = clean_text("\n".join([paragraph, BEFORE]), title="Talks")
    assert cleaned.paragraphs[0] == paragraph
    assert (cleaned.place, cleaned.datelines) == ("", [])


def test_untitled_document_headline_does_not_hide_the_lead_dateline() -> None:
    cleaned = clean_text("\n".join(["Talks resume in the capital", f"Cape Town: {LEAD}"]))
    assert cleaned.paragraphs == ["Talks resume in the capital", LEAD]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Kim Soler contributed reporting from Geneva.", "byline"),
        ("Japan contributed research funding to the project.", None),
        ("Follow him on X @someone.", "promo"),
        (
            "This material may not be published, broadcast, rewritten or redistributed.",
            "editor's note",
        ),
        ("A handout image shows the port, in Darwin, Australia on May 4, 2025.", "caption"),
        ("The accord was signed in Darwin, Australia on May 4, 2025.", None),
    ],
)
def test_clutter_kind_of_credit_promo_notice_and_caption_forms(text: str, kind: str | None) -> None:
    assert clutter_kind(text) == kind


def test_a_quoted_speakers_label_at_the_story_head_is_kept() -> None:
    # Cutting "Ravel:" would make the minister's words the memo's own claim.
    speaker = "Ravel: Ostland will never accept the new levy on its ferries."
    later = "The talks ran late into the night, Ravel said after the meeting."
    cleaned = clean_text("\n".join([speaker, later]), title="Ferry talks")
    assert cleaned.paragraphs == [speaker, later]
    # A place at the head is still a dateline, quoted or not by name elsewhere.
    place = "Korvik: The ministers of Ostland and Westmark met on Monday."
    cleaned = clean_text("\n".join([place, later]), title="Ferry talks")
    assert cleaned.paragraphs == ["The ministers of Ostland and Westmark met on Monday.", later]
