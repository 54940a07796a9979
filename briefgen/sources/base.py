"""SourceDocument, the reader registry and source discovery (files and folders)."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from briefgen.errors import InputError
from briefgen.limits import check_text_size
from briefgen.sources.links import is_web_source

if TYPE_CHECKING:
    from briefgen.sources.links import WebOptions

BRIEF_SUFFIXES = frozenset({".yaml", ".yml", ".json"})


@dataclass
class SourceDocument:
    """The text of one source article and what we know about it.

    ``text`` is the article in reading order, one paragraph (or heading, or list item
    written as ``- item``) per line. ``metadata`` keys the pipeline reads: publisher,
    date (YYYY-MM-DD where the source gives one), url.
    """

    text: str
    title: str
    path: Path
    metadata: dict[str, str] = field(default_factory=dict)


Reader = Callable[[Path], SourceDocument]


class ReaderEntry(NamedTuple):
    module: str
    function: str
    mime: str


# suffix -> (module, function, MIME type). A new format is one new module and rows here;
# modules are imported only when a file of their type is read (fast start-up).
READERS: dict[str, ReaderEntry] = {
    ".txt": ReaderEntry("briefgen.sources.text", "read_text_file", "text/plain"),
    ".text": ReaderEntry("briefgen.sources.text", "read_text_file", "text/plain"),
    ".md": ReaderEntry("briefgen.sources.markdown", "read_markdown_file", "text/markdown"),
    ".markdown": ReaderEntry("briefgen.sources.markdown", "read_markdown_file", "text/markdown"),
    ".html": ReaderEntry("briefgen.sources.html", "read_html_file", "text/html"),
    ".htm": ReaderEntry("briefgen.sources.html", "read_html_file", "text/html"),
    ".xhtml": ReaderEntry("briefgen.sources.html", "read_html_file", "application/xhtml+xml"),
    ".docx": ReaderEntry(
        "briefgen.sources.docx",
        "read_docx_file",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ".pdf": ReaderEntry("briefgen.sources.pdf", "read_pdf_file", "application/pdf"),
}


def _load(entry: ReaderEntry) -> Reader:
    return getattr(importlib.import_module(entry.module), entry.function)


def reader_for(path: Path) -> Reader | None:
    """The reader for a file, chosen by its suffix (None for an unknown type)."""
    entry = READERS.get(path.suffix.lower())
    return None if entry is None else _load(entry)


def reader_for_file(path: Path) -> Reader | None:
    """The reader by suffix, else by what the first bytes show (a page saved as ``.aspx``
    or ``.cms``, a PDF downloaded without a suffix)."""
    reader = reader_for(path)
    if reader is None and path.is_file():
        try:
            with path.open("rb") as handle:
                mime = sniff_mime(handle.read(1024))
        except OSError:
            return None
        reader = reader_for_mime(mime) if mime else None
    return reader


def reader_for_mime(mime: str) -> Reader | None:
    """The reader for a MIME type such as ``text/html; charset=utf-8`` (None if unknown)."""
    base = mime.split(";")[0].strip().lower()
    for entry in READERS.values():
        if entry.mime == base:
            return _load(entry)
    return None


def sniff_mime(data: bytes) -> str | None:
    """The MIME type a file's first bytes reveal, for the formats whose bytes say so."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"%PDF-" in data[:1024]:
        return "application/pdf"
    if head.startswith(b"PK\x03\x04"):
        return "application/zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: old .doc, or an encrypted Office file
        return "application/x-ole-storage"
    lowered = head[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered:
        return "text/html"
    return None


@contextmanager
def damaged_file(path: Path, kind: str) -> Iterator[None]:
    """Turn a parsing library's failure on a damaged file into a one-line InputError.

    pypdf, python-docx, zipfile and zlib fail on damaged input with many exception types
    (not a closed set), so inside this block any of them means "damaged <kind>".
    """
    try:
        yield
    except InputError:
        raise
    except MemoryError:
        raise
    except Exception as exc:
        detail = " ".join(str(exc).split())[:120]
        raise InputError(path, f"damaged {kind} ({type(exc).__name__}: {detail})") from None


def collect_paths(
    sources: Iterable[Path], warn: Callable[[str], None], seen: set[Path] | None = None
) -> list[Path]:
    """Expand files and folders into readable source files, in a stable order, each once.

    Folders are walked recursively (sorted, hidden entries skipped, symlink loops ignored);
    files of unknown type inside a folder are skipped with a warning. A file named directly
    must be readable: a missing path or unknown type is an error.
    """
    found: list[Path] = []
    seen = set() if seen is None else seen  # resolved paths already taken (shared by calls)

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            found.append(path)

    for source in sources:
        if not source.exists():
            if source.is_symlink():  # exists() follows links: a dangling or looping one
                raise InputError(source, "symbolic link to nothing (dangling or a loop)")
            raise InputError(source, "no such file or folder")
        if source.is_dir():
            for path in _walk(source):
                if reader_for_file(path) is None:
                    warn(f"{path}: skipped (unknown file type {path.suffix or '(none)'})")
                else:
                    add(path)
        elif source.suffix.lower() in BRIEF_SUFFIXES:
            raise InputError(source, "is a brief file; use it alone (briefgen render)")
        elif reader_for_file(source) is None:
            known = ", ".join(sorted(READERS))
            raise InputError(
                source, f"unknown file type {source.suffix or '(none)'} (known: {known})"
            )
        else:
            add(source)
    return found


def _walk(folder: Path) -> list[Path]:
    files: list[Path] = []
    visited: set[str] = set()
    for root, dirs, names in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in visited:  # a symlink loop: walk each real folder once
            dirs[:] = []
            continue
        visited.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            # hidden files, editor backups and Office lock files (~$memo.docx) are not sources
            if not name.startswith((".", "~")) and not name.endswith("~"):
                path = Path(root) / name
                if path.is_file():
                    files.append(path)
    return files


def read_sources(
    sources: Iterable[Path | str], warn: Callable[[str], None], web: WebOptions | None = None
) -> list[SourceDocument]:
    """Read every source (files, folders, URLs, feeds) in the order given; a bad one is
    skipped with a warning while others remain, and is the error when it is the only one.

    The same article read twice (identical text, e.g. a copy in two folders) is read once.
    """
    sources = list(sources)
    remote: dict = {}
    if any(is_web_source(s) for s in sources):
        from briefgen.sources.links import read_web

        remote = read_web([s for s in sources if is_web_source(s)], web, warn)
    documents: list[SourceDocument] = []
    failures: list[InputError] = []
    first_with_text: dict[str, Path | str] = {}
    seen: set[Path] = set()
    for source in sources:
        if is_web_source(source):
            result = remote[source]
            read = [result] if isinstance(result, InputError) else result
        else:
            assert isinstance(source, Path)
            read = [_read_file(path) for path in collect_paths([source], warn, seen)]
        for document in read:
            if isinstance(document, InputError):
                failures.append(document)  # reported below: a warning if others remain
                continue
            key = " ".join(document.text.split())
            where = document.metadata.get("url") or document.path
            if key in first_with_text:
                warn(f"{where}: skipped (same text as {first_with_text[key]})")
                continue
            first_with_text[key] = where
            documents.append(document)
    if not documents and len(failures) == 1:
        raise failures[0]
    for failure in failures:
        warn(f"{failure.path}: skipped ({failure.message})")
    if not documents:
        where = ", ".join(str(s) for s in sources) or "(no sources)"
        raise InputError(where, "no readable source articles found")
    return documents


def _read_file(path: Path) -> SourceDocument | InputError:
    reader = reader_for_file(path)
    assert reader is not None  # collect_paths keeps only readable types
    try:
        document = reader(path)
        check_text_size(document.text, path)  # a small file can hold a huge text
    except InputError as exc:
        return exc
    return document
