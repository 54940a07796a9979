"""Builders for reader fixtures: the same article as an HTML page, a DOCX and a PDF.

Tests write the article (highlights, headings, paragraphs) in each format around the kind of
clutter real files carry, then check that the reader returns the article and nothing else.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Article:
    title: str
    paragraphs: list[str]
    highlights: list[str] = field(default_factory=list)
    headings: dict[int, str] = field(default_factory=dict)  # heading before paragraph i
    publisher: str = ""
    date: str = ""  # YYYY-MM-DD
    url: str = ""

    def lines(self) -> list[str]:
        """What a reader should return: title, highlights as '- item', headings, paragraphs."""
        lines = [self.title] + [f"- {h}" for h in self.highlights]
        for index, paragraph in enumerate(self.paragraphs):
            if index in self.headings:
                lines.append(self.headings[index])
            lines.append(paragraph)
        return lines


def article_from_text(path: Path, title: str) -> Article:
    """A plain-text article ('- ' lines before the story are highlights) as an Article."""
    highlights, paragraphs = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("- ") and not paragraphs:
            highlights.append(line[2:])
        elif line:
            paragraphs.append(line)
    return Article(title=title, paragraphs=paragraphs, highlights=highlights)


def html_page(article: Article) -> str:
    """A saved news page: the article inside navigation, scripts, ads and footers."""
    e = html.escape
    head = [f"<title>{e(article.title)} | {e(article.publisher or 'News')}</title>"]
    if article.publisher:
        head.append(f'<meta property="og:site_name" content="{e(article.publisher)}">')
    if article.date:
        head.append(
            f'<meta property="article:published_time" content="{article.date}T08:00:00+00:00">'
        )
    if article.url:
        head.append(f'<link rel="canonical" href="{e(article.url)}">')
    body = [f"<h1>{e(article.title)}</h1>"]
    if article.highlights:
        body.append("<ul>" + "".join(f"<li>{e(h)}</li>" for h in article.highlights) + "</ul>")
    for index, paragraph in enumerate(article.paragraphs):
        if index in article.headings:
            body.append(f"<h2>{e(article.headings[index])}</h2>")
        body.append(f"<p>{e(paragraph)}</p>")
        if index == 1:
            body.append('<div class="ad-slot">Advertisement: Discount flights to Tokyo</div>')
    return "\n".join(
        [
            "<!DOCTYPE html><html><head><meta charset='utf-8'>",
            *head,
            "<script>var analytics = {page: 'story', subscribe: 'Subscribe today'};</script>",
            "<style>.ad-slot { height: 90px }</style></head><body>",
            '<div class="cookie-consent">This site uses cookies. <button>Accept</button></div>',
            '<header><a href="/">Home</a><nav><a href="/world">World</a>'
            '<a href="/business">Business</a><a href="/tech">Technology</a></nav></header>',
            "<main><article>",
            *body,
            '<section class="related-stories"><h3>More from the desk</h3><ul>'
            '<li><a href="/x">Markets close higher on Friday</a></li>'
            '<li><a href="/y">Monsoon arrives early in Kerala</a></li></ul></section>',
            "</article></main>",
            "<footer><p>Copyright 2026. All rights reserved. Contact the newsroom.</p></footer>",
            "<script>track('pageview');</script></body></html>",
        ]
    )


def write_docx(article: Article, path: Path) -> Path:
    """A Word file with Title and Heading styles, a bulleted list and core properties."""
    import datetime as dt

    from docx import Document

    document = Document()
    document.core_properties.title = article.title
    document.core_properties.author = "Desk editor"
    if article.date:
        document.core_properties.created = dt.datetime.fromisoformat(article.date)
    document.add_paragraph(article.title, style="Title")
    for highlight in article.highlights:
        document.add_paragraph(highlight, style="List Bullet")
    for index, paragraph in enumerate(article.paragraphs):
        if index in article.headings:
            document.add_heading(article.headings[index], level=2)
        document.add_paragraph(paragraph)
    section = document.sections[0]
    section.header.paragraphs[0].text = f"{article.publisher or 'Desk'} — internal copy"
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    path.write_bytes(with_company(data, article.publisher) if article.publisher else data)
    return path


def with_company(docx_bytes: bytes, company: str) -> bytes:
    """The same package with <Company> set in docProps/app.xml (python-docx has no API)."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/app.xml":
                text = data.decode("utf-8")
                tag = f"<Company>{html.escape(company)}</Company>"
                if "<Company>" in text:
                    text = re.sub(r"<Company>.*?</Company>|<Company/>", tag, text)
                else:
                    text = text.replace("</Properties>", f"{tag}</Properties>")
                data = text.encode("utf-8")
            target.writestr(item, data)
    return out.getvalue()


def write_pdf(article: Article, path: Path, running_head: str = "Desk notes") -> Path:
    """A PDF typeset by reportlab, with a running header and 'Page N' footer on every page."""
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()

    def furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(40, A5[1] - 30, running_head)
        canvas.drawCentredString(A5[0] / 2, 20, f"Page {doc.page}")
        canvas.restoreState()

    def para(text: str, style: str) -> Paragraph:
        return Paragraph(html.escape(text), styles[style])

    story = [para(article.title, "Title")]
    if article.highlights:
        items = [ListItem(para(h, "BodyText")) for h in article.highlights]
        story.append(ListFlowable(items, bulletType="bullet", start="•"))
    for index, paragraph in enumerate(article.paragraphs):
        if index in article.headings:
            story.append(para(article.headings[index], "Heading2"))
        story.append(para(paragraph, "BodyText"))
    document = SimpleDocTemplate(
        str(path),
        pagesize=A5,
        title=article.title,
        author="Desk editor",
        subject="",
        leftMargin=40,
        rightMargin=40,
        topMargin=50,
        bottomMargin=45,
    )
    document.build(story, onFirstPage=furniture, onLaterPages=furniture)
    if article.publisher or article.url or article.date:
        from pypdf import PdfWriter

        # reportlab dates the file today and has no publisher or URL field: set them after
        writer = PdfWriter(clone_from=str(path))
        extra = {"/Publisher": article.publisher, "/URL": article.url}
        if article.date:
            extra["/CreationDate"] = "D:" + article.date.replace("-", "") + "000000Z"
        writer.add_metadata(extra)
        writer.write(str(path))
    return path
