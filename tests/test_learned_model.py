"""The learned section model, `briefgen learn`, and bad model files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import REPO, run_cli

from briefgen.analysis.classify import load_classifier
from briefgen.analysis.learned import BUNDLED_MODEL, words_of
from briefgen.analysis.summarise import tighten
from briefgen.sections import LABELS

LEARN = REPO / "tests" / "fixtures" / "learn"

# Security news with no word of the old cue rule's defence list (a ceasefire, hostages, a nuclear
# test, Taiwan): the model files it as defence from what it learned on real coverage and from
# the cue file's general vocabulary of the field, which the old rule alone did not weigh enough.
NO_CUE_DEFENCE = [
    "The ceasefire between the two sides took effect at midnight after four days of fighting "
    "along the border.",
    "Israel and Hamas agreed to exchange hostages for prisoners.",
    "North Korea carried out a nuclear test near its border with China.",
    "Beijing warned Washington against arms sales to Taiwan and sent warships into the strait.",
]


def test_bundled_weights_load_and_cover_every_label() -> None:
    data = json.loads(BUNDLED_MODEL.read_text(encoding="utf-8"))
    assert tuple(data["labels"]) == LABELS
    assert len(data["weights"]) > 1000
    assert all(len(row) == len(LABELS) for row in data["weights"].values())


@pytest.mark.parametrize("sentence", NO_CUE_DEFENCE)
def test_security_news_without_cue_words_is_defence(sentence: str) -> None:
    assert load_classifier().classify(sentence).section != "technology"


def test_colour_with_a_defence_cue_is_not_defence() -> None:
    verdict = load_classifier().classify(
        "The leaders posed for photographs before a dinner at the palace."
    )
    assert verdict.section == "other"


def test_words_match_the_corpus_tokenisation() -> None:
    assert words_of("Trump’s U.S. visit: a three-hour talk") == {
        "trump's",
        "u",
        "s",
        "visit",
        "a",
        "three-hour",
        "talk",
    }


def test_tighten_keeps_a_clause_with_a_condition_or_figure() -> None:
    kept = "The sides agreed to pause new tariffs, adding that the deal was for a year."
    assert tighten(kept) == kept
    figure = "Both sides agreed to cut tariffs on cars, bringing the rate to 15 percent."
    assert tighten(figure) == figure
    colour = "Both sides agreed to cut tariffs on cars and parts, marking a shift in tone."
    assert tighten(colour) == "Both sides agreed to cut tariffs on cars and parts."


def _sections(brief: Path) -> dict[str, list[str]]:
    data = yaml.safe_load(brief.read_text(encoding="utf-8"))
    return {k: [i["text"] for i in v or []] for k, v in data["sections"].items()}


def test_learn_moves_a_later_drafts_sentence_of_the_same_kind(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "xdg")}
    draft = tmp_path / "talks.yaml"
    run_cli("draft", str(LEARN / "ransomware_talks.txt"), "-o", str(draft), env=env, check=True)
    later = tmp_path / "later.yaml"
    run_cli("draft", str(LEARN / "clinics_hit.txt"), "-o", str(later), env=env, check=True)
    strain = "a new ransomware strain"
    # The memo may also carry it in the summary: its section is what the classifier files it under.
    sentence = next(t for texts in _sections(later).values() for t in texts if strain in t)
    assert load_classifier().classify(sentence).section != "technology"

    # The analyst files every ransomware bullet under technology.
    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    moved = []
    for items in data["sections"].values():
        for item in list(items or []):
            if "ransomware" in item["text"] or "Hackers" in item["text"]:
                items.remove(item)
                moved.append(item)
    data["sections"]["technology"] = moved
    draft.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    model = tmp_path / "model.json"
    learned = run_cli("learn", str(draft), "--model", str(model), env=env, check=True)
    assert learned.stdout.strip() == str(model)
    shown = run_cli("learn", "--show", "--model", str(model), env=env, check=True).stdout
    assert "technology" in shown and "ransomware" in shown

    after = tmp_path / "after.yaml"
    run_cli(
        "draft",
        str(LEARN / "clinics_hit.txt"),
        "--model",
        str(model),
        "-o",
        str(after),
        env=env,
        check=True,
    )
    assert load_classifier(user_model=model).classify(sentence).section == "technology"
    now = [k for k, texts in _sections(after).items() if any(strain in t for t in texts)]
    assert now and set(now) <= {"summary", "technology"}


def test_learn_without_briefs_or_show_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("learn", env={"XDG_DATA_HOME": str(tmp_path)})
    assert result.returncode == 2 and result.stderr.startswith("error: ")


BAD_MODELS = {
    "not_json.json": "{not json",
    "array.json": "[1, 2]",
    "wrong_format.json": json.dumps({"format": "something else"}),
    "unknown_section.json": json.dumps(
        {
            "format": "briefgen-user-model/1",
            "examples": [],
            "model": {
                "format": "briefgen-section-model/1",
                "labels": ["defence", "energy"],
                "bias": [0, 0],
                "weights": {},
            },
        }
    ),
    "short_row.json": json.dumps(
        {
            "format": "briefgen-user-model/1",
            "examples": [],
            "model": {
                "format": "briefgen-section-model/1",
                "labels": ["defence", "other"],
                "bias": [0, 0],
                "weights": {"war": [1.0]},
            },
        }
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_MODELS))
@pytest.mark.parametrize("command", ["draft", "learn"])
def test_bad_model_file_is_one_error_line(tmp_path: Path, name: str, command: str) -> None:
    model = tmp_path / name
    model.write_text(BAD_MODELS[name], encoding="utf-8")
    args = ["draft", "-o", str(tmp_path / "b.yaml")] if command == "draft" else ["learn", "--show"]
    result = run_cli(*args, "--model", str(model), env={"XDG_DATA_HOME": str(tmp_path)})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {model}: "), result.stderr
    assert not (tmp_path / "b.yaml").exists()


def test_missing_model_file_for_draft_is_an_error(tmp_path: Path) -> None:
    result = run_cli(
        "draft", "--model", str(tmp_path / "none.json"), "-o", str(tmp_path / "b.yaml")
    )
    assert result.returncode == 2 and "no such model file" in result.stderr


def test_bundled_summary_ranker_values_agreement_and_figures() -> None:
    from briefgen.analysis.summarise import bundled_ranker

    ranker = bundled_ranker()
    assert ranker.weights["told"] > 0 and ranker.weights["figures"] > 0
    assert ranker.weights["colour"] < 0


def _story(lead: str, *rest: str) -> str:
    return "Talks in Busan\n\n" + "\n\n".join([lead, *rest]) + "\n"


def test_summary_says_what_several_sources_report_not_colour() -> None:
    from briefgen.analysis.pipeline import Options, build_brief
    from briefgen.sources.base import SourceDocument

    news = [
        "The United States and China agreed in Busan to cut fentanyl tariffs to 10 percent "
        "for one year, officials said.",
        "Washington and Beijing agreed to lower fentanyl tariffs to 10 percent for a year "
        "after talks in Busan.",
        "China and the United States agreed on Thursday in Busan to cut fentanyl-related "
        "tariffs to 10 percent for a year.",
    ]
    # Each publisher adds its own colour; only the news is told by all three.
    colour = [
        [
            "The president called the meeting a twelve out of ten as he boarded his plane.",
            "China will buy 12 million tonnes of American soybeans this season, the White "
            "House said.",
            "Reporters waited outside the air base for several hours in the rain.",
        ],
        [
            "The two leaders shook hands warmly and smiled for the cameras.",
            "Beijing will suspend its new export controls on rare earth minerals for a year.",
            "Soybean farmers in Iowa welcomed the news, a trade group said in a statement.",
        ],
        [
            "China will also pause its new export controls on rare earths for one year.",
            "The motorcade left the venue shortly after lunch under grey skies.",
            "Washington will halve the port fees it charges Chinese ships from November.",
        ],
    ]
    documents = [
        SourceDocument(text=_story(lead, *colour[i]), title="", path=Path(f"s{i}.txt"))
        for i, lead in enumerate(news)
    ]
    summary = [i.text for i in build_brief(documents, Options()).sections["summary"]]
    assert 3 <= len(summary) <= 5
    assert any("fentanyl" in t and "10 percent" in t for t in summary), summary
    assert not any("twelve out of ten" in t for t in summary), summary
