"""The one YAML loader: hostile files end at the event that gives them away (issue 13, item 3)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import run_cli
from hypothesis import given
from hypothesis import strategies as st

from briefgen.errors import InputError
from briefgen.yamlio import MAX_DEPTH, _Loader, parse_yaml, parse_yaml_with_lines

HERE = Path("x.yaml")


def alias_bomb(size: int = 42_000) -> str:
    """A billion-laughs brief of about ``size`` bytes whose aliases each follow a BOM at the
    start of a line: libyaml skips the BOM, the regular-expression guard this loader replaced
    did not see an alias there, and the old loader walked 9**10 paths."""
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        aliases = ",".join(f"\n\ufeff*l{level - 1}" for _ in range(9))
        lines.append(f"l{level}: &l{level} [{aliases}]")
    index = 0
    while sum(len(line.encode("utf-8")) + 1 for line in lines) < size:
        lines.append(f"k{index}:\n\ufeff*l9")
        index += 1
    return "title: T\n" + "\n".join(lines) + "\n"


def refused(text: str) -> str:
    with pytest.raises(InputError) as caught:
        parse_yaml(text, HERE)
    return caught.value.message


def test_aliases_and_anchors_are_refused_wherever_they_hide():
    assert "line 2: anchors and aliases" in refused("k:\n\ufeff*l0\n")
    assert "line 1: anchors and aliases" in refused("a: &x 1\n")
    assert "line 3: anchors and aliases" in refused("a: 1\nb: [1, 2]\nc: {d: &y 3}\n")
    assert "anchors and aliases" in refused(alias_bomb())


@pytest.mark.parametrize(
    "text",
    ["- " * 100_000 + "x", "a: " + "[" * 100_000 + "]" * 100_000, "{a: " * 50_000 + "1"],
    ids=["block", "flow-list", "flow-map"],
)
def test_deep_nesting_is_refused_not_overflowed(text):
    assert "nested too deeply" in refused(text)


def test_depth_limit_is_exact():
    at_limit = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert parse_yaml(at_limit, HERE) is not None
    assert f"over {MAX_DEPTH} levels" in refused("[" + at_limit + "]")


def test_lines_duplicates_and_plain_dates_are_kept():
    text = "title: T\ndate: 2026-11-23\nsections:\n  summary:\n    - text: x\n      sources: [9]\n"
    data, lines = parse_yaml_with_lines(text + "title: U\n", HERE)
    assert data["date"] == "2026-11-23"  # text, as in JSON, not a datetime.date
    assert lines("sections.summary[0].sources[0]") == 6
    assert lines("sections.summary[0].why") == 5  # a missing field: its parent's line
    assert lines.duplicates == [("title", 1, 7)]
    assert parse_yaml("subject: no\n", HERE) == {"subject": False}  # reported by the model


def test_errors_give_the_line_of_the_file_a_block_was_cut_from():
    assert (
        "front matter: invalid YAML at line 4:"
        in pytest.raises(
            InputError, parse_yaml, "a: 1\nb: ]\n", HERE, "front matter", 3
        ).value.message
    )


def test_other_bad_yaml_is_one_input_error():
    assert "second document" in refused("a: 1\n---\nb: 2\n")
    assert "constructor" in refused("x: !!python/object/apply:os.system [ls]\n")
    assert "unhashable" in refused("? [a]\n: b\n")
    assert parse_yaml("", HERE) is None


# ----------------------------------------------------------------------------- fuzzing

_YAML_BITS = st.sampled_from(
    list("ab1 -:?[]{},&*!|>'\"#\n\t.%@`~\ufeff") + ["  ", "- ", ": ", "---", "...", "yes", "no"]
)


@given(st.lists(_YAML_BITS, max_size=60).map("".join))
def test_fuzz_any_text_parses_or_is_one_input_error(text):
    try:
        data = parse_yaml(text, HERE)
    except InputError as error:
        assert "\n" not in error.message.strip() or "invalid YAML" in error.message
        return
    # Whatever it accepts, PyYAML's own loader (same constructors) reads the same way.
    assert data == yaml.load(text, Loader=_Loader)


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=20),
)
_TREES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=30,
)


def _depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


@given(_TREES, st.booleans())
def test_fuzz_dumped_data_reads_back_the_same(value, flow):
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=flow)
    if _depth(value) > MAX_DEPTH:
        assert "nested too deeply" in refused(text)
    else:  # as PyYAML's own composer reads it (which turns a lone NEL into a space)
        assert parse_yaml(text, HERE) == yaml.load(text, Loader=_Loader)


# ----------------------------------------------------------------------------- users' view


def test_alias_bomb_brief_is_one_error_line(tmp_path):
    brief = tmp_path / "bomb.yaml"
    brief.write_text(alias_bomb(), encoding="utf-8")
    assert brief.stat().st_size > 42_000
    result = run_cli("validate", str(brief))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"error: {brief}: invalid YAML at line 2: "
        "anchors and aliases (&name, *name) are not allowed"
    ]


def _deep_markdown(path: Path) -> Path:
    path.write_text("---\ntitle: x\nmeta:\n" + "  - " * 50_000 + "x\n---\n# Hello\n\nBody text.\n")
    return path


def test_deep_front_matter_skips_that_source_only(tmp_path):
    deep = _deep_markdown(tmp_path / "deep.md")
    good = tmp_path / "good.txt"
    good.write_text("Leaders met in Johannesburg.\n\nThey agreed to expand trade by 2030.\n")
    out = tmp_path / "b.yaml"
    result = run_cli("draft", str(deep), str(good), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert f"{deep}: skipped (front matter: invalid YAML at line 4: nested too deeply" in (
        result.stderr
    )
    alone = run_cli("draft", str(deep), "-o", str(tmp_path / "c.yaml"))
    assert alone.returncode == 2 and not (tmp_path / "c.yaml").exists()
    assert alone.stderr.splitlines() == [
        f"error: {deep}: front matter: invalid YAML at line 4: nested too deeply (over 20 levels)"
    ]


def test_broken_front_matter_is_a_warning_not_silence(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: [unclosed\n---\nBody text here.\n")
    result = run_cli("draft", str(bad), "-o", str(tmp_path / "b.yaml"))
    assert result.returncode == 2
    assert "front matter: invalid YAML at line 3" in result.stderr
