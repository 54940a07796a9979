"""Readers that lean on the field's libraries (issue 13, item 8): charset-normalizer for legacy
Asian encodings, lxml for DOCX app.xml, markdown-it-py for Markdown, python-dateutil for dates."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from readers_fixtures import with_company

from briefgen.sources.docx import read_docx_file
from briefgen.sources.markdown import markdown_lines, read_markdown_file
from briefgen.sources.meta import normalize_date
from briefgen.sources.text import read_text_file

# Written for these tests.
JAPANESE = (
    "日印首脳会談の要旨\n\n"
    "両首脳はヨハネスブルグで会談し、防衛協力と半導体の供給網について合意した。\n"
    "日本は今後五年間で十兆円の投資を目指す。"
)
CHINESE = "印日领导人会晤要点\n\n两国领导人在约翰内斯堡会谈，同意加强国防合作和半导体供应链。"


@pytest.mark.parametrize(
    ("text", "codec"),
    [(JAPANESE, "shift_jis"), (JAPANESE, "euc_jp"), (JAPANESE, "gb18030"), (CHINESE, "gb18030")],
)
def test_legacy_asian_text_files_are_read_right(tmp_path, text, codec):
    path = tmp_path / "note.txt"
    path.write_bytes(text.encode(codec))
    document = read_text_file(path)
    assert document.text == text
    assert document.title == text.splitlines()[0]


@pytest.mark.parametrize(
    "text",
    [
        "naïve résumé of the talks",  # read as Cyrillic by a detector left to itself
        "Café crème, São Paulo – the “Brazil” office said £3, €4 and ½ each.",
        "Straße, Ärger, Öl, Übung: words with umlauts.",
    ],
)
def test_western_text_stays_windows_1252(tmp_path, text):
    path = tmp_path / "note.txt"
    path.write_bytes(text.encode("cp1252"))
    assert read_text_file(path).text == text


def test_docx_publisher_with_ampersand_and_angle_brackets_prints_as_written(tmp_path):
    from docx import Document

    word = Document()
    word.add_paragraph("The two carriers agreed to share research on undersea cables.")
    buffer = io.BytesIO()
    word.save(buffer)
    path = tmp_path / "memo.docx"
    path.write_bytes(with_company(buffer.getvalue(), "AT&T <Research> & “Partners”"))
    assert read_docx_file(path).metadata["publisher"] == "AT&T <Research> & “Partners”"


def test_markdown_nested_lists_reference_links_and_html_blocks(tmp_path):
    path = tmp_path / "note.md"
    path.write_text(
        "---\ntitle: Ports pact\ndate: Sunday, 23 November 2026\n---\n"
        "Intro with a [reference link][pact] and a [collapsed one][] &amp; an entity.\n\n"
        "- Terminals\n"
        "  - East coast: **two** berths\n"
        "    1. Ennore first\n"
        "- Minerals route\n\n"
        "  A second paragraph in the item.\n\n"
        '<div class="callout">\n<p>Dredging starts in 2027 &amp; ends\nin 2029.</p>\n'
        "<script>track()</script><!-- note -->\n<p>Both ports stay open.</p>\n</div>\n\n"
        "    indented code line\n\n"
        "Closing line with <span>inline html</span> and ![a chart](c.png) gone.\n\n"
        '[pact]: https://example.org/pact "Pact"\n[collapsed one]: https://example.org/c\n',
        encoding="utf-8",
    )
    document = read_markdown_file(path)
    assert document.text.splitlines() == [
        "Intro with a reference link and a collapsed one & an entity.",
        "- Terminals",
        "- East coast: two berths",
        "- Ennore first",
        "- Minerals route",
        "A second paragraph in the item.",
        "Dredging starts in 2027 & ends in 2029.",
        "Both ports stay open.",
        "indented code line",
        "Closing line with inline html and gone.",
    ]
    assert document.title == "Ports pact"
    assert document.metadata["date"] == "2026-11-23"


def test_markdown_title_is_an_opening_level_one_heading(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("Ports *pact*\n============\n\nBody text here.\n", encoding="utf-8")
    assert read_markdown_file(path).title == "Ports pact"
    path.write_text("## Not a title\n\nBody text here.\n", encoding="utf-8")
    assert read_markdown_file(path).title == "Not a title"  # the first line, as for text


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("Nov. 23, 2026", "2026-11-23"),
        ("Sunday, 23 November 2026", "2026-11-23"),
        ("23.11.2026", "2026-11-23"),
        ("23/11/2026", "2026-11-23"),
        ("03/04/2026", "2026-04-03"),  # day first, as the source list's readers write it
        ("11/23/2026", "2026-11-23"),  # cannot be day first
        ("Mon, 23 Nov 2026 10:00:00 GMT", "2026-11-23"),
        ("2026-11-23T10:30:00+05:30", "2026-11-23"),
        ("D:20261123103000+05'30'", "2026-11-23"),
        ("November 2026", "November 2026"),  # no day: kept as written
        ("2026", "2026"),
        ("yesterday", "yesterday"),
        ("31.02.2026", "31.02.2026"),  # no such day
    ],
)
def test_source_dates_become_iso_when_they_name_a_day(written, iso):
    assert normalize_date(written) == iso


_MARKDOWN_BITS = st.sampled_from(
    [
        *"ab ,.\n",
        "  ",
        "- ",
        "1. ",
        "> ",
        "# ",
        "**",
        "_",
        "`",
        "[",
        "]",
        "(u)",
        "[r]",
        "\n\n",
        "<div>",
        "</div>",
        "<p>",
        "&amp;",
        "![i](x)",
        "---\n",
        "| a | b |\n|---|---|\n",
        "```\n",
    ]
)


@given(st.lists(_MARKDOWN_BITS, max_size=40).map("".join))
def test_fuzz_markdown_gives_clean_lines_or_one_input_error(text):
    lines, title = markdown_lines(text)
    assert all(line and line == " ".join(line.split()) for line in lines)
    assert "\n" not in title
    # Every word of plain prose survives.
    plain = " ".join(text.split())
    if plain and set(plain) <= set("ab ,."):
        assert " ".join(lines).split() == plain.split()


@pytest.mark.parametrize("value", ["0001-01-01T00:00:00Z", "9999-12-31", "D:00010101"])
def test_placeholder_dates_are_no_date(value: str) -> None:
    assert normalize_date(value) == ""


def test_a_relative_date_counted_past_the_calendar_is_left_out() -> None:
    import datetime as dt

    from briefgen.analysis.dates import resolve_relative

    text = "The ministers met last Monday and will meet again next month."
    assert resolve_relative(text, dt.date(1, 1, 1)).startswith("The ministers met")
    assert "next month." in resolve_relative(text, dt.date(9999, 12, 31))  # no such month
