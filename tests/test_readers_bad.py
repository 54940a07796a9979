"""Bad source files: one line 'error: <file>: <problem>', exit 2, nothing written; or, when
other sources remain, a warning that names the file and a memo from the rest."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import run_cli, written_paths
from readers_fixtures import Article, write_pdf

from briefgen.errors import InputError
from briefgen.sources.base import reader_for

GOOD = Article(
    title="Rail link talks resume",
    paragraphs=[
        "Transport ministers from India and Japan resumed talks on the high-speed rail link "
        "on Monday, with the first section due to open in 2028.",
        "Japan will lend JPY 100 billion for signalling and rolling stock, officials said, "
        "and engineers from both countries will train the first crews together.",
    ],
)


def _not_a_pdf(folder: Path) -> Path:
    path = folder / "report.pdf"
    path.write_text("<html><body>Sorry, the file you asked for has moved.</body></html>")
    return path


def _encrypted_pdf(folder: Path) -> Path:
    from pypdf import PdfWriter

    plain = write_pdf(GOOD, folder / "plain-source.pdf")
    writer = PdfWriter(clone_from=str(plain))
    writer.encrypt(
        user_password="secret", owner_password="owner", algorithm="RC4-128"
    )  # no crypto library needed
    path = folder / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    plain.unlink()
    return path


def _truncated_pdf(folder: Path) -> Path:
    whole = write_pdf(GOOD, folder / "whole.pdf").read_bytes()
    (folder / "whole.pdf").unlink()
    path = folder / "cut.pdf"
    path.write_bytes(whole[:300])
    return path


def _empty_docx(folder: Path) -> Path:
    path = folder / "empty.docx"
    path.write_bytes(b"")
    return path


def _text_named_docx(folder: Path) -> Path:
    path = folder / "memo.docx"
    path.write_text("This was saved as plain text with the wrong extension.")
    return path


def _spreadsheet_named_docx(folder: Path) -> Path:
    import zipfile

    path = folder / "figures.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/workbook.xml", "<workbook/>")
    path.write_bytes(buffer.getvalue())
    return path


def _no_article_html(folder: Path) -> Path:
    path = folder / "index.html"
    path.write_text(
        "<html><head><title>Home | News</title><script>load()</script></head><body>"
        "<nav><a href='/'>Home</a><a href='/world'>World</a></nav>"
        "<div class='cookie-banner'>We use cookies to give you the best experience.</div>"
        "<ul><li><a href='/a'>Story one</a></li><li><a href='/b'>Story two</a></li></ul>"
        "<footer>Copyright 2026</footer></body></html>"
    )
    return path


def _binary_txt(folder: Path) -> Path:
    path = folder / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return path


BAD_FILES = {
    "not-a-pdf": (_not_a_pdf, "not a PDF file (it looks like text/html)"),
    "encrypted-pdf": (_encrypted_pdf, "PDF is password-protected"),
    "truncated-pdf": (_truncated_pdf, "PDF"),
    "zero-byte-docx": (_empty_docx, "file is empty"),
    "text-as-docx": (_text_named_docx, "not a DOCX file"),
    "xlsx-as-docx": (_spreadsheet_named_docx, "Word document"),
    "html-without-article": (_no_article_html, "no article text found"),
    "binary-txt": (_binary_txt, "binary file"),
}


@pytest.mark.parametrize("make", [m for m, _ in BAD_FILES.values()], ids=list(BAD_FILES))
def test_reader_raises_input_error_naming_the_file(tmp_path, make):
    path = make(tmp_path)
    reader = reader_for(path)
    assert reader is not None
    with pytest.raises(InputError) as caught:
        reader(path)
    assert caught.value.path == path
    expected = BAD_FILES[next(k for k, (m, _) in BAD_FILES.items() if m is make)][1]
    assert expected in caught.value.message
    assert "\n" not in caught.value.message


@pytest.mark.parametrize(
    "name",
    ["not-a-pdf", "encrypted-pdf", "truncated-pdf", "zero-byte-docx", "html-without-article"],
)
def test_cli_bad_file_alone_is_one_line_error_and_writes_nothing(tmp_path, name):
    make, expected = BAD_FILES[name]
    source = make(tmp_path)
    out = tmp_path / "out"
    result = run_cli("generate", str(source), "-o", str(out))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {source}: ")
    assert expected in lines[0]
    assert not out.exists() or not any(out.iterdir())


def test_cli_bad_files_beside_a_good_one_are_skipped_with_warnings(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    bad = [make(folder) for make, _ in BAD_FILES.values()]
    (folder / "good.txt").write_text("\n".join(GOOD.lines()), encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("generate", str(folder), "-o", str(out), "-f", "docx", check=True)
    assert [p.suffix for p in written_paths(result)] == [".docx"]
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    for path in bad:
        assert any(line.startswith(f"warning: {path}: skipped (") for line in warnings), path
    assert "Traceback" not in result.stderr
