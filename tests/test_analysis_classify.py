"""Section classification: data-driven cues, the tie rule, user cue files, explanations."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

from briefgen.analysis.classify import load_classifier, load_cues, parse_cues
from briefgen.analysis.learned import words_of
from briefgen.errors import InputError
from briefgen.sections import LABELS


def _cue_scores(cues, text: str) -> dict[str, float]:
    return cues.score_words(words_of(text))[0]


def test_bundled_cues_steer_the_model_on_clear_cases() -> None:
    assert load_cues().sections == list(LABELS)
    classifier = load_classifier()
    cases = {
        "The navies will hold joint patrols and a submarine rescue exercise.": "defence",
        "They agreed to co-operate on semiconductors and artificial intelligence.": "technology",
        "Two-way trade and investment grew, with new loans for port infrastructure.": "economy",
        "The next round of talks will be held in Tokyo next year.": "outlook",
        "The visit ended with a state banquet.": "other",
    }
    for sentence, section in cases.items():
        verdict = classifier.classify(sentence)
        assert verdict.section == section, verdict.explain()
        if section != "other":  # the cue terms of its section were found and read
            assert verdict.terms.get(section), verdict.explain()
    assert _cue_scores(load_cues(), "The weather was mild.") == {}  # no cue at all


def test_a_sections_cue_score_sums_the_terms_found(tmp_path: Path) -> None:
    cues = parse_cues({"defence": {"x": 2, "y": 1}, "economy": {"z": 2, "w": 3}}, tmp_path)
    assert _cue_scores(cues, "x y z") == {"defence": 3.0, "economy": 2.0}
    assert _cue_scores(cues, "x x x") == {"defence": 2.0}  # a set: a term counts once
    assert cues.score_words(words_of("w y"))[1] == {"defence": ["y"], "economy": ["w"]}


def test_wildcards_and_phrases_match_whole_words(tmp_path: Path) -> None:
    terms = {"semiconductor*": 3, "artificial intelligence": 2}
    cues = parse_cues({"technology": terms}, tmp_path)
    assert _cue_scores(cues, "Semiconductors and artificial intelligence") == {"technology": 5.0}
    assert _cue_scores(cues, "A semi conductor and an artificial, intelligent idea") == {}


def test_user_cue_file_replaces_or_extends(tmp_path: Path) -> None:
    replace = tmp_path / "replace.yaml"
    replace.write_text("economy:\n  emissions: 3\n", encoding="utf-8")
    assert load_cues(replace).sections == ["economy"]
    extend = tmp_path / "extend.yaml"
    extend.write_text("extend: true\neconomy:\n  emissions: 3\ndefence:\n  howitzer*: 4\n", "utf-8")
    cues = load_cues(extend)
    assert cues.sections == list(LABELS)
    assert _cue_scores(cues, "Cutting emissions is the aim.")["economy"] == 3
    assert _cue_scores(cues, "Howitzers were shown.")["defence"] == 4
    assert _cue_scores(cues, "The navies will hold joint patrols.")["defence"] > 0  # still bundled


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("- a list\n", "expected a mapping of section name"),
        ("defence: 3\n", "section 'defence': expected a mapping of term to weight"),
        ("defence:\n  navy: lots\n", "defence.navy: weight must be a number"),
        ("defence: [\n", "invalid YAML"),
        ("climate:\n  emissions: 3\n", "unknown section 'climate'"),
        ("extend: true\nenergy:\n  gas: 3\n", "unknown section 'energy'"),
    ],
)
def test_bad_cue_file_is_one_line_error(tmp_path: Path, content: str, problem: str) -> None:
    bad = tmp_path / "cues.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        load_cues(bad)
    result = run_cli("draft", "--sections", str(bad), "-o", str(tmp_path / "b.yaml"))
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {bad}: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "b.yaml").exists()


def test_draft_explain_records_why_each_item_landed(tmp_path: Path) -> None:
    from briefgen.model import load_brief

    out = tmp_path / "brief.yaml"
    run_cli("draft", "--explain", "-o", str(out), check=True)
    brief = load_brief(out)
    for name, items in brief.sections.items():
        for item in items:
            assert item.why, (name, item.text)
            if name in {"defence", "technology", "economy"}:
                assert item.why.startswith(f"{name} "), item.why
                assert "words:" in item.why and "ranked" in item.why
    plain = tmp_path / "plain.yaml"
    run_cli("draft", "-o", str(plain), check=True)
    assert all(i.why is None for items in load_brief(plain).sections.values() for i in items)


def test_sections_option_changes_the_memo(tmp_path: Path) -> None:
    from briefgen.model import load_brief

    cues = tmp_path / "cues.yaml"
    # Everything about investment is now defence; nothing else has a cue.
    # The cue file steers the learned model: investment sentences move to defence.
    cues.write_text("defence:\n  investment*: 10\n", encoding="utf-8")
    out = tmp_path / "brief.yaml"
    run_cli("draft", "--sections", str(cues), "-o", str(out), check=True)
    plain = tmp_path / "plain.yaml"
    run_cli("draft", "-o", str(plain), check=True)
    assert not any("invest" in i.text.lower() for i in load_brief(plain).sections["defence"])
    assert any("invest" in i.text.lower() for i in load_brief(out).sections["defence"])
