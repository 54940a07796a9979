"""The subject line: the outcome the memo's sources agree on, in a line that adds to its title."""

from __future__ import annotations

from pathlib import Path

from briefgen.analysis.pipeline import Options, build_brief
from briefgen.analysis.subject import SUBJECT_WORDS, Candidate, memo_subject, shorten
from briefgen.sources.base import SourceDocument, read_sources

TITLE = "Arlen–Vosk meeting at the River Forum in Talvik"


def test_the_outcome_wins_over_a_bullet_that_retells_the_title() -> None:
    candidates = [
        Candidate("President Mira Arlen met Chancellor Ode Vosk at the River Forum in Talvik, "
                  "where the two leaders took stock of their partnership.", [1, 2], True),
        Candidate("Officials in both capitals described the mood as warm and constructive.",
                  [1], True),
        Candidate("The two leaders agreed to double the joint fund for river ports to 8 billion "
                  "crowns by 2030.", [2], False),
    ]  # fmt: skip
    headlines = ["Arlen and Vosk double river-port fund", "Talvik forum ends with port deal"]
    subject, chosen_at = memo_subject(TITLE, candidates, headlines)
    assert chosen_at == 2
    assert subject.startswith("The two leaders agreed to double the joint fund")
    assert "8 billion crowns" in subject and not subject.endswith(".")


def test_no_bullet_that_adds_to_the_title_leaves_the_title() -> None:
    candidates = [Candidate("Arlen and Vosk met at the River Forum in Talvik.", [1, 2], True)]
    assert memo_subject(TITLE, candidates, []) == (TITLE, None)


def test_quotes_and_watch_lines_are_never_the_subject() -> None:
    candidates = [
        Candidate("“We agreed on everything that matters today,” one aide said after the talks.",
                  [1, 2], True),
        Candidate("Watch: Harbour Council session (May 2026)", [1, 2], False),
        Candidate("Both governments signed a pact on shared customs checks at four border posts.",
                  [1], False),
    ]  # fmt: skip
    subject, chosen_at = memo_subject(TITLE, candidates, [])
    assert subject.startswith("Both governments signed a pact") and chosen_at == 2


def test_shortening_drops_colour_clauses_but_keeps_the_figure_and_the_main_clause() -> None:
    long = (
        "Northport will lift the levy on imported grain to 12 per cent from 30 per cent, "
        "while Southmark will pause the mineral quotas it had set, which traders had long "
        "described as the main irritant between two neighbours that share a long border."
    )
    short = shorten(long, TITLE)
    assert short.startswith("Northport will lift the levy") and "12 per cent" in short
    assert "irritant" not in short and len(short.split()) <= SUBJECT_WORDS
    # the only clause with a figure stays, however long the line
    figure_last = (
        "The delegations spent the whole of a long afternoon on the terms of the "
        "new port agreement and its many annexes and schedules, which cap fees at 4% "
        "a year."
    )
    assert shorten(figure_last, TITLE).endswith("which cap fees at 4% a year")
    # a clause inside the sentence: cutting at its comma would leave a fragment
    inner = ("Out of 20 samples taken by the survey team on the northern shelf of the lake, "
             "which lies close to the old mining town and its spoil heaps and tailings ponds, "
             "the chemists found lead in three.")  # fmt: skip
    assert shorten(inner, TITLE) == inner.rstrip(".")


def test_shortening_drops_resolved_past_dates_and_roles_the_title_already_names() -> None:
    text = ("Mayor-elect aside, President Mira Arlen and Federal Chancellor Ode Vosk agreed on "
            "Sunday (12 May 2024) a ferry treaty, in the years ahead.")  # fmt: skip
    assert shorten(text, TITLE) == "Mayor-elect aside, Arlen and Vosk agreed a ferry treaty"
    # a first clause that retells the title gives way to a second main clause that adds
    title = "Arlen–Vosk meeting in Talvik: ferry fares cut to 8%"
    both = "Arlen will cut ferry fares to 8% in Talvik, while Vosk will reopen the northern quay."
    assert shorten(both, title) == "Vosk will reopen the northern quay"
    assert shorten(both, TITLE) == both.rstrip(".")  # this title does not tell the cut
    # a closing phrase that only repeats the title goes; one that adds stays
    repeats = "Arlen and Vosk signed a ferry treaty, at the River Forum in Talvik."
    assert shorten(repeats, TITLE) == "Arlen and Vosk signed a ferry treaty"
    added = "Arlen and Vosk signed a ferry treaty, in a ceremony on the old quay."
    assert shorten(added, TITLE) == added.rstrip(".")
    ahead = "Arlen will sign the ferry treaty next month (June 2024) in the capital city."
    assert "(June 2024)" in shorten(ahead, TITLE)  # a date still ahead stays


def _doc(name: str, title: str, text: str) -> SourceDocument:
    return SourceDocument(text=f"{title}\n\n{text}", title=title, path=Path(name),
                          metadata={"date": "2024-05-13"})  # fmt: skip


def test_a_multi_source_memo_gets_a_subject_that_adds_to_its_title() -> None:
    documents = [
        _doc("a.txt", "Arlen and Vosk double the river-port fund",
             "President Mira Arlen met Chancellor Ode Vosk at the River Forum in Talvik on "
             "Sunday. The two leaders agreed to double the joint fund for river ports to 8 billion "
             "crowns by 2030. Officials described the talks as warm."),
        _doc("b.txt", "Port fund doubled at River Forum",
             "President Mira Arlen and Chancellor Ode Vosk met at the River Forum in Talvik. "
             "Arlen and Vosk agreed to double the river-port fund to 8 billion crowns by 2030, "
             "officials said. The ferry link will reopen in the spring."),
    ]  # fmt: skip
    brief = build_brief(documents, Options())
    assert brief.title.startswith("Arlen–Vosk meeting at the River Forum")
    assert "8 billion crowns" in brief.subject and "double" in brief.subject
    assert brief.subject != brief.title and len(brief.subject.split()) <= SUBJECT_WORDS


def test_the_bottom_line_says_the_subject_second_after_the_occasion() -> None:
    """An article's highlights fill the summary first; the outcome another article reports
    (the subject line) moves up to follow the occasion instead of closing the bottom line."""
    documents = [
        _doc("a.txt", "Arlen and Vosk meet at the River Forum",
             "- Both leaders want faster progress on ferry links.\n"
             "- The two sides discussed customs checks at border posts.\n"
             "- Officials reviewed plans for a joint weather service.\n\n"
             "President Mira Arlen met Chancellor Ode Vosk at the River Forum in Talvik on "
             "Sunday. The two leaders spoke about ferry links and customs. They praised the "
             "long friendship between the two peoples."),
        _doc("b.txt", "Port fund doubled at River Forum",
             "President Mira Arlen and Chancellor Ode Vosk met at the River Forum in Talvik. "
             "The two leaders agreed to double the river-port fund to 8 billion crowns by 2030, "
             "officials said. The ferry link will reopen in the spring."),
    ]  # fmt: skip
    brief = build_brief(documents, Options())
    summary = [item.text for item in brief.sections["summary"]]
    assert len(summary) >= 4 and "met" in summary[0]
    assert "8 billion crowns" in summary[1] and "8 billion crowns" in brief.subject
    assert not any("8 billion crowns" in text for text in summary[2:])


def test_a_long_line_loses_its_fronted_clause_and_closing_attribution() -> None:
    text = ("Shortly after word spread on Friday that the ferry union had walked out of the talks "
            "in Talvik, the harbour board cancelled the evening crossings to the islands, "
            "officials said.")  # fmt: skip
    short = shorten(text, TITLE)
    assert short == "The harbour board cancelled the evening crossings to the islands"
    # an apposition between the subject and its verb goes; the verb's clause stays whole
    text = ("Pell Durrow, a ferry captain for three decades on the northern route, said the new "
            "timetable would leave the outer islands without a boat on Sundays.")  # fmt: skip
    assert shorten(text, TITLE).startswith("Pell Durrow said the new timetable")


def test_shortening_never_leaves_a_pronoun_or_a_list_head() -> None:
    # the main clause's subject is a pronoun pointing into the fronted clause: nothing goes
    text = ("When the harbour master reached the quay on the morning of the storm after a "
            "long night, she ordered every ferry back to port within the hour.")  # fmt: skip
    assert shorten(text, TITLE).startswith("When the harbour master")
    # a fronted list ("In Talvik, Ormsby and Lusk, ...") is not a clause before the main one
    text = ("In Talvik, Ormsby and Lusk, ferry crews stopped work for a day over the new "
            "timetable and the cuts to winter crossings.")  # fmt: skip
    assert shorten(text, TITLE).startswith("In Talvik, Ormsby and Lusk")


def test_subjects_of_long_sentences_stay_within_the_limit(tmp_path: Path) -> None:
    body = (
        "Ferry fares rise across the north\n\n"
        "After months of talks that at times looked likely to collapse over the question of "
        "winter crossings, which the islanders had long called a lifeline, the harbour board "
        "approved a new timetable for the northern ferries on Friday, officials said. "
        "The board also agreed to raise fares on the outer routes by 4%, a move that unions "
        "said would hit island families hardest, while the mainland routes stay as they are. "
        "They said the change would take effect in the spring."
    )
    (tmp_path / "ferries.txt").write_text(body)
    brief = build_brief(read_sources([tmp_path], lambda _m: None), Options())
    assert len(brief.subject.split()) <= SUBJECT_WORDS
    assert not brief.subject.startswith("They")


def test_an_also_that_points_back_goes() -> None:
    assert shorten("Southmark also agreed to reopen the northern quay.", TITLE) == (
        "Southmark agreed to reopen the northern quay"
    )
    # not inside the line, where it joins two things the line itself says
    text = "Southmark reopened the quay and Northport also lifted its levy."
    assert shorten(text, TITLE) == text.rstrip(".")


def test_shortening_a_line_with_no_words_gives_no_line() -> None:
    assert shorten(".", "India Japan") == ""
    assert shorten("", "India Japan") == ""


def test_a_long_subject_drops_a_figure_told_again_in_other_units() -> None:
    from briefgen.analysis.subject import shorten

    line = (
        "The two governments agreed to double the port investment target for Talvik, from "
        "NOK 5 billion to NOK 10 billion (about USD 0.9 billion) over five years."
    )
    short = shorten(line, "Harbour talks in Talvik")
    assert "NOK 10 billion" in short and "USD 0.9" not in short and "(" not in short
