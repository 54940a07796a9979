"""Templates: wording overrides and translation, Markdown and HTML output, the sandbox."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import docx_text, pdf_text, run_cli, written_paths

# A brief written for these tests: hostile text in every field a template prints.
HOSTILE_BRIEF = """\
title: "<script>alert(1)</script> & *bold* [link](http://x.test) # not a heading"
subject: Tokyo & Delhi <b>talks</b>
date: 2026-11-23
classification: 'RESTRICTED "</style><script>x</script>'
to: Desk <desk@example.org>
from: Unit & Co
sections:
  summary:
    - text: "1. looks like a list <b>tag</b> &amp; | pipe _under_ `code` ![img](x.png)"
      sources: [1]
    - text: Yen ¥ and rupee ₹ figures with 日本語 and हिन्दी text.
      sources: [1, 2]
  defence: ["- starts with a dash", "+ starts with a plus"]
  technology: []
  economy:
    - text: "Line one\\nline two # hash"
      sources: [2]
  outlook: []
key_figures:
  - {label: "a|b <i>", value: "JPY 10 trillion", sources: [2]}
sources:
  - {id: 1, title: "First <x> source", url: "javascript:alert(1)"}
  - {id: 2, title: "Second source", publisher: "Desk & Co", url: "https://example.org/a?b=1&c=2"}
"""
ITEM_TEXTS = [
    "1. looks like a list <b>tag</b> &amp; | pipe _under_ `code` ![img](x.png)",
    "Yen ¥ and rupee ₹ figures with 日本語 and हिन्दी text.",
    "- starts with a dash",
    "+ starts with a plus",
    "Line one line two # hash",
]


@pytest.fixture()
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE_BRIEF, encoding="utf-8")
    return path


def render(brief: Path, out: Path, formats: str, *extra: str, cwd: Path | None = None):
    result = run_cli("render", str(brief), "-o", str(out), "-f", formats, *extra, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return {
        p.suffix: (cwd / p if cwd and not p.is_absolute() else p) for p in written_paths(result)
    }


# --------------------------------------------------------------------------- Markdown


def test_markdown_prints_hostile_text_literally(hostile, tmp_path):
    from markdown_it import MarkdownIt

    md = render(hostile, tmp_path / "out", "md")[".md"].read_text(encoding="utf-8")
    html = MarkdownIt("commonmark").enable("table").render(md)
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(html)
    # Nothing in the data became markup: no script, emphasis, image, link or code from it.
    assert not tree.xpath("//script|//img|//code|//b|//i")
    # The one link is the web source's, by the view's link rule (javascript: is no link).
    links = [(a.get("href"), a.text_content()) for a in tree.xpath("//a")]
    assert links == [("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&c=2")]
    emphasis = {" ".join(em.text_content().split()) for em in tree.xpath("//em")}
    assert emphasis == {  # only the template's own italics: the lead-in and empty sections
        "Drawn from 2 sources; markers such as [1] refer to the list at the end.",
        "No material in the sources.",
    }
    text = " ".join(tree.text_content().split())
    for item in ITEM_TEXTS:
        assert item in text, item
    assert "<script>alert(1)</script> & *bold* [link](http://x.test) # not a heading" in text
    # Structure: one h1 (MEMORANDUM), the title as h2, five sections + figures + sources as h3.
    assert [h.text_content() for h in tree.xpath("//h1")] == ["MEMORANDUM"]
    assert len(tree.xpath("//h2")) == 1
    headings = [h.text_content() for h in tree.xpath("//h3")]
    assert headings[:5] == [
        "Summary (bottom line up front)",
        "Defence and security",
        "Technology",
        "Economy, trade and investment",
        "Outlook",
    ]
    assert headings[5:] == ["Key figures", "Sources"]
    # Every item is its own list item (none merged into another, none nested).
    bullets = [
        " ".join(li.text_content().split()) for li in tree.xpath("//ul[not(ancestor::li)]/li")
    ]
    assert len(bullets) == len(ITEM_TEXTS) + 2  # + the two sources
    assert not tree.xpath("//li//li") and not tree.xpath("//ol")
    cells = [c.text_content() for c in tree.xpath("//table//td")]
    assert cells[0] == "a|b <i>" and cells[1].startswith("JPY 10 trillion")


# --------------------------------------------------------------------------- HTML


def test_html_is_self_contained_escaped_and_linked(hostile, tmp_path):
    from lxml import html as lxml_html

    path = render(hostile, tmp_path / "out", "html")[".html"]
    raw = path.read_text(encoding="utf-8")
    tree = lxml_html.fromstring(raw)
    assert tree.get("lang") == "en"
    # Self-contained: no scripts, no external stylesheets, images or frames.
    assert not tree.xpath("//script|//link|//img|//iframe|//object|//*[@src]")
    assert raw.count("<style>") == 1 and raw.count("</style>") == 1  # the data did not close it
    assert tree.findtext(".//title").startswith("<script>alert(1)</script>")
    body = " ".join(tree.body.text_content().split())
    for item in ITEM_TEXTS:
        assert item in body, item
    banners = tree.xpath("//div[@class='banner']")
    assert len(banners) == 2
    assert banners[0].text_content() == 'RESTRICTED "</STYLE><SCRIPT>X</SCRIPT>'
    # Printable: A4 page with the banner and "Page X of Y" in the page margins.
    style = tree.findtext(".//style")
    assert "size: A4" in style and "counter(page)" in style and "counter(pages)" in style
    # Citation markers link to numbered sources that exist; unsafe URLs are not links.
    ids = {e.get("id") for e in tree.xpath("//*[@id]")}
    targets = [a.get("href") for a in tree.xpath("//span[@class='cite']/a")]
    assert targets and all(t.startswith("#") and t[1:] in ids for t in targets)
    hrefs = [a.get("href") for a in tree.xpath("//a")]
    assert not any(h.lower().startswith("javascript") for h in hrefs)
    assert "https://example.org/a?b=1&c=2" in hrefs
    headings = [h.text_content() for h in tree.xpath("//h2")]
    assert headings[0] == "Summary (bottom line up front)" and headings[-1] == "Sources"


def test_md_and_html_from_generate_carry_the_same_items_as_docx(tmp_path):
    result = run_cli(
        "generate", "-f", "docx,md,html", "-o", str(tmp_path), "--date", "2026-11-23", check=True
    )
    paths = {p.suffix: p for p in written_paths(result)}
    assert len({p.stem for p in paths.values()}) == 1
    from docx import Document
    from lxml import html as lxml_html

    bullets = [
        re.sub(r"\s\[[\d, ]+\]$", "", p.text)  # drop the citation marker
        for p in Document(str(paths[".docx"])).paragraphs
        if p.style.name == "List Bullet"
    ]
    tree = lxml_html.fromstring(paths[".html"].read_bytes())
    items = [li.text.strip() for li in tree.xpath("//section/ul/li")]
    assert items == bullets
    md = paths[".md"].read_text(encoding="utf-8")
    assert len(re.findall(r"^- ", md, flags=re.M)) >= len(bullets)


# --------------------------------------------------------------------------- wording


def test_one_heading_renamed_with_a_relative_templates_folder(tmp_path):
    org = tmp_path / "work" / "house"
    org.mkdir(parents=True)
    (org / "headings.j2").write_text(
        "{% block defence %}Defence & Security{% endblock %}\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = run_cli(
        "generate",
        "-f",
        "docx,pdf,html",
        "-o",
        str(out),
        "--templates",
        "house",
        cwd=tmp_path / "work",
        check=True,
    )
    paths = {p.suffix: p for p in written_paths(result)}
    from docx import Document

    docx_headings = [
        p.text for p in Document(str(paths[".docx"])).paragraphs if p.style.name == "Heading 2"
    ]
    assert "Defence & Security" in docx_headings
    assert "Defence and security" not in docx_headings
    assert "Technology" in docx_headings and "Outlook" in docx_headings  # the rest fall back
    pdf = pdf_text(paths[".pdf"])
    assert "Defence & Security" in pdf and "Defence and security" not in pdf
    assert "Economy, trade and investment" in pdf
    assert ">Defence &amp; Security</h2>" in paths[".html"].read_text(encoding="utf-8")


GERMAN = {
    "labels.j2": """{% block lang %}de{% endblock %}
{% block memorandum %}VERMERK{% endblock %}
{% block to %}AN{% endblock %}{% block from %}VON{% endblock %}
{% block date %}DATUM{% endblock %}{% block subject %}BETREFF{% endblock %}
{% block key_figures %}Kennzahlen{% endblock %}{% block sources %}Quellen{% endblock %}
""",
    "headings.j2": """{% block summary %}Zusammenfassung{% endblock %}
{% block defence %}Verteidigung{% endblock %}{% block technology %}Technologie{% endblock %}
{% block economy %}Wirtschaft{% endblock %}{% block outlook %}Ausblick{% endblock %}
""",
    "footer.j2": "{% block page %}Seite {{ page }} von {{ pages }}{% endblock %}\n",
    "summary_lead.j2": (
        "{% block summary_lead %}Das Wichtigste aus {{ brief.sources | length }} Quellen."
        "{% endblock %}\n"
    ),
}


def test_translated_memo_from_templates(tmp_path):
    folder = tmp_path / "de"
    folder.mkdir()
    for name, text in GERMAN.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = run_cli(
        "generate",
        "-f",
        "docx,pdf,md,html",
        "-o",
        str(tmp_path / "out"),
        "--templates",
        str(folder),
        check=True,
    )
    assert "template" not in result.stderr  # every file and block was recognised
    paths = {p.suffix: p for p in written_paths(result)}
    from pypdf import PdfReader

    reader = PdfReader(str(paths[".pdf"]))
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert f"Seite {number} von {total}" in page.extract_text()
    pdf = pdf_text(paths[".pdf"])
    for word in ["VERMERK", "AN:", "VON:", "DATUM:", "BETREFF:", "Zusammenfassung", "Ausblick"]:
        assert word in pdf, word
    assert "Page 1" not in pdf and "MEMORANDUM" not in pdf
    assert "Das Wichtigste aus 2 Quellen." in " ".join(pdf.split())  # summary_lead.j2
    docx = docx_text(paths[".docx"])
    assert "VERMERK" in docx and "Verteidigung" in docx and "Seite " in docx
    assert "Das Wichtigste aus 2 Quellen." in docx
    md = paths[".md"].read_text(encoding="utf-8")
    assert "Das Wichtigste aus 2 Quellen." in md and "### Kennzahlen" in md
    assert '<html lang="de">' in paths[".html"].read_text(encoding="utf-8")


def test_html_template_can_extend_the_bundled_one(hostile, tmp_path):
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "memo.html.j2").write_text(
        '{% extends "bundled/memo.html.j2" %}'
        '{% block banner_top %}<div class="org">ACME analysis</div>{{ super() }}{% endblock %}',
        encoding="utf-8",
    )
    html = render(hostile, tmp_path / "out", "html", "--templates", str(folder))[".html"]
    text = html.read_text(encoding="utf-8")
    assert '<div class="org">ACME analysis</div>' in text
    assert text.count('<div class="banner"') == 2 and "<h2>Outlook</h2>" in text


def test_unknown_template_names_and_blocks_are_warned_about(hostile, tmp_path):
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "heading.j2").write_text("x", encoding="utf-8")
    (folder / "headings.j2").write_text(
        "{% block defense %}Defense{% endblock %}", encoding="utf-8"
    )
    result = run_cli(
        "render", str(hostile), "-o", str(tmp_path / "o"), "-f", "md", "--templates", str(folder)
    )
    assert result.returncode == 0, result.stderr
    assert f"warning: {folder / 'heading.j2'}: not a briefgen template name" in result.stderr
    assert "block 'defense' is not used" in result.stderr


# --------------------------------------------------------------------------- sandbox and errors


@pytest.mark.parametrize(
    ("name", "body", "line"),
    [
        ("headings.j2", "{% block defence %}{{ ''.__class__.__mro__ }}{% endblock %}", 1),
        ("memo.md.j2", "# x\n\n{{ brief.__class__.__init__.__globals__ }}", 3),
        ("memo.html.j2", "ok\n{{ words.update({'x': 1}) }}", 2),  # read-only data too
        ("footer.j2", "{% block page %}{{ cycler.__init__.__globals__.os }}{% endblock %}", 1),
    ],
)
def test_sandbox_refuses_python_internals(hostile, tmp_path, name, body, line):
    folder = tmp_path / "evil"
    folder.mkdir()
    (folder / name).write_text(body, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(
        "render", str(hostile), "-o", str(out), "-f", "pdf,md,html", "--templates", str(folder)
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(f"error: {folder / name}: line {line}: ")
    assert "refused by the template sandbox" in lines[0]
    assert not out.exists() or list(out.iterdir()) == []


def test_sandbox_refusal_in_the_api(tmp_path):
    from briefgen.errors import InputError
    from briefgen.render.templating import render_template

    (tmp_path / "memo.md.j2").write_text(
        "{{ ''.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        render_template("memo.md.j2", tmp_path)
    assert caught.value.path == tmp_path / "memo.md.j2"
    assert caught.value.message.startswith("line 1: refused by the template sandbox: ")


def test_template_syntax_error_names_file_and_line(hostile, tmp_path):
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "memo.md.j2").write_text("# ok\n\n{% for x in %}\n", encoding="utf-8")
    result = run_cli(
        "render", str(hostile), "-o", str(tmp_path / "o"), "-f", "md", "--templates", str(folder)
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {folder / 'memo.md.j2'}: line 3: template syntax")


def test_misspelt_variable_is_an_error_not_an_empty_heading(hostile, tmp_path):
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "headings.j2").write_text(
        "{% block outlook %}{{ breif.title }}{% endblock %}", encoding="utf-8"
    )
    result = run_cli(
        "render", str(hostile), "-o", str(tmp_path / "o"), "-f", "md", "--templates", str(folder)
    )
    assert result.returncode == 2
    assert "'breif' is undefined" in result.stderr and "headings.j2: line 1" in result.stderr


def test_missing_templates_folder_is_one_line_error(hostile, tmp_path):
    result = run_cli("render", str(hostile), "-o", str(tmp_path / "o"), "--templates", "nope")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["error: nope: templates folder does not exist"]
    assert not (tmp_path / "o").exists()


needs_chromium = pytest.mark.skipif(
    not any(shutil.which(name) for name in ("chromium", "chromium-browser")),
    reason="chromium not installed",
)


@needs_chromium
def test_html_prints_banner_and_page_numbers_on_every_page(tmp_path):
    import subprocess

    from pypdf import PdfReader

    result = run_cli("generate", "-f", "html", "-o", str(tmp_path), check=True)
    (page,) = written_paths(result)
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    printed = tmp_path / "printed.pdf"
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={printed}",
            page.resolve().as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    pages = PdfReader(str(printed)).pages
    assert len(pages) >= 1
    for number, sheet in enumerate(pages, start=1):
        text = sheet.extract_text()
        assert text.count("UNCLASSIFIED") >= 2, number  # top and bottom of every page
        assert f"Page {number} of {len(pages)}" in text
