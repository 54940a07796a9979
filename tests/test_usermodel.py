"""`briefgen learn` learns from what the analyst changed; `learn --show` says what it learned."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from conftest import run_cli

from briefgen.analysis import usermodel
from briefgen.analysis.pipeline import Options
from briefgen.analysis.usermodel import (
    CONFIRMED_WEIGHT,
    describe,
    examples_from_brief,
    read_user_model,
)

ARTICLE = """Harbour states settle ferry dispute

The transport ministers of Ostland and Westmark met in Korvik on Monday to end a long dispute \
over ferry routes across the strait.

Naval patrol boats from both states will escort ferries through the contested channel during \
the winter storms.

The two navies agreed to share radar data on the strait and to hold a joint rescue drill in March.

Ferry operators expect ticket sales to rise by 12 percent once the new routes open.

Port fees for freight lorries will fall by a fifth from next year under a new fare deal.

Engineers will fit the ferries with satellite links and new collision-warning software.

The ministers plan to meet again in Westmark in the autumn to review the routes.

The meeting ended with a dinner on the deck of the oldest ferry in the fleet.
"""
# The fare line has no outcome verb and no digit: the summary leaves it to a section to move.
FARE = "Port fees for freight lorries will fall"
MEETING = "The ministers plan to meet again"
ADDED = "Freight firms will pay lower port fees on every crossing of the strait."


def _draft(tmp_path: Path) -> tuple[Path, dict]:
    source = tmp_path / "ferry.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    brief = tmp_path / "ferry.yaml"
    env = {"XDG_DATA_HOME": str(tmp_path / "xdg")}
    run_cli("draft", str(source), "-o", str(brief), env=env, check=True)
    return brief, yaml.safe_load(brief.read_text(encoding="utf-8"))


def _sections(data: dict) -> dict[str, list[str]]:
    return {k: [i["text"] for i in v or []] for k, v in data["sections"].items()}


def _edit(brief: Path, data: dict) -> None:
    """The analyst files the fare bullet under economy, deletes the next meeting, adds a line."""
    sections = data["sections"]
    for key in ("defence", "technology", "economy", "outlook"):
        sections[key] = [i for i in sections[key] or [] if not i["text"].startswith(MEETING)]
    fare = next(i for k in ("outlook", "defence", "technology")
                for i in sections[k] or [] if i["text"].startswith(FARE))  # fmt: skip
    for key in ("defence", "technology", "outlook"):
        sections[key] = [i for i in sections[key] or [] if i is not fare]
    sections["economy"] = [fare, {"text": ADDED, "sources": [1]}]
    brief.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_each_bullet_is_learned_with_what_the_analyst_did_to_it(tmp_path: Path) -> None:
    brief, data = _draft(tmp_path)
    drafted = _sections(data)
    assert not any(t.startswith(FARE) for t in drafted["economy"])  # the draft filed it elsewhere
    assert any(t.startswith(MEETING) for t in drafted["outlook"])
    _edit(brief, data)
    examples = examples_from_brief(brief, Options(), lambda m: None)
    by_change: dict[str, list[str]] = {}
    for e in examples:
        by_change.setdefault(e.change, []).append(e.section)
    assert by_change["moved"] == ["economy"]  # the fare bullet
    assert by_change["added"] == ["economy"]  # the analyst's own line
    assert by_change["deleted"] == ["other"]  # the next meeting
    # what the draft put in defence and technology and the analyst left there
    assert set(by_change["confirmed"]) == {k for k, v in _sections(data).items()
                                           if v and k in ("defence", "technology")}  # fmt: skip


def test_without_the_sources_a_move_is_what_the_classifier_would_file_elsewhere(
    tmp_path: Path,
) -> None:
    brief, data = _draft(tmp_path)
    _edit(brief, data)
    (tmp_path / "ferry.txt").unlink()
    warnings: list[str] = []
    examples = examples_from_brief(brief, Options(), warnings.append)
    assert warnings and "deleted bullets not learned" in warnings[0]
    changes = {e.change for e in examples}
    assert "deleted" not in changes and "moved" in changes
    assert all(e.section != "other" for e in examples)


def test_an_untouched_draft_teaches_little_and_show_says_so(tmp_path: Path) -> None:
    brief, data = _draft(tmp_path)
    model = tmp_path / "model.json"
    env = {"XDG_DATA_HOME": str(tmp_path / "xdg")}
    run_cli("learn", str(brief), "--model", str(model), env=env, check=True)
    examples, _ = read_user_model(model)
    assert examples and {e.change for e in examples} == {"confirmed"}
    shown = run_cli("learn", "--show", "--model", str(model), env=env, check=True).stdout
    assert f"confirmed (weight {CONFIRMED_WEIGHT:g})" in shown
    assert "moved" not in shown and "deleted" not in shown
    # the model only hears its own choices back: a new draft files every bullet as before
    again = tmp_path / "again.yaml"
    source = tmp_path / "ferry.txt"
    run_cli("draft", str(source), "--model", str(model), "-o", str(again), env=env, check=True)
    assert _sections(yaml.safe_load(again.read_text(encoding="utf-8"))) == _sections(data)


def test_show_after_corrections_names_the_changes_and_the_words(tmp_path: Path) -> None:
    brief, data = _draft(tmp_path)
    _edit(brief, data)
    model = tmp_path / "model.json"
    env = {"XDG_DATA_HOME": str(tmp_path / "xdg")}
    learned = run_cli("learn", str(brief), "--model", str(model), env=env, check=True)
    assert "1 moved, 1 added, 1 deleted" in learned.stderr
    shown = run_cli("learn", "--show", "--model", str(model), env=env, check=True).stdout
    assert "moved (weight 1): 1 economy" in shown
    assert "deleted (weight 1): 1 other" in shown
    towards = next(line for line in shown.splitlines() if "towards economy" in line)
    assert "fee" in towards or "port" in towards or "fare" in towards


def test_show_reads_the_model_file_once(tmp_path: Path, monkeypatch) -> None:
    brief, data = _draft(tmp_path)
    _edit(brief, data)
    model = tmp_path / "model.json"
    run_cli("learn", str(brief), "--model", str(model),
            env={"XDG_DATA_HOME": str(tmp_path / "xdg")}, check=True)  # fmt: skip
    reads: list[Path] = []
    real = usermodel.read_model_file

    def counted(path: Path) -> dict:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(usermodel, "read_model_file", counted)
    assert len(describe(model)) > 2
    assert reads == [model]


def test_an_older_file_s_examples_count_as_confirmed_and_a_bad_change_is_refused(
    tmp_path: Path,
) -> None:
    model = {"format": "briefgen-section-model/1", "labels": ["defence", "other"],
             "bias": [0, 0], "weights": {}}  # fmt: skip
    old = tmp_path / "old.json"
    old.write_text(
        json.dumps(
            {
                "format": usermodel.USER_FORMAT,
                "model": model,
                "examples": [
                    {"words": ["ferry", "escort"], "section": "defence", "brief": "a.yaml"}
                ],
            }
        ),
        "utf-8",
    )
    examples, _ = read_user_model(old)
    assert [e.change for e in examples] == ["confirmed"]
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": usermodel.USER_FORMAT,
                "model": model,
                "examples": [{"words": ["ferry"], "section": "defence", "change": "rewritten"}],
            }
        ),
        "utf-8",
    )
    result = run_cli("learn", "--show", "--model", str(bad))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {bad}: examples[0].change: 'rewritten' (expected one of: moved, added, "
        "deleted, confirmed)"
    ]


def test_learning_the_same_brief_again_keeps_its_corrections(tmp_path: Path) -> None:
    # The second draft is made with the model that learned the move, so the moved bullet looks
    # left in place; it must stay a move (weight 1), not become a confirmation (a quarter).
    brief, data = _draft(tmp_path)
    _edit(brief, data)
    model = tmp_path / "model.json"
    env = {"XDG_DATA_HOME": str(tmp_path / "xdg")}
    changes = []
    for _ in range(2):
        run_cli("learn", str(brief), "--model", str(model), env=env, check=True)
        examples, _ = read_user_model(model)
        changes.append(sorted((e.change, e.section) for e in examples))
    assert changes[1] == changes[0]
    assert ("moved", "economy") in changes[1] and ("deleted", "other") in changes[1]
