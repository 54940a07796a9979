"""Fuzz every field of a Brief through the DOCX and PDF renderers.

Any Unicode a user can paste (every plane, control characters, lone surrogates, markup-looking
text, very long strings and words) must give a DOCX that python-docx reopens with the text
intact, and a PDF that `qpdf --check` accepts with its text extractable. The normal run tries a
few examples; `python3 -m pytest tests/test_fuzz_render.py --hypothesis-profile=long` many more.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from conftest import docx_text, needs_qpdf, pdf_text
from hypothesis import example, given
from hypothesis import strategies as st

from briefgen.model import SECTION_KEYS, Brief, Item, KeyFigure, Source
from briefgen.render.base import RenderSettings
from briefgen.render.docx import DocxRenderer
from briefgen.render.pdf import PdfRenderer
from briefgen.render.text import xml_safe

# Tokens reportlab's paragraph parser or an XML writer would trip on if text were interpreted.
HOSTILE = [
    "<b>", "</b>", "<para>", "</para>", "<br/>", "<font size=99>", "&nbsp;", "&amp;", "&#0;",
    "&", "<", ">", "]]>", "<![CDATA[", "0.1 <A <0.9", "\x00", "\x0b", "\x1f", "\x7f", "\x85",
    "\ufffe", "\uffff", "\ud800", "\udfff", "\u202e", "\u200b", "\r\n", "\t", "{page}", "%s",
]
# Every code point: all planes, controls and lone surrogates (Python strs can hold them, e.g.
# from surrogateescape decoding).
ANY_CHAR = st.characters(exclude_categories=())
PIECE = st.one_of(
    st.text(ANY_CHAR, max_size=40),
    st.sampled_from(HOSTILE),
    # long strings, built by repetition so they cost Hypothesis little entropy: often one
    # enormous "word" with no space to break at
    st.tuples(st.text(ANY_CHAR, min_size=1, max_size=6), st.integers(30, 120)).map(
        lambda pair: pair[0] * pair[1]
    ),
)
FUZZ_TEXT = st.lists(PIECE, max_size=3).map("".join)
SOURCE_IDS = st.lists(st.integers(-(2**63), 2**63), max_size=3)


def _marked(tag: str) -> st.SearchStrategy[str]:
    """Fuzz text with a plain ASCII marker in it, so we can find it in the output again."""
    return st.tuples(FUZZ_TEXT, FUZZ_TEXT).map(lambda pair: f"{pair[0]} {tag} {pair[1]}")


@st.composite
def briefs(draw: st.DrawFn) -> Brief:
    sections = {
        key: [
            Item(text=draw(_marked(f"ZQ{key[:3]}{n}ZQ")), sources=draw(SOURCE_IDS))
            for n in range(draw(st.integers(0, 3)))
        ]
        for key in SECTION_KEYS
    }
    figures = [
        KeyFigure(
            label=draw(_marked(f"ZQlabel{n}ZQ")),
            value=draw(_marked(f"ZQvalue{n}ZQ")),
            sources=draw(SOURCE_IDS),
        )
        for n in range(draw(st.integers(0, 3)))
    ]
    sources = [
        Source(
            id=draw(st.integers(-(2**31), 2**31)),
            title=draw(_marked(f"ZQsource{n}ZQ")),
            path=draw(FUZZ_TEXT),
            publisher=draw(FUZZ_TEXT),
            date=draw(FUZZ_TEXT),
            url=draw(FUZZ_TEXT),
        )
        for n in range(draw(st.integers(0, 3)))
    ]
    return Brief(
        title=draw(_marked("ZQtitleZQ")),
        subject=draw(FUZZ_TEXT),
        date=draw(st.one_of(st.just("2026-11-23"), FUZZ_TEXT)),
        classification=draw(FUZZ_TEXT),
        to=draw(FUZZ_TEXT),
        from_=draw(FUZZ_TEXT),
        sections=sections,
        key_figures=figures,
        sources=sources,
    )


def _markers(brief: Brief) -> list[str]:
    texts = [brief.title] + [i.text for items in brief.sections.values() for i in items]
    texts += [f.label for f in brief.key_figures] + [f.value for f in brief.key_figures]
    texts += [s.title for s in brief.sources]
    return [word for text in texts for word in text.split(" ") if word.startswith("ZQ")]


def _as_docx_reads_back(text: str) -> str:
    # python-docx stores a line break as <w:br/> and a tab as <w:tab/>; both read back.
    return xml_safe(text).replace("\r", "\n")


HOSTILE_BRIEF = Brief(
    title="../../etc/x <b>CON</b> & ]]> ZQtitleZQ",
    subject="<para>" * 50,
    classification="SECRET\x00 <font color=red>",
    sections={key: [Item(text=f"0.1 <A <0.9 & &nbsp; \x01 ZQ{key}ZQ", sources=[1])]
              for key in SECTION_KEYS},
    key_figures=[KeyFigure(label="W" * 3000, value="x" * 5000 + " ZQvalue0ZQ", sources=[1])],
    sources=[Source(id=1, title="\ud83d\ude00\ud800 ZQsource0ZQ", url="http://x/?a=1&b=<2>")],
)


@needs_qpdf
@given(brief=briefs())
@example(brief=HOSTILE_BRIEF)
def test_any_brief_renders_to_docx_that_reopens_and_pdf_that_qpdf_accepts(brief: Brief) -> None:
    from docx import Document

    with tempfile.TemporaryDirectory() as folder:
        docx_path, pdf_path = Path(folder) / "memo.docx", Path(folder) / "memo.pdf"
        settings = RenderSettings()
        DocxRenderer(settings).render(brief, docx_path)
        PdfRenderer(settings).render(brief, pdf_path)

        document = Document(str(docx_path))
        headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
        assert _as_docx_reads_back(brief.title) in headings
        bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
        for items in brief.sections.values():
            for item in items:
                assert any(b.startswith(_as_docx_reads_back(item.text)) for b in bullets)
        written = docx_text(docx_path)
        for marker in _markers(brief):
            assert marker in written

        check = subprocess.run(
            [shutil.which("qpdf") or "qpdf", "--check", str(pdf_path)],
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0, check.stdout + check.stderr
        extracted = pdf_text(pdf_path)
        assert "MEMORANDUM" in extracted
        for marker in _markers(brief):
            assert marker in extracted, marker
