"""The DOCX memo (python-docx): the same memo as the PDF, in Word's own structures.

Real Heading 1/2 and List Bullet styles (Word's navigation pane shows the outline), PAGE and
NUMPAGES fields in the footer, the classification banner in header and footer, hyperlinks,
East Asian and complex-script font names on every run, and all core properties. Styles come from
the theme, or from ``--reference-docx`` (an organisation's own Word file, as pandoc does it).
With SOURCE_DATE_EPOCH set the zip entries carry that time, so the file is byte-identical.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from briefgen.errors import InputError
from briefgen.render.base import RenderSettings
from briefgen.render.docx import check_reference
from briefgen.render.text import xml_safe
from briefgen.render.theme import Theme
from briefgen.render.view import Cited, FigureRow, HeaderRow, MemoView, SourceLine

# Han, kana, CJK punctuation, full-width forms: text Word should treat as East Asian.
_EAST_ASIAN = "[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"
# the w:pPr children that the schema puts after w:pBdr and w:shd
_AFTER_SHADING = [
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]
ZIP_EPOCH_FLOOR = 315532800  # 1980-01-01: the earliest time a zip entry can carry


def write_docx(view: MemoView, path: Path, theme: Theme, settings: RenderSettings) -> None:
    reference = settings.reference_docx
    document = _open_reference(reference) if reference else Document()
    writer = _Writer(document, theme, view.words, own_styles=not reference)
    writer.write(view)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_normalise_zip(buffer.getvalue()))


def _open_reference(path: Path) -> DocxDocument:
    """The reference file with its body emptied: its styles, page setup and theme stay."""
    data = check_reference(path)
    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several types for a foreign zip
        raise InputError(path, f"reference file is not a Word .docx file ({exc})") from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    body.get_or_add_sectPr()  # page setup is optional in a Word file; the memo needs one
    _default_page_setup(document.sections[0])
    return document


def _default_page_setup(section) -> None:
    """A4 with 25 mm margins where the reference file leaves the page size or margins unset."""
    from docx.shared import Mm

    defaults = {"page_width": 210, "page_height": 297, "left_margin": 25, "right_margin": 25}
    defaults |= {"top_margin": 25, "bottom_margin": 25}
    for name, millimetres in defaults.items():
        if getattr(section, name) is None:
            setattr(section, name, Mm(millimetres))


class _Writer:
    def __init__(self, document, theme: Theme, words: dict[str, str], own_styles: bool) -> None:
        self.document, self.theme, self.words = document, theme, words
        self.fonts = theme.fonts
        self._style_ids: dict[str, str | None] = {}
        if own_styles:
            self._page_setup()
            self._styles()
        self._ensure_styles()

    # ------------------------------------------------------------------ setup

    def _page_setup(self) -> None:
        section = self.document.sections[0]
        width, height = self.theme.page_mm
        section.page_width, section.page_height = Mm(width), Mm(height)
        margins = self.theme.margins_mm
        section.top_margin, section.bottom_margin = Mm(margins["top"]), Mm(margins["bottom"])
        section.left_margin, section.right_margin = Mm(margins["left"]), Mm(margins["right"])
        # header and footer sit in the margins, as the PDF's banners do
        section.header_distance = Mm(margins["top"] * 0.35)
        section.footer_distance = Mm(margins["bottom"] * 0.2)

    def _styles(self) -> None:
        styles, sizes = self.document.styles, self.theme.sizes
        heading = _rgb(self.theme.colours["heading"])
        normal = styles["Normal"]
        normal.font.size = Pt(sizes["body"])
        normal.paragraph_format.space_after = Pt(1.5)
        normal.paragraph_format.line_spacing = 1.1
        self._fonts_on(normal.element)
        for name, size, before, after in (
            ("Title", sizes["memo"], 0, 6),
            ("Heading 1", sizes["title"], 8, 2),
            ("Heading 2", sizes["heading"], 7, 2.5),
        ):
            style = styles[name]
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.italic = False
            style.font.color.rgb = heading
            self._fonts_on(style.element)
            fmt = style.paragraph_format
            fmt.space_before, fmt.space_after = Pt(before), Pt(after)
            fmt.keep_with_next = True
            _remove_border(style.element)  # the default Title has a rule under it
        bullet = styles["List Bullet"].paragraph_format
        bullet.space_after = Pt(1.5)

    def _ensure_styles(self) -> None:
        """Styles the memo uses but a reference file may lack."""
        styles = self.document.styles
        names = {style.name for style in styles}
        for name in ("Title", "Heading 1", "Heading 2", "List Bullet"):
            if name not in names:
                styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH).base_style = styles["Normal"]
        if "Sources" not in names:
            sources = styles.add_style("Sources", WD_STYLE_TYPE.PARAGRAPH)
            sources.base_style = styles["Normal"]
            sources.font.size = Pt(self.theme.sizes["small"] + 0.5)
            sources.paragraph_format.space_after = Pt(2)

    def _fonts_on(self, element) -> Any:
        """Latin, East Asian and complex-script font names on a style or run element."""
        rpr = element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)  # a theme font would win over the names
        body = self.fonts["docx_body"]
        fonts.set(qn("w:ascii"), body)
        fonts.set(qn("w:hAnsi"), body)
        fonts.set(qn("w:eastAsia"), self.fonts["docx_east_asia"])
        fonts.set(qn("w:cs"), self.fonts["docx_complex"])
        return fonts

    # ------------------------------------------------------------------ text

    def run(
        self,
        paragraph,
        text: str,
        bold: bool | None = None,
        size: float | None = None,
        colour: str | None = None,
    ):
        run = paragraph.add_run(xml_safe(text))
        fonts = self._fonts_on(run._r)
        if _is_east_asian(text):
            fonts.set(qn("w:hint"), "eastAsia")  # shared punctuation follows the Japanese
        if bold is not None:
            run.bold = bold
        if size is not None:
            run.font.size = Pt(size)
        if colour is not None:
            run.font.color.rgb = _rgb(colour)
        return run

    def cited(self, paragraph, cited: Cited, size: float | None = None) -> None:
        self.run(paragraph, cited.text, size=size)
        marker = cited.marker
        if marker:
            self.run(
                paragraph,
                f"\u00a0{marker}",  # no-break space: the marker never wraps alone
                size=self.theme.sizes["small"],
                colour=self.theme.colours["muted"],
            )

    # ------------------------------------------------------------------ memo

    def _paragraph(self, style: str):
        """``document.add_paragraph(style=style)`` with the style id looked up once per name.

        python-docx searches the style list and the default style on every call (measured: 60
        styled paragraphs 60 ms, 6 ms with the id cached); the XML written is the same.
        """
        if style not in self._style_ids:
            part = self.document.part
            self._style_ids[style] = part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        paragraph = self.document.add_paragraph()
        paragraph._p.style = self._style_ids[style]  # what Paragraph.style's setter does
        return paragraph

    def write(self, view: MemoView) -> None:
        document, words = self.document, self.words
        section = document.sections[0]
        self._banner(_first_paragraph(section.header), view.banner)
        self._footer(section.footer, view)
        masthead = self._paragraph("Title")
        self.run(masthead, words["memorandum"])
        if self.theme.logo is not None:  # on the MEMORANDUM line, against the right margin
            masthead.paragraph_format.tab_stops.add_tab_stop(
                Mm(self._text_width_mm()), WD_TAB_ALIGNMENT.RIGHT
            )
            masthead.add_run("\t").add_picture(str(self.theme.logo), height=Mm(14))
        self._header_block(view.header)
        self.run(self._paragraph("Heading 1"), view.title)
        for section_view in view.sections:
            self.run(self._paragraph("Heading 2"), section_view.heading)
            if section_view.lead:
                muted = self.theme.colours["muted"]
                lead = self.run(document.add_paragraph(), section_view.lead, colour=muted)
                lead.italic = True
            if not section_view.items:
                self.run(
                    document.add_paragraph(),
                    section_view.empty,
                    colour=self.theme.colours["muted"],
                )
            for item in section_view.items:
                paragraph = self._bullet(item)
                if section_view.boxed:
                    self._boxed(paragraph)
        if view.figures:
            self.run(self._paragraph("Heading 2"), words["key_figures"])
            self._figures_table(view.figures)
        if view.sources:
            self.run(self._paragraph("Heading 2"), words["sources"])
            for source in view.sources:
                self._source_line(source)
        self._properties(view)

    def _banner(self, paragraph, classification: str) -> None:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        self.run(
            paragraph,
            classification.upper(),
            bold=True,
            size=self.theme.sizes["banner"],
            colour=self.theme.colours["banner"],
        )

    def _footer(self, footer, view: MemoView) -> None:
        line = _first_paragraph(footer)
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        line.paragraph_format.space_after = Pt(4)
        small, muted = self.theme.sizes["small"], self.theme.colours["muted"]
        before, _, rest = view.footer.partition("{page}")
        middle, _, after = rest.partition("{pages}")
        for text, field in ((before, "PAGE"), (middle, "NUMPAGES"), (after, None)):
            if text:
                self.run(line, text, size=small, colour=muted)
            if field:
                _field(field, lambda: self.run(line, "", size=small, colour=muted))
        self._banner(footer.add_paragraph(), view.banner)

    def _header_block(self, rows: tuple[HeaderRow, ...]) -> None:
        table = self.document.add_table(rows=len(rows), cols=2)
        width = self._text_width_mm()
        _column_widths(table, [26, width - 26])
        _table_borders(table, {"bottom": (8, self.theme.colour_hex("rule"))})
        for row, header in zip(table.rows, rows, strict=True):
            self.run(row.cells[0].paragraphs[0], f"{header.label}:", bold=True)
            self.run(row.cells[1].paragraphs[0], header.value, bold=header.strong)
        last = table.rows[-1].cells
        for cell in last:
            cell.paragraphs[0].paragraph_format.space_after = Pt(6)

    def _bullet(self, item: Cited):
        paragraph = self._paragraph("List Bullet")
        self.cited(paragraph, item)
        return paragraph

    def _boxed(self, paragraph) -> None:
        """Tint and left rule for the bottom line up front; Word joins equal borders into a box."""
        ppr = paragraph._p.get_or_add_pPr()
        borders = OxmlElement("w:pBdr")
        left = OxmlElement("w:left")
        for key, value in (
            ("w:val", "single"),
            ("w:sz", "20"),
            ("w:space", "6"),
            ("w:color", self.theme.colour_hex("rule")),
        ):
            left.set(qn(key), value)
        borders.append(left)
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), self.theme.colour_hex("summary_fill"))
        # w:pPr children have a fixed order: pBdr and shd come before all of these
        later = {qn(f"w:{tag}") for tag in _AFTER_SHADING}
        anchor = next((child for child in ppr if child.tag in later), None)
        for element in (borders, shading):
            if anchor is None:
                ppr.append(element)
            else:
                anchor.addprevious(element)

    def _figures_table(self, figures: tuple[FigureRow, ...]) -> None:
        table = self.document.add_table(rows=1, cols=2)
        width = self._text_width_mm()
        rule, light = self.theme.colour_hex("rule"), self.theme.colour_hex("table_rule")
        _table_borders(table, {"top": (6, rule), "bottom": (4, light), "insideH": (4, light)})
        cell_size = self.theme.sizes["body"] - 1
        head = table.rows[0].cells
        for cell, text in zip(head, (self.words["figure"], self.words["value"]), strict=True):
            self.run(cell.paragraphs[0], text, bold=True, size=cell_size)
            _shade(cell, self.theme.colour_hex("table_header"))
        for figure in figures:
            cells = table.add_row().cells
            self.run(cells[0].paragraphs[0], figure.label, size=cell_size)
            self.cited(cells[1].paragraphs[0], figure.value, size=cell_size)
        _column_widths(table, [width * 0.45, width * 0.55])
        _repeat_header(table.rows[0])

    def _source_line(self, source: SourceLine) -> None:
        line = self._paragraph("Sources")
        self.run(line, f"{source.marker} ", bold=True)
        self.run(line, source.title)
        if source.details:
            self.run(line, ". " + source.details)
        if source.link:
            self.run(line, ". ")
            self._hyperlink(line, source.link)
        elif source.file:
            self.run(line, ". " + source.file, colour=self.theme.colours["muted"])

    def _hyperlink(self, paragraph, url: str) -> None:
        """A clickable external link: python-docx has no API, so write w:hyperlink."""
        part = paragraph.part
        rel_id = part.relate_to(xml_safe(url), RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rel_id)
        run = self.run(paragraph, url, colour=self.theme.colours["link"])
        run.font.underline = True
        link.append(run._r)  # moves the run inside the hyperlink element
        paragraph._p.append(link)

    def _properties(self, view: MemoView) -> None:
        brief = view.brief
        props = self.document.core_properties
        props.title = xml_safe(brief.title)[:255]
        props.subject = xml_safe(brief.subject or brief.title)[:255]
        props.author = xml_safe(brief.from_)[:255]
        props.keywords = "; ".join(view.keywords)
        props.category = xml_safe(brief.classification)[:255]
        props.comments = "Generated by briefgen"
        props.last_modified_by = "briefgen"
        props.revision = 1
        props.created = _memo_time(brief.date)
        props.modified = _build_time() or props.created

    def _text_width_mm(self) -> float:
        section = self.document.sections[0]
        width = section.page_width - section.left_margin - section.right_margin
        return width / 36000  # EMU per mm


# ---------------------------------------------------------------------- XML helpers


def _is_east_asian(text: str) -> bool:
    # Compiling the class walks its ~28,000 code points (~2 ms): only text with a character
    # from U+3000 up, the class's lowest, can match, so most memos never compile it.
    return bool(text) and max(text) >= "\u3000" and re.search(_EAST_ASIAN, text) is not None


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def _first_paragraph(part):
    paragraph = part.paragraphs[0] if part.paragraphs else part.add_paragraph()
    for run in list(paragraph.runs):  # a reference file's own header text is replaced
        run._r.getparent().remove(run._r)
    part.is_linked_to_previous = False
    return paragraph


def _field(instruction: str, new_run: Callable[[], Any]) -> None:
    """A Word field (PAGE, NUMPAGES): begin, instruction, separate, shown value, end.

    Each part sits in its own run carrying the footer's formatting, as Word writes them;
    LibreOffice takes the shown value's size from its run.
    """
    parts = [
        ("begin", None),
        (None, f" {instruction} "),
        ("separate", None),
        ("1", None),
        ("end", None),
    ]
    for kind, instruction_text in parts:
        run = new_run()
        if kind in ("begin", "separate", "end"):
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif instruction_text is not None:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = instruction_text
        else:
            element = OxmlElement("w:t")
            element.text = kind
        run._r.append(element)


def _table_borders(table, edges: dict[str, tuple[int, str]]) -> None:
    """Only the given borders (size in eighths of a point, colour hex); all others off."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        size, colour = edges.get(edge, (0, "auto"))
        element.set(qn("w:val"), "single" if size else "nil")
        if size:
            element.set(qn("w:sz"), str(size))
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), colour)
        borders.append(element)
    tbl_pr.append(borders)


def _column_widths(table, widths_mm: list[float]) -> None:
    """Fixed column widths, in the grid as well as the cells (LibreOffice reads the grid)."""
    table.autofit = False
    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
        column.set(qn("w:w"), str(round(width * 56.6929)))  # twentieths of a point per mm
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _remove_border(style_element) -> None:
    ppr = style_element.find(qn("w:pPr"))
    if ppr is not None:
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)


def _memo_time(date: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(date).replace(tzinfo=dt.timezone.utc)
    except ValueError:
        return dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


def _build_time() -> dt.datetime | None:
    """SOURCE_DATE_EPOCH as a time, or None when the variable is unset or not a number."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(value), tz=dt.timezone.utc)


def _normalise_zip(data: bytes) -> bytes:
    """With SOURCE_DATE_EPOCH set, give every zip entry that time (python-docx stamps 'now')."""
    when = _build_time()
    if when is None:
        return data
    stamp = dt.datetime.fromtimestamp(
        max(int(when.timestamp()), ZIP_EPOCH_FLOOR), tz=dt.timezone.utc
    ).timetuple()[:6]
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
