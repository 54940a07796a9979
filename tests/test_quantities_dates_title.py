"""Quantities as copy writes them, their labels, relative dates, Watch lines and memo titles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefgen.analysis.corpus import Sentence
from briefgen.analysis.dates import find_dates, newest
from briefgen.analysis.facts import extract_facts
from briefgen.analysis.outlook import watch_items
from briefgen.analysis.pipeline import Options, build_brief
from briefgen.analysis.quantities import find_quantities
from briefgen.sources.base import SourceDocument

FRIDAY = dt.date(2025, 10, 31)


@pytest.mark.parametrize(
    ("sentence", "text", "amount"),
    [
        ("It backs a $44-billion gas pipeline.", "$44 billion", 44e9),
        ("Japan aims for 10 trillion Yen of investment.", "10 trillion yen", 10e12),
        ("Japan pledged JPY 10 tn (about USD 68 bn).", "JPY 10 trillion (~USD 68 billion)", 10e12),
        ("Exports grew 20 per cent.", "20%", 20),
        ("The car tariff would have been 27,5 %.", "27,5%", 27.5),
        ("They agreed a one-year truce.", "one-year", 1),
        ("China will buy 12 million metric tons of soybeans.", "12 million metric tons", 12e6),
        ("Defence spending will reach 5% of GDP.", "5% of GDP", 5),
        ("It lasted two and a half hours.", "two and a half hours", 2.5),
        ("Fordow lies 80-90 meters underground.", "80–90 meters", 90),
        ("Nations pledged three hundred billion dollars a year.",
         "three hundred billion dollars a year", 300e9),
        ("Rs 5,000 crore was set aside.", "Rs 5,000 crore", 5e10),
        ("Roads get Rs 2 lakh crore.", "Rs 2 lakh crore", 2e12),
        ("The deal is worth 1.5 lakh crore rupees.", "1.5 lakh crore rupees", 1.5e12),
        ("The pair drew US$44bn of orders.", "US$44 billion", 44e9),
        ("Tariffs will be lowered from 57% to 47%.", "57% → 47%", 47),
        ("The rate is 47%, down from 57%.", "57% → 47%", 47),
        ("The rate was cut to 10% from 20%.", "20% → 10%", 10),
        ("A levy of 145% on ore was cut to 30%.", "145% → 30%", 30),
        # a percentage told in words is shown in digits
        ("Seventy-eight percent said so.", "78%", 78),
        # a duration told in two units is one
        ("The export took 4 minutes and 15 seconds.", "4 minutes and 15 seconds", 4),
    ],
)  # fmt: skip
def test_each_quantity_form_is_one_figure(sentence: str, text: str, amount: float) -> None:
    found = find_quantities(sentence)
    assert [q.text for q in found] == [text]
    assert found[0].amount == pytest.approx(amount)


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        # a hyphenated compound is one figure, written as it stands (not "5-" or "six-")
        ("Fans bought 5-gallon bottles of spring water.", ["5-gallon"]),
        ("It runs a ten-part series on the site.", ["ten-part"]),
        ("Doctors ordered a 21-day rest and a six-inch cast.", ["21-day", "six-inch"]),
        # an age keeps its "old"
        ("The nearly 60-year-old brother spoke.", ["nearly 60-year-old"]),
        ("The 47 year old was a guest.", ["47 year old"]),
        # digits inside a model name are no figure
        ("The order covers Zento A350-900 jets and F-35 jets.", []),
        # a second bound below the first: a model number or a score, no range ("2019-20" is)
        ("The carrier buys 787-9 jets after a 3-1 win.", []),
        ("Prices rose 10-15 percent in the 2019-20 season.", ["10–15%"]),
        # a fraction told in words is a share of what follows
        ("It takes about three-quarters of the force.", ["about three-quarters"]),
        # "0.24" is a number, "10.30 am" a time
        ("The drag fell to 0.24 while the doors open at 10.30 am.", ["10.30 am"]),
        # "30 after investors": a date's day, no count of investors
        ("It stopped on September 30 after investors balked.", []),
    ],
)  # fmt: skip
def test_figures_read_as_written(sentence: str, texts: list[str]) -> None:
    assert [q.text for q in find_quantities(sentence)] == texts


def test_share_of_a_whole_and_years_are_not_counts() -> None:
    found = find_quantities(
        "Together they hold almost a third of global trade; in 2025 people voted."
    )
    assert [q.text for q in found] == ["almost a third of global trade"]


@pytest.mark.parametrize(
    ("sentence", "label", "value"),
    [
        ("Tariffs on Chinese goods will be lowered from 57% to 47%.",
         "Tariffs on Chinese goods", "57% → 47%"),
        ("The deal includes a $44-billion gas pipeline.", "Gas pipeline", "$44 billion"),
        ("China will buy 12 million metric tons of soybeans.",
         "China’s purchases of soybeans", "12 million metric tons"),
        ("Defence spending will reach 5% of GDP by 2035.", "Defence spending", "5% of GDP"),
        ("The summit adopted 24 strategic documents.", "Strategic documents", "24"),
        ("Saudi Arabia will invest €50 billion in data centres, while the UAE pledged €20 billion.",
         "Saudi Arabia’s investment in data centres", "€50 billion"),
        ("Saudi Arabia will invest €50 billion in data centres, while the UAE pledged €20 billion.",
         "UAE’s pledge", "€20 billion"),
    ],
)  # fmt: skip
def test_label_is_the_noun_phrase_measured(sentence: str, label: str, value: str) -> None:
    facts = extract_facts(sentence)
    assert (label, value) in [(f[1], f[2]) for f in facts]
    assert all(len(f[1].split()) <= 6 for f in facts)


def test_a_small_count_is_not_a_figure() -> None:
    assert not [f for f in extract_facts("The two leaders met for talks.") if f[0] == "measure"]


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Trump and Xi met on Thursday in Busan.", "30 October 2025"),  # reported: the day before
        ("The panel will meet on Monday.", "3 November 2025"),  # planned: the coming Monday
        ("Talks resume next month.", "November 2025"),
        ("Tariffs will fall next year.", "2026"),
        ("Trump will visit China in April 2026.", "April 2026"),
        ("Officials will meet again on January 10.", "10 January 2026"),
    ],
)
def test_relative_dates_resolve_against_the_source_date(sentence: str, label: str) -> None:
    assert label in [m.label() for m in find_dates(sentence, FRIDAY)]


def test_relative_dates_without_a_source_date_are_not_guessed() -> None:
    assert find_dates("They met on Thursday and meet again next month.", None) == []
    assert newest(["", "2025-08-12", "2025-08-16T09:00:00Z", "n/a"]) == "2025-08-16"
    assert newest(["", ""]) == ""


def _outlook(text: str, source: int = 1) -> Sentence:
    sentence = Sentence(text, [source], 0, 0.5)
    sentence.scores = {"outlook": 1.0}
    return sentence


def test_watch_lines_are_after_the_memo_date_with_resolved_dates() -> None:
    sentences = [
        _outlook("The Global AI Summit will be held in February 2025."),  # past by then
        _outlook("Trump will visit China in April 2026, officials said."),
        _outlook("The next round of talks is due next month."),
    ]
    lines = [t for t, _, _ in watch_items(sentences, 3, {1: FRIDAY}, FRIDAY)]
    assert "Watch: Trump visit to China (April 2026)" in lines
    assert "Watch: The next round of talks (November 2025)" in lines
    assert not any("AI Summit" in line for line in lines)


def _doc(name: str, title: str, text: str, date: str) -> SourceDocument:
    return SourceDocument(
        text=f"{title}\n\n{text}", title=title, path=Path(name), metadata={"date": date}
    )


def _trade_sources() -> list[SourceDocument]:
    return [
        _doc("a.txt", "Leaders agree truce on tariffs",
             "President Alda Moren met Prime Minister Kei Taro at the Harbour Summit in Busan on "
             "Thursday. Tariffs on Northland goods will be lowered from 57% to 47%. Moren will "
             "visit Southland in April 2026.", "2025-10-30"),
        _doc("b.txt", "Moren and Taro strike tariff deal",
             "President Alda Moren and Prime Minister Kei Taro met in Busan at the Harbour "
             "Summit. The tariff on Northland goods falls to 47% from 57%, and Southland will "
             "buy 12 million metric tons of soybeans.", "2025-10-31"),
    ]  # fmt: skip


def test_multi_source_memo_is_titled_by_the_event_and_dated_by_its_newest_source() -> None:
    brief = build_brief(_trade_sources(), Options())
    assert brief.title == (
        "Moren–Taro meeting at the Harbour Summit in Busan: tariffs on Northland goods cut to 47%"
    )
    assert brief.subject != brief.title
    assert brief.date == "2025-10-31"
    first = brief.key_figures[0]
    assert (first.value, first.sources) == ("57% → 47%", [1, 2])
    assert len(first.label.split()) <= 6
    assert any(i.text == "Watch: Moren visit to Southland (April 2026)"
               for i in brief.sections["outlook"])  # fmt: skip


def test_single_source_keeps_its_headline_and_date_option_wins() -> None:
    brief = build_brief(_trade_sources()[:1], Options(date="2026-01-05"))
    assert brief.title == "Leaders agree truce on tariffs"
    assert brief.date == "2026-01-05"


def test_currency_letters_inside_a_word_are_not_money() -> None:
    found = find_quantities("Ambient lighting offers 30 colors; the VW ID.3 production begins.")
    assert [(q.kind, q.text) for q in found] == [("measure", "30 colors")]


def test_bullets_say_which_day_a_relative_date_is() -> None:
    from briefgen.analysis.dates import resolve_relative

    text = "Trump, who met Xi on Thursday, will visit Beijing in April and talks resume next month."
    assert resolve_relative(text, FRIDAY) == (
        "Trump, who met Xi on Thursday (30 October 2025), will visit Beijing in April (2026) "
        "and talks resume next month (November 2025)."
    )
    assert resolve_relative(text, None) == text
    brief = build_brief(_trade_sources(), Options())
    told = " ".join(i.text for items in brief.sections.values() for i in items)
    assert "on Thursday (30 October 2025)" in told
