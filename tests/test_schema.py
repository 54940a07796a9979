"""One schema for a brief: `validate` and `briefgen schema` agree (issue 13, item 2).

`validate` checks a brief against the JSON Schema that `briefgen schema` prints, then checks
what a schema cannot say (ids unique, cited ids exist). So on any brief, good or bad, jsonschema
with the printed schema accepts exactly what `validate` accepts, except for those cross-checks.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest
from conftest import run_cli
from hypothesis import given
from hypothesis import strategies as st

from briefgen.errors import BriefError
from briefgen.model import brief_from_dict, load_brief
from briefgen.schema import brief_schema, reference_problems
from briefgen.sections import SECTION_KEYS

GOOD: dict[str, Any] = {
    "title": "India–Japan leaders' meeting",
    "subject": "G20",
    "date": "2026-11-23",
    "classification": "OFFICIAL",
    "to": "Desk",
    "from": "Unit",
    "headings": {SECTION_KEYS[1]: "Security", "sources": "Reading"},
    "sections": {
        SECTION_KEYS[0]: ["A bare bullet", {"text": "Cited", "sources": [1, 2]}],
        SECTION_KEYS[1]: [{"text": "Why", "sources": [], "why": "cue: navy"}],
    },
    "key_figures": [{"label": "Target", "value": 10, "sources": [2]}],
    "sources": [
        {"id": 1, "title": "One", "path": "a.txt", "publisher": "AT&T", "date": "Nov 2026"},
        {"id": 2, "title": 2026, "url": "https://ex.org/a"},
    ],
}

# Good briefs: what a person leaves after editing a draft.
GOOD_BRIEFS: list[Any] = [
    GOOD,
    {"title": "T"},
    # Emptied by deleting every row: `key_figures:` etc. with nothing after them.
    {"title": "T", "key_figures": None, "sources": None, "headings": None, "sections": None},
    {"title": "T", "sections": {key: None for key in SECTION_KEYS}},
    {"title": "T", "subject": None, "date": None, "to": None, "from": None},
    {"title": "T", "sections": {SECTION_KEYS[0]: [{"text": "x", "sources": None, "why": None}]}},
    {"title": 2026, "sources": [{"id": 3.0, "title": "float id"}], "key_figures": []},
]

# Bad briefs, each with the one problem `validate` reports (path: message).
BAD_BRIEFS: list[tuple[Any, str]] = [
    (None, "(top level): expected a mapping, got null"),
    (["a"], "(top level): expected a mapping, got a list"),
    ({"sections": {}}, "title: is required"),
    ({"title": None}, "title: is required"),
    ({"title": False}, "title: expected text, got true/false (put the text in quotes)"),
    ({"title": ["a"]}, "title: expected text, got a list"),
    ({"title": "T", "weather": "sunny"}, "weather: unknown field"),
    ({"title": "T", "sections": {"weather": []}}, "sections.weather: unknown section"),
    ({"title": "T", "sections": []}, "sections: expected a mapping, got a list"),
    ({"title": "T", "sections": {SECTION_KEYS[0]: "x"}}, "summary: expected a list of items"),
    ({"title": "T", "sections": {SECTION_KEYS[0]: [{"sources": []}]}}, "[0].text: is required"),
    ({"title": "T", "sections": {SECTION_KEYS[0]: [7]}}, "expected text or a mapping, got a num"),
    ({"title": "T", "sections": {SECTION_KEYS[0]: [None]}}, "expected text or a mapping, got null"),
    ({"title": "T", "sections": {SECTION_KEYS[0]: [{"text": "x", "colour": 1}]}}, "colour: unkno"),
    (
        {"title": "T", "sections": {SECTION_KEYS[0]: [{"text": "x", "sources": ["one"]}]}},
        "sources[0]: expected a source id (integer), got text",
    ),
    (
        {"title": "T", "sections": {SECTION_KEYS[0]: [{"text": "x", "sources": [True]}]}},
        "sources[0]: expected a source id (integer), got true/false",
    ),
    ({"title": "T", "sections": {SECTION_KEYS[0]: [{"text": "x", "sources": 1}]}}, "list of sou"),
    ({"title": "T", "date": "23 November"}, "date: expected YYYY-MM-DD, got '23 November'"),
    ({"title": "T", "date": "2026-02-30"}, "date: expected YYYY-MM-DD, got '2026-02-30'"),
    ({"title": "T", "date": 20261123}, "date: expected YYYY-MM-DD, got a number"),
    ({"title": "T", "headings": {"weather": "W"}}, "headings.weather: unknown heading"),
    ({"title": "T", "headings": {SECTION_KEYS[0]: None}}, "headings.summary: is required"),
    ({"title": "T", "headings": "x"}, "headings: expected a mapping, got text"),
    ({"title": "T", "key_figures": [{"label": "x"}]}, "key_figures[0].value: is required"),
    ({"title": "T", "key_figures": {"a": 1}}, "key_figures: expected a list, got a mapping"),
    ({"title": "T", "sources": [{"title": "no id"}]}, "sources[0].id: is required"),
    ({"title": "T", "sources": [{"id": "one", "title": "x"}]}, "expected an integer id, got text"),
    ({"title": "T", "sources": [{"id": 1.5, "title": "x"}]}, "expected an integer id, got a num"),
    ({"title": "T", "sources": ["a"]}, "sources[0]: expected a mapping, got text"),
    ({"title": "T", "sources": [{"id": 1, "title": "x", "url": {}}]}, "url: expected text"),
]

# What only `validate` can see: the schema passes these.
CROSS_REFERENCE_BRIEFS: list[tuple[Any, str]] = [
    (
        {"title": "T", "sections": {SECTION_KEYS[1]: [{"text": "x", "sources": [9]}]}},
        "sections.defence[0].sources[0]: no source with id 9",
    ),
    (
        {"title": "T", "key_figures": [{"label": "a", "value": "b", "sources": [2]}]},
        "key_figures[0].sources[0]: no source with id 2",
    ),
    (
        {"title": "T", "sources": [{"id": 1, "title": "a"}, {"id": 1, "title": "b"}]},
        "sources[1].id: duplicate source id 1",
    ),
]


@pytest.fixture(scope="module")
def printed() -> jsonschema.Draft202012Validator:
    """The schema as `briefgen schema` prints it, checked as a 2020-12 schema."""
    schema = json.loads(run_cli("schema", check=True).stdout)
    assert schema == json.loads(json.dumps(brief_schema()))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def problems_of(data: Any) -> list[str]:
    try:
        brief_from_dict(copy.deepcopy(data))
    except BriefError as error:
        return error.problems
    return []


@pytest.mark.parametrize("good", GOOD_BRIEFS)
def test_good_briefs_pass_both(printed, good):
    assert not list(printed.iter_errors(good))
    assert problems_of(good) == []


@pytest.mark.parametrize(("bad", "message"), BAD_BRIEFS, ids=[m for _, m in BAD_BRIEFS])
def test_bad_briefs_fail_both_with_one_plain_message(printed, bad, message):
    assert list(printed.iter_errors(bad))
    found = problems_of(bad)
    assert len(found) == 1 and message in found[0], found


@pytest.mark.parametrize(("bad", "message"), CROSS_REFERENCE_BRIEFS)
def test_cross_references_are_validates_own_checks(printed, bad, message):
    assert not list(printed.iter_errors(bad))
    assert problems_of(bad) == [message]


def test_a_real_draft_passes_both(printed, tmp_path):
    brief = tmp_path / "brief.json"
    run_cli("draft", "-o", str(brief), "--explain", check=True)
    assert not list(printed.iter_errors(json.loads(brief.read_text(encoding="utf-8"))))
    assert load_brief(brief).title


def test_emptied_lists_in_yaml_are_an_empty_memo_part(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text("title: T\nheadings:\nsections:\n  summary:\nkey_figures:\nsources:\n")
    brief = load_brief(path)
    assert brief.key_figures == [] and brief.sources == [] and brief.headings == {}
    assert all(items == [] for items in brief.sections.values())


def test_every_problem_has_its_line_in_file_order(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text(
        "title: T\n"
        "sources:\n  - {id: 1, title: One}\n"
        "sections:\n  defence:\n    - text: a\n      sources: [1, 9]\n    - 5\n"
        "date: 2026-13-01\n"
        "surprise: yes\n",
        encoding="utf-8",
    )
    result = run_cli("validate", str(path))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"error: {path}: line 7: sections.defence[0].sources[1]: no source with id 9",
        f"error: {path}: line 8: sections.defence[1]: expected text or a mapping, got a number",
        f"error: {path}: line 9: date: expected YYYY-MM-DD, got '2026-13-01'",
        f"error: {path}: line 10: surprise: unknown field",
    ]


# ----------------------------------------------------------------------------- fuzzing

_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["", "x", "2026-11-23", "2026-02-30", "summary", "sources"]),
    st.just([]),
    st.just({}),
    st.lists(st.integers(0, 3), max_size=3),
    st.dictionaries(st.sampled_from(["text", "id", "title", "label", "x"]), st.text(max_size=2)),
)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*prefix, index))
    return found


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """GOOD with a few of its values replaced, keys dropped or unknown keys added."""
    data = copy.deepcopy(GOOD)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(data)))
        value = draw(_VALUES)
        if not path:
            return value if draw(st.booleans()) else data
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["set", "drop", "add"]))
        if action == "drop" and isinstance(parent, dict):
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["weather", "energy", "why", "id"]))] = value
        else:
            parent[path[-1]] = value
        if not isinstance(data, dict):
            break
    return data


@given(mutated())
def test_fuzz_validate_rejects_exactly_what_the_printed_schema_rejects(data):
    schema_errors = list(_printed_validator().iter_errors(data))
    found = problems_of(data)
    if schema_errors:
        assert found, "the schema rejects what validate accepts"
    else:
        assert found == [f"{path}: {message}" for path, message in reference_problems(data)]
    assert all(line.strip() and "\n" not in line for line in found)


def _printed_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(json.dumps(brief_schema()))  # as printed: plain JSON
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
