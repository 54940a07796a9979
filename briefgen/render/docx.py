"""DOCX renderer (python-docx): real Heading and List Bullet styles, header/footer banners."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from briefgen.model import SECTION_KEYS, Brief, Item
from briefgen.render.base import RenderSettings
from briefgen.render.text import citation, xml_safe
from briefgen.render.wording import labels, section_heading

FONT = "Calibri"
EAST_ASIA_FONT = "MS Mincho"
BANNER_COLOUR = RGBColor(0x8B, 0x00, 0x00)
MUTED = RGBColor(0x55, 0x55, 0x55)


class DocxRenderer:
    name = "docx"
    suffix = ".docx"
    description = "Word document (python-docx)"

    def __init__(self, settings: RenderSettings | None = None) -> None:
        self.settings = settings or RenderSettings()

    def render(self, brief: Brief, path: Path) -> None:
        words = labels(self.settings.labels)
        document = Document()
        _set_styles(document)
        section = document.sections[0]
        section.page_height, section.page_width = Mm(297), Mm(210)
        section.top_margin = section.bottom_margin = Mm(22)
        section.left_margin = section.right_margin = Mm(22)
        section.start_type = WD_SECTION.NEW_PAGE
        _banner(section.header.paragraphs[0], brief.classification)
        _footer(section.footer, brief.classification, words["page"])

        heading = document.add_paragraph(style="Title")
        heading.add_run(words["memorandum"])
        _header_block(document, brief, words)
        document.add_heading(xml_safe(brief.title), level=1)

        for key in SECTION_KEYS:
            items = brief.sections.get(key, [])
            document.add_heading(xml_safe(section_heading(key, words)), level=2)
            if not items:
                empty = document.add_paragraph(words["empty_section"])
                empty.runs[0].italic = True
            for item in items:
                _bullet(document, item)
        if brief.key_figures:
            document.add_heading(words["key_figures"], level=2)
            _figures_table(document, brief, words)
        if brief.sources:
            document.add_heading(words["sources"], level=2)
            for source in brief.sources:
                line = document.add_paragraph(style="Sources")
                line.add_run(f"[{source.id}] ").bold = True
                line.add_run(xml_safe(source.title))
                details = [source.publisher, source.date, source.url or source.path]
                rest = ", ".join(xml_safe(d) for d in details if d)
                if rest:
                    line.add_run(f" — {rest}").font.color.rgb = MUTED
        _properties(document, brief)
        document.save(str(path))


def _set_styles(document: Document) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    _east_asia(normal.element, EAST_ASIA_FONT)
    normal.paragraph_format.space_after = Pt(4)
    for name, size in (("Title", 20), ("Heading 1", 14), ("Heading 2", 12)):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
        _east_asia(style.element, EAST_ASIA_FONT)
        style.paragraph_format.space_before = Pt(10 if name != "Title" else 0)
        style.paragraph_format.space_after = Pt(4)
    sources = styles.add_style("Sources", 1)  # 1 = paragraph style
    sources.base_style = normal
    sources.font.size = Pt(9)


def _east_asia(element, font: str) -> None:
    """Set w:eastAsia on a style or run so Japanese text picks a CJK font."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), font)


def _banner(paragraph, classification: str) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(xml_safe(classification).upper())
    run.bold = True
    run.font.size = Pt(9)
    run.font.color.rgb = BANNER_COLOUR


def _footer(footer, classification: str, page_pattern: str) -> None:
    _banner(footer.paragraphs[0], classification)
    line = footer.add_paragraph()
    line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, _, rest = page_pattern.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    for text, field in ((before, "PAGE"), (middle, "NUMPAGES"), (after, None)):
        if text:
            line.add_run(text).font.size = Pt(8)
        if field:
            _field(line, field)


def _field(paragraph, instruction: str) -> None:
    """Insert a Word field (PAGE, NUMPAGES): python-docx has no API for fields."""
    run = paragraph.add_run()
    run.font.size = Pt(8)
    for kind, text in (
        ("begin", None),
        (None, instruction),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == instruction:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _header_block(document: Document, brief: Brief, words: dict[str, str]) -> None:
    rows = [
        ("to", brief.to),
        ("from", brief.from_),
        ("date", brief.date),
        ("subject", brief.subject or brief.title),
    ]
    table = document.add_table(rows=len(rows), cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for row, (key, value) in zip(table.rows, rows, strict=True):
        row.cells[0].width, row.cells[1].width = Mm(28), Mm(138)
        label = row.cells[0].paragraphs[0].add_run(f"{words[key]}:")
        label.bold = True
        row.cells[1].paragraphs[0].add_run(xml_safe(value))
    rule = document.add_paragraph()
    _bottom_border(rule)


def _bottom_border(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "1"), ("w:color", "1F3A5F")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def _bullet(document: Document, item: Item) -> None:
    paragraph = document.add_paragraph(style="List Bullet")
    paragraph.add_run(xml_safe(item.text))
    marker = citation(item.sources)
    if marker:
        run = paragraph.add_run(f" {marker}")
        run.font.size = Pt(8)
        run.font.color.rgb = MUTED


def _figures_table(document: Document, brief: Brief, words: dict[str, str]) -> None:
    table = document.add_table(rows=1, cols=2)
    table.style = "Light List Accent 1"
    head = table.rows[0].cells
    head[0].text, head[1].text = words["figure"], words["value"]
    for figure in brief.key_figures:
        cells = table.add_row().cells
        cells[0].text = xml_safe(figure.label)
        cells[1].text = xml_safe(figure.value)
        marker = citation(figure.sources)
        if marker:
            run = cells[1].paragraphs[0].add_run(f" {marker}")
            run.font.size = Pt(8)
            run.font.color.rgb = MUTED


def _properties(document: Document, brief: Brief) -> None:
    props = document.core_properties
    props.title = xml_safe(brief.title)[:255]
    props.subject = xml_safe(brief.subject or brief.title)[:255]
    props.author = xml_safe(brief.from_)[:255]
    props.keywords = "briefing memo; " + ", ".join(k for k in SECTION_KEYS)
    props.category = xml_safe(brief.classification)[:255]
    props.comments = "Generated by briefgen"
    try:
        created = dt.datetime.fromisoformat(brief.date)
    except ValueError:
        created = dt.datetime(2000, 1, 1)
    props.created = props.modified = created
    props.last_modified_by = "briefgen"
    props.revision = 1
