"""Hostile and huge inputs, built on the spot: shared by the test matrix and bench/hostile.py.

Each case writes its files into a fresh folder and returns the briefgen command lines to run
there. ``big`` asks for the sizes a careless or malicious user would try (bench); without it
the inputs are only as large as the point of the case needs (tests). Every case's output
folder ``out/`` already holds a file (``keep.txt``) that must survive the run byte for byte.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

KEEP = "keep.txt"
KEEP_TEXT = "an earlier memo the run must not touch\n"
DATE = "2026-11-23"


@dataclass
class Case:
    name: str
    build: Callable[[Path, bool], list[list[str]]]
    # "ok": every command writes its files; "error": the last command exits 2 with one
    # error line; "either": ok or a one-line error, as long as it is quick and clean.
    expect: str = "ok"
    about: str = ""
    checks: list[str] = field(default_factory=list)


def brief_data(title: str = "Hostile input memo", **sections: list[str]) -> dict:
    data = {
        "title": title,
        "subject": "",
        "date": DATE,
        "sections": {
            key: [{"text": t, "sources": [1]} for t in sections.get(key, ["A plain bullet."])]
            for key in ("summary", "defence", "technology", "economy", "outlook")
        },
        "key_figures": [],
        "sources": [{"id": 1, "title": "A source"}],
    }
    return data


def write_brief(folder: Path, data: dict, name: str = "brief.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def words(chars: int, word: str = "strategic") -> str:
    out = " ".join([word] * (chars // (len(word) + 1) + 1))
    return out[:chars]


ARTICLE = (
    "India and Japan agreed on a new defence technology partnership at the summit.\n"
    "The leaders said investment of ten trillion yen would reach India over five years.\n"
    "Officials expect a joint statement on maritime security and semiconductors next month.\n"
)


def article(folder: Path, name: str = "good.txt") -> Path:
    path = folder / name
    path.write_text("India and Japan talks\n\n" + ARTICLE, encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- zip builders

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_bytes(body_xml: bytes | Callable[[zipfile.ZipFile], None], prolog: str = "") -> bytes:
    """A minimal Word package whose document.xml is ``body_xml`` (or written by a callable)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", RELS)
        if callable(body_xml):
            body_xml(package)
        else:
            package.writestr("word/document.xml", prolog.encode() + body_xml)
    return buffer.getvalue()


def paragraphs_xml(paragraphs: list[str], sect: bool = True) -> bytes:
    runs = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    tail = "<w:sectPr/>" if sect else ""
    return f'<w:document xmlns:w="{W_NS}"><w:body>{runs}{tail}</w:body></w:document>'.encode()


def streamed_member(name: str, head: bytes, filler: bytes, count: int, tail: bytes):
    """A zip member written in pieces (a 200 MB part without 200 MB in memory)."""

    def write(package: zipfile.ZipFile) -> None:
        with package.open(name, "w", force_zip64=True) as handle:
            handle.write(head)
            for _ in range(count):
                handle.write(filler)
            handle.write(tail)

    return write


# ----------------------------------------------------------------------------- the cases


def _title_3k(folder: Path, big: bool) -> list[list[str]]:
    article(folder)
    title = words(3000 if big else 3000)
    return [["generate", "good.txt", "--title", title, "--date", DATE, "-f", "pdf", "-o", "out"]]


def _bullets_many(folder: Path, big: bool) -> list[list[str]]:
    count = 100_000 if big else 3_000
    data = brief_data(defence=[f"Bullet number {n} on defence." for n in range(count)])
    write_brief(folder, data)
    return [["render", "brief.json", "-f", "pdf,docx,md,html", "-o", "out"]]


def _bullet_huge(folder: Path, big: bool) -> list[list[str]]:
    write_brief(folder, brief_data(summary=[words(1_000_000 if big else 100_000)]))
    return [["render", "brief.json", "-f", "pdf", "-o", "out"]]


def _bullet_unbroken(folder: Path, big: bool) -> list[list[str]]:
    # one "word" with no space to break at: reportlab must split it, not loop
    write_brief(folder, brief_data(summary=["x" * (200_000 if big else 20_000)]))
    return [["render", "brief.json", "-f", "pdf", "-o", "out"]]


def _summary_4000(folder: Path, big: bool) -> list[list[str]]:
    count = 4000 if big else 1000
    write_brief(folder, brief_data(summary=[f"Summary point {n}." for n in range(count)]))
    return [["render", "brief.json", "-f", "pdf", "-o", "out"]]


def _unknown_chars(folder: Path, big: bool) -> list[list[str]]:
    # Private-use characters: no installed font has them (one fc-list each, before).
    chars = "".join(chr(0xE000 + n) for n in range(600 if big else 150))
    bullets = [chars[i : i + 50] + " tail" for i in range(0, len(chars), 50)] * (20 if big else 2)
    write_brief(folder, brief_data(summary=bullets))
    return [["render", "brief.json", "-f", "pdf", "-o", "out"]]


def _templates(folder: Path, source: str) -> None:
    (folder / "tpl").mkdir()
    (folder / "tpl" / "memo.md.j2").write_text(source, encoding="utf-8")
    write_brief(folder, brief_data())


def _tpl_loops(folder: Path, big: bool) -> list[list[str]]:
    _templates(
        folder,
        "{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}\n",
    )
    return [["render", "brief.json", "-f", "md", "--templates", "tpl", "-o", "out"]]


def _tpl_output(folder: Path, big: bool) -> list[list[str]]:
    _templates(folder, "# {{ brief.title * 50000000 }}\n")
    return [["render", "brief.json", "-f", "md", "--templates", "tpl", "-o", "out"]]


def _docx_bomb(folder: Path, big: bool) -> list[list[str]]:
    head = f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode()
    filler = b"a" * 2**20
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    (folder / "bomb.docx").write_bytes(
        docx_bytes(streamed_member("word/document.xml", head, filler, 190, tail))
    )
    return [["generate", "bomb.docx", "--date", DATE, "-o", "out"]]


def _docx_bomb_beside(folder: Path, big: bool) -> list[list[str]]:
    (folder / "src").mkdir()
    article(folder / "src")
    _docx_bomb(folder / "src", big)
    return [["generate", "src", "--date", DATE, "-f", "md", "-o", "out"]]


def _docx_text_60mb(folder: Path, big: bool) -> list[list[str]]:
    sentence = b"The ministers discussed maritime security cooperation again. "
    per_para = sentence * 16
    count = (60 if big else 3) * 2**20 // len(per_para)
    head = f'<w:document xmlns:w="{W_NS}"><w:body>'.encode()
    para = b"<w:p><w:r><w:t>" + per_para + b"</w:t></w:r></w:p>"
    tail = b"<w:sectPr/></w:body></w:document>"
    (folder / "long.docx").write_bytes(
        docx_bytes(streamed_member("word/document.xml", head, para, count, tail))
    )
    return [["generate", "long.docx", "--date", DATE, "-f", "md", "-o", "out"]]


def _reference(folder: Path, data: bytes) -> list[list[str]]:
    (folder / "ref.docx").write_bytes(data)
    write_brief(folder, brief_data())
    return [["render", "brief.json", "-f", "docx", "--reference-docx", "ref.docx", "-o", "out"]]


def _ref_xxe(folder: Path, big: bool) -> list[list[str]]:
    secret = folder / "secret.txt"
    secret.write_text("TOP-SECRET-LEAK", encoding="utf-8")
    prolog = f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
    body = f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>'
    body += "<w:sectPr/></w:body></w:document>"
    return _reference(folder, docx_bytes(body.encode(), prolog))


def _ref_bomb(folder: Path, big: bool) -> list[list[str]]:
    head = f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode()
    tail = b"</w:t></w:r></w:p><w:sectPr/></w:body></w:document>"
    data = docx_bytes(streamed_member("word/document.xml", head, b" " * 2**20, 400, tail))
    return _reference(folder, data)


def _ref_no_sectpr(folder: Path, big: bool) -> list[list[str]]:
    return _reference(folder, docx_bytes(paragraphs_xml(["Letterhead"], sect=False)))


def _jsonld_deep(folder: Path, big: bool) -> list[list[str]]:
    (folder / "src").mkdir()
    article(folder / "src")
    deep = '{"@graph": [' * 5000 + "{}" + "]}" * 5000
    page = (
        '<html><head><title>Deep page</title><script type="application/ld+json">'
        + deep
        + "</script></head><body><article><h1>Deep page</h1><p>"
        + ARTICLE.replace("\n", " ")
        + "</p></article></body></html>"
    )
    (folder / "src" / "deep.html").write_text(page, encoding="utf-8")
    return [["generate", "src", "--date", DATE, "-f", "md", "-o", "out"]]


def _html_one_line(folder: Path, big: bool) -> list[list[str]]:
    size = (9 if big else 1) * 2**20
    sentence = "The delegations met again to discuss maritime security and trade. "
    body = sentence * (size // len(sentence))
    page = f"<html><head><title>One line</title></head><body><p>{body}</p></body></html>"
    (folder / "line.html").write_text(page, encoding="utf-8")
    return [["generate", "line.html", "--date", DATE, "-f", "md", "-o", "out"]]


def _text_big(mb: int) -> Callable[[Path, bool], list[list[str]]]:
    def build(folder: Path, big: bool) -> list[list[str]]:
        size = (mb if big else 1) * 2**20
        paragraph = ARTICLE.replace("\n", " ") + "\n"
        (folder / "big.txt").write_text(
            "Long notes\n\n" + paragraph * (size // len(paragraph)), encoding="utf-8"
        )
        limit = ["--max-source-mb", str(mb + 5)] if mb > 10 else []
        return [["generate", "big.txt", "--date", DATE, "-f", "md", "-o", "out", *limit]]

    return build


def _text_one_line(folder: Path, big: bool) -> list[list[str]]:
    size = (8 if big else 1) * 2**20
    sentence = "the delegations met again to discuss maritime security and trade "
    (folder / "line.txt").write_text(
        "One line\n\n" + sentence * (size // len(sentence)), encoding="utf-8"
    )
    return [["generate", "line.txt", "--date", DATE, "-f", "md", "-o", "out"]]


def pdf_bytes(lines: list[bytes], pages: int = 1) -> bytes:
    """A PDF whose pages show ``lines`` in Helvetica (content streams deflated)."""
    content = b"BT /F1 10 Tf 12 TL 50 800 Td " + b"".join(b"(" + t + b") ' " for t in lines)
    stream = zlib.compress(content + b"ET", 9)
    kids = " ".join(f"{4 + 2 * n} 0 R" for n in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for n in range(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
            f"<< /F1 3 0 R >> >> /Contents {5 + 2 * n} 0 R >>".encode()
        )
        objects.append(
            f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
            + stream
            + b"\nendstream"
        )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def _pdf_text_15mb(folder: Path, big: bool) -> list[list[str]]:
    line = b"The ministers discussed maritime security cooperation in the region again."
    per_page = 60
    pages = (15 if big else 1) * 2**20 // (len(line) * per_page)
    (folder / "long.pdf").write_bytes(pdf_bytes([line] * per_page, pages))
    return [["generate", "long.pdf", "--date", DATE, "-f", "md", "-o", "out"]]


def _pdf_aes(folder: Path, big: bool) -> list[list[str]]:
    from pypdf import PdfReader, PdfWriter

    plain = pdf_bytes([ARTICLE.splitlines()[0].encode(), ARTICLE.splitlines()[1].encode()])
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password="", owner_password="owner-secret", algorithm="AES-256")
    with open(folder / "aes.pdf", "wb") as handle:
        writer.write(handle)
    return [["generate", "aes.pdf", "--date", DATE, "-f", "md", "-o", "out"]]


def _fifo(option: str) -> Callable[[Path, bool], list[list[str]]]:
    def build(folder: Path, big: bool) -> list[list[str]]:
        os.mkfifo(folder / "pipe.yaml")
        if option == "brief":
            return [["render", "pipe.yaml", "-f", "md", "-o", "out"]]
        article(folder)
        return [["generate", "good.txt", option, "pipe.yaml", "-f", "md", "-o", "out"]]

    return build


def _dev_zero(folder: Path, big: bool) -> list[list[str]]:
    (folder / "zero.yaml").symlink_to("/dev/zero")
    return [["render", "zero.yaml", "-f", "md", "-o", "out"]]


def _nonlatin(folder: Path, big: bool) -> list[list[str]]:
    commands = []
    for n, title in enumerate(["日本の防衛", "भारत की रक्षा नीति", "Россия и Индия", "🚀🚀"]):
        write_brief(folder, brief_data(title=title), f"b{n}.json")
        commands.append(["render", f"b{n}.json", "-f", "md", "-o", "out"])
    return commands


def _eml_fail(folder: Path, big: bool) -> list[list[str]]:
    write_brief(folder, brief_data(title="Same memo"), "one.json")
    write_brief(folder, brief_data(title="Same memo", summary=["Edited bullet."]), "two.json")
    (folder / "tpl").mkdir()
    (folder / "tpl" / "email.txt.j2").write_text("{{ no_such_name }}\n", encoding="utf-8")
    return [
        ["render", "one.json", "-f", "md", "-o", "out"],
        ["render", "two.json", "-f", "md", "-o", "out", "--templates", "tpl", "--eml", "a@b.org"],
    ]


def _eml_long(folder: Path, big: bool) -> list[list[str]]:
    write_brief(folder, brief_data())
    address = "x" * 10_000 + "@example.org"
    return [["render", "brief.json", "-f", "md", "-o", "out", "--eml", address]]


def _eml_idn(folder: Path, big: bool) -> list[list[str]]:
    write_brief(folder, brief_data())
    many = ", ".join(f"Reader {n} <r{n}@exämple.org>" for n in range(40))
    return [["render", "brief.json", "-f", "md", "-o", "out", "--eml", many]]


def _rtl(folder: Path, big: bool) -> list[list[str]]:
    data = brief_data(
        title="العلاقات الهندية اليابانية",
        summary=["اتفق الزعيمان على شراكة دفاعية جديدة.", "שיתוף פעולה ביטחוני חדש."],
    )
    write_brief(folder, data)
    return [["render", "brief.json", "-f", "pdf", "-o", "out"]]


def _stale_part(folder: Path, big: bool) -> list[list[str]]:
    write_brief(folder, brief_data())
    stale = folder / "out" / f".{DATE}_memo.pdf.abc123.part"
    stale.write_bytes(b"left by a killed run")
    old = 1_000_000_000  # 2001: long before any run that could still be writing it
    os.utime(stale, (old, old))
    return [["render", "brief.json", "-f", "md", "-o", "out"]]


def _batch_slow(folder: Path, big: bool) -> list[list[str]]:
    for name in ("a-good", "b-long-title", "c-good"):
        (folder / "topics" / name).mkdir(parents=True)
        article(folder / "topics" / name)
    headline = words(3000)
    page = (
        f"<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>"
        f"<p>{ARTICLE}</p></article></body></html>"
    )
    (folder / "topics" / "b-long-title" / "page.html").write_text(page, encoding="utf-8")
    (folder / "topics" / "b-long-title" / "good.txt").unlink()
    return [["batch", "topics", "-f", "pdf", "-o", "out", "-j", "2"]]


CASES: list[Case] = [
    Case("title-3k", _title_3k, "ok", "--title of 3,000 characters, PDF"),
    Case("bullets-100k", _bullets_many, "ok", "brief with 100,000 bullets (tests: 3,000)"),
    Case("bullet-1mb", _bullet_huge, "ok", "one bullet of 1 MB of words (tests: 100 KB)"),
    Case("bullet-unbroken", _bullet_unbroken, "ok", "one 200 KB word with no space"),
    Case("summary-4000", _summary_4000, "ok", "4,000 summary bullets, PDF"),
    Case("no-font-chars", _unknown_chars, "ok", "600 distinct characters no font has"),
    Case("tpl-loops", _tpl_loops, "error", "template with nested 100,000-step loops"),
    Case("tpl-output", _tpl_output, "error", "template printing a 1 GB heading"),
    Case("docx-bomb", _docx_bomb, "error", "DOCX whose document.xml inflates to 190 MB"),
    Case("docx-bomb-beside", _docx_bomb_beside, "ok", "the bomb beside a good source"),
    Case("docx-60mb-text", _docx_text_60mb, "error", "DOCX holding 60 MB of text"),
    Case("ref-xxe", _ref_xxe, "either", "--reference-docx with an external entity"),
    Case("ref-bomb", _ref_bomb, "error", "--reference-docx inflating to 400 MB"),
    Case("ref-no-sectpr", _ref_no_sectpr, "ok", "--reference-docx without w:sectPr"),
    Case(
        "jsonld-deep", _jsonld_deep, "ok", "page with JSON-LD nested 5,000 deep, beside a good one"
    ),
    Case("html-9mb-line", _html_one_line, "either", "9 MB HTML page on one line"),
    Case("text-8mb", _text_big(8), "either", "8 MB plain text"),
    Case("text-20mb", _text_big(20), "either", "20 MB plain text, --max-source-mb 25"),
    Case("text-8mb-line", _text_one_line, "either", "8 MB plain text on one line"),
    Case("pdf-15mb-text", _pdf_text_15mb, "either", "PDF holding 15 MB of text"),
    Case("pdf-aes", _pdf_aes, "ok", "AES-256 PDF, owner password only"),
    Case("fifo-brief", _fifo("brief"), "error", "render a FIFO named .yaml"),
    Case("fifo-sections", _fifo("--sections"), "error", "--sections FIFO"),
    Case("fifo-theme", _fifo("--theme"), "error", "--theme FIFO"),
    Case("dev-zero", _dev_zero, "error", "render a .yaml link to /dev/zero"),
    Case("nonlatin-titles", _nonlatin, "ok", "four memos with non-Latin titles, one day"),
    Case("eml-fail", _eml_fail, "error", "--eml template error over an earlier memo"),
    Case("eml-long", _eml_long, "either", "10,000-character address"),
    Case("eml-idn", _eml_idn, "ok", "40 addresses at exämple.org"),
    Case("rtl-pdf", _rtl, "ok", "Arabic and Hebrew in the PDF"),
    Case("stale-part", _stale_part, "ok", ".part file left by a SIGKILLed run"),
    Case("batch-slow-topic", _batch_slow, "ok", "batch with a topic whose headline is 3,000 chars"),
]


def prepare(case: Case, folder: Path, big: bool) -> list[list[str]]:
    """Build ``case`` in ``folder`` (with out/keep.txt) and return its commands."""
    (folder / "out").mkdir(parents=True, exist_ok=True)
    (folder / "out" / KEEP).write_text(KEEP_TEXT, encoding="utf-8")
    return case.build(folder, big)


def leftovers(folder: Path) -> list[str]:
    """Temporary files a run left in the output folder (and below it)."""
    return sorted(
        str(p.relative_to(folder))
        for p in (folder / "out").rglob("*")
        if p.suffix in (".part", ".old")
    )
