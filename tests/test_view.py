"""One view of the memo: every format says the same, wording is worked out once per run, and
no format prints a local path or a link the one link rule refuses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import docx_text, pdf_text, run_cli, written_paths

from briefgen.model import Brief, Item, KeyFigure, Source, dump_brief
from briefgen.render.view import memo_view, source_line

SECRET_DIR = "/home/analyst/secret-project"


def _brief() -> Brief:
    brief = Brief(title="View check", date="2026-11-23", classification="restricted")
    brief.sections["summary"] = [Item("Leaders agreed a plan.", [1, 2])]
    brief.key_figures = [KeyFigure("Target", "JPY 10 trillion", [2])]
    brief.sources = [
        Source(1, "Local notes", path=f"{SECRET_DIR}/notes_one.txt"),
        Source(2, "Web story", publisher="Desk", date="2026-11-22", url="https://ex.org/a_b"),
        Source(3, "Windows notes", path="C:\\Users\\analyst\\secret\\notes_three.txt"),
        Source(4, "Hostile link", url="javascript:alert(1)", path=f"{SECRET_DIR}/four.txt"),
        Source(5, "Mail", url="mailto:desk@example.org"),
        Source(6, "Fetched", url="https://ex.org/c", date="2026-11-20", accessed="2026-11-23"),
    ]
    return brief


def test_source_lines_follow_one_rule():
    lines = [source_line(s) for s in _brief().sources]
    assert [(line.link, line.file) for line in lines] == [
        ("", "notes_one.txt"),
        ("https://ex.org/a_b", ""),
        ("", "notes_three.txt"),  # a path written on Windows: its name only, here too
        ("", "four.txt"),  # javascript: is never a link
        ("mailto:desk@example.org", ""),
        ("https://ex.org/c", ""),
    ]
    assert lines[1].details == "Desk, 2026-11-22" and lines[1].marker == "[2]"
    # A page read from the web says when: the URL may show something else later.
    assert lines[5].details == "2026-11-20, accessed 2026-11-23"


def test_view_holds_what_the_memo_says():
    view = memo_view(_brief())
    assert view.banner == "RESTRICTED"
    subject = view.header[-1]
    assert (subject.label, subject.value, subject.strong) == ("SUBJECT", "View check", True)
    summary = view.sections[0]
    assert summary.boxed and summary.lead.startswith("Drawn from 6 sources")
    assert [i.marker for i in summary.items] == ["[1, 2]"]
    assert all(not s.items and s.empty for s in view.sections[1:])
    assert view.figures[0].value.marker == "[2]"
    assert view.keywords == ("briefing memo", "summary")


@pytest.fixture(scope="module")
def every_format(tmp_path_factory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("view")
    brief_file = tmp / "brief.yaml"
    brief_file.write_text(dump_brief(_brief(), ".yaml"), encoding="utf-8")
    result = run_cli("render", str(brief_file), "-o", str(tmp / "out"), "-f", "docx,pdf,md,html")
    assert result.returncode == 0, result.stderr
    return {p.suffix: p for p in written_paths(result)}


def _texts(files: dict[str, Path]) -> dict[str, str]:
    return {
        ".docx": docx_text(files[".docx"]),
        ".pdf": " ".join(pdf_text(files[".pdf"]).split()),
        ".md": files[".md"].read_text(encoding="utf-8").replace("\\", ""),
        ".html": files[".html"].read_text(encoding="utf-8"),
    }


def test_no_format_prints_a_local_path(every_format):
    for suffix, text in _texts(every_format).items():
        assert "secret" not in text and "analyst" not in text, suffix
        for name in ("notes_one.txt", "notes_three.txt", "four.txt"):
            assert name in text, (suffix, name)
        assert "javascript" not in text, suffix


def test_every_format_links_the_same_sources(every_format):
    from docx import Document
    from pypdf import PdfReader

    expected = ["https://ex.org/a_b", "mailto:desk@example.org", "https://ex.org/c"]
    docx_links = [
        r.target_ref
        for r in Document(str(every_format[".docx"])).part.rels.values()
        if r.reltype.endswith("/hyperlink")
    ]
    pdf_links = [
        annot.get_object()["/A"]["/URI"]
        for page in PdfReader(str(every_format[".pdf"])).pages
        for annot in page.get("/Annots", [])
        if annot.get_object().get("/Subtype") == "/Link"
    ]
    from lxml import html as lxml_html
    from markdown_it import MarkdownIt

    page = lxml_html.fromstring(every_format[".html"].read_bytes())
    html_links = [a.get("href") for a in page.xpath("//ol[@class='sources']//a")]
    md = MarkdownIt("commonmark").render(every_format[".md"].read_text(encoding="utf-8"))
    md_links = [a.get("href") for a in lxml_html.fromstring(md).xpath("//a")]
    assert html_links == md_links == expected  # in source-list order
    assert sorted(docx_links) == sorted(pdf_links) == sorted(expected)


def test_wording_is_worked_out_once_per_run(tmp_path, monkeypatch):
    import briefgen.render.view as view_module

    calls: list[str] = []
    real = view_module.memo_wording

    def counting(brief, settings):
        calls.append(brief.title)
        return real(brief, settings)

    monkeypatch.setattr(view_module, "memo_wording", counting)
    brief_file = tmp_path / "brief.yaml"
    brief_file.write_text(dump_brief(_brief(), ".yaml"), encoding="utf-8")
    args = ["render", str(brief_file), "-o", str(tmp_path / "out"), "-f", "docx,pdf,md,html"]
    result = run_cli(*args, "--eml", "desk@example.org")
    assert result.returncode == 0, result.stderr
    assert len(written_paths(result)) == 5 and calls == ["View check"]


def test_docx_and_pdf_need_no_template_engine(tmp_path):
    """Jinja2 serves --templates, Markdown, HTML and e-mail only: a DOCX/PDF run never loads it."""
    code = (
        "import sys, briefgen.app as app\n"
        "from briefgen.analysis.pipeline import Options\n"
        "out = app.prepare_output('docx,pdf', app.Style(), print)\n"
        "brief = app.brief_from_inputs([], Options(date='2026-11-23'), print)\n"
        f"app.write_memo(brief, __import__('pathlib').Path({str(tmp_path)!r}), out, print)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'markupsafe')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
