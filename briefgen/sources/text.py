"""Plain-text reader, with the encoding detection every text format shares."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from briefgen.errors import InputError
from briefgen.limits import describe as describe_size
from briefgen.limits import max_file_bytes, read_regular_file
from briefgen.sources.base import SourceDocument
from briefgen.sources.meta import title_from_path

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters XML cannot hold and no article means (tab and newline stay).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# UTF-8 read as Windows-1252: "â€™" for "’", "Ã©" for "é". Seen in text saved twice over.
_MOJIBAKE = re.compile(r"â€|â[\x80-\x9f]|Ã[\x80-\xbf\u0152-\u2122]|Â[\xa0-\xbf]")


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """Read a file, refusing one larger than ``limit`` bytes (default: 10 x --max-source-mb)."""
    limit = max_file_bytes() if limit is None else limit
    return read_regular_file(path, limit, "source", too_big=describe_size)


def detect_encoding(data: bytes, declared: str | None = None) -> str | None:
    """The codec for ``data``: a byte-order mark wins, then a declared charset that decodes
    cleanly, then UTF-16 without a mark, then UTF-8. None means "not UTF": use Windows-1252."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    if declared:
        try:
            codec = codecs.lookup(declared).name
            data.decode(codec)
            # Pages declare latin-1 but are cp1252 in practice (the WHATWG rule).
            return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec
        except (LookupError, UnicodeDecodeError):
            pass
    sample = data[:4096]
    if len(sample) >= 4 and sample.count(0) >= len(sample) // 4:
        # ASCII-range text in UTF-16 has a zero in every other byte.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd > len(sample) // 4 and even == 0:
            return "utf-16-le"
        if even > len(sample) // 4 and odd == 0:
            return "utf-16-be"
        return None
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return None


def decode_text(data: bytes, path: Path, declared: str | None = None) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16/32 with BOM, UTF-16 without BOM, a legacy
    Japanese, Chinese or Korean encoding, or Windows-1252; refuse binary. The result has Unix
    line ends and no control characters."""
    codec = detect_encoding(data, declared)
    if codec is None:
        if b"\x00" in data[:8192]:
            raise InputError(path, "looks like a binary file, not text")
        codec = legacy_asian_encoding(data)
    if codec is None:
        # Windows-1252 is what text pasted from Word usually is. The five bytes it leaves
        # undefined are C1 controls in Latin-1, which tidy_text then drops.
        text = data.decode("cp1252", errors="ignore")
    else:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            raise InputError(path, f"invalid {codec.upper()} text") from None
    return tidy_text(repair_mojibake(text))


# The legacy encodings of Japanese, Chinese and Korean text that is not UTF.
_ASIAN_CODECS = frozenset(("cp932", "shift_jis", "euc_jp", "gb18030", "gb2312", "big5", "euc_kr"))


def legacy_asian_encoding(data: bytes) -> str | None:
    """Shift_JIS, EUC-JP, GB18030, Big5 or EUC-KR when charset-normalizer reads ``data`` so,
    ranked against Windows-1252; None otherwise.

    Only these compete with Windows-1252: let in every single-byte code page and Western text
    with accents is taken for Central European or Cyrillic (``naïve`` as ``naпve``).
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1252", *sorted(_ASIAN_CODECS)]).best()
    if best is None:
        return None
    codec = codecs.lookup(best.encoding).name
    return codec if codec in _ASIAN_CODECS else None


def tidy_text(text: str) -> str:
    """Unix line ends, no control characters, no non-breaking or zero-width oddities."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    return _CONTROL.sub("", text)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was decoded as Windows-1252 once ("â€™" -> "’"), when it is that."""
    if not _MOJIBAKE.search(text):
        return text
    # The closing quote's last byte (0x9d) is one cp1252 leaves undefined: often lost as "�".
    text = text.replace("â€\ufffd", "â€\x9d")
    try:
        raw = bytes(b for ch in text for b in _cp1252_byte(ch))
        repaired = raw.decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError, ValueError):
        return text
    # Only accept a repair that removes the telltale pairs rather than making new ones.
    return repaired if len(_MOJIBAKE.findall(repaired)) < len(_MOJIBAKE.findall(text)) else text


def _cp1252_byte(ch: str) -> bytes:
    try:
        return ch.encode("cp1252")
    except UnicodeEncodeError:
        # Text decoded as Latin-1 keeps C1 controls where cp1252 has punctuation.
        return ch.encode("latin-1")


def check_not_empty(text: str, path: Path, problem: str = "file is empty") -> str:
    if not text.strip():
        raise InputError(path, problem)
    return text


# A first line of more words than any headline is the story's first sentence that lost its full
# stop: it stays in the story (the analysis makes a title of its clauses).
_TITLE_WORDS = 20


def first_line_title(text: str, path: Path) -> str:
    """The first line when it can be a headline; else the file's name (a stand-in the analysis
    knows for what it is)."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            if (
                len(line) <= 160
                and len(line.split()) <= _TITLE_WORDS
                and not line.startswith(("-", "*", "•"))
                and not line.endswith(".")
            ):
                return line
            break
    return title_from_path(path)


def read_text_file(path: Path) -> SourceDocument:
    data = read_bytes(path)
    check_not_empty(data.decode("latin-1"), path)
    text = check_not_empty(decode_text(data, path), path, "holds only blank space")
    return SourceDocument(text=text, title=first_line_title(text, path), path=path)
