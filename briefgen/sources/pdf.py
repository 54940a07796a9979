"""PDF reader: text in reading order, paragraphs rebuilt, running heads and page numbers gone.

pypdf gives the text of each line and where it sits. Lines repeated at the top or bottom of
most pages (running headers, footers) and bare page numbers there are dropped; lines are
joined into paragraphs where the vertical gap is a normal line step, and words hyphenated
across a line end are joined again.
"""

from __future__ import annotations

import io
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import InputError
from briefgen.limits import check_text_length, max_source_bytes
from briefgen.sources.base import SourceDocument, damaged_file, sniff_mime
from briefgen.sources.meta import PLACEHOLDER_TITLES, compact, normalize_date, title_from_path
from briefgen.sources.text import read_bytes, repair_mojibake, tidy_text

EDGE_LINES = 2  # lines at the top and bottom of a page that may be running heads
PARAGRAPH_GAP = 1.4  # a gap this many times the usual line step starts a new paragraph
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE
)
_TERMINAL = re.compile(r"[.!?:;\"”’)]$")
_BULLET_ONLY = re.compile(r"^[\x7f\x95•◦▪▫‣●■□–·*-]?$")
_BULLET_LEAD = re.compile(r"^[\x7f\x95•◦▪‣●■]\s*")
_WORD_BREAK = re.compile(r"(\w+)[-\u00ad]$")


@dataclass
class Line:
    text: str
    x: float
    y: float
    size: float


def read_pdf_file(path: Path) -> SourceDocument:
    data = read_bytes(path)
    if not data:
        raise InputError(path, "file is empty (0 bytes), not a PDF")
    kind = sniff_mime(data)
    if kind != "application/pdf":
        found = f" (it looks like {kind})" if kind else ""
        raise InputError(path, f"not a PDF file{found}")
    with damaged_file(path, "PDF"):
        reader = _open(data, path)
        pages = _all_pages(reader, path)
        metadata, title = _properties(reader)
    text = tidy_text(repair_mojibake("\n".join(join_paragraphs(strip_running_lines(pages)))))
    if not text.strip():
        raise InputError(path, "PDF has no text layer (a scan?); run OCR on it first")
    return SourceDocument(
        text=text,
        title=title or _first_line(text) or title_from_path(path),
        path=path,
        metadata=metadata,
    )


def _open(data: bytes, path: Path):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    # pypdf logs every repair it makes on an imperfect file; the user gets our one line instead
    logging.getLogger("pypdf").setLevel(logging.ERROR + 10)

    reader = PdfReader(io.BytesIO(data))
    try:
        if reader.is_encrypted and not reader.decrypt(""):
            # An empty user password opens files that only restrict printing or copying.
            raise InputError(path, "PDF is password-protected; save an unprotected copy")
    except (DependencyError, FileNotDecryptedError, NotImplementedError) as exc:
        raise InputError(path, f"PDF is encrypted and cannot be opened ({exc})") from None
    return reader


def _all_pages(reader, path: Path) -> list[list[Line]]:
    """Every page's lines, stopping as soon as the text passes --max-source-mb: a small PDF
    can hold far more text than its size says, and extraction is the slow part."""
    limit = max_source_bytes()
    pages: list[list[Line]] = []
    size = 0
    for number, page in enumerate(reader.pages, 1):
        lines = _page_lines(page, number, path)
        size += sum(len(line.text) + 1 for line in lines)
        if size > limit:
            check_text_length(size, path)
        pages.append(lines)
    return pages


def _page_lines(page, number: int, path: Path) -> list[Line]:
    """The text lines of a page in content order, each with its position and font size."""
    lines: list[Line] = []
    parts: list[str] = []
    where: list[tuple[float, float, float]] = []

    def close() -> None:
        text = " ".join("".join(parts).split())
        if text and where:
            lines.append(Line(text, *where[0]))
        parts.clear()
        where.clear()

    def visit(text: str, cm, tm, font, size: float) -> None:
        if not text:
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        # Some producers set "1 Tf" and scale the text matrix: the size on the page is both.
        scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
        pieces = text.split("\n")
        for index, piece in enumerate(pieces):
            if index:
                close()
            if piece:
                if not where and piece.strip():
                    where.append((x, y, float(size or 0) * (scale or 1)))
                parts.append(piece)

    with damaged_file(path, f"PDF: page {number} cannot be read"):
        page.extract_text(visitor_text=visit)
    close()
    return lines


def strip_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Drop page numbers, lines repeated at the top or bottom of most pages, and a top or
    bottom line set smaller than the text and well apart from it (a running head on a
    one-page file, where repetition cannot tell)."""

    def key(line: Line) -> str:
        return re.sub(r"\d+", "#", line.text.lower())

    edges = [_edge_lines(page) for page in pages]
    counts = Counter(k for edge in edges for k in {key(line) for line in edge})
    needed = max(2, math.ceil(len(pages) / 2))
    body_size = _body_size(pages)
    steps = line_steps(pages)
    result = []
    for page, edge in zip(pages, edges, strict=True):
        drop = {
            id(line)
            for line in edge
            if _PAGE_NUMBER.match(line.text) or (len(pages) > 1 and counts[key(line)] >= needed)
        }
        drop |= {id(line) for line in _set_apart(page, body_size, steps.get(round(body_size)))}
        result.append([line for line in page if id(line) not in drop])
    return result


def _body_size(pages: list[list[Line]]) -> float:
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page:
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _set_apart(page: list[Line], body_size: float, step: float | None) -> list[Line]:
    """The top and bottom lines when smaller than the body text and far from other lines."""
    if len(page) < 3 or not step:
        return []
    ordered = sorted(page, key=lambda line: -line.y)
    found = []
    for edge, neighbour in ((ordered[0], ordered[1]), (ordered[-1], ordered[-2])):
        if edge.size <= body_size - 1 and abs(edge.y - neighbour.y) > 2 * step:
            found.append(edge)
    return found


def _edge_lines(page: list[Line]) -> list[Line]:
    heights = sorted({round(line.y) for line in page})
    edge = set(heights[:EDGE_LINES] + heights[-EDGE_LINES:])
    return [line for line in page if round(line.y) in edge]


def join_paragraphs(pages: list[list[Line]]) -> list[str]:
    """Lines -> paragraphs, using line spacing, font size, indents and punctuation.

    A bullet drawn on its own (reportlab and Word draw the glyph apart from the text) makes
    the next line a list item, written ``- item`` as the other readers do.
    """
    paragraphs: list[str] = []
    current = ""
    previous: Line | None = None
    bullet = False
    steps = line_steps(pages)
    for page in pages:
        left = min((line.x for line in page), default=0.0)
        for index, line in enumerate(page):
            if _BULLET_ONLY.match(line.text):
                bullet = True
                continue
            text = _BULLET_LEAD.sub("- ", line.text)
            if bullet or text.startswith("- ") or previous is None or not current:
                starts = True
            else:
                step = steps.get(round(line.size), 1.2 * line.size)
                starts = not _continues(
                    previous, line, step, left, first_on_page=index == 0, paragraph=current
                )
            if starts:
                if current:
                    paragraphs.append(current)
                current = f"- {text}" if bullet else text
            else:
                current = _join(current, text)
            previous, bullet = line, False
    if current:
        paragraphs.append(current)
    return paragraphs


def line_steps(pages: list[list[Line]]) -> dict[int, float]:
    """The usual distance between lines of one paragraph, per font size, over the document.

    The most common gap (not the mean): paragraph gaps and headings are the exceptions.
    """
    gaps: dict[int, Counter[float]] = {}
    for page in pages:
        for a, b in zip(page, page[1:], strict=False):
            gap = a.y - b.y
            if abs(a.size - b.size) < 0.5 and 0 < gap < 3 * max(a.size, 1):
                gaps.setdefault(round(a.size), Counter())[round(gap * 2) / 2] += 1
    return {size: min(counts, key=lambda gap: (-counts[gap], gap)) for size, counts in gaps.items()}


def _continues(
    previous: Line, line: Line, step: float, left: float, first_on_page: bool, paragraph: str
) -> bool:
    """Whether ``line`` carries on ``paragraph``, whose last line is ``previous``."""
    gap = previous.y - line.y
    same_size = abs(previous.size - line.size) < 1
    if first_on_page or gap <= 0 or gap > 3 * step:
        # A new page or column: an unfinished sentence carries over, anything else starts
        # anew. "… led by Prime | Minister Modi" reads on; a title-case paragraph such as
        # a headline ("… With Taiwan: | Minister" then "Economic …") ends where it ends.
        if not same_size or (_TERMINAL.search(previous.text) and abs(gap) >= 1):
            return False
        return abs(gap) < 1 or not line.text[:1].isupper() or not _title_case(paragraph)
    if not same_size:
        return False  # a heading and its text are separate lines
    if gap > PARAGRAPH_GAP * step:
        return False
    # A first-line indent after a finished sentence starts a paragraph.
    return not (_TERMINAL.search(previous.text) and line.x > left + 8)


def _title_case(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _join(text: str, following: str) -> str:
    """Join two lines; a word split by a hyphen at the line end becomes one word again."""
    match = _WORD_BREAK.search(text)
    if match and text.endswith("\u00ad"):
        return text[:-1] + following
    if match and following[:1].islower():
        return text[:-1] + following  # "co-" + "operation": a hyphen added by justification
    if match:
        return text + following  # "India-" + "Japan": a real hyphen at a line end
    return f"{text} {following}"


def _properties(reader) -> tuple[dict[str, str], str]:
    info = {}
    try:
        info = dict(reader.metadata or {})
    except Exception:  # a damaged info dictionary costs us the metadata, not the text
        info = {}
    publisher = str(info.get("/Publisher", "") or "") or _xmp_publisher(reader)
    date = info.get("/CreationDate") or info.get("/ModDate") or ""
    url = str(info.get("/URL", "") or info.get("/Source", "") or "")
    metadata = compact(
        {
            "publisher": publisher,
            "date": normalize_date(str(date)) if date else "",
            "url": url if url.startswith(("http://", "https://")) else "",
            "author": str(info.get("/Author", "") or ""),
            "subject": _unless_placeholder(str(info.get("/Subject", "") or "")),
        }
    )
    return metadata, _pdf_title(str(info.get("/Title", "") or ""))


def _xmp_publisher(reader) -> str:
    try:
        xmp = reader.xmp_metadata
        names = xmp.dc_publisher if xmp is not None else None
    except Exception:  # XMP is optional and often malformed
        return ""
    return ", ".join(names) if names else ""


def _pdf_title(title: str) -> str:
    title = re.sub(r"^Microsoft (?:Word|PowerPoint) - ", "", title.strip())
    if re.search(r"\.(docx?|pdf|txt|html?)$", title, re.IGNORECASE):
        return ""  # a file name that the producer wrote as the title
    return _unless_placeholder(title)


def _unless_placeholder(value: str) -> str:
    text = " ".join(value.split())
    return "" if text.lower() in PLACEHOLDER_TITLES | {"(unspecified)"} else text


def _first_line(text: str) -> str:
    first = text.split("\n", 1)[0]
    return first if len(first) <= 160 and not _TERMINAL.search(first) else ""
