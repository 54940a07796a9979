"""The floor: the seeds' memo written directly with python-docx and reportlab, no briefgen.

This is what the libraries themselves cost for the same document, the fastest honest way: the
same content (read from the brief JSON that ``briefgen draft -o brief.json`` writes for the
seeds), the same page features (A4, banners top and bottom, "Page X of Y", MEMORANDUM header
block, the section headings with bullets and citation markers, key-figures table, numbered
sources, document properties, PDF outline) and an embedded TrueType body font so that any
character the memo holds prints. ``bench/run.py`` times this whole process against
``briefgen generate`` on the same seeds.

    python3 bench/floor.py BRIEF.json OUTDIR
    python3 bench/floor.py --gc BRIEF.json OUTDIR   # with briefgen's garbage-collector setting
"""

from __future__ import annotations

import json
import sys
from html import escape
from pathlib import Path

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def heading(brief: dict, key: str) -> str:
    return brief.get("headings", {}).get(key, key.capitalize())


def cite(ids: list[int]) -> str:
    return f"[{', '.join(map(str, ids))}]" if ids else ""


def header_rows(brief: dict) -> list[tuple[str, str]]:
    return [
        ("TO", brief.get("to", "")),
        ("FROM", brief.get("from", "")),
        ("DATE", brief["date"]),
        ("SUBJECT", brief.get("subject") or brief["title"]),
    ]


def source_details(source: dict) -> str:
    parts = [source.get("publisher"), source.get("date"), source.get("url") or source.get("path")]
    return ", ".join(p for p in parts if p)


def write_docx(brief: dict, path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    document = Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(10.5)
    section = document.sections[0]
    section.page_height, section.page_width = Mm(297), Mm(210)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Mm(22))
    banner = brief.get("classification", "UNCLASSIFIED").upper()
    for paragraph in (section.header.paragraphs[0], section.footer.paragraphs[0]):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(banner)
        run.bold = True
        run.font.color.rgb = RGBColor(0x8B, 0, 0)
    pages = section.footer.add_paragraph()
    pages.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text, field in (("Page ", "PAGE"), (" of ", "NUMPAGES")):
        pages.add_run(text)
        run = pages.add_run()
        for kind, value in (("begin", None), (None, field), ("end", None)):
            element = OxmlElement("w:fldChar" if kind else "w:instrText")
            if kind:
                element.set(qn("w:fldCharType"), kind)
            else:
                element.text = f" {value} "
            run._r.append(element)

    document.add_paragraph("MEMORANDUM", style="Title")
    table = document.add_table(rows=4, cols=2)
    for row, (label, value) in zip(table.rows, header_rows(brief), strict=True):
        row.cells[0].paragraphs[0].add_run(f"{label}:").bold = True
        row.cells[1].paragraphs[0].add_run(value)
    document.add_heading(brief["title"], level=1)
    for key in brief["sections"]:  # memo order, as the brief file lists them
        document.add_heading(heading(brief, key), level=2)
        for item in brief["sections"].get(key, []):
            paragraph = document.add_paragraph(item["text"], style="List Bullet")
            paragraph.add_run(f" {cite(item.get('sources', []))}").font.size = Pt(8)
    if brief.get("key_figures"):
        document.add_heading("Key figures", level=2)
        figures = document.add_table(rows=1, cols=2)
        figures.style = "Light List Accent 1"
        figures.rows[0].cells[0].text, figures.rows[0].cells[1].text = "Figure", "Value"
        for figure in brief["key_figures"]:
            cells = figures.add_row().cells
            cells[0].text = figure["label"]
            cells[1].text = f"{figure['value']} {cite(figure.get('sources', []))}"
    document.add_heading("Sources", level=2)
    for source in brief.get("sources", []):
        line = document.add_paragraph()
        line.add_run(f"[{source['id']}] ").bold = True
        line.add_run(source["title"])
        details = source_details(source)
        if details:
            line.add_run(f" — {details}")
    props = document.core_properties
    props.title, props.subject = brief["title"], brief.get("subject") or brief["title"]
    props.author, props.keywords = brief.get("from", ""), "briefing memo"
    document.save(str(path))


def write_pdf(brief: dict, path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import ListFlowable, Paragraph, SimpleDocTemplate, Table

    pdfmetrics.registerFont(TTFont("Floor", FONT))
    pdfmetrics.registerFont(TTFont("Floor-Bold", FONT_BOLD))
    pdfmetrics.registerFontFamily("Floor", normal="Floor", bold="Floor-Bold")
    body = ParagraphStyle("body", fontName="Floor", fontSize=10, leading=13.5)
    head = ParagraphStyle("head", parent=body, fontName="Floor-Bold", fontSize=11.5, leading=14)
    banner = brief.get("classification", "UNCLASSIFIED").upper()

    class Heading(Paragraph):
        def draw(self) -> None:
            super().draw()
            key = f"h{id(self)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(self.getPlainText(), key, level=0)

    class PagedCanvas(Canvas):
        """Holds pages back until the end so each footer can say "Page X of Y"."""

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self.pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for state in self.pages:
                self.__dict__.update(state)
                width, height = self._pagesize
                self.setFont("Floor-Bold", 9)
                self.setFillColor(colors.darkred)
                self.drawCentredString(width / 2, height - 12 * mm, banner)
                self.drawCentredString(width / 2, 9 * mm, banner)
                self.setFont("Floor", 8)
                self.drawCentredString(
                    width / 2, 14 * mm, f"Page {self._pageNumber} of {len(self.pages)}"
                )
                super().showPage()
            super().save()

    story = [Paragraph("MEMORANDUM", head)]
    story.append(
        Table(
            [
                [Paragraph(f"<b>{k}:</b>", body), Paragraph(escape(v), body)]
                for k, v in header_rows(brief)
            ],
            colWidths=[28 * mm, None],
            hAlign="LEFT",
        )
    )
    story.append(Heading(escape(brief["title"]), head))
    for key in brief["sections"]:
        story.append(Heading(heading(brief, key), head))
        items = brief["sections"].get(key, [])
        if items:
            bullets = [
                Paragraph(
                    f"{escape(i['text'])} <font size=7>{cite(i.get('sources', []))}</font>", body
                )
                for i in items
            ]
            story.append(ListFlowable(bullets, bulletType="bullet", bulletFontName="Floor"))
    if brief.get("key_figures"):
        story.append(Heading("Key figures", head))
        rows = [[Paragraph("<b>Figure</b>", body), Paragraph("<b>Value</b>", body)]]
        rows += [
            [
                Paragraph(escape(f["label"]), body),
                Paragraph(f"{escape(f['value'])} {cite(f.get('sources', []))}", body),
            ]
            for f in brief["key_figures"]
        ]
        story.append(Table(rows, colWidths=[60 * mm, None], hAlign="LEFT", repeatRows=1))
    story.append(Heading("Sources", head))
    for source in brief.get("sources", []):
        details = source_details(source)
        text = f"<b>[{source['id']}]</b> {escape(source['title'])}"
        story.append(Paragraph(text + (f" — {escape(details)}" if details else ""), body))
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=brief["title"],
        author=brief.get("from", ""),
        subject=brief.get("subject") or brief["title"],
    )
    doc.build(story, canvasmaker=PagedCanvas)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--gc"]:  # the setting briefgen.cli.main makes: a like-for-like floor
        import gc

        gc.set_threshold(10_000, 100, 10)
        argv = argv[1:]
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    brief = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    write_docx(brief, out / "floor.docx")
    write_pdf(brief, out / "floor.pdf")
    print(out / "floor.docx")
    print(out / "floor.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
