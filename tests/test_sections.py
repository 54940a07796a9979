"""The section list is written once (briefgen/sections.py): adding a section is one edit there."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, docx_text, pdf_text

from briefgen.model import YAML_HEADER, brief_schema
from briefgen.render.wording import default_labels
from briefgen.sections import BODY_SECTIONS, OTHER, SECTION_KEYS, SECTIONS, SUMMARY

ARTICLE = """\
Ministers agree new energy and defence pact

The two governments signed a long-term agreement on liquefied natural gas supplies on Monday.
Under the deal, the state gas company will deliver four million tonnes of LNG a year from 2027.
The navies of both countries will also hold joint patrols and a submarine rescue exercise.
Officials said the pipeline project would cut electricity prices for industry in the north.
A new fund will invest in semiconductor plants and artificial intelligence research.
Trade between the two countries rose by a fifth last year, and tariffs on machinery will fall.
The leaders will meet again in Lisbon next spring to review progress on the gas contracts.
"""

ENERGY_SPEC = """\
    SectionSpec(
        "energy",
        "Energy security",
        "gas, oil, electricity, pipelines and fuel supplies",
        max_items=3,
    ),
"""


def test_sections_are_derived_everywhere() -> None:
    assert SECTION_KEYS[0] == SUMMARY and SUMMARY not in BODY_SECTIONS
    schema = brief_schema()
    assert list(schema["properties"]["sections"]["properties"]) == list(SECTION_KEYS)
    words = default_labels()
    for spec in SECTIONS:
        assert words[spec.key] == spec.heading  # headings.j2 leaves the defaults to sections.py
        assert f"#   {spec.key}: {spec.about}" in YAML_HEADER


def test_adding_a_section_is_one_edit(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    ignore = shutil.ignore_patterns("__pycache__")
    for name in ("briefgen", "templates", "seeds"):
        shutil.copytree(REPO / name, checkout / name, ignore=ignore)
    # The one edit: a sixth section before the outlook.
    sections = checkout / "briefgen" / "sections.py"
    text = sections.read_text(encoding="utf-8")
    anchor = '    SectionSpec(\n        "outlook",'
    assert anchor in text
    sections.write_text(text.replace(anchor, ENERGY_SPEC + anchor), encoding="utf-8")

    # Cue terms so the analysis can fill it (the user's house vocabulary, not a code change).
    cues = tmp_path / "energy.yaml"
    cues.write_text(
        "extend: true\nenergy:\n  gas: 3\n  lng: 3\n  pipeline: 3\n  electricity: 3\n", "utf-8"
    )
    source = tmp_path / "article.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"

    def briefgen(*args: str) -> subprocess.CompletedProcess:
        # Run from the copy so that `python -m briefgen` imports the edited package.
        return subprocess.run(
            [sys.executable, "-m", "briefgen", *args],
            cwd=checkout,
            capture_output=True,
            text=True,
            timeout=300,
        )

    made = briefgen(
        "generate", str(source), "--sections", str(cues), "-o", str(out), "-f", "docx,pdf,md,html"
    )
    assert made.returncode == 0, made.stderr
    files = {Path(line).suffix: Path(line) for line in made.stdout.split()}
    assert set(files) == {".docx", ".pdf", ".md", ".html"}
    for suffix in (".docx", ".pdf", ".md", ".html"):
        path = files[suffix]
        if suffix == ".docx":
            text = docx_text(path)
        elif suffix == ".pdf":
            text = pdf_text(path)
        else:
            text = path.read_text(encoding="utf-8")
        assert "Energy security" in text, suffix
        assert text.index("Economy, trade and investment") < text.index("Energy security")
        assert text.index("Energy security") < text.index("Outlook")

    brief_file = tmp_path / "brief.json"
    drafted = briefgen("draft", str(source), "--sections", str(cues), "-o", str(brief_file))
    assert drafted.returncode == 0, drafted.stderr
    brief = json.loads(brief_file.read_text(encoding="utf-8"))
    assert list(brief["sections"]) == [*SECTION_KEYS[:-1], "energy", SECTION_KEYS[-1]]
    energy = [item["text"].lower() for item in brief["sections"]["energy"]]
    assert energy and all(any(cue in text for cue in ("gas", "lng", "pipeline")) for text in energy)
    assert briefgen("validate", str(brief_file)).returncode == 0
    schema = json.loads(briefgen("schema").stdout)
    assert "energy" in schema["properties"]["sections"]["properties"]


def test_unknown_section_in_a_brief_names_the_known_ones(tmp_path: Path) -> None:
    from briefgen.errors import BriefError
    from briefgen.model import brief_from_dict

    try:
        brief_from_dict({"title": "T", "sections": {"energy": []}})
    except BriefError as error:
        assert "sections.energy: unknown section" in str(error)
        assert all(key in str(error) for key in SECTION_KEYS)
        assert OTHER not in str(error)
    else:
        raise AssertionError("an unknown section was accepted")
