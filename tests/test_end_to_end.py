"""End to end: generate from the bundled and the real seeds, read the files back."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import (
    SHARED_SEEDS,
    docx_text,
    needs_pdftotext,
    needs_qpdf,
    needs_shared_seeds,
    pdf_text,
    run_cli,
    written_paths,
)

SECTION_HEADINGS = ["Summary", "Defence", "Technology", "Economy", "Outlook"]
HEADER_LABELS = ["MEMORANDUM", "TO:", "FROM:", "DATE:", "SUBJECT:"]


def test_generate_writes_docx_and_pdf_named_from_date_and_title(seeds_memo):
    assert set(seeds_memo) == {".docx", ".pdf"}
    for path in seeds_memo.values():
        assert path.name.startswith("2026-11-23_")
        assert path.stat().st_size > 1000


def test_docx_has_header_block_sections_and_heading_styles(seeds_memo):
    from docx import Document

    document = Document(str(seeds_memo[".docx"]))
    text = docx_text(seeds_memo[".docx"])
    for label in HEADER_LABELS + ["UNCLASSIFIED"]:
        assert label in text
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for heading in SECTION_HEADINGS:
        assert any(h.startswith(heading) for h in headings), (heading, headings)
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert len(bullets) >= 8
    assert all("[" in p.text for p in bullets), "every bullet carries a citation marker"
    assert document.core_properties.title


def test_pdf_text_has_header_sections_banner_and_page_numbers(seeds_memo):
    from pypdf import PdfReader

    reader = PdfReader(str(seeds_memo[".pdf"]))
    total = len(reader.pages)
    assert 1 <= total <= 2
    text = pdf_text(seeds_memo[".pdf"])
    for word in HEADER_LABELS + SECTION_HEADINGS:
        assert word in text
    for number, page in enumerate(reader.pages, start=1):
        page_text = page.extract_text()
        assert page_text.count("UNCLASSIFIED") >= 2  # top and bottom banner
        assert f"Page {number} of {total}" in page_text
    assert reader.metadata.title


@needs_qpdf
def test_pdf_passes_qpdf_check(seeds_memo):
    result = subprocess.run(
        ["qpdf", "--check", str(seeds_memo[".pdf"])], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


@needs_pdftotext
def test_pdftotext_reads_the_sections(seeds_memo):
    result = subprocess.run(
        ["pdftotext", "-layout", str(seeds_memo[".pdf"]), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    for heading in SECTION_HEADINGS:
        assert heading in result.stdout


def test_memo_drops_promo_lines_and_keeps_key_facts(seeds_memo):
    text = pdf_text(seeds_memo[".pdf"])
    assert "Also Read" not in text and "Read more" not in text and "Share this" not in text
    for fact in [
        "JPY 10 trillion",
        "68 billion",
        "Johannesburg",
        "Takaichi",
        "Modi",
        "semiconductor",
        "February 2026",
    ]:
        assert fact.lower() in " ".join(text.split()).lower(), fact


@needs_shared_seeds
def test_real_seeds_memo_has_key_facts_and_no_promo(tmp_path):
    result = run_cli("generate", str(SHARED_SEEDS), "-o", str(tmp_path), check=True)
    paths = {p.suffix: p for p in written_paths(result)}
    for path, text in (
        (paths[".pdf"], pdf_text(paths[".pdf"])),
        (paths[".docx"], docx_text(paths[".docx"])),
    ):
        flat = " ".join(text.split()).lower()
        assert "also read" not in flat, path
        for fact in [
            "jpy 10 trillion",
            "usd 68 billion",
            "15th india-japan annual summit",
            "semiconductor",
            "johannesburg",
            "takaichi",
            "critical minerals",
        ]:
            assert fact in flat, (fact, path)


def test_draft_then_render_equals_generate(tmp_path):
    brief = tmp_path / "brief.yaml"
    run_cli("draft", "-o", str(brief), "--date", "2026-11-23", check=True)
    rendered = written_paths(run_cli("render", str(brief), "-o", str(tmp_path / "a"), check=True))
    generated = written_paths(
        run_cli("generate", "-o", str(tmp_path / "b"), "--date", "2026-11-23", check=True)
    )
    assert [p.name for p in rendered] == [p.name for p in generated]
    for a, b in zip(sorted(rendered), sorted(generated), strict=True):
        extract = pdf_text if a.suffix == ".pdf" else docx_text
        assert extract(a) == extract(b)


def test_generate_accepts_a_brief_file_as_source(tmp_path):
    brief = tmp_path / "brief.yaml"
    run_cli("draft", "-o", str(brief), check=True)
    result = run_cli("generate", str(brief), "-o", str(tmp_path / "out"), "-f", "pdf", check=True)
    assert [p.suffix for p in written_paths(result)] == [".pdf"]


def test_validate_reports_every_problem_with_field_path(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "title: T\nsections:\n  defence:\n    - {text: ok, sources: [9]}\n    - {sources: [1]}\n"
        "  weather: []\nkey_figures: [{label: x}]\nsources: [{id: 1, title: S}]\n",
        encoding="utf-8",
    )
    result = run_cli("validate", str(bad))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert all(line.startswith(f"error: {bad}: ") for line in lines)
    joined = "\n".join(lines)
    for where in [
        "sections.defence[0].sources[0]",
        "sections.defence[1].text",
        "sections.weather",
        "key_figures[0].value",
    ]:
        assert where in joined
    assert "Traceback" not in result.stderr


def test_missing_source_is_one_line_error(tmp_path):
    result = run_cli("generate", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {tmp_path / 'nope.txt'}: no such file or folder"
    ]
    assert not (tmp_path / "out").exists()


def test_unknown_format_is_usage_error(tmp_path):
    result = run_cli("generate", "-f", "odt", "-o", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.startswith("error: unknown format 'odt'")
    assert list(tmp_path.iterdir()) == []


def test_renderers_lists_builtins():
    result = run_cli("renderers", check=True)
    names = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert {"docx", "pdf"} <= set(names)


def test_python_m_and_help_work():
    result = run_cli("--help", check=True)
    for command in ["generate", "draft", "render", "validate", "renderers"]:
        assert command in result.stdout


def test_generate_runs_from_any_folder(tmp_path: Path):
    result = run_cli("generate", "-f", "pdf", cwd=tmp_path, check=True)
    (path,) = written_paths(result)
    assert (tmp_path / path).parent.name == "output"
