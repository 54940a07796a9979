"""Limits on what briefgen reads and prints, so hostile or huge input is refused or trimmed
within seconds instead of exhausting the machine (issue 16; the README's "Limits" section).

- Sources: ``--max-source-mb`` bounds both the text extracted from a source (a small DOCX or
  PDF can hold far more text than its size says) and, ten times over, the file (a downloaded
  page is a file: one budget whichever way a source arrives). It is set for
  one job by ``source_limit`` (a context variable: nothing leaks into other jobs).
- Archives: every member of a zip (a source DOCX, a ``--reference-docx``) is checked for its
  inflated size and compression ratio before a byte of it is inflated.
- The memo: title and header lines, bullets per section, characters per bullet, key-figure
  rows and sources have budgets; a brief over them is trimmed with a warning naming each cut,
  so no renderer ever lays out an unbounded paragraph.
"""

from __future__ import annotations

import contextlib
import os
import stat
import zipfile
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import InputError

# 1 MB of text is some 165,000 words (articles are 5-50 KB, a 300-page report under 1 MB) and
# is read and analysed in under ~10 s on a busy 2-core machine whatever the format: a page of
# distinct sentences takes ~7 s per MB (bench/hostile.py, README "Limits").
DEFAULT_MAX_SOURCE_MB = 1.0
_LIMIT_MB: ContextVar[float] = ContextVar("max_source_mb", default=DEFAULT_MAX_SOURCE_MB)
# A file carries markup, images and compression beside its text: it may be this many times the
# text limit (10 MB by default, the file limit before text was counted); what is slow and
# memory-hungry is the text, checked separately.
FILE_FACTOR = 10

# Zip members: the inflated total of a package may reach this many times the file limit; a
# member that inflates more than MAX_ZIP_RATIO times its compressed size (and past a megabyte)
# is a zip bomb, not a document (real DOCX parts: under 30x).
ZIP_INFLATE_FACTOR = 4
MAX_ZIP_RATIO = 200
MAX_ZIP_MEMBERS = 10_000
# A --reference-docx only lends its styles and page setup.
MAX_REFERENCE_BYTES = 50 * 2**20


def max_source_bytes() -> int:
    """The most text (in characters, counted as bytes) a source may hold: --max-source-mb."""
    return int(_LIMIT_MB.get() * 2**20)


def max_file_bytes() -> int:
    """The largest source file a reader opens, in bytes."""
    return FILE_FACTOR * max_source_bytes()


@contextlib.contextmanager
def source_limit(megabytes: float | None) -> Iterator[None]:
    """Readers refuse sources over ``megabytes`` inside this block (None: the default)."""
    if megabytes is None:
        yield
        return
    if not megabytes > 0:  # also refuses NaN
        raise ValueError(f"the source size limit must be positive, got {megabytes!r}")
    token = _LIMIT_MB.set(float(megabytes))
    try:
        yield
    finally:
        _LIMIT_MB.reset(token)


def describe(size: int, limit: int) -> str:
    """The message for a file over the limit, with the way out."""
    return f"file is {_mb(size)} MB, over the {_mb(limit)} MB limit (raise it with --max-source-mb)"


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f}".rstrip("0").rstrip(".")


# ----------------------------------------------------------------------------- files


def read_regular_file(
    path: Path, limit: int, what: str = "file", too_big: Callable[[int, int], str] | None = None
) -> bytes:
    """The bytes of ``path``, refused unless it is a regular file of at most ``limit`` bytes.

    A FIFO would block forever and /dev/zero never ends, so the type and size are checked on
    the open handle (no race with a swapped file) before reading, and never more than
    ``limit`` + 1 bytes are read in case the file grows meanwhile. ``too_big(size, limit)``
    words the refusal of a file over the limit (default: "<what> is N MB, over M MB").
    """
    too_big = too_big or (lambda size, most: f"{what} is {_mb(size)} MB, over {_mb(most)} MB")
    try:
        with open(path, "rb", opener=_open_nonblocking) as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise InputError(path, f"not a regular file (a {what} must be a file)")
            if info.st_size > limit:
                raise InputError(path, too_big(info.st_size, limit))
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    if len(data) > limit:  # the file grew after fstat(): still never hold more than limit
        raise InputError(path, too_big(len(data), limit))
    return data


def _open_nonblocking(path: str, flags: int) -> int:
    # O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting forever.
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def check_text_size(text: str, path: Path) -> str:
    """Refuse a source whose extracted text is over the limit (a 6 MB DOCX can hold 60 MB)."""
    check_text_length(len(text), path)
    return text


def check_text_length(chars: int, path: Path) -> None:
    """Refuse ``chars`` characters of extracted text when over --max-source-mb (characters:
    at least as many bytes, and cheap to count)."""
    limit = max_source_bytes()
    if chars > limit:
        raise InputError(
            path,
            f"holds over {_mb(chars)} MB of text, over the {_mb(limit)} MB limit "
            f"(raise it with --max-source-mb)",
        )


def check_zip(package: zipfile.ZipFile, path: Path, limit: int) -> None:
    """Refuse a zip whose members would inflate past ``limit`` bytes in all, or one member
    past MAX_ZIP_RATIO times its packed size, before anything is inflated.

    The sizes come from the central directory, which a forger controls; the zipfile module
    stops reading a member at its declared size, so a lie cannot inflate more than it says.
    """
    members = package.infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise InputError(path, f"zip holds {len(members)} parts; refusing (a zip bomb?)")
    total = 0
    for info in members:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 2**20 and ratio > MAX_ZIP_RATIO:
            raise InputError(
                path,
                f"part {info.filename} inflates {ratio:.0f} times its size "
                f"({_mb(info.file_size)} MB); refusing a zip bomb",
            )
    if total > limit:
        raise InputError(
            path,
            f"unpacks to {_mb(total)} MB, over the {_mb(limit)} MB limit "
            f"(raise it with --max-source-mb)",
        )


def check_office_zip(data: bytes, path: Path, limit: int, what: str = "Word document") -> bytes:
    """A Word package's zip checks (``check_zip``), and no DTD in any XML part: OOXML forbids
    them, and a DTD is how an XML file asks for entity expansion or a fetch from elsewhere.

    Returns the package's ``[Content_Types].xml`` (empty when it has none), which says what
    kind of package it is, so the zip's index is read once for both.
    """
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            check_zip(package, path, limit)
            types = b""
            for info in package.infolist():
                if info.filename.endswith((".xml", ".rels")):
                    with package.open(info) as member:
                        head = member.read(4096)
                    if b"<!DOCTYPE" in head.upper():
                        raise InputError(
                            path, f"{what} part {info.filename} declares a DTD; refusing it"
                        )
                if info.filename == "[Content_Types].xml":
                    types = package.read(info)
            return types
    except InputError:
        raise
    except Exception as exc:  # zipfile and zlib fail on damaged input with many types
        detail = " ".join(str(exc).split())[:120]
        raise InputError(path, f"damaged {what} ({type(exc).__name__}: {detail})") from None


# ----------------------------------------------------------------------------- the memo


@dataclass(frozen=True)
class Budgets:
    """What one memo may hold. A one-to-two page memo holds a fraction of each."""

    header_chars: int = 300  # title, subject, to, from, classification
    bullets_per_section: int = 200
    bullet_chars: int = 2_000
    key_figures: int = 100
    figure_chars: int = 500  # label or value of a key figure
    sources: int = 500
    source_chars: int = 500  # title, publisher, path or URL of a source


BUDGETS = Budgets()
ELLIPSIS = "…"


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a word boundary where there is one."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def apply_budgets(brief, warn: Callable[[str], None], budgets: Budgets = BUDGETS):
    """Trim ``brief`` in place to ``budgets``, with one warning per kind of cut."""
    cuts: list[str] = []

    def trim(owner, name: str, limit: int, label: str) -> None:
        value = getattr(owner, name)
        if isinstance(value, str) and len(value) > limit:
            setattr(owner, name, shorten(value, limit))
            cuts.append(f"{label} shortened from {len(value):,} to {limit:,} characters")

    for name in ("title", "subject", "to", "from_", "classification", "date"):
        trim(brief, name, budgets.header_chars, name.rstrip("_"))
    for key, heading in list(brief.headings.items()):
        if len(heading) > budgets.header_chars:
            brief.headings[key] = shorten(heading, budgets.header_chars)
            cuts.append(f"heading of {key} shortened to {budgets.header_chars} characters")
    for key, items in brief.sections.items():
        if len(items) > budgets.bullets_per_section:
            cuts.append(
                f"{key}: {len(items):,} bullets, kept the first {budgets.bullets_per_section}"
            )
            del items[budgets.bullets_per_section :]
        long = sum(len(item.text) > budgets.bullet_chars for item in items)
        for item in items:
            item.text = shorten(item.text, budgets.bullet_chars)
        if long:
            cuts.append(f"{key}: {long} bullets shortened to {budgets.bullet_chars:,} characters")
    if len(brief.key_figures) > budgets.key_figures:
        cuts.append(f"{len(brief.key_figures):,} key figures, kept the first {budgets.key_figures}")
        del brief.key_figures[budgets.key_figures :]
    for figure in brief.key_figures:
        trim(figure, "label", budgets.figure_chars, "a key figure's label")
        trim(figure, "value", budgets.figure_chars, "a key figure's value")
    if len(brief.sources) > budgets.sources:
        cuts.append(f"{len(brief.sources):,} sources, listed the first {budgets.sources}")
        del brief.sources[budgets.sources :]
    for source in brief.sources:
        for name in ("title", "publisher", "path", "url", "date"):
            trim(source, name, budgets.source_chars, f"a source's {name}")
    for cut in dict.fromkeys(cuts):
        warn(f"memo over its limits: {cut} (see README, Limits)")
    return brief
