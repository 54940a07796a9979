"""``briefgen extract``: what the readers keep, as text or JSON; and the bench's measure."""

from __future__ import annotations

import json
import sys

import pytest
from conftest import REPO, run_cli

sys.path.insert(0, str(REPO / "bench"))
from extraction import page_score, summary  # noqa: E402

PAGE = REPO / "tests" / "fixtures" / "readers" / "article.html"


def test_extract_prints_the_fields_then_one_paragraph_a_line():
    result = run_cli("extract", str(PAGE), check=True)
    head, _, body = result.stdout.partition("\n\n")
    assert head.splitlines() == [
        f"source: {PAGE}",
        "title: India and Australia sign a ports and minerals pact",
        "publisher: The Harbour Ledger",
        "author: Meera Rao",
        "date: 2026-11-20",
        "url: https://ledger.example/2026/11/ports-pact",
    ]
    lines = body.splitlines()
    assert lines[0].startswith("- Both governments will fund two new bulk terminals")
    assert "What the money buys" in lines and "Terminal funding; AUD 3 billion" in lines
    assert not any("cookies" in line or "Markets close" in line for line in lines)


def test_extract_json_is_one_record_a_source(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Port talks resume\n\nNegotiators met again on Tuesday.\n", encoding="utf-8")
    result = run_cli("extract", "--json", str(PAGE), str(note), check=True)
    records = json.loads(result.stdout)
    assert [r["source"] for r in records] == [str(PAGE), str(note)]
    assert records[1]["title"] == "Port talks resume"
    assert records[1]["paragraphs"][-1] == "Negotiators met again on Tuesday."


def test_extract_needs_a_source():
    result = run_cli("extract")
    assert result.returncode == 2 and result.stderr.startswith("error: ")


def test_bench_measure_counts_shingles_per_page():
    truth = "one two three four five six"
    assert page_score(truth, truth) == (1.0, 0.0, 0.0)
    assert page_score(truth, "seven eight nine ten") == (0.0, 1 / 4, 3 / 4)
    tp, fp, fn = page_score(truth, "one two three four five")  # 2 of the 3 shingles
    assert (tp, fp, fn) == pytest.approx((2 / 3, 0.0, 1 / 3))
    # pages weigh the same whatever their length: the means of the normalised counts
    f1, precision, recall = summary([(1.0, 0.0, 0.0), (0.0, 0.5, 0.5)])
    assert (precision, recall) == pytest.approx((2 / 3, 2 / 3)) and f1 == pytest.approx(2 / 3)
