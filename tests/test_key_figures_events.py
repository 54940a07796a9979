"""Key figures, dates, Watch lines and titles of whole memos drawn from our multi-source events."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefgen.analysis.pipeline import Options, build_brief
from briefgen.model import Brief
from briefgen.sources.base import read_sources

EVENTS = Path(__file__).parent / "fixtures" / "events"


def _brief(name: str) -> Brief:
    return build_brief(read_sources([EVENTS / name], lambda m: None), Options())


def _gold(name: str) -> dict:
    return yaml.safe_load((EVENTS / name / "gold.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["busan", "turnberry", "paris"])
def test_every_row_is_one_labelled_fact(name: str) -> None:
    brief = _brief(name)
    assert 3 <= len(brief.key_figures) <= 8
    values = [k.value for k in brief.key_figures]
    for figure in brief.key_figures:
        words = figure.label.split()
        assert 1 <= len(words) <= 6, figure
        assert words[0].lower() not in {"the", "of", "to", "from", "and", "be", "will"}, figure
        assert not any(c.isdigit() for c in figure.label), figure  # never a cut around a number
        assert figure.sources
    # a change is one row: neither end of "57% → 47%" stands alone beside it
    for value in values:
        if " → " in value:
            old = value.split(" → ")[0]
            assert old not in values


def test_busan_table_carries_the_agreed_figures_in_order_of_importance() -> None:
    brief = _brief("busan")
    rows = {k.value: k for k in brief.key_figures}
    tariff = rows["57% → 47%"]
    assert brief.key_figures[0] is tariff  # three sources and the bottom line
    assert tariff.sources == [1, 2, 3] and "tariff" in tariff.label.lower()
    assert "soybean" in rows["12 million metric tons"].label.lower()
    assert "20% → 10%" in rows
    assert brief.date == "2025-11-01"  # the newest source, not today
    watch = [i.text for i in brief.sections["outlook"] if i.text.startswith("Watch:")]
    assert watch == ["Watch: Trump visit to China (April 2026)"]
    assert brief.title.startswith("Trump–Xi meeting in Busan")
    assert brief.subject != brief.title


def test_money_is_credited_to_its_own_actor() -> None:
    brief = _brief("paris")
    twenty = [k for k in brief.key_figures if k.value == "€20 billion"]
    assert len(twenty) == 2  # Brookfield's and the gigafactory fund: two facts, not one
    labels = sorted(k.label for k in twenty)
    assert "Brookfield" in labels[0] and "gigafactories" in labels[1]
    assert [k.sources for k in sorted(twenty, key=lambda k: k.label)] == [[1], [2]]
    assert any(k.value == "€30–50 billion" and "Emirates" in k.label for k in brief.key_figures)


@pytest.mark.parametrize("name", ["busan", "turnberry", "paris"])
def test_gold_values_reach_the_table(name: str) -> None:
    gold = _gold(name)
    brief = _brief(name)
    shown = " | ".join(f"{k.label} = {k.value}" for k in brief.key_figures).lower()
    for figure in gold["figures"]:
        value = figure["value"].lower().replace("-", " ")
        assert value in shown.replace("-", " ").replace("bn", " billion"), (value, shown)
    assert brief.date == gold["date"]


def test_memo_without_a_dated_source_has_no_watch_line_in_its_past(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Ministers meet again\n\nThe ministers will hold the next round of talks in March 2020. "
        "They also agreed to meet at the Harbour Summit in June 2999 to review the plan.\n",
        encoding="utf-8",
    )
    brief = build_brief(read_sources([tmp_path], lambda m: None), Options())
    watch = [i.text for i in brief.sections["outlook"] if i.text.startswith("Watch:")]
    assert not any("2020" in line for line in watch)  # past on today's date: not watched
