"""The PDF memo (reportlab platypus): banners, "Page X of Y", outline, links, document info.

Every string goes through the FontChain, so each character prints in an embedded TrueType font
that has its glyph. With SOURCE_DATE_EPOCH set the file is byte-identical run to run: reportlab
takes its dates from that variable, and invariant mode fixes the document ID.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

from briefgen import __version__
from briefgen.render.base import RenderSettings
from briefgen.render.fonts import FontChain, has_rtl
from briefgen.render.text import xml_safe
from briefgen.render.theme import Theme
from briefgen.render.view import Cited, MemoView, SourceLine


def write_pdf(view: MemoView, path: Path, theme: Theme, settings: RenderSettings) -> None:
    fonts = FontChain(theme.fonts["pdf_body"], theme.fonts["pdf_fallback"], settings.warn)
    memo = _Memo(view, theme, fonts)
    brief = view.brief
    width, height = (side * mm for side in theme.page_mm)
    margins = {key: value * mm for key, value in theme.margins_mm.items()}
    doc = SimpleDocTemplate(
        str(path),
        pagesize=(width, height),
        leftMargin=margins["left"],
        rightMargin=margins["right"],
        topMargin=margins["top"],
        bottomMargin=margins["bottom"],
        title=xml_safe(brief.title),
        author=xml_safe(brief.from_),
        subject=xml_safe(brief.subject or brief.title),
        keywords=list(view.keywords),
        creator=f"briefgen {__version__}",
        invariant=bool(os.environ.get("SOURCE_DATE_EPOCH", "").strip()),
    )
    doc.build(
        memo.story(),
        onFirstPage=memo.banners,
        onLaterPages=memo.banners,
        canvasmaker=_numbered_canvas(memo),
    )


class _Memo:
    """Builds the story and draws the page furniture for one brief."""

    def __init__(self, view: MemoView, theme: Theme, fonts: FontChain):
        self.view, self.theme, self.fonts, self.words = view, theme, fonts, view.words
        self.styles = _styles(theme, fonts)
        self.banner = xml_safe(view.banner)

    def text(self, text: str, bold: bool = False) -> str:
        return self.fonts.markup(text, bold)

    def para(
        self, text: str, style: ParagraphStyle, bold: bool = False, suffix: str = ""
    ) -> Paragraph:
        """A paragraph of ``text`` (markup ``suffix`` after it): right-to-left text is
        right-aligned and broken into lines before each line is put in visual order."""
        if has_rtl(text):
            return _RtlParagraph(None, style, rtl=(text, self.fonts, bold, suffix))
        return Paragraph(self.text(text, bold) + suffix, style)

    def story(self) -> list[Flowable]:
        view, words, styles = self.view, self.words, self.styles
        story: list[Flowable] = [self._masthead(), self._header_block()]
        story.append(_Heading(self.text(view.title, True), styles["title"], "title", 0))
        for section in view.sections:
            key = section.key
            heading = _Heading(self.text(section.heading, True), styles["h2"], key, 1)
            if not section.items:
                empty = Paragraph(self.text(section.empty), styles["muted"])
                story.append(KeepTogether([heading, empty]))
                continue
            bullets: list[Any] = [  # ListItems; the stubs do not count them as flowables
                ListItem(
                    self._cited(item, styles["body"]),
                    leftIndent=11,
                    value="•",
                )
                for item in section.items
            ]
            body: Flowable = ListFlowable(
                bullets,
                bulletType="bullet",
                start="•",
                leftIndent=11,
                bulletFontName=self.fonts.regular,
                bulletFontSize=styles["body"].fontSize,
            )
            if section.boxed:
                body = self._boxed(body)
            # a heading must not be the last line of a page: break early when little room is left
            lead = section.lead
            story += [
                CondPageBreak(styles["h2"].leading + 3 * styles["body"].leading),
                heading,
                *([Paragraph(self.text(lead), styles["muted"])] if lead else []),
                body,
            ]
        if view.figures:
            heading = _Heading(self.text(words["key_figures"], True), styles["h2"], "figures", 1)
            story += [heading, self._figures_table()]
        if view.sources:
            story.append(_Heading(self.text(words["sources"], True), styles["h2"], "sources", 1))
            story += [Paragraph(self._source_line(s), styles["source"]) for s in view.sources]
        return story

    def _masthead(self) -> Flowable:
        memo = Paragraph(self.text(self.words["memorandum"], True), self.styles["memo"])
        if self.theme.logo is None:
            return memo
        logo = Image(str(self.theme.logo))
        scale = (14 * mm) / logo.imageHeight
        logo.drawHeight, logo.drawWidth = 14 * mm, logo.imageWidth * scale
        table = Table([[memo, logo]], colWidths=[None, logo.drawWidth])
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.fonts.regular),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return table

    def _boxed(self, body: Flowable) -> Table:
        """The bottom line up front, set off in a tinted box with a rule on its left."""
        colours = self.theme.colours
        box = Table([[body]], colWidths=["100%"], splitInRow=1)
        box.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.fonts.regular),
                    ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(colours["summary_fill"])),
                    ("LINEBEFORE", (0, 0), (0, -1), 2.5, colors.HexColor(colours["rule"])),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return box

    def _cited(self, cited: Cited, style: ParagraphStyle) -> Paragraph:
        marker = cited.marker
        size, muted = self.theme.sizes["small"], self.theme.colours["muted"]
        suffix = f' <font size="{size:g}" color="{muted}">{marker}</font>' if marker else ""
        return self.para(cited.text, style, suffix=suffix)

    def _header_block(self) -> Table:
        styles = self.styles
        data = [
            [
                Paragraph(self.text(f"{row.label}:", True), styles["label"]),
                self.para(row.value, styles["label" if row.strong else "body"], row.strong),
            ]
            for row in self.view.header
        ]
        # splitInRow: a cell taller than a page (pasted essay) flows on, never LayoutError
        table = Table(data, colWidths=[26 * mm, None], hAlign="LEFT", splitInRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.fonts.regular),  # not Helvetica
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
                    (
                        "LINEBELOW",
                        (0, -1),
                        (-1, -1),
                        1.2,
                        colors.HexColor(self.theme.colours["rule"]),
                    ),
                ]
            )
        )
        return table

    def _figures_table(self) -> Table:
        words, styles, colours = self.words, self.styles, self.theme.colours
        data = [
            [
                Paragraph(self.text(words["figure"], True), styles["cellhead"]),
                Paragraph(self.text(words["value"], True), styles["cellhead"]),
            ]
        ]
        for figure in self.view.figures:
            data.append(
                [
                    self.para(figure.label, styles["cell"]),
                    self._cited(figure.value, styles["cell"]),
                ]
            )
        table = Table(data, colWidths=["45%", "55%"], hAlign="LEFT", repeatRows=1, splitInRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.fonts.regular),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(colours["table_header"])),
                    ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.HexColor(colours["rule"])),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(colours["table_rule"])),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return table

    def _source_line(self, source: SourceLine) -> str:
        text = f"<b>{source.marker}</b> {self.text(source.title)}"
        if source.details:
            text += ". " + self.text(source.details)
        if source.link:
            target = _attribute(source.link)
            shown = self.text(source.link)
            colour = self.theme.colours["link"]
            text += f'. <a href="{target}" color="{colour}"><u>{shown}</u></a>'
        elif source.file:
            muted = self.theme.colours["muted"]
            text += f'. <font color="{muted}">{self.text(source.file)}</font>'
        return text

    def banners(self, canvas: Canvas, doc: SimpleDocTemplate) -> None:
        """The classification banner, centred at the top and bottom of every page."""
        width, height = doc.pagesize
        top, bottom = doc.topMargin, doc.bottomMargin
        size = self.theme.sizes["banner"]
        canvas.saveState()
        canvas.setFillColor(colors.HexColor(self.theme.colours["banner"]))
        self.fonts.draw_centred(canvas, width / 2, height - top * 0.55, self.banner, size, True)
        self.fonts.draw_centred(canvas, width / 2, bottom * 0.3, self.banner, size, True)
        canvas.restoreState()

    def page_footer(self, canvas: Canvas, page: int, pages: int) -> None:
        width = self.theme.page_mm[0] * mm
        bottom = self.theme.margins_mm["bottom"] * mm
        text = self.view.footer.format(page=page, pages=pages)
        canvas.saveState()
        canvas.setFillColor(colors.HexColor(self.theme.colours["muted"]))
        self.fonts.draw_centred(canvas, width / 2, bottom * 0.58, text, self.theme.sizes["small"])
        canvas.restoreState()


def _attribute(value: str) -> str:
    from html import escape

    return escape(xml_safe(value), quote=True)


def _styles(theme: Theme, fonts: FontChain) -> dict[str, ParagraphStyle]:
    sizes, colours = theme.sizes, theme.colours
    heading = colors.HexColor(colours["heading"])
    body_size = sizes["body"]
    base = ParagraphStyle(
        "body",
        fontName=fonts.regular,
        bulletFontName=fonts.regular,  # reportlab's default is an unembedded Helvetica
        fontSize=body_size,
        leading=body_size * 1.3,
        spaceAfter=1.5,
    )

    def bold(name: str, size: float, before: float, after: float) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            parent=base,
            fontName=fonts.bold,
            fontSize=size,
            leading=size * 1.22,
            textColor=heading,
            spaceBefore=before,
            spaceAfter=after,
            keepWithNext=1,
        )

    small = sizes["small"]
    return {
        "body": base,
        "muted": ParagraphStyle("muted", parent=base, textColor=colors.HexColor(colours["muted"])),
        "memo": bold("memo", sizes["memo"], 0, 6),
        "label": ParagraphStyle("label", parent=base, fontName=fonts.bold),
        "title": bold("title", sizes["title"], 8, 2),
        "h2": bold("h2", sizes["heading"], 7, 2.5),
        "source": ParagraphStyle(
            "source", parent=base, fontSize=small + 0.5, leading=(small + 0.5) * 1.3, spaceAfter=2
        ),
        "cell": ParagraphStyle(
            "cell", parent=base, fontSize=body_size - 1, leading=body_size * 1.2
        ),
        "cellhead": ParagraphStyle(
            "cellhead",
            parent=base,
            fontName=fonts.bold,
            fontSize=body_size - 1,
            leading=body_size * 1.2,
        ),
    }


class _RtlParagraph(Paragraph):
    """Right-to-left text, right-aligned, broken into lines in reading order (FontChain.rtl_lines)
    each time it is wrapped to a width; reportlab's own line breaker works left to right on
    text already in visual order and would put the paragraph's last line first.

    ``split`` makes its halves with ``rtl`` unset: they hold lines already broken and ordered.
    """

    def __init__(self, text, style, bulletText=None, frags=None, rtl=None, **kwargs) -> None:  # noqa: N803
        self._rtl = rtl
        self._wrapped_at: float | None = None
        if rtl is not None:
            logical, fonts, bold, suffix = rtl
            style = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
            text = fonts.markup(logical, bold) + suffix
        super().__init__(text, style, bulletText=bulletText, frags=frags, **kwargs)

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        if self._rtl is not None and self._wrapped_at != availWidth:
            logical, fonts, bold, suffix = self._rtl
            style = self.style
            width = availWidth - style.leftIndent - style.rightIndent - style.firstLineIndent
            size = style.fontSize
            # a little slack: the marker and rounding must not push a line over the edge
            lines = fonts.rtl_lines(logical, max(width - size, size), size, bold)
            markup = "<br/>".join(fonts.markup(line, bold, ordered=True) for line in lines)
            Paragraph.__init__(self, markup + suffix, style)
            self._wrapped_at = availWidth
        return super().wrap(availWidth, availHeight)


class _Heading(Paragraph):
    """A heading paragraph that adds itself to the PDF outline (bookmarks)."""

    def __init__(self, text: str, style: ParagraphStyle, key: str, level: int) -> None:
        super().__init__(text, style)
        self._key, self._level = key, level

    def draw(self) -> None:
        super().draw()
        canvas = self.canv
        left, top = canvas.absolutePosition(0, self.height)
        canvas.bookmarkPage(self._key, fit="XYZ", left=left, top=top)  # open at the heading
        canvas.addOutlineEntry(self.getPlainText(), self._key, level=self._level)


def _numbered_canvas(memo: _Memo) -> type[Canvas]:
    """A canvas that holds pages back until the end so the footer can say "Page X of Y"."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            # start pages in the body font, or reportlab adds an unembedded Helvetica
            kwargs["initialFontName"] = kwargs.get("initialFontName") or memo.fonts.regular
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []
            self._marks: list[tuple[str, dict]] = []  # bookmarks of the page being drawn
            self.showOutline()  # open the viewer with the bookmarks panel

        # reportlab's names; the bookmark is held back, so nothing is returned yet
        def bookmarkPage(self, key: str, **kwargs) -> None:  # type: ignore[override]  # noqa: N802
            # a bookmark names the page being written out: hold it back with its page
            self._marks.append((key, kwargs))

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._marks = []
            self._startPage()  # type: ignore[attr-defined]  # reportlab's own, untyped

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                memo.page_footer(self, self._pageNumber, total)  # type: ignore[attr-defined]
                for key, kwargs in self._marks:
                    Canvas.bookmarkPage(self, key, **kwargs)
                super().showPage()
            super().save()

    return NumberedCanvas
