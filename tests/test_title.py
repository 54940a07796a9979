"""The memo's title: a summit named with its host, greetings and cut lines are no headline."""

from __future__ import annotations

from pathlib import Path

from briefgen.analysis.pipeline import Options, build_brief
from briefgen.analysis.title import greeting_or_cut
from briefgen.sources.base import read_sources


def _write(folder: Path, name: str, headline: str, body: str) -> None:
    (folder / name).write_text(f"---\ntitle: {headline}\ndate: 2026-03-02\n---\n\n{body}\n")


def test_a_summit_is_named_with_the_host_every_source_names(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "1_a.md",
        "Harbour nations pledge port money",
        "President Lina Osterholm opened the Delta Ports Summit in Varnholm on Monday. "
        "Osterholm said the delta states would pool 4 billion crowns for dredging.",
    )
    _write(tmp_path, "2_b.md", "Dredging fund agreed at Varnholm meeting",
           "The Delta Ports Summit in Varnholm ended with a dredging fund, President Lina "
           "Osterholm said. Chancellor Ivo Brandt attended the second day of talks.")  # fmt: skip
    brief = build_brief(read_sources([tmp_path], lambda _m: None), Options())
    assert brief.title.startswith("Osterholm at the Delta Ports Summit")
    assert "Varnholm" in brief.title


def test_a_leader_only_one_source_names_is_not_the_host(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "1_a.md",
        "Harbour nations pledge port money",
        "The Delta Ports Summit in Varnholm opened on Monday with delegates from nine states. "
        "President Lina Osterholm said the delta states would pool 4 billion crowns.",
    )
    _write(tmp_path, "2_b.md", "Dredging fund agreed at Varnholm meeting",
           "The Delta Ports Summit in Varnholm ended with a dredging fund for the nine states. "
           "Officials said the first dredgers would sail in the spring.")  # fmt: skip
    brief = build_brief(read_sources([tmp_path], lambda _m: None), Options())
    assert "Delta Ports Summit" in brief.title and "Osterholm" not in brief.title


def test_greetings_and_cut_lines_are_no_headline() -> None:
    assert greeting_or_cut("Good morning!")
    assert greeting_or_cut("Hello, readers")
    assert greeting_or_cut("Ferry operators in the north agreed on Friday to cut…")
    assert greeting_or_cut("   ")
    assert not greeting_or_cut("Ferry operators cut fares by a third")
    assert not greeting_or_cut("Goodwill mission heads to Varnholm")


def test_a_lead_without_a_headline_is_shortened_by_whole_phrases(tmp_path: Path) -> None:
    from briefgen.analysis.title import lead_headline

    lead = ("Several hundred ferry workers in orange vests blocked the harbour gates in Talvik "
            "on Thursday to protest against the new winter timetable for the islands.")  # fmt: skip
    assert (
        lead_headline(lead)
        == "Several hundred ferry workers in orange vests blocked the harbour gates in Talvik"
    )
    # a relative clause goes whole, never cut inside ("... the recipes that would put me in")
    assert (
        lead_headline(
            "This season I kept thinking of the recipes that would put me in the mood for long "
            "walks by the sea and the old harbour in Talvik."
        )
        == "This season I kept thinking of the recipes"
    )
    assert (
        lead_headline(
            "The ferry crews spent Monday trying to distance themselves from the strike that led "
            "to two weeks of cancelled crossings for islanders on the outer routes."
        )
        == "The ferry crews spent Monday trying to distance themselves from the strike"
    )
    # what a reporting verb's "that" brings is the news: no cut there
    assert "that" in lead_headline(
        "Officials in Talvik said that the harbour board would raise ferry fares next spring."
    )
    # a greeting is never the title when the article has a lead
    (tmp_path / "letter.txt").write_text(
        "Good morning!\n\nThe harbour board in Talvik raised ferry fares on the outer routes by "
        "4% on Friday after a year of losses. Unions said the rise would hit island families.\n"
    )
    brief = build_brief(read_sources([tmp_path], lambda _m: None), Options())
    assert brief.title.startswith("The harbour board in Talvik raised ferry fares")
    assert not brief.title.endswith("…") and "morning" not in brief.title
