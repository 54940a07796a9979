"""bench/where.py runs in a temporary folder and removes it when done."""

from __future__ import annotations

import sys
import tempfile

from conftest import REPO


def test_where_prints_its_figures_and_leaves_no_folder(tmp_path, monkeypatch, capsys) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    import where

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert where.main(["--runs", "1"]) == 0
    out = capsys.readouterr().out
    assert "1. imports only generate makes:" in out and "4. garbage collector:" in out
    assert list(tmp_path.iterdir()) == []
