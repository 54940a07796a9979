"""bench/facts.py's label checks can fail: each rejects what it should and passes a fair label."""

from __future__ import annotations

import sys

import pytest
from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from facts import _bare_head, _only_a_name, _well_formed  # noqa: E402


@pytest.mark.parametrize(
    ("label", "sentence", "ok"),
    [
        ("Tariffs on farm goods", "Tariffs on farm goods rose to 20%.", True),
        ("Zento X5 Blender", "The Zento X5 Blender sells for $89.", True),  # a name with digits
        ("Be lowered from 57", "Tariffs will be lowered from 57% to 47%.", False),  # a figure
        ("Of the pact", "Of the pact, 40% is spent.", False),  # a function word at the edge
        ("Squeeze", "Try to squeeze in 8 hours a night.", False),  # used as a verb
        ("Shrunk", "The screen has been shrunk to 5 inches.", False),
        ("Good", "That's good for $60 off.", False),
        ("Highest", "Stocks reached their highest in 2 years.", False),  # an adjective
        ("Trading", "Oats were last trading up 0.9%.", False),  # a participle
        ("Waiting", "It comes after 12 years of waiting.", True),  # a gerund is a noun
        ("Premium", "Upgrade to Premium for $5 a month.", True),  # a name after "to"
        ("One two three four five six seven", "", False),  # too long
    ],
)  # fmt: skip
def test_noun_phrase_check(label: str, sentence: str, ok: bool) -> None:
    assert _well_formed(label, sentence) is ok


@pytest.mark.parametrize(
    ("label", "sentence", "value", "bare"),
    [
        ("Counts", "He faces six counts of armed robbery.", "six", True),
        ("Workers", "Pellmark’s 9,000 workers went home.", "9,000", True),  # an owner
        ("Altitude", "At an altitude of more than 900 feet water boils sooner.", "900 feet", False),
        ("People", "It grew by 2 million people in the past decade.", "2 million", False),
        # the occurrence nearest the figure decides: "those engines in place" is another
        ("Engines", "With the engines in place, the four engines will fire.", "four", False),
        ("Counts of armed robbery", "He faces six counts of armed robbery.", "six", False),
    ],
)  # fmt: skip
def test_bare_head_check(label: str, sentence: str, value: str, bare: bool) -> None:
    assert _bare_head(label, sentence, value) is bare


@pytest.mark.parametrize(
    ("label", "sentence", "named"),
    [
        ("Expercom", "Now Expercom is knocking up to $40 off.", True),  # a shop, not the measure
        ("Zento Blend", "The $49 Zento Blend ships today.", True),
        ("Expercom’s discount", "Expercom is knocking up to $40 off.", False),
        ("Stock’s rise", "The stock rose 2%.", False),
        ("Tariffs on Chinese goods", "Tariffs on Chinese goods fell to 47%.", False),
    ],
)  # fmt: skip
def test_name_only_check(label: str, sentence: str, named: bool) -> None:
    assert _only_a_name(label, sentence) is named
