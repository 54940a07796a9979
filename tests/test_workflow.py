"""draft -> edit -> validate -> render: comfortable YAML, line numbers, every edit rendered."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from conftest import docx_text, pdf_text, run_cli, written_paths

from briefgen.sections import BY_KEY, SECTION_KEYS

TOP_KEYS = [
    "title",
    "subject",
    "date",
    "classification",
    "to",
    "from",
    "headings",
    "sections",
    "key_figures",
    "sources",
]


@pytest.fixture(scope="module")
def draft_text(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("draft") / "brief.yaml"
    run_cli("draft", "-o", str(path), "--date", "2026-11-23", check=True)
    return path.read_text(encoding="utf-8")


def flat(text: str) -> str:
    return " ".join(text.split())


def test_draft_is_comfortable_to_edit(draft_text):
    lines = draft_text.splitlines()
    header = [line for line in lines[: lines.index("") + 1] if line]
    assert header and all(line.startswith("#") for line in header)
    for word in ["validate", "render", "headings", "sections", "sources", "key_figures"]:
        assert word in "\n".join(header)
    data = yaml.safe_load(draft_text)
    assert list(data) == TOP_KEYS
    assert list(data["sections"]) == list(SECTION_KEYS)
    assert data["headings"]["defence"] == BY_KEY["defence"].heading
    # One item per line: each `- text:` line holds the whole text of its item.
    items = [item for entries in data["sections"].values() for item in entries or []]
    text_lines = [line.strip() for line in lines if line.strip().startswith("- text:")]
    assert len(text_lines) == len(items) >= 8
    for line, item in zip(text_lines, items, strict=True):
        assert yaml.safe_load(line[2:]) == {"text": item["text"]}
    sources_lines = [line.strip() for line in lines if line.strip().startswith("sources: [")]
    assert len(sources_lines) >= len(items)  # ids in flow style, one line


def test_draft_dump_is_stable(draft_text, tmp_path):
    from briefgen.model import dump_brief, load_brief

    path = tmp_path / "brief.yaml"
    path.write_text(draft_text, encoding="utf-8")
    assert dump_brief(load_brief(path), ".yaml") == draft_text


def replace_line(text: str, old: str, new: str) -> str:
    """Edit like a person: change one line of the file, leave the rest alone."""
    lines = text.splitlines(keepends=True)
    matches = [i for i, line in enumerate(lines) if line.rstrip("\n") == old]
    assert len(matches) == 1, (old, matches)
    lines[matches[0]] = new + "\n"
    return "".join(lines)


def test_render_of_an_edited_draft_reflects_every_edit(draft_text, tmp_path):
    data = yaml.safe_load(draft_text)
    old_bullet = data["sections"]["defence"][0]["text"]
    moved = data["sections"]["technology"][0]["text"]
    edited = replace_line(
        draft_text,
        f"    - text: {old_bullet}",
        '    - text: "Edited: both navies plan a joint ¥ audit"',
    )
    edited = replace_line(
        edited, "  defence: Defence and security", "  defence: Defence & Maritime Security"
    )
    edited = replace_line(edited, f"title: {data['title']}", "title: Edited memo title")
    edited = replace_line(edited, "classification: UNCLASSIFIED", "classification: OFFICIAL")
    # Move the first technology item to the outlook section (cut two lines, paste them).
    lines = edited.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- text: {moved}")
    block = lines[start : start + 2]
    del lines[start : start + 2]
    outlook = lines.index("  outlook:\n")
    lines[outlook + 1 : outlook + 1] = block
    path = tmp_path / "brief.yaml"
    path.write_text("".join(lines), encoding="utf-8")

    assert run_cli("validate", str(path)).returncode == 0
    result = run_cli("render", str(path), "-o", str(tmp_path / "out"), "-f", "docx,pdf,md")
    assert result.returncode == 0, result.stderr
    paths = {p.suffix: p for p in written_paths(result)}
    assert paths[".pdf"].name == "2026-11-23_edited-memo-title.pdf"
    for suffix, extract in ((".docx", docx_text), (".pdf", pdf_text)):
        text = flat(extract(paths[suffix]))
        assert "Edited: both navies plan a joint ¥ audit" in text, suffix
        assert flat(old_bullet) not in text, suffix
        assert "Defence & Maritime Security" in text and "Defence and security" not in text
        assert "Edited memo title" in text and "OFFICIAL" in text
        # The moved item now sits after the Outlook heading (its opening words: a long bullet
        # may run across a page break, where the PDF's footer and banner come between)
        assert text.index(flat(moved)[:60]) > text.index("Outlook"), suffix
    from docx import Document

    document = Document(str(paths[".docx"]))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Defence & Maritime Security" in headings
    assert document.core_properties.title == "Edited memo title"
    assert "### Defence & Maritime Security" in paths[".md"].read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_validate_reports_each_problem_with_path_and_line(draft_text, tmp_path):
    data = yaml.safe_load(draft_text)
    first_defence = data["sections"]["defence"][0]["text"]
    bad = replace_line(draft_text, f"    - text: {first_defence}", "    - txt: misspelt key")
    bad = replace_line(bad, "  defence: Defence and security", "  defense: Defence")
    bad = bad.replace("date: '2026-11-23'", "date: 23/11/2026")
    bad = bad.replace(
        "  outlook:\n", "  outlook:\n    - text: cites a missing source\n      sources: [99]\n", 1
    )
    path = tmp_path / "bad.yaml"
    path.write_text(bad, encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    got = result.stderr.strip().splitlines()
    expected = {
        f"line {line_of(bad, 'defense: Defence')}: headings.defense: unknown heading",
        f"line {line_of(bad, 'txt: misspelt key')}: sections.defence[0].txt: unknown field",
        f"line {line_of(bad, 'txt: misspelt key')}: sections.defence[0].text: is required",
        f"line {line_of(bad, 'sources: [99]')}: sections.outlook[0].sources[0]: no source with",
        f"line {line_of(bad, 'date: 23/11/2026')}: date: expected YYYY-MM-DD",
    }
    for want in expected:
        assert any(line.startswith(f"error: {path}: {want}") for line in got), (want, got)
    assert len(got) == len(expected)


def test_duplicate_keys_and_yes_no_are_explained(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text(
        "title: T\nsubject: no\nsections:\n  summary: [a]\n  summary: [b]\n", encoding="utf-8"
    )
    result = run_cli("validate", str(path))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {path}: line 5: sections.summary: repeats the field from line 4 (merge them)",
        f"error: {path}: line 2: subject: expected text, got true/false (put the text in quotes)",
    ]


def test_json_brief_problems_have_lines_too(tmp_path):
    path = tmp_path / "b.json"
    path.write_text(
        json.dumps(
            {"title": "T", "sections": {"summary": [{"text": 5, "sources": ["x"]}]}}, indent=2
        ),
        encoding="utf-8",
    )
    result = run_cli("validate", str(path))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"error: {path}: line 8: sections.summary[0].sources[0]: "
        "expected a source id (integer), got text"
    )


def test_alias_bomb_still_refused(tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text('a: &a ["x","x"]\nb: &b [*a,*a]\ntitle: *b\n', encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "line 1: anchors and aliases (&name, *name) are not allowed" in result.stderr


# --------------------------------------------------------------------------- JSON Schema


@pytest.fixture(scope="module")
def schema() -> dict:
    result = run_cli("schema", check=True)
    return json.loads(result.stdout)


def test_schema_is_valid_and_accepts_a_real_draft(schema, tmp_path):
    import jsonschema

    jsonschema.Draft202012Validator.check_schema(schema)
    brief = tmp_path / "brief.json"
    run_cli("draft", "-o", str(brief), "--explain", check=True)
    jsonschema.validate(json.loads(brief.read_text(encoding="utf-8")), schema)


BAD_BRIEFS = [
    {"sections": {}},  # no title
    {"title": "T", "weather": "sunny"},
    {"title": "T", "sections": {"weather": []}},
    {"title": "T", "sections": {"summary": [{"sources": [1]}]}},
    {"title": "T", "sections": {"summary": [{"text": "x", "colour": "red"}]}},
    {"title": "T", "sections": {"summary": [{"text": "x", "sources": ["one"]}]}},
    {"title": "T", "date": "23 November"},
    {"title": "T", "headings": {"weather": "Weather"}},
    {"title": "T", "key_figures": [{"label": "x"}]},
    {"title": "T", "sources": [{"title": "no id"}]},
    {"title": ["not", "text"]},
]


@pytest.mark.parametrize("bad", BAD_BRIEFS, ids=[json.dumps(b)[:40] for b in BAD_BRIEFS])
def test_schema_and_validate_agree_on_bad_briefs(schema, bad):
    import jsonschema

    from briefgen.errors import BriefError
    from briefgen.model import brief_from_dict

    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
    with pytest.raises(BriefError):
        brief_from_dict(bad)


def test_schema_describes_every_field_validate_accepts(schema):
    from briefgen.model import BRIEF_KEYS, HEADING_KEYS, SECTION_KEYS

    assert set(schema["properties"]) == BRIEF_KEYS
    assert set(schema["properties"]["sections"]["properties"]) == set(SECTION_KEYS)
    assert set(schema["properties"]["headings"]["properties"]) == set(HEADING_KEYS)
    assert re.fullmatch(schema["properties"]["date"]["pattern"], "2026-11-23")


def test_deeply_nested_brief_is_a_clean_error(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("title: x\nsections: " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"error: {path}: ") and "nested" in line


def test_field_lines_walk_survives_deep_nodes():
    import yaml as pyyaml

    from briefgen.yamlio import FieldLines

    mark = pyyaml.Mark("brief.yaml", 0, 0, 0, None, None)
    inner = pyyaml.SequenceNode("tag:yaml.org,2002:seq", [], mark, mark)
    for _ in range(5000):  # deeper than Python's recursion limit
        inner = pyyaml.SequenceNode("tag:yaml.org,2002:seq", [inner], mark, mark)
    key = pyyaml.ScalarNode("tag:yaml.org,2002:str", "sections", mark, mark)
    lines = FieldLines(pyyaml.MappingNode("tag:yaml.org,2002:map", [(key, inner)], mark, mark))
    assert lines("sections" + "[0]" * 5000) == 1
    assert lines("sections" + "[0]" * 5001 + ".text") == 1  # falls back to the nearest parent
