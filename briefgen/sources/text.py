"""Plain-text and Markdown readers, with encoding detection."""

from __future__ import annotations

import re
from pathlib import Path

from briefgen.errors import InputError
from briefgen.sources.base import SourceDocument

MAX_SOURCE_BYTES = 50 * 1024 * 1024


def read_bytes(path: Path, limit: int = MAX_SOURCE_BYTES) -> bytes:
    """Read a file, refusing one larger than ``limit`` bytes with a clear message."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(
                path, f"file is {size / 2**20:.0f} MB, over the {limit // 2**20} MB limit"
            )
        with path.open("rb") as handle:
            return handle.read(limit + 1)
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None


def decode_text(data: bytes, path: Path) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252; refuse binary."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(path, "invalid UTF-16 text") from None
    if b"\x00" in data[:8192]:
        raise InputError(path, "looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Windows-1252 is what text pasted from Word usually is; 5 bytes it leaves undefined
    # are a sign of something else, which we still decode rather than crash on.
    return data.decode("cp1252", errors="replace")


def _check_not_empty(text: str, path: Path) -> str:
    if not text.strip():
        raise InputError(path, "file is empty")
    return text


def _first_line_title(text: str, path: Path) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line:
            if len(line) <= 160 and not line.startswith(("-", "*", "•")) and not line.endswith("."):
                return line
            break
    return path.stem.replace("_", " ")


def read_text_file(path: Path) -> SourceDocument:
    text = _check_not_empty(decode_text(read_bytes(path), path), path)
    return SourceDocument(text=text, title=_first_line_title(text, path), path=path)


_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_CODE = re.compile(r"`([^`]*)`")


def read_markdown_file(path: Path) -> SourceDocument:
    text = _check_not_empty(decode_text(read_bytes(path), path), path)
    metadata: dict[str, str] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        metadata = _front_matter(match.group(1))
        text = text[match.end() :]
    lines = [markdown_to_plain(line) for line in text.splitlines()]
    plain = _check_not_empty("\n".join(lines), path)
    title = metadata.pop("title", "") or _first_line_title(plain, path)
    return SourceDocument(text=plain, title=title, path=path, metadata=metadata)


def markdown_to_plain(line: str) -> str:
    """Reduce one Markdown line to plain text: headings, links, emphasis, code spans."""
    heading = _HEADING.match(line)
    if heading:
        line = heading.group(1)
    line = _LINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    for _ in range(2):  # nested emphasis: ***bold italic***
        line = _EMPHASIS.sub(r"\2", line)
    return line


def _front_matter(block: str) -> dict[str, str]:
    import yaml

    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        str(k): str(v)
        for k, v in data.items()
        if isinstance(v, (str, int, float)) or hasattr(v, "isoformat")
    }
