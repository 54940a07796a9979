"""A single source's title: its headline kept, else whole clauses of its lead, never a cut line."""

from __future__ import annotations

from pathlib import Path

from briefgen.analysis.pipeline import Options, build_brief
from briefgen.analysis.title import not_headline
from briefgen.sources.base import read_sources

_BODY = (
    "Port officials in Talvik said strong demand and a software fault led to long queues last "
    "week when the new ferry booking system opened to islanders on the outer routes. The board "
    "said the fault was fixed within a day and that fares would not change this winter. Unions "
    "asked for a review of the booking contract before the spring timetable."
)


def _title(folder: Path, text: str, name: str = "ferry_queues.txt") -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return build_brief(read_sources([path], lambda _m: None), Options()).title


def test_a_real_headline_is_kept_as_it_is(tmp_path: Path) -> None:
    title = _title(tmp_path, f"Booking fault left ferry queues in Talvik\n\n{_BODY}\n")
    assert title == "Booking fault left ferry queues in Talvik"


def test_a_story_sentence_first_line_gives_a_short_clause_title(tmp_path: Path) -> None:
    title = _title(tmp_path, f"{_BODY}\n")
    assert title == (
        "Port officials in Talvik said strong demand and a software fault led to long queues"
    )
    assert "…" not in title and not title.endswith(("last", "when"))


def test_a_greeting_first_line_is_passed_over(tmp_path: Path) -> None:
    title = _title(tmp_path, f"Hello and welcome back!\n\n{_BODY}\n")
    assert title.startswith("Port officials in Talvik said strong demand")
    assert "…" not in title and "welcome" not in title


def test_a_bare_dateline_or_a_prompt_is_no_headline(tmp_path: Path) -> None:
    for first in ("TALVIK, NORDLAND", "CLICK FOR FULL FERRY TIMETABLES"):
        title = _title(tmp_path, f"{first}\n\n{_BODY}\n")
        assert title.startswith("Port officials in Talvik"), first
        assert "…" not in title


def test_the_file_name_only_when_no_line_of_the_lead_reads_as_a_headline(
    tmp_path: Path,
) -> None:
    # one run-on sentence with no clause to end before: nothing short and readable is left
    lead = (
        "Ferry fares on the outer routes between Talvik and the northern islands of the "
        "Nordland archipelago for families with children under twelve years of age and for "
        "pensioners rose by four per cent. "
    )
    title = _title(tmp_path, lead * 3, name="nordland_fares.txt")
    assert title == "nordland fares"


def test_not_headline_tells_headlines_from_other_first_lines() -> None:
    assert not not_headline("Booking fault left ferry queues in Talvik")
    assert not not_headline("Will the ferry board raise fares again?")
    # a page's own headline with a section label, an abbreviation or a pause is kept
    assert not not_headline("Opinion | The Ferry Board Is Sailing Nowhere")
    assert not not_headline("The Nordline MV. Talvik is a ferry with a secret deck")
    assert not not_headline("The Future of Ferries Is … Slower")
    assert not_headline("TALVIK, NORDLAND")
    assert not_headline("Click for full ferry timetables")
    assert not_headline("Reviewed by: Ana Ruiz Price: 40 crowns More info: www.example.org")
    assert not_headline("The board met on Friday. Fares will rise.")
    assert not_headline("Good evening, islanders")
    assert not_headline("Ferry operators in the north agreed on Friday to cut…")
    assert not_headline(" ".join(["word"] * 21))


def test_a_lead_loses_a_list_a_day_and_a_closing_attribution() -> None:
    from briefgen.analysis.title import lead_headline

    made = lead_headline(
        "Surveyors on Monday published the first full depth chart of the Talvik sound including "
        "its shoals, wrecks and the old cable trench, opening the channel to larger ferries."
    )
    assert made.endswith("published the first full depth chart of the Talvik sound")
    # a day that names another thing ("Thursday night's storm") is no date to drop
    made = lead_headline(
        "The ferry crews spent Monday clearing the harbour of debris from Thursday night's storm "
        "that sank two fishing boats and damaged the breakwater at the northern pier."
    )
    assert "Thursday night's storm" in made and "…" not in made
    # a closing ", the minister said" goes with the cut before the day it was said
    made = lead_headline(
        "The old customs house in Talvik will be turned into a ferry terminal, the regional "
        "transport minister said on Tuesday, after years of debate over the building's future."
    )
    assert made == "The old customs house in Talvik will be turned into a ferry terminal"


def test_a_first_sentence_without_its_full_stop_stays_in_the_story(tmp_path: Path) -> None:
    from briefgen.sources.text import first_line_title

    # 24 words in under 160 characters, no full stop: a sentence, not a headline
    first = (
        "Port crews in Talvik said a big rush and a code fault led to long queues last week when "
        "the new ferry app opened"
    )
    assert first_line_title(f"{first}\n\nMore.", tmp_path / "ferry_queues.txt") == "ferry queues"
    assert first_line_title("Ferry queues in Talvik\n\nMore.", tmp_path / "a.txt") == (
        "Ferry queues in Talvik"
    )
    title = _title(tmp_path, f"{first}\n\nThe board said the fault was fixed within a day.\n")
    assert title == "Port crews in Talvik said a big rush and a code fault led to long queues"


def test_a_fronted_phrase_before_a_number_word_or_an_even_if_clause_goes() -> None:
    from briefgen.analysis.title import lead_headline

    assert lead_headline(
        "As of 3 March, thirty lanterns will light up the old harbour of Talvik for the seventh "
        "year in a row."
    ).startswith("Thirty lanterns will light up the old harbour of Talvik")
    assert lead_headline(
        "Even if its parts are borrowed from other ferries, the new boat finds a use for each of "
        "them and stops just short of greatness."
    ).startswith("The new boat finds a use")
