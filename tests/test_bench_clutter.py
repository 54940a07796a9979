"""bench/clutter.py keeps the held-out protocol: --verbose never prints a held-out page's text."""

from __future__ import annotations

import re
import sys

import pytest
from conftest import REPO

EXTRACTION = REPO.parent / "shared" / "extraction"


@pytest.mark.skipif(not EXTRACTION.is_dir(), reason="../shared/extraction is absent")
def test_verbose_lists_what_it_finds_on_dev_pages_only(capsys) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    import clutter

    clutter.extraction(verbose=True)
    out = capsys.readouterr().out.splitlines()
    details = [line for line in out if re.match(r"  [0-9a-f]{8} ", line)]
    assert details  # the dev pages have drops and cut heads to list
    assert all(line[2] in "01234567" for line in details), [line[:11] for line in details]
    assert "held-out pages 8-f:" in out[-1]  # the held-out half is still counted
