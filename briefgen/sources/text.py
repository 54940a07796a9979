"""Plain-text and Markdown readers, with encoding detection shared by every text format."""

from __future__ import annotations

import codecs
import re
import stat
from pathlib import Path

from briefgen.errors import InputError
from briefgen.limits import describe as describe_size
from briefgen.limits import max_file_bytes
from briefgen.sources.base import SourceDocument
from briefgen.sources.meta import compact, normalize_date, title_from_path

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
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            raise InputError(path, "not a regular file")
        if info.st_size > limit:
            raise InputError(path, describe_size(info.st_size, limit))
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    if len(data) > limit:  # the file grew after stat(): still never hold more than limit
        raise InputError(path, describe_size(len(data), limit))
    return data


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
    """Decode UTF-8 (with or without BOM), UTF-16/32 with BOM, UTF-16 without BOM, or
    Windows-1252; refuse binary. The result has Unix line ends and no control characters."""
    codec = detect_encoding(data, declared)
    if codec is None:
        if b"\x00" in data[:8192]:
            raise InputError(path, "looks like a binary file, not text")
        # Windows-1252 is what text pasted from Word usually is. The five bytes it leaves
        # undefined are C1 controls in Latin-1, which tidy_text then drops.
        text = data.decode("cp1252", errors="ignore")
    else:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            raise InputError(path, f"invalid {codec.upper()} text") from None
    return tidy_text(repair_mojibake(text))


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


def first_line_title(text: str, path: Path) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line:
            if len(line) <= 160 and not line.startswith(("-", "*", "•")) and not line.endswith("."):
                return line
            break
    return title_from_path(path)


def read_text_file(path: Path) -> SourceDocument:
    data = read_bytes(path)
    check_not_empty(data.decode("latin-1"), path)
    text = check_not_empty(decode_text(data, path), path, "holds only blank space")
    return SourceDocument(text=text, title=first_line_title(text, path), path=path)


# --- Markdown -------------------------------------------------------------------------------

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_LINK = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_CODE = re.compile(r"`+([^`]*)`+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")

# Front-matter names for the fields the source list shows.
_FIELD_NAMES = {
    "publisher": ("publisher", "source", "site", "publication", "outlet"),
    "date": ("date", "published", "pubdate", "created"),
    "url": ("url", "link", "canonical", "source_url"),
}


def read_markdown_file(path: Path) -> SourceDocument:
    text = check_not_empty(decode_text(read_bytes(path), path), path)
    metadata, text = _front_matter(text, path)
    plain = check_not_empty(markdown_to_text(text), path, "holds no text outside front matter")
    title = metadata.pop("title", "") or _first_heading(text) or first_line_title(plain, path)
    return SourceDocument(text=plain, title=title, path=path, metadata=metadata)


def markdown_to_text(text: str) -> str:
    """Markdown to plain text, one paragraph per line.

    Wrapped paragraph lines are joined; headings stand on their own line; list items become
    ``- item`` (the form the analysis reads as highlights); quotes, tables and code lose
    their markup; images, rules and link definitions go.
    """
    blocks: list[str] = []
    current: list[str] = []
    in_fence = False

    def flush() -> None:
        if current:
            blocks.append(" ".join(current))
            current.clear()

    for raw in text.split("\n"):
        if _FENCE.match(raw):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            if raw.strip():
                blocks.append(raw.strip())
            continue
        line = _QUOTE.sub("", raw)
        stripped = line.strip()
        if not stripped or _RULE.match(line) and not current or _LINK_DEF.match(line):
            flush()
            continue
        if _SETEXT.match(line) and current:  # "Title\n=====" underlines the line above
            flush()
            continue
        if _TABLE_RULE.match(line) and "-" in line:
            continue
        heading = _HEADING.match(line)
        item = _LIST_ITEM.match(line)
        if heading:
            flush()
            blocks.append(heading.group(1))
        elif item:
            flush()
            current.append("- " + item.group(1).strip())
        elif stripped.startswith("|") or (stripped.count("|") >= 2 and not current):
            flush()
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            blocks.append("; ".join(c for c in cells if c))
        else:
            current.append(stripped)
    flush()
    lines = [markdown_to_plain(block) for block in blocks]
    return "\n".join(line for line in lines if line.strip(" -"))


def markdown_to_plain(line: str) -> str:
    """Reduce Markdown inline markup to plain text: links, images, emphasis, code, tags."""
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    line = _TAG.sub("", line)
    for _ in range(2):  # nested emphasis: ***bold italic***
        line = _EMPHASIS.sub(r"\2", line)
    line = _ESCAPE.sub(r"\1", line)
    heading = _HEADING.match(line)  # callers may pass a raw heading line
    return " ".join((heading.group(1) if heading else line).split())


def _first_heading(text: str) -> str:
    for line in text.split("\n"):
        heading = _HEADING.match(line)
        if heading and line.lstrip().startswith("# "):
            return markdown_to_plain(heading.group(1))
        if line.strip():
            return ""
    return ""


def split_front_matter(text: str) -> tuple[str, str] | None:
    """(front matter, the rest) when ``text`` opens with a ``---`` line and a closing
    ``---`` or ``...`` line follows; None otherwise."""
    head, newline, rest = text.partition("\n")
    if head.rstrip(" \t") != "---" or not newline:
        return None
    block: list[str] = []
    lines = rest.split("\n")
    for index, line in enumerate(lines):
        if line.rstrip(" \t") in ("---", "..."):
            return "\n".join(block), "\n".join(lines[index + 1 :])
        block.append(line)
    return None


def _front_matter(text: str, path: Path) -> tuple[dict[str, str], str]:
    """The source fields a Markdown file's YAML front matter gives, and the text after it.

    Front matter that is not valid YAML (or is hostile: aliases, deep nesting) makes the
    source unreadable, reported like any other; a block that reads as plain text rather than
    as fields was a rule (``---``) opening the article, not front matter.
    """
    from briefgen.yamlio import parse_yaml

    parts = split_front_matter(text)
    if parts is None:
        return {}, text
    data = parse_yaml(parts[0], path, "front matter", first_line=2)
    if data is None:
        return {}, parts[1]
    if not isinstance(data, dict):
        return {}, text
    fields = {str(k).lower(): v for k, v in data.items() if isinstance(v, (str, int, float))}
    metadata = {key: str(value) for key, value in fields.items()}
    for name, aliases in _FIELD_NAMES.items():
        value = next((fields[a] for a in aliases if a in fields), None)
        if value is not None:
            metadata[name] = normalize_date(value) if name == "date" else str(value)
    return compact(metadata), parts[1]
