"""The parsed copies of the bundled YAML files (briefgen/bundled_data.py) equal a fresh parse."""

from __future__ import annotations

import json
import subprocess
import sys

from briefgen import bundled_data
from briefgen.render.theme import load_theme
from briefgen.yamlio import parse_yaml


def _fresh(name: str):
    path = bundled_data.DATA_DIR / name
    text = path.read_bytes().decode("utf-8-sig")
    return text, parse_yaml(text, path)


def test_copies_are_current_and_equal_a_fresh_parse_keys_in_order() -> None:
    copies = json.loads(bundled_data.COPIES.read_text(encoding="utf-8"))
    assert sorted(copies) == sorted(bundled_data.FILES)
    for name in bundled_data.FILES:
        text, data = _fresh(name)
        assert copies[name]["sha256"] == bundled_data.digest(text), (
            f"{name} changed: run `python3 -m briefgen.bundled_data` to refresh its copy"
        )
        copy = bundled_data.parsed_copy(text)
        assert bundled_data.same(copy, data)
        assert list(copy) == list(data)  # cue-section order breaks classification ties


def test_each_call_gives_new_objects() -> None:
    text, _ = _fresh("theme.yaml")
    first = bundled_data.parsed_copy(text)
    first["page_size"] = "Letter"
    assert bundled_data.parsed_copy(text)["page_size"] != "Letter"


def test_edited_text_is_parsed_from_yaml(tmp_path) -> None:
    text, _ = _fresh("theme.yaml")
    edited = text.replace("page_size: A4", "page_size: Letter")
    assert edited != text
    assert bundled_data.parsed_copy(edited) is bundled_data.MISSING
    theme_file = tmp_path / "theme.yaml"
    theme_file.write_text(edited, encoding="utf-8")
    assert load_theme(theme_file).page_size == "LETTER"


def test_same_is_strict_about_order_and_types() -> None:
    assert bundled_data.same({"a": 1, "b": [1.5, "x"]}, {"a": 1, "b": [1.5, "x"]})
    assert not bundled_data.same({"a": 1, "b": 2}, {"b": 2, "a": 1})
    assert not bundled_data.same({"a": 1}, {"a": 1.0})
    assert not bundled_data.same([True], [1])


def test_default_path_needs_no_yaml_parser() -> None:
    code = (
        "import sys\n"
        "from briefgen.analysis.classify import load_cues\n"
        "from briefgen.render.theme import default_theme\n"
        "load_cues(None)\n"
        "default_theme()\n"
        "print('yaml' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
