"""The memo layout in DOCX and PDF: banners, fields, outline, links, properties, theme, bytes."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from conftest import run_cli, written_paths

from briefgen.model import SECTION_KEYS, Brief, Item, KeyFigure, Source, dump_brief
from briefgen.render.wording import labels, section_heading

EPOCH = "1795000000"  # 2026-11-18 11:06:40 UTC


def long_brief() -> Brief:
    """Enough bullets to fill three pages, so per-page properties are really tested."""
    brief = Brief(title="Test memo on a long subject", subject="Layout check", date="2026-11-23")
    brief.classification = "Official – Sensitive"
    for key in SECTION_KEYS:
        brief.sections[key] = [
            Item(f"{key} point {n}: " + "a sentence about the partnership " * 6, [1 + n % 2])
            for n in range(9)
        ]
    brief.key_figures = [KeyFigure("Investment target", "JPY 10 trillion", [2])]
    brief.sources = [
        Source(
            1,
            "First article",
            publisher="Example News",
            date="2026-11-23",
            url="https://example.org/one?a=1&b=2",
        ),
        Source(2, "Second article", path="/somewhere/seeds/02.md"),
    ]
    return brief


def render(tmp_path: Path, brief: Brief, *extra: str, env: dict | None = None) -> dict[str, Path]:
    brief_file = tmp_path / "brief.yaml"
    brief_file.write_text(dump_brief(brief, ".yaml"), encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("render", str(brief_file), "-o", str(out), *extra, env=env)
    assert result.returncode == 0, result.stderr
    return {path.suffix: path for path in written_paths(result)}


@pytest.fixture(scope="module")
def long_memo(tmp_path_factory) -> dict[str, Path]:
    return render(tmp_path_factory.mktemp("layout"), long_brief(), env={"SOURCE_DATE_EPOCH": EPOCH})


# ------------------------------------------------------------------------------------------ PDF


def test_pdf_banner_and_page_x_of_y_on_every_page(long_memo):
    from pypdf import PdfReader

    reader = PdfReader(str(long_memo[".pdf"]))
    total = len(reader.pages)
    assert total >= 3
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert text.count("OFFICIAL – SENSITIVE") == 2, (number, text[:200])
        assert f"Page {number} of {total}" in text


def test_pdf_outline_matches_the_section_headings(long_memo):
    from pypdf import PdfReader

    reader = PdfReader(str(long_memo[".pdf"]))
    outline = reader.outline
    assert outline[0].title == "Test memo on a long subject"
    children = [entry.title for entry in outline[1]]
    words = labels()
    expected = [section_heading(key, words) for key in SECTION_KEYS]
    assert children == [*expected, words["key_figures"], words["sources"]]
    # each bookmark points at the page where its heading is printed
    for entry in outline[1]:
        page = reader.pages[reader.get_destination_page_number(entry)]
        assert entry.title in page.extract_text()


def test_pdf_document_info_and_links(long_memo):
    from pypdf import PdfReader

    reader = PdfReader(str(long_memo[".pdf"]))
    info = reader.metadata
    assert info.title == "Test memo on a long subject"
    assert info.author == "Policy Analysis Unit"
    assert info.subject == "Layout check"
    assert "briefing memo" in info["/Keywords"] and info.creator.startswith("briefgen")
    assert info["/CreationDate"].startswith("D:20261118110640")  # from SOURCE_DATE_EPOCH
    uris = [
        annot.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if annot.get_object().get("/Subtype") == "/Link"
    ]
    assert uris == ["https://example.org/one?a=1&b=2"]


# ------------------------------------------------------------------------------------------ DOCX


def test_docx_footer_has_page_and_numpages_fields(long_memo):
    with zipfile.ZipFile(long_memo[".docx"]) as archive:
        footers = [archive.read(n).decode() for n in archive.namelist() if "footer" in n]
    xml = "".join(footers)
    assert '<w:instrText xml:space="preserve"> PAGE </w:instrText>' in xml
    assert '<w:instrText xml:space="preserve"> NUMPAGES </w:instrText>' in xml
    assert xml.count('w:fldCharType="begin"') == 2 and xml.count('w:fldCharType="end"') == 2
    assert "OFFICIAL – SENSITIVE" in xml


def test_docx_structure_styles_links_fonts_and_properties(long_memo):
    from docx import Document
    from docx.oxml.ns import qn

    document = Document(str(long_memo[".docx"]))
    assert document.sections[0].header.paragraphs[0].text == "OFFICIAL – SENSITIVE"
    words = labels()
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    expected = [section_heading(key, words) for key in SECTION_KEYS]
    assert headings == [*expected, words["key_figures"], words["sources"]]
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == [
        "Test memo on a long subject"
    ]
    assert sum(p.style.name == "List Bullet" for p in document.paragraphs) == 45
    # every run names an East Asian and a complex-script font
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            fonts = run._r.rPr.find(qn("w:rFonts"))
            assert fonts.get(qn("w:eastAsia")) and fonts.get(qn("w:cs")), paragraph.text
    links = [r for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert [r.target_ref for r in links] == ["https://example.org/one?a=1&b=2"]
    assert links[0].is_external
    props = document.core_properties
    assert props.title == "Test memo on a long subject"
    assert props.subject == "Layout check"
    assert props.author == "Policy Analysis Unit"
    assert "briefing memo" in props.keywords
    assert props.category == "Official – Sensitive"
    assert props.created.isoformat().startswith("2026-11-23")
    assert props.modified.isoformat().startswith("2026-11-18T11:06:40")


# ------------------------------------------------------------------------------------------ both


def test_same_source_date_epoch_gives_byte_identical_files(tmp_path, long_memo):
    again = render(tmp_path, long_brief(), env={"SOURCE_DATE_EPOCH": EPOCH})
    for suffix in (".docx", ".pdf"):
        assert again[suffix].read_bytes() == long_memo[suffix].read_bytes(), suffix
    with zipfile.ZipFile(again[".docx"]) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 11, 18, 11, 6, 40)}


def test_theme_sets_letter_page_and_colours_in_both_formats(tmp_path):
    theme = tmp_path / "house.yaml"
    theme.write_text(
        "page_size: Letter\nmargins_mm: {left: 25}\ncolours: {heading: '#004400'}\n",
        encoding="utf-8",
    )
    files = render(tmp_path, long_brief(), "--theme", str(theme))
    from docx import Document
    from pypdf import PdfReader

    box = PdfReader(str(files[".pdf"])).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    document = Document(str(files[".docx"]))
    section = document.sections[0]
    assert round(section.page_width.mm, 1) == 215.9 and round(section.left_margin.mm) == 25
    assert str(document.styles["Heading 2"].font.color.rgb) == "004400"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("page_size: A3\n", "page_size: expected A4 or Letter"),
        ("colours: {heading: blue}\n", "colours.heading: expected a colour"),
        ("fonts: {pdf_body: 3}\n", "fonts.pdf_body: expected a list"),
        ("sizes: {body: 400}\n", "sizes: every size must be between"),
        ("margin: 3\n", "margin: unknown theme setting"),
        ("logo: missing.png\n", "logo: missing.png not found"),
    ],
)
def test_bad_theme_is_one_line_error_and_writes_nothing(tmp_path, content, problem):
    theme = tmp_path / "bad.yaml"
    theme.write_text(content, encoding="utf-8")
    brief_file = tmp_path / "brief.yaml"
    brief_file.write_text(dump_brief(long_brief(), ".yaml"), encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("render", str(brief_file), "-o", str(out), "--theme", str(theme))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {theme}: {problem}"), lines
    assert not out.exists() or not any(out.iterdir())


def test_reference_docx_supplies_the_styles(tmp_path):
    from docx import Document
    from docx.shared import Pt, RGBColor

    reference = Document()
    reference.styles["Heading 2"].font.name = "Georgia"
    reference.styles["Heading 2"].font.color.rgb = RGBColor(0x80, 0x00, 0x80)
    reference.styles["Normal"].font.size = Pt(12)
    reference.add_paragraph("Organisation boilerplate that must not appear in the memo")
    reference_path = tmp_path / "house.docx"
    reference.save(str(reference_path))

    files = render(tmp_path, long_brief(), "-f", "docx", "--reference-docx", str(reference_path))
    document = Document(str(files[".docx"]))
    assert document.styles["Heading 2"].font.name == "Georgia"
    assert str(document.styles["Heading 2"].font.color.rgb) == "800080"
    assert document.styles["Normal"].font.size == Pt(12)
    assert "boilerplate" not in "\n".join(p.text for p in document.paragraphs)
    assert document.paragraphs[0].text == "MEMORANDUM"


def test_reference_that_is_not_a_docx_is_one_line_error(tmp_path):
    fake = tmp_path / "house.docx"
    fake.write_text("not a zip", encoding="utf-8")
    brief_file = tmp_path / "brief.yaml"
    brief_file.write_text(dump_brief(long_brief(), ".yaml"), encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("render", str(brief_file), "-o", str(out), "--reference-docx", str(fake))
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {fake}: reference file is not a Word .docx file"
    assert not out.exists() or not any(out.iterdir())


def test_seeds_memo_fits_on_two_a4_pages(seeds_memo):
    from pypdf import PdfReader

    reader = PdfReader(str(seeds_memo[".pdf"]))
    assert len(reader.pages) <= 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4


def _png(path: Path) -> None:
    """A small real PNG (a navy square), written by hand: no imaging library needed."""
    import struct
    import zlib

    width = height = 8
    raw = b"".join(b"\x00" + b"\x1f\x3a\x5f" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_theme_logo_appears_in_both_formats(tmp_path):
    from pypdf import PdfReader

    _png(tmp_path / "crest.png")
    theme = tmp_path / "house.yaml"
    theme.write_text("logo: crest.png\n", encoding="utf-8")  # relative to the theme file
    files = render(tmp_path, long_brief(), "--theme", str(theme))
    page = PdfReader(str(files[".pdf"])).pages[0]
    assert len(page.images) == 1
    with zipfile.ZipFile(files[".docx"]) as archive:
        assert [n for n in archive.namelist() if n.startswith("word/media/")] == [
            "word/media/image1.png"
        ]


def test_logo_that_is_not_an_image_is_refused_before_rendering(tmp_path):
    (tmp_path / "crest.png").write_text("not a picture", encoding="utf-8")
    theme = tmp_path / "house.yaml"
    theme.write_text("logo: crest.png\n", encoding="utf-8")
    brief_file = tmp_path / "brief.yaml"
    brief_file.write_text(dump_brief(long_brief(), ".yaml"), encoding="utf-8")
    result = run_cli("render", str(brief_file), "-o", str(tmp_path / "out"), "--theme", str(theme))
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {theme}: logo: crest.png is not a PNG or JPEG image"


@pytest.mark.parametrize(
    ("text", "east_asian"),
    [
        ("Modi and Takaichi met in Johannesburg – ₹, ¥, “quotes”", False),
        ("", False),
        ("高市早苗 met Modi", True),
        ("カタカナ", True),
        ("full-width ！", True),
        ("ideographic\u3000space", True),
        ("Devanagari नरेंद्र मोदी", False),
        ("Hangul 서울 (not in the class)", False),
    ],
)
def test_docx_east_asian_hint_text(text, east_asian):
    import re

    from briefgen.render import docx_memo

    assert docx_memo._is_east_asian(text) is east_asian
    assert (re.search(docx_memo._EAST_ASIAN, text) is not None) is east_asian
