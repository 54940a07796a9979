"""One word list, every step: where two copies disagreed, the union's new cases work."""

from __future__ import annotations

from briefgen.analysis import clean, dates, lexicon, sentences
from briefgen.analysis.clean import clean_text, is_subhead
from briefgen.analysis.dates import find_dates
from briefgen.analysis.sentences import balanced, split_sentences
from briefgen.analysis.standalone import speakers, stand_alone


def test_every_calendar_form_reaches_each_step() -> None:
    shorts = lexicon.MONTHS_SHORT + lexicon.WEEKDAYS_SHORT
    assert lexicon.lower(lexicon.CALENDAR + shorts) <= clean._TIME_WORDS
    assert lexicon.lower(shorts) <= sentences.ABBREVIATIONS
    for name in lexicon.MONTHS + lexicon.MONTHS_SHORT:
        found = find_dates(f"The talks end on {name} 4, 2026.", dates.dt.date(2026, 1, 1))
        assert found, name


def test_month_alternation_prefers_the_whole_word() -> None:
    # no word boundary follows dates' month pattern: "September" must not stop at "Sep"
    found = find_dates("It opens on 3 September 2027.", dates.dt.date(2026, 1, 1))
    assert [m.label() for m in found] == ["3 September 2027"]


def test_weekday_short_forms_are_abbreviations_when_splitting() -> None:
    # sentences.py knew "Thu" but not "Thurs"/"Tues" (clean.py knew all): now one list
    assert split_sentences("The talks end on Thurs. 4 December in Tokyo. They resume later.") == [
        "The talks end on Thurs. 4 December in Tokyo.",
        "They resume later.",
    ]
    assert split_sentences("Voting closed on Tues. The count begins.") == [
        "Voting closed on Tues.",
        "The count begins.",
    ]


def test_any_reporting_verb_keeps_a_lead_in_line() -> None:
    # clean.py knew nine reporting verbs, standalone.py 33: "warned:" introduces a quote as
    # "said:" does, so it is story text, not a subhead
    assert not is_subhead("The foreign ministry warned:")
    assert not is_subhead("The foreign ministry said:")
    assert is_subhead("What the deal means:")
    text = (
        "Japan and India signed the pact in Tokyo on Monday after long talks.\n\n"
        "The foreign ministry warned:\n\n"
        "“We will not accept this,” the statement read in full.\n"
    )
    assert "The foreign ministry warned:" in clean_text(text).paragraphs
    assert speakers("Prices will rise, Sato warned.") == frozenset({"sato"})


def test_one_quote_rule_joins_a_single_quoted_quotation() -> None:
    # splitting used to count only double quotes; the standalone check also refused an
    # unclosed opening single quote. One rule now: the quotation keeps its speaker.
    parts = split_sentences("‘We will act. We will win,’ Sato said. Talks resume on Monday.")
    assert parts == ["‘We will act. We will win,’ Sato said.", "Talks resume on Monday."]
    assert all(balanced(part) for part in parts)
    assert stand_alone(parts[0], None)[1]
    # double quotes behave as before
    assert split_sentences('"We will act. We will win," he said. Talks resume.') == [
        '"We will act. We will win," he said.',
        "Talks resume.",
    ]
    assert not balanced("a stray closing quote” here “and")


def test_one_unit_list_reads_and_labels_inches() -> None:
    # labels.py knew "inch" as a unit, quantities.py did not: "22-inch wheels" was read as
    # "22-" labelled "Inch wheels". One list now, in quantities.py.
    from briefgen.analysis.facts import extract_facts
    from briefgen.analysis.quantities import MEASURE_UNITS, find_quantities, is_unit

    assert [q.text for q in find_quantities("The car rides on 22-inch wheels.")] == ["22-inch"]
    # read as one figure; a size in a thing's description is no key figure, a gap's size is
    assert extract_facts("The car rides on 22-inch wheels.") == []
    assert ("measure", "Gap", "22-inch") in extract_facts("Leave a 22-inch gap.")
    assert all(is_unit(unit) for unit in MEASURE_UNITS)
    assert is_unit("degrees C") and is_unit("square miles") and not is_unit("troops")


def test_one_time_unit_list_for_reading_and_labelling() -> None:
    # labels.py's time units lacked "year", "week", "month", "decade(s)": "in one year" and
    # "two decades ago" became key figures ("Plant | one year") while "in two years" did not
    from briefgen.analysis.facts import extract_facts

    for sentence in (
        "Japan will build the plant in one year.",
        "Japan will build the plant in two years.",
        "The truce began two decades ago.",
    ):
        assert extract_facts(sentence) == [], sentence
    assert extract_facts("The talks lasted two hours.") == [
        ("measure", "Length of talks", "two hours")
    ]


def test_one_event_noun_list_for_facts_titles_and_watch_lines() -> None:
    # facts.py (dates, titles) knew "Ministerial", "Round", "Session", "Exercise"; outlook.py
    # knew "Review". One list and one pattern now: a Watch line names a 2+2 Ministerial.
    import datetime as dt

    from briefgen.analysis.corpus import Sentence
    from briefgen.analysis.facts import named_events
    from briefgen.analysis.outlook import watch_items

    text = "The next 2+2 Ministerial will be held in Tokyo in March 2026."
    sentence = Sentence(text, [1], 0, 0.5)
    sentence.scores = {"outlook": 1.0}
    day = dt.date(2025, 10, 31)
    lines = [text for text, _, _ in watch_items([sentence], 3, {1: day}, day)]
    assert lines == ["Watch: 2+2 Ministerial (March 2026)"]
    assert named_events("Ministers will publish the Strategic Defence Review in 2026.") == [
        "Strategic Defence Review"
    ]


def test_one_reporting_verb_pattern_for_cleaning_and_the_standalone_check() -> None:
    from briefgen.analysis import standalone

    assert clean.SPEECH is standalone.SPEECH
