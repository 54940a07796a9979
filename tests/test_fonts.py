"""Per-character font fallback: every glyph of any script prints in an embedded TrueType font."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import run_cli, written_paths

from briefgen.model import Brief, Item, KeyFigure, Source
from briefgen.render.base import RenderSettings
from briefgen.render.fonts import FontChain, find_family

JAPANESE = "高市早苗"
DEVANAGARI = "नरेन्द्र मोदी"
SYMBOLS = "₹5,000 crore, ¥10 trillion — “quoted” ‘words’"

needs_fc = pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig absent")
needs_poppler = pytest.mark.skipif(
    shutil.which("pdffonts") is None or shutil.which("pdftotext") is None,
    reason="poppler-utils absent",
)


def unicode_brief() -> Brief:
    brief = Brief(title=f"Leaders’ meeting: {JAPANESE} and {DEVANAGARI}", date="2026-11-23")
    brief.subject = "Investment in ₹ and ¥"
    brief.sections["summary"] = [Item(f"Prime Minister {JAPANESE} met {DEVANAGARI}.", [1])]
    brief.sections["economy"] = [Item(SYMBOLS, [1])]
    brief.key_figures = [KeyFigure("投資目標", "¥10 trillion", [1])]
    brief.sources = [Source(1, "Leaders meet", publisher="Example", url="https://example.org/a")]
    return brief


@pytest.fixture(scope="module")
def unicode_pdf(tmp_path_factory) -> tuple[Path, list[str]]:
    from briefgen.render.pdf import PdfRenderer

    warnings: list[str] = []
    path = tmp_path_factory.mktemp("fonts") / "unicode.pdf"
    PdfRenderer(RenderSettings(warn=warnings.append)).render(unicode_brief(), path)
    return path, warnings


@needs_fc
def test_runs_pick_a_font_that_has_each_character():
    chain = FontChain(fallback=("IPAGothic", "Noto Sans Devanagari"))
    text = f"A {JAPANESE} {DEVANAGARI} {SYMBOLS}"
    runs = chain.runs(text)
    assert "".join(chunk for _, chunk in runs) == text
    faces = {face.name: face for face in chain.faces()}
    for name, chunk in runs:
        for char in chunk:
            if not char.isspace():
                assert faces[name].covers(char), (name, char)
    # the body font (DejaVu Sans) lacks Japanese: it must come from a fallback
    assert any(JAPANESE in chunk and name != chain.regular for name, chunk in runs)


@needs_fc
def test_a_missing_family_is_not_replaced_by_another():
    assert find_family("No Such Family Briefgen") is None


@needs_fc
def test_a_character_no_font_has_gives_one_warning_naming_it():
    warnings: list[str] = []
    chain = FontChain(warn=warnings.append)
    unassigned = "\U0010fffd"  # private use, plane 16: no installed font draws it
    chain.runs(f"a{unassigned}b{unassigned}")
    assert warnings == [
        "no installed font has U+10FFFD unnamed character; the PDF shows it as a box"
    ]


@needs_fc
@needs_poppler
def test_every_pdf_font_is_embedded_truetype(unicode_pdf):
    path, warnings = unicode_pdf
    assert warnings == []
    lines = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(lines) >= 3  # body, bold, Japanese, Devanagari
    for line in lines:
        columns = line.split()
        kind, embedded = columns[1], columns[-5]
        assert kind == "TrueType" and embedded == "yes", line
    names = " ".join(lines)
    assert "IPAGothic" in names and "Devanagari" in names


@needs_fc
@needs_poppler
def test_unicode_round_trips_through_pdftotext(unicode_pdf):
    path, _ = unicode_pdf
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in (JAPANESE, "₹5,000", "¥10 trillion", "—", "“quoted”", "‘words’", "投資目標"):
        assert expected in text, expected
    assert DEVANAGARI in text  # logical order survives (glyphs are not shaped, see README)


@needs_fc
def test_cli_render_of_unicode_brief_warns_for_nothing(tmp_path):
    from briefgen.model import dump_brief

    brief_file = tmp_path / "brief.yaml"
    brief_file.write_text(dump_brief(unicode_brief(), ".yaml"), encoding="utf-8")
    result = run_cli("render", str(brief_file), "-o", str(tmp_path / "out"), "-f", "pdf")
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr
    assert [p.suffix for p in written_paths(result)] == [".pdf"]
