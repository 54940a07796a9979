"""One fact once: a figure the memo has said is not said again in other words."""

from __future__ import annotations

from pathlib import Path

from briefgen.analysis.pipeline import Options, build_brief
from briefgen.analysis.quantities import headline_figures
from briefgen.sources.base import SourceDocument

# Three outlets tell one duty cut in three wordings (our own text, in the forms copy uses).
OUTLETS = [
    "Ministers from Norland and Suvia met in Halden on Monday to settle the steel dispute. "
    "Norland will cut its duty on Suvian steel to 12 per cent from 25 per cent from March. "
    "Suvia agreed to cap its steel exports at four million tonnes a year. "
    "The two ministers will meet again in June to review the cap.",
    "The steel talks in Halden ended with a deal on Monday. "
    "The duty on steel from Suvia will be lowered from 25% to 12%, Norland's trade minister said. "
    "Steel makers in Norland criticised the agreement as too generous to Suvian mills. "
    "Shipping firms expect port traffic between the two countries to rise next year.",
    "Norland and Suvia ended a two-year steel quarrel in Halden. "
    "Norland's duty on Suvian steel falls to 12%, down from 25%, under the agreement. "
    "The pact also sets up a joint panel on dumping complaints, officials said. "
    "Analysts said the deal could lift bilateral trade by a fifth within two years.",
]


def test_headline_figures_are_one_key_however_worded() -> None:
    keys = [headline_figures(text.split(". ")[1]) for text in OUTLETS]
    assert keys[0] == keys[1] == keys[2] and len(keys[0]) == 1
    assert headline_figures("The meeting lasted two hours on Monday.") == frozenset()


def test_a_figure_is_told_once_in_the_memo() -> None:
    documents = [
        SourceDocument(text=text, title="", path=Path(f"outlet_{i}.txt"))
        for i, text in enumerate(OUTLETS, start=1)
    ]
    brief = build_brief(documents, Options(date="2026-03-02"))
    figure = headline_figures(OUTLETS[1])
    told = {
        key: [item.text for item in items if headline_figures(item.text) & figure]
        for key, items in brief.sections.items()
    }
    wordings = {text for texts in told.values() for text in texts}
    assert len(wordings) == 1, told  # never again in other words
    # ... and in the same words only where the summary fact stands in full in its section,
    # which the sources had material for (issue 12: no section left empty).
    assert all(len(texts) <= 1 for texts in told.values()), told
