"""The bundled YAML data is parsed once and read back from a marshal copy while unchanged."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from briefgen.bundled import read_bundled


@pytest.fixture
def counted(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "prefix"))
    calls: list[Path] = []

    def parse(path: Path) -> object:
        import yaml

        calls.append(path)
        return yaml.safe_load(path.read_text(encoding="utf-8"))

    source = tmp_path / "data" / "theme.yaml"
    source.parent.mkdir()
    source.write_text("sizes: {body: 10.5}\nfonts: [DejaVu Sans]\n", encoding="utf-8")
    return source, parse, calls


def test_parsed_once_then_read_from_the_copy(counted):
    source, parse, calls = counted
    first = read_bundled(source, parse)
    second = read_bundled(source, parse)
    assert first == second == {"sizes": {"body": 10.5}, "fonts": ["DejaVu Sans"]}
    assert calls == [source]
    assert list(Path(sys.pycache_prefix).rglob("theme.yaml.marshal"))


def test_a_changed_file_is_parsed_again(counted):
    source, parse, calls = counted
    read_bundled(source, parse)
    source.write_text("sizes: {body: 12}\n", encoding="utf-8")
    os.utime(source, ns=(1, 1))  # even with an older time: size and time are the key
    assert read_bundled(source, parse) == {"sizes": {"body": 12}}
    assert len(calls) == 2


def test_no_copy_is_written_when_python_writes_no_bytecode(counted, monkeypatch):
    source, parse, calls = counted
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    read_bundled(source, parse)
    read_bundled(source, parse)
    assert len(calls) == 2 and not list(Path(sys.pycache_prefix).rglob("*.marshal"))


def test_a_damaged_copy_is_replaced(counted):
    source, parse, calls = counted
    read_bundled(source, parse)
    (copy,) = Path(sys.pycache_prefix).rglob("theme.yaml.marshal")
    copy.write_bytes(b"\x00garbage")
    assert read_bundled(source, parse)["fonts"] == ["DejaVu Sans"]
    assert read_bundled(source, parse)["fonts"] == ["DejaVu Sans"]
    assert len(calls) == 2


def test_the_bundled_model_read_from_its_copy_is_the_checked_json_model(tmp_path, monkeypatch):
    from briefgen.analysis import learned

    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "prefix"))
    from_json = learned.model_from_dict(
        learned.read_model_file(learned.BUNDLED_MODEL), learned.BUNDLED_MODEL
    )
    models = []
    for _ in range(2):  # the first run writes the copy, the second reads it
        learned.bundled_model.cache_clear()
        models.append(learned.bundled_model())
    learned.bundled_model.cache_clear()
    assert list(Path(sys.pycache_prefix).rglob("section_model.json.marshal"))
    assert models[0] == models[1] == from_json
    assert isinstance(models[1].bias, tuple) and isinstance(models[1].labels, tuple)
