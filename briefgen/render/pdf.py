"""PDF renderer (reportlab platypus): banners, "Page X of Y", outline, document info."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

from briefgen.model import SECTION_KEYS, Brief
from briefgen.render.base import RenderSettings
from briefgen.render.fonts import body_fonts
from briefgen.render.text import citation, markup_escape, xml_safe
from briefgen.render.wording import labels, section_heading

NAVY = colors.HexColor("#1F3A5F")
BANNER = colors.HexColor("#8B0000")
MUTED = colors.HexColor("#555555")
MARGIN = 20 * mm


class PdfRenderer:
    name = "pdf"
    suffix = ".pdf"
    description = "PDF document (reportlab)"

    def __init__(self, settings: RenderSettings | None = None) -> None:
        self.settings = settings or RenderSettings()

    def render(self, brief: Brief, path: Path) -> None:
        words = labels(self.settings.labels)
        regular, bold = body_fonts()
        styles = _styles(regular, bold)
        story: list[Flowable] = [Paragraph(markup_escape(words["memorandum"]), styles["memo"])]
        story.append(_header_block(brief, words, styles))
        story.append(_Heading(markup_escape(brief.title), styles["title"], "title", 0))
        for key in SECTION_KEYS:
            story.append(_Heading(markup_escape(section_heading(key, words)), styles["h2"], key, 0))
            items = brief.sections.get(key, [])
            if not items:
                story.append(Paragraph(markup_escape(words["empty_section"]), styles["muted"]))
                continue
            bullets = [
                ListItem(
                    Paragraph(_with_citation(item.text, item.sources), styles["body"]),
                    leftIndent=12,
                    value="•",
                )
                for item in items
            ]
            story.append(
                ListFlowable(
                    bullets, bulletType="bullet", start="•", leftIndent=12, bulletFontName=regular
                )
            )
        if brief.key_figures:
            story.append(_Heading(markup_escape(words["key_figures"]), styles["h2"], "figures", 0))
            story.append(_figures_table(brief, words, styles))
        if brief.sources:
            story.append(_Heading(markup_escape(words["sources"]), styles["h2"], "sources", 0))
            for source in brief.sources:
                details = [source.publisher, source.date, source.url or source.path]
                rest = ", ".join(markup_escape(d) for d in details if d)
                text = f"<b>[{source.id}]</b> {markup_escape(source.title)}"
                if rest:
                    text += f' <font color="#555555">— {rest}</font>'
                story.append(Paragraph(text, styles["source"]))

        page_words = words["page"]
        banner = xml_safe(brief.classification).upper()

        def decorate(canvas: Canvas, doc: SimpleDocTemplate) -> None:
            canvas.saveState()
            width, height = doc.pagesize
            canvas.setFillColor(BANNER)
            canvas.setFont(bold, 9)
            canvas.drawCentredString(width / 2, height - 12 * mm, banner)
            canvas.drawCentredString(width / 2, 9 * mm, banner)
            canvas.restoreState()

        doc = SimpleDocTemplate(
            str(path),
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=xml_safe(brief.title),
            author=xml_safe(brief.from_),
            subject=xml_safe(brief.subject or brief.title),
            keywords=["briefing memo", *SECTION_KEYS],
            creator="briefgen",
        )
        doc.build(
            story,
            onFirstPage=decorate,
            onLaterPages=decorate,
            canvasmaker=_numbered_canvas(regular, page_words),
        )


def _with_citation(text: str, ids: list[int]) -> str:
    marker = citation(ids)
    body = markup_escape(text)
    return f'{body} <font size="7" color="#555555">{marker}</font>' if marker else body


def _styles(regular: str, bold: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13.5, spaceAfter=2)
    return {
        "body": base,
        "muted": ParagraphStyle("muted", parent=base, textColor=MUTED),
        "memo": ParagraphStyle(
            "memo",
            parent=base,
            fontName=bold,
            fontSize=18,
            leading=22,
            textColor=NAVY,
            spaceAfter=6,
        ),
        "label": ParagraphStyle("label", parent=base, fontName=bold),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=bold,
            fontSize=13.5,
            leading=17,
            textColor=NAVY,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=bold,
            fontSize=11.5,
            leading=14,
            textColor=NAVY,
            spaceBefore=8,
            spaceAfter=3,
        ),
        "source": ParagraphStyle("source", parent=base, fontSize=8.5, leading=11),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11.5),
        "footer": ParagraphStyle("footer", parent=base, fontSize=8, alignment=TA_CENTER),
    }


def _header_block(brief: Brief, words: dict[str, str], styles: dict[str, ParagraphStyle]) -> Table:
    rows = [
        ("to", brief.to),
        ("from", brief.from_),
        ("date", brief.date),
        ("subject", brief.subject or brief.title),
    ]
    data = [
        [
            Paragraph(markup_escape(f"{words[k]}:"), styles["label"]),
            Paragraph(markup_escape(v), styles["body"]),
        ]
        for k, v in rows
    ]
    table = Table(data, colWidths=[28 * mm, None], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("LINEBELOW", (0, -1), (-1, -1), 1, NAVY),
            ]
        )
    )
    return table


def _figures_table(brief: Brief, words: dict[str, str], styles: dict[str, ParagraphStyle]) -> Table:
    data = [
        [
            Paragraph(f"<b>{markup_escape(words['figure'])}</b>", styles["cell"]),
            Paragraph(f"<b>{markup_escape(words['value'])}</b>", styles["cell"]),
        ]
    ]
    for figure in brief.key_figures:
        data.append(
            [
                Paragraph(markup_escape(figure.label), styles["cell"]),
                Paragraph(_with_citation(figure.value, figure.sources), styles["cell"]),
            ]
        )
    table = Table(data, colWidths=[60 * mm, None], hAlign="LEFT", repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EDF3")),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#B0B8C4")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


class _Heading(Paragraph):
    """A heading paragraph that adds itself to the PDF outline (bookmarks)."""

    def __init__(self, text: str, style: ParagraphStyle, key: str, level: int) -> None:
        super().__init__(text, style)
        self._key, self._level = key, level

    def draw(self) -> None:
        super().draw()
        canvas = self.canv
        canvas.bookmarkPage(self._key)
        canvas.addOutlineEntry(self.getPlainText(), self._key, level=self._level)


def _numbered_canvas(font: str, pattern: str) -> type[Canvas]:
    """A canvas that defers page output so the footer can say "Page X of Y"."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(font, 8)
                self.setFillColor(MUTED)
                text = pattern.format(page=self._pageNumber, pages=total)
                self.drawCentredString(self._pagesize[0] / 2, 14 * mm, xml_safe(text))
                super().showPage()
            super().save()

    return NumberedCanvas
