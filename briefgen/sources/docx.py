"""DOCX reader: paragraphs and tables in document order, core properties as metadata."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from lxml import etree

from briefgen.errors import InputError
from briefgen.limits import ZIP_INFLATE_FACTOR, check_office_zip, max_file_bytes
from briefgen.sources.base import SourceDocument, damaged_file, sniff_mime
from briefgen.sources.meta import clean_title, compact, normalize_date, title_from_path
from briefgen.sources.text import check_not_empty, read_bytes, tidy_text

# python-docx's own template carries these; they describe the template, not the source.
_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_DATE = dt.datetime(2013, 12, 23, 23, 15, tzinfo=dt.timezone.utc)
WORD_MAIN_TYPE = b"wordprocessingml.document.main+xml"
_SENTENCE_END = re.compile(r"[.!?:;\"'”’)]$")


def read_docx_file(path: Path) -> SourceDocument:
    data = read_bytes(path)
    _check_package(data, path)
    with damaged_file(path, "Word document"):
        from docx import Document

        document = Document(io.BytesIO(data))
        # style id -> name, once: python-docx resolves a paragraph's style by a slow scan
        styles = {
            style.styleId: (style.name_val or "").lower()
            for style in document.styles.element.style_lst
        }
        body = document.element.body
        lines = _blocks(body, styles)
        metadata, title = _properties(document)
        title = title or _styled_title(body, styles)
    # its size is checked with every reader's text, in sources.base
    text = check_not_empty(tidy_text("\n".join(lines)), path, "document has no text")
    return SourceDocument(
        text=text, title=title or title_from_path(path), path=path, metadata=metadata
    )


def _check_package(data: bytes, path: Path) -> None:
    """Refuse what is not a Word package before python-docx sees it, saying what it is."""
    if not data:
        raise InputError(path, "file is empty (0 bytes), not a Word document")
    kind = sniff_mime(data)
    if kind == "application/x-ole-storage":
        raise InputError(path, "is an old Word .doc or a password-protected file; save it as .docx")
    if kind != "application/zip":
        found = f" (it looks like {kind})" if kind else ""
        raise InputError(path, f"not a DOCX file{found}")
    types = check_office_zip(data, path, ZIP_INFLATE_FACTOR * max_file_bytes())
    if WORD_MAIN_TYPE not in types:
        raise InputError(path, "not a Word document (a ZIP file without a Word body)")


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
_P, _TBL, _SDT, _CUSTOM = (f"{{{_W}}}{name}" for name in ("p", "tbl", "sdt", "customXml"))
# The text of a paragraph: text runs, tabs and breaks, also inside hyperlinks, content
# controls and tracked insertions, but not text boxes (sidebars) or the fallback copy that
# mc:AlternateContent keeps of them. Deleted text (w:delText) and field codes (w:instrText)
# are other tags, so they never match.
_TEXT_NODES = etree.XPath(
    "(.//w:t | .//w:tab | .//w:br | .//w:cr)"
    "[not(ancestor::w:txbxContent) and not(ancestor::mc:Fallback)]",
    namespaces=_NS,
)
# Rows and cells, also when wrapped in a content control (nested tables stay in their cell).
_ROWS = etree.XPath("w:tr | w:sdt/w:sdtContent/w:tr | w:customXml/w:tr", namespaces=_NS)
_CELLS = etree.XPath("w:tc | w:sdt/w:sdtContent/w:tc | w:customXml/w:tc", namespaces=_NS)


def _blocks(container, styles: dict[str, str]) -> list[str]:
    """One line per paragraph (list items as ``- item``) and per table row, in order.

    Walks the XML, not python-docx's paragraphs, which skip content controls (w:sdt): the
    cover page and fill-in fields of documents made from templates.
    """
    lines: list[str] = []
    for child in container.iterchildren():
        if child.tag == _P:
            text = _paragraph_text(child)
            if text:
                lines.append(f"- {text}" if _is_list_item(child, styles) else text)
        elif child.tag == _TBL:
            lines += _table_rows(child, styles)
        elif child.tag in (_SDT, _CUSTOM):
            for content in child.findall(f"{{{_W}}}sdtContent") or [child]:
                lines += _blocks(content, styles)
    return lines


def _table_rows(table, styles: dict[str, str]) -> list[str]:
    """Each row as its cells' text joined by "; ". A merged cell is one w:tc, met once."""
    rows: list[str] = []
    for row in _ROWS(table):
        cells = []
        for cell in _CELLS(row):
            cell_lines = _blocks(cell, styles)
            if cell_lines:
                cells.append(" ".join(line.removeprefix("- ") for line in cell_lines))
        if cells:
            rows.append("; ".join(cells))
    return rows


def _paragraph_text(paragraph) -> str:
    pieces = []
    for node in _TEXT_NODES(paragraph):
        name = node.tag.rsplit("}", 1)[-1]
        pieces.append(node.text or "" if name == "t" else " " if name == "tab" else "\n")
    # A manual line break ends a line of an address or a list; inside a sentence it is layout.
    text = ""
    for part in (" ".join(p.split()) for p in "".join(pieces).split("\n")):
        if part:
            text += ("\n" if _SENTENCE_END.search(text) else " ") + part if text else part
    return text


def _style_name(paragraph, styles: dict[str, str]) -> str:
    style = paragraph.find("w:pPr/w:pStyle", _NS)
    return styles.get(style.get(f"{{{_W}}}val", "") if style is not None else "", "")


def _is_list_item(paragraph, styles: dict[str, str]) -> bool:
    if paragraph.find("w:pPr/w:numPr", _NS) is not None:
        return True
    return _style_name(paragraph, styles).startswith("list")


def _styled_title(body, styles: dict[str, str]) -> str:
    """The text of the first Title paragraph, else of the first Heading 1."""
    for style in ("title", "heading 1"):
        for paragraph in body.iter(_P):
            if _style_name(paragraph, styles) == style:
                text = " ".join(_paragraph_text(paragraph).split())
                if text:
                    return text
    return ""


def _properties(document) -> tuple[dict[str, str], str]:
    """Source fields from core properties (and Company from app.xml, as publisher)."""
    core = document.core_properties
    from_template = core.author == _TEMPLATE_AUTHOR and core.created == _TEMPLATE_DATE
    created = None if from_template else (core.created or core.modified)
    metadata = compact(
        {
            "publisher": _company(document),
            "date": normalize_date(created) if created else "",
            "url": core.identifier if core.identifier.startswith(("http://", "https://")) else "",
            "author": "" if core.author == _TEMPLATE_AUTHOR else core.author,
            "subject": core.subject,
            "keywords": core.keywords,
        }
    )
    return metadata, clean_title(core.title, metadata.get("publisher", ""))


def _company(document) -> str:
    """Company from docProps/app.xml, read as XML: ``AT&amp;T`` is ``AT&T``.

    One XML rule for every DOCX part briefgen reads, source or ``--reference-docx``: the
    parser python-docx reads all other parts with, which expands no entity (the predefined
    ``&amp;`` is character data, not an entity to expand), loads no DTD and fetches nothing;
    ``limits.check_office_zip`` has already refused any part that declares a DTD.
    """
    from docx.oxml.parser import parse_xml

    for part in document.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            try:
                root = parse_xml(part.blob)
            except etree.XMLSyntaxError:
                return ""  # a damaged properties part costs the publisher, not the document
            names = (" ".join(c.text.split()) for c in root.iter(_COMPANY) if c.text)
            return next((name for name in names if name), "")  # an empty <Company/> says nothing
    return ""


_COMPANY = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Company"
