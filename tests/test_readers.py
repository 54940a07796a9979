"""Readers: each format gives the article text in reading order and the source fields."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from readers_fixtures import Article, html_page, with_company, write_docx, write_pdf

from briefgen.errors import InputError
from briefgen.sources.base import (
    READERS,
    collect_paths,
    read_sources,
    reader_for,
    reader_for_mime,
)
from briefgen.sources.docx import read_docx_file
from briefgen.sources.html import read_html_file
from briefgen.sources.markdown import read_markdown_file
from briefgen.sources.pdf import read_pdf_file
from briefgen.sources.text import decode_text, read_text_file

FIXTURES = Path(__file__).parent / "fixtures" / "readers"

# Our own article, used in every format.
PACT = Article(
    title="India and Australia sign a ports and minerals pact",
    highlights=[
        "Both governments will fund two new bulk terminals on India’s east coast.",
        "Australian lithium and rare earths get a guaranteed route to Indian refiners.",
    ],
    paragraphs=[
        "Ministers from India and Australia signed an agreement in Chennai on Thursday that "
        "links port investment to a long-term supply of critical minerals.",
        "The pact commits AUD 3 billion over five years to terminals at Ennore and "
        "Krishnapatnam, with dredging to begin in 2027 and the first berths due in 2029.",
        "Officials said the naval dockyards at Visakhapatnam would also host joint maintenance "
        "of patrol vessels, a first for the two navies, under a clause that runs ten years.",
        "Trade officials expect two-way mineral shipments to triple by the end of the decade, "
        "and both sides will review the arrangement at a ministerial meeting in 2028.",
    ],
    headings={1: "What the money buys", 3: "Next steps"},
    publisher="The Harbour Ledger",
    date="2026-11-20",
    url="https://ledger.example/2026/11/ports-pact",
)


# --- HTML -----------------------------------------------------------------------------------


def test_html_page_gives_the_article_without_page_furniture():
    document = read_html_file(FIXTURES / "article.html")
    # the headline is the title, the byline the author: neither repeats in the text
    assert document.text.splitlines() == [
        "- Both governments will fund two new bulk terminals on India’s east coast.",
        "- Australian lithium and rare earths get a guaranteed route to Indian refiners.",
        "Ministers from India and Australia signed an agreement in Chennai on Thursday that "
        "links port investment to a long-term supply of critical minerals.",
        "What the money buys",
        "The pact commits AUD 3 billion over five years to terminals at Ennore and "
        "Krishnapatnam, with dredging to begin in 2027.",
        "Officials said the naval dockyards at Visakhapatnam would also host joint maintenance "
        "of patrol vessels, a first for the two navies.",
        "The defence clause runs for ten years.",
        "Item; Amount",
        "Terminal funding; AUD 3 billion",
    ]
    assert document.title == "India and Australia sign a ports and minerals pact"
    assert document.metadata == {
        "publisher": "The Harbour Ledger",
        "date": "2026-11-20",
        "url": "https://ledger.example/2026/11/ports-pact",
        "author": "Meera Rao",
    }


def test_html_built_page_round_trips_article_lines(tmp_path):
    path = tmp_path / "pact.html"
    path.write_text(html_page(PACT), encoding="utf-8")
    document = read_html_file(path)
    assert document.text.splitlines() == PACT.lines()
    for noise in ("cookies", "Advertisement", "Markets close", "Copyright", "analytics", "World"):
        assert noise not in document.text


def test_html_title_tag_loses_site_name_and_meta_falls_back(tmp_path):
    path = tmp_path / "plain.html"
    paragraph = "A plain page with one long paragraph of story text and no metadata at all. " * 3
    path.write_text(
        f"<html><head><title>Harbour talks resume | Port Weekly</title>"
        f'<meta name="date" content="21 November 2026"></head>'
        f"<body><div><p>{paragraph}</p></div></body></html>",
        encoding="utf-8",
    )
    document = read_html_file(path)
    assert document.title == "Harbour talks resume"
    assert document.metadata == {"date": "2026-11-21"}
    assert document.text == paragraph.strip()


def test_html_date_from_the_articles_time_not_the_page_headers(tmp_path):
    path = tmp_path / "dated.html"
    story = " ".join(PACT.paragraphs)
    path.write_text(
        '<html><body><header><time datetime="2026-12-01">Today</time></header>'
        f'<article><time datetime="2026-11-02T07:00:00Z">2 Nov</time><p>{story}</p></article>'
        "</body></html>",
        encoding="utf-8",
    )
    document = read_html_file(path)
    assert document.metadata == {"date": "2026-11-02"}
    assert document.text.splitlines() == [story]


def test_html_declared_windows_1252_is_decoded(tmp_path):
    path = tmp_path / "legacy.htm"
    story = "The minister said “the port’s new berths” will open in 2029 — a year early. " * 2
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        f"</head><body><article><p>{story}</p></article></body></html>"
    )
    path.write_bytes(page.encode("cp1252"))
    assert read_html_file(path).text == story.strip()


def test_html_script_built_page_uses_json_ld_article_body(tmp_path):
    body = "The story lives only in structured data on this page. " * 2
    body = f"{body}\\n\\nA second paragraph follows in the same structured data block."
    path = tmp_path / "app.html"
    path.write_text(
        '<html><head><script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "Structured story", "articleBody": "'
        + body
        + '", "datePublished": "2026-11-22", "publisher": {"name": "App News"}}</script>'
        '</head><body><div id="root"></div><script>render()</script></body></html>',
        encoding="utf-8",
    )
    document = read_html_file(path)
    assert document.text.splitlines() == [
        ("The story lives only in structured data on this page. " * 2).strip(),
        "",
        "A second paragraph follows in the same structured data block.",
    ]
    assert document.title == "Structured story"
    assert document.metadata == {"publisher": "App News", "date": "2026-11-22"}


def test_html_keeps_the_whole_story_among_teasers(tmp_path):
    story = " ".join(PACT.paragraphs)
    teaser = "<article><h2><a href='/t'>A teaser headline</a></h2><p>Short teaser.</p></article>"
    path = tmp_path / "teasers.html"
    path.write_text(
        f"<html><body>{teaser}<article><p>{story}</p></article>{teaser}</body></html>",
        encoding="utf-8",
    )
    assert story in read_html_file(path).text.splitlines()


# --- DOCX -----------------------------------------------------------------------------------


def test_docx_paragraphs_headings_lists_and_properties(tmp_path):
    path = write_docx(PACT, tmp_path / "pact.docx")
    document = read_docx_file(path)
    assert document.text.splitlines() == PACT.lines()
    assert "internal copy" not in document.text  # page headers are not the article
    assert document.title == PACT.title
    assert document.metadata["date"] == "2026-11-20"
    assert document.metadata["author"] == "Desk editor"


def test_docx_tables_merged_cells_and_company_as_publisher(tmp_path):
    from docx import Document

    word = Document()
    word.add_paragraph("Terminal spending by year, as agreed in Chennai.")
    table = word.add_table(rows=3, cols=3)
    for row, values in enumerate([("Year", "Port", "AUD"), ("2027", "Ennore", "1.2 billion")]):
        for col, value in enumerate(values):
            table.cell(row, col).text = value
    merged = table.cell(2, 0).merge(table.cell(2, 2))
    merged.text = "Figures are estimates."
    word.add_paragraph("Both sides will publish the final figures next year.")
    buffer = io.BytesIO()
    word.save(buffer)
    path = tmp_path / "table.docx"
    path.write_bytes(with_company(buffer.getvalue(), "Harbour Ledger Research"))

    document = read_docx_file(path)
    assert document.text.splitlines() == [
        "Terminal spending by year, as agreed in Chennai.",
        "Year; Port; AUD",
        "2027; Ennore; 1.2 billion",
        "Figures are estimates.",
        "Both sides will publish the final figures next year.",
    ]
    assert document.metadata["publisher"] == "Harbour Ledger Research"
    # python-docx's template author and date describe the template, not this source
    assert "date" not in document.metadata and "author" not in document.metadata
    assert document.title == "table"


# --- PDF ------------------------------------------------------------------------------------


def test_pdf_from_reportlab_drops_running_head_and_page_numbers(tmp_path):
    long_pact = Article(**{**PACT.__dict__, "paragraphs": PACT.paragraphs * 3})
    path = write_pdf(long_pact, tmp_path / "pact.pdf", running_head="Harbour Ledger · Trade desk")
    from pypdf import PdfReader

    pdf = PdfReader(str(path))
    assert len(pdf.pages) >= 2  # running lines are only known by repetition
    document = read_pdf_file(path)
    assert document.text.splitlines() == long_pact.lines()
    assert document.title == PACT.title
    assert document.metadata["author"] == "Desk editor"
    assert document.metadata["date"] == pdf.metadata.creation_date.date().isoformat()


def test_pdf_joins_hyphenated_words_and_keeps_real_hyphens(tmp_path):
    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen import canvas

    path = tmp_path / "lines.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("Helvetica", 11)
    lines = [
        "The agreement deepens naval co-",
        "operation between the two fleets and the India-",
        "Japan exercises planned for the spring, with sup-",
        "port from the coast guard.",
    ]
    for index, line in enumerate(lines):
        pdf.drawString(72, 700 - 14 * index, line)
    pdf.drawString(72, 600, "A second paragraph starts after a clear gap.")
    pdf.save()
    writer = PdfWriter(clone_from=str(path))
    writer.add_metadata(
        {"/Title": "untitled", "/Publisher": "Fleet Review", "/CreationDate": "D:20261119"}
    )
    writer.write(str(path))

    document = read_pdf_file(path)
    assert document.text.splitlines() == [
        "The agreement deepens naval cooperation between the two fleets and the India-Japan "
        "exercises planned for the spring, with support from the coast guard.",
        "A second paragraph starts after a clear gap.",
    ]
    assert document.metadata["publisher"] == "Fleet Review"
    assert document.metadata["date"] == "2026-11-19"
    assert document.title == "lines"  # "untitled" is reportlab's placeholder, not a title
    assert len(PdfReader(str(path)).pages) == 1


# --- plain text and Markdown ----------------------------------------------------------------

WORD_TEXT = "Japan’s “investment drive” in India — worth ¥10 trillion — starts in 2027…"


@pytest.mark.parametrize(
    "encoded",
    [
        WORD_TEXT.encode("utf-8"),
        WORD_TEXT.encode("utf-8-sig"),
        WORD_TEXT.encode("utf-16"),  # with BOM
        WORD_TEXT.encode("utf-16-le"),  # no BOM: Notepad's "Unicode" without a mark
        WORD_TEXT.replace("¥", "JPY ").encode("cp1252"),
        # UTF-8 decoded once as Windows-1252 and saved again: the classic mojibake
        WORD_TEXT.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-16le-no-bom", "cp1252", "mojibake"],
)
def test_text_encodings_decode_to_the_same_text(tmp_path, encoded):
    path = tmp_path / "note.txt"
    path.write_bytes(encoded)
    text = read_text_file(path).text
    assert text in (WORD_TEXT, WORD_TEXT.replace("¥", "JPY "))
    assert "â€" not in text and "\ufffd" not in text and "\ufeff" not in text


def test_text_control_characters_and_line_ends_are_tidied(tmp_path):
    path = tmp_path / "dos.txt"
    path.write_bytes(b"First line\r\nSecond\x07 line\rThird\x0b line\r\n")
    assert read_text_file(path).text.splitlines() == ["First line", "Second line", "Third line"]


def test_binary_text_file_is_refused(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(InputError, match="binary"):
        read_text_file(path)


def test_cp1252_undefined_bytes_never_crash():
    assert decode_text(b"caf\xe9 \x81\x8d price \x80 5", Path("x.txt")) == "café  price € 5"


def test_markdown_reduced_to_plain_paragraphs(tmp_path):
    path = tmp_path / "note.md"
    path.write_text(
        "---\ntitle: Ports pact explained\nsource: Harbour Ledger\n"
        "date: 2026-11-20\nlink: https://ledger.example/explainer\n---\n"
        "# Ports pact explained\n\n"
        "* Two terminals on the **east coast**\n"
        "* A [minerals route](https://example.org) to refiners\n"
        "  that runs for ten years\n\n"
        "The pact was signed in *Chennai* on Thursday and\n"
        "commits `AUD 3 billion` to the ports.\n\n"
        "What comes next\n---------------\n\n"
        "> Dredging starts in 2027, officials said.\n\n"
        "![crane](crane.jpg)\n\n"
        "| Port | Berths |\n|------|-------:|\n| Ennore | 4 |\n\n"
        "1. First berths in 2029\n2. Review in 2028\n\n"
        "***\n\n[ref]: https://example.org\n",
        encoding="utf-8",
    )
    document = read_markdown_file(path)
    assert document.text.splitlines() == [
        "Ports pact explained",
        "- Two terminals on the east coast",
        "- A minerals route to refiners that runs for ten years",
        "The pact was signed in Chennai on Thursday and commits AUD 3 billion to the ports.",
        "What comes next",
        "Dredging starts in 2027, officials said.",
        "Port; Berths",
        "Ennore; 4",
        "- First berths in 2029",
        "- Review in 2028",
    ]
    assert document.title == "Ports pact explained"
    assert {k: document.metadata[k] for k in ("publisher", "date", "url")} == {
        "publisher": "Harbour Ledger",
        "date": "2026-11-20",
        "url": "https://ledger.example/explainer",
    }


# --- registry and folders -------------------------------------------------------------------


def test_every_registered_reader_loads_and_mime_types_resolve():
    for suffix, entry in READERS.items():
        reader = reader_for(Path(f"x{suffix.upper()}"))
        assert callable(reader) and reader.__name__ == entry.function
        assert reader_for_mime(f"{entry.mime}; charset=utf-8") is not None
    assert reader_for_mime("text/html").__name__ == "read_html_file"
    assert reader_for_mime("application/pdf").__name__ == "read_pdf_file"
    assert reader_for_mime("image/png") is None


def test_start_up_does_not_import_format_libraries():
    code = (
        "import sys, briefgen.cli, briefgen.sources.base;"
        "print(sorted(m for m in ('lxml', 'pypdf', 'docx', 'reportlab') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_folder_walk_is_recursive_sorted_and_skips_hidden_unknown_and_duplicates(tmp_path):
    story = "A short note about port investment in the Bay of Bengal region this year."
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(story + " One.", encoding="utf-8")
    (tmp_path / "b" / "c.md").write_text(story + " Two.", encoding="utf-8")
    (tmp_path / "b" / "copy.txt").write_text(story + " One.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("object", encoding="utf-8")
    (tmp_path / "~$draft.docx").write_bytes(b"lock")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    os.symlink(tmp_path, tmp_path / "b" / "loop")
    warnings: list[str] = []

    paths = collect_paths([tmp_path, tmp_path / "a.txt"], warnings.append)
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == ["a.txt", "b/c.md", "b/copy.txt"]
    assert warnings == [f"{tmp_path / 'photo.jpg'}: skipped (unknown file type .jpg)"]

    documents = read_sources([tmp_path], warnings.append)
    assert [d.path.name for d in documents] == ["a.txt", "c.md"]
    assert warnings[-1].endswith(f"copy.txt: skipped (same text as {tmp_path / 'a.txt'})")


def test_named_file_of_unknown_type_lists_known_types(tmp_path):
    path = tmp_path / "notes.rtf"
    path.write_text("{\\rtf1 hello}", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        collect_paths([path], print)
    assert ".docx" in caught.value.message and ".pdf" in caught.value.message


# --- through the whole tool -----------------------------------------------------------------

RAIL = Article(
    title="Rail link talks resume in Tokyo",
    paragraphs=[
        "Transport ministers from India and Japan resumed talks on the high-speed rail link on "
        "Monday, with the first section due to open in 2028.",
        "Japan will lend JPY 100 billion for signalling and rolling stock, officials said.",
    ],
    publisher="Rail Gazette",
    date="2026-11-18",
    url="https://rail.example/talks",
)


def test_memo_source_list_carries_each_readers_fields(tmp_path):
    import yaml
    from conftest import docx_text, run_cli, written_paths

    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "a_page.html").write_bytes((FIXTURES / "article.html").read_bytes())
    write_docx(PACT, folder / "b_pact.docx")
    write_pdf(RAIL, folder / "c_rail.pdf")
    (folder / "d_note.md").write_text(
        "---\ntitle: Minerals note\npublisher: Mines Monthly\ndate: 2026-11-17\n---\n"
        "Refiners in Odisha will take the first Australian lithium cargo in March 2027.\n",
        encoding="utf-8",
    )
    (folder / "e_pasted.txt").write_bytes(
        "Pasted from Word\nThe navy’s “joint patrols” begin in 2027 — officials said so.\n".encode(
            "cp1252"
        )
    )
    brief_path = tmp_path / "brief.yaml"
    run_cli("draft", str(folder), "-o", str(brief_path), "--date", "2026-11-23", check=True)
    sources = yaml.safe_load(brief_path.read_text(encoding="utf-8"))["sources"]
    fields = [(s["title"], s.get("publisher", ""), s.get("date", "")) for s in sources]
    assert fields == [
        ("India and Australia sign a ports and minerals pact", "The Harbour Ledger", "2026-11-20"),
        (PACT.title, PACT.publisher, PACT.date),
        (RAIL.title, RAIL.publisher, RAIL.date),
        ("Minerals note", "Mines Monthly", "2026-11-17"),
        ("Pasted from Word", "", ""),
    ]
    assert sources[0]["url"] == PACT.url and sources[2]["url"] == RAIL.url

    result = run_cli("render", str(brief_path), "-o", str(tmp_path / "out"), "-f", "docx")
    (memo,) = written_paths(result)
    text = docx_text(memo)
    assert "The Harbour Ledger" in text and "Rail Gazette" in text
    assert "â€" not in text and "\ufffd" not in text


def test_two_column_pdf_reads_column_by_column(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer

    width, height = A4
    column = (width - 100) / 2
    path = tmp_path / "columns.pdf"
    document = BaseDocTemplate(str(path), pagesize=A4)
    frames = [Frame(40, 60, column, height - 120), Frame(60 + column, 60, column, height - 120)]
    document.addPageTemplates([PageTemplate(frames=frames)])
    paragraphs = [
        f"Report {n} covers port works and naval visits across the bay, with notes on berths, "
        f"cranes and dredging that run over several lines of a narrow column. End of {n}."
        for n in range(14)
    ]
    style = getSampleStyleSheet()["BodyText"]
    # the spacer pushes report 12 to start at the foot of the left column and end in the right
    document.build([Spacer(1, 24)] + [Paragraph(text, style) for text in paragraphs])
    from pypdf import PdfReader

    sides: dict[str, set[bool]] = {}  # report -> which columns its text runs sit in
    report = ""

    def visit(text, cm, tm, font, size) -> None:
        nonlocal report
        if text.strip():
            report = text.split()[1] if text.startswith("Report ") else report
            sides.setdefault(report, set()).add(tm[4] * cm[0] + cm[4] < width / 2)

    PdfReader(str(path)).pages[0].extract_text(visitor_text=visit)
    assert {True, False} in sides.values()  # a report runs from one column into the next
    assert read_pdf_file(path).text.splitlines() == paragraphs


def test_unknown_suffix_is_read_by_what_the_bytes_show(tmp_path):
    page = tmp_path / "articleshow.cms"
    page.write_bytes((FIXTURES / "article.html").read_bytes())
    download = tmp_path / "download"
    write_pdf(PACT, download)
    (tmp_path / "notes.rtf").write_text("{\\rtf1 hello}", encoding="utf-8")
    warnings: list[str] = []
    documents = read_sources([tmp_path], warnings.append)
    assert [d.path.name for d in documents] == ["articleshow.cms", "download"]
    assert documents[0].metadata["publisher"] == "The Harbour Ledger"
    assert documents[1].text.splitlines() == PACT.lines()
    assert warnings == [f"{tmp_path / 'notes.rtf'}: skipped (unknown file type .rtf)"]


def test_pdf_with_only_an_owner_password_is_read(tmp_path):
    from pypdf import PdfWriter

    plain = write_pdf(RAIL, tmp_path / "plain.pdf")
    writer = PdfWriter(clone_from=str(plain))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "no-copy.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    assert b"/Encrypt" in path.read_bytes()
    assert read_pdf_file(path).text.splitlines() == RAIL.lines()


def test_pdf_text_scaled_by_its_matrix_keeps_paragraphs(tmp_path):
    """'1 Tf' with the size in the text matrix, as some producers write, reads the same."""
    from reportlab.pdfgen import canvas

    paragraphs = [
        ["Transport ministers met in Tokyo on Monday.", "They agreed a timetable for the link."],
        ["Japan will lend JPY 100 billion for signalling,", "officials said after the talks."],
    ]
    path = tmp_path / "scaled.pdf"
    pdf = canvas.Canvas(str(path))
    y = 760.0
    for lines in paragraphs:
        for line in lines:
            text = pdf.beginText()
            text.setFont("Helvetica", 1)
            text.setTextTransform(11, 0, 0, 11, 72, y)
            text.textOut(line)
            pdf.drawText(text)
            y -= 13.5
        y -= 10  # the paragraph gap
    pdf.save()
    # a line ending a sentence inside a paragraph is told apart only by the real line step
    assert read_pdf_file(path).text.splitlines() == [" ".join(lines) for lines in paragraphs]


def test_docx_content_controls_links_and_tracked_changes(tmp_path):
    """Text in content controls and hyperlinks is read; deleted text and text boxes are not."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    word = Document()
    body = word.element.body
    body.insert(
        0,
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>Cover page: harbour "
            "briefing</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        ),
    )
    paragraph = word.add_paragraph("The port deal, ")
    link = word.part.relate_to(
        "https://ledger.example/pact",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        is_external=True,
    )
    for xml in (
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{link}"><w:r><w:t>signed in Chennai</w:t>'
        "</w:r></w:hyperlink>",
        f"<w:del {nsdecls('w')} w:id='1' w:author='ed' w:date='2026-11-20T00:00:00Z'><w:r>"
        "<w:delText> last month</w:delText></w:r></w:del>",
        f"<w:ins {nsdecls('w')} w:id='2' w:author='ed' w:date='2026-11-20T00:00:00Z'><w:r>"
        "<w:t> on Thursday</w:t></w:r></w:ins>",
        f"<w:sdt {nsdecls('w')}><w:sdtContent><w:r><w:t>, runs ten years.</w:t></w:r>"
        "</w:sdtContent></w:sdt>",
        f"<w:r {nsdecls('w')}><w:pict><v:shape xmlns:v='urn:schemas-microsoft-com:vml'>"
        "<v:textbox><w:txbxContent><w:p><w:r><w:t>Sidebar: Subscribe now</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>",
    ):
        paragraph._p.append(parse_xml(xml))
    path = tmp_path / "controls.docx"
    word.save(str(path))
    assert read_docx_file(path).text.splitlines() == [
        "Cover page: harbour briefing",
        "The port deal, signed in Chennai on Thursday, runs ten years.",
    ]
