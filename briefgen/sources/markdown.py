"""Markdown reader: CommonMark (markdown-it-py) to plain paragraphs, front matter to fields.

The parser, not patterns, decides what is a list, a quote, code or a link, so nested lists,
reference links (``[text][ref]``), entities and HTML blocks read as a browser would show them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from briefgen.sources.base import SourceDocument
from briefgen.sources.meta import compact, normalize_date
from briefgen.sources.text import check_not_empty, decode_text, first_line_title, read_bytes

# Front-matter names for the fields the source list shows.
_FIELD_NAMES = {
    "publisher": ("publisher", "source", "site", "publication", "outlet"),
    "date": ("date", "published", "pubdate", "created"),
    "url": ("url", "link", "canonical", "source_url"),
}
# HTML elements that end a line of text; scripts and styles hold no article text.
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "table",
        "tr",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "figure",
        "figcaption",
        "dt",
        "dd",
        "br",
        "hr",
    ]
)
_HIDDEN_TAGS = ("script", "style", "template", "noscript")


def read_markdown_file(path: Path) -> SourceDocument:
    text = check_not_empty(decode_text(read_bytes(path), path), path)
    metadata, body = _front_matter(text, path)
    lines, heading = markdown_lines(body)
    plain = check_not_empty("\n".join(lines), path, "holds no text outside front matter")
    title = metadata.pop("title", "") or heading or first_line_title(plain, path)
    return SourceDocument(text=plain, title=title, path=path, metadata=metadata)


def markdown_to_text(text: str) -> str:
    """Markdown to plain text, one paragraph per line (see markdown_lines)."""
    return "\n".join(markdown_lines(text)[0])


def markdown_lines(text: str) -> tuple[list[str], str]:
    """The text's paragraphs as plain lines, and its title (an opening level-1 heading).

    Wrapped paragraph lines are joined; headings stand on their own line; each list item, at
    any depth, becomes ``- item`` (the form the analysis reads as highlights); a table row
    becomes its cells joined by "; "; quotes, code and HTML blocks keep only their text;
    images, rules and link definitions go.
    """
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    tokens = parser.parse(text)
    title = ""
    if len(tokens) > 1 and tokens[0].type == "heading_open" and tokens[0].tag == "h1":
        title = _inline_text(tokens[1].children or [])
    lines = [" ".join(line.split()) for line in _blocks(tokens)]
    return [line for line in lines if line.strip(" -")], title


def _blocks(tokens: Sequence[Any]) -> Iterator[str]:
    item_starts: list[bool] = []  # per open list item: is its first paragraph still to come?
    row: list[str] | None = None
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "list_item_open":
            item_starts.append(True)
        elif kind == "list_item_close":
            item_starts.pop()
        elif kind == "inline" and row is not None:
            row.append(_inline_text(token.children or []))
        elif kind == "inline":
            line = _inline_text(token.children or [])
            if item_starts and item_starts[-1] and tokens[index - 1].type == "paragraph_open":
                item_starts[-1] = False
                line = f"- {line}"
            yield line
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            yield "; ".join(cell for cell in row if cell)
            row = None
        elif kind in ("fence", "code_block"):
            yield from (line.strip() for line in token.content.split("\n") if line.strip())
        elif kind == "html_block":
            yield from _html_text(token.content)


def _inline_text(children: Sequence[Any]) -> str:
    """The words of an inline run: markup, tags and images dropped, links as their text."""
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def _html_text(markup: str) -> list[str]:
    """The text of an HTML block, a line per block element."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    for hidden in list(root.iter(*_HIDDEN_TAGS)):
        hidden.drop_tree()
    for element in root.iter():
        # A line break in the markup is a space; block elements end lines.
        block = isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS
        mark = "\n" if block else ""
        element.text = mark + (element.text or "").replace("\n", " ")
        element.tail = mark + (element.tail or "").replace("\n", " ")
    text = "".join(root.itertext())
    return [" ".join(part.split()) for part in text.split("\n") if part.strip()]


# --- front matter ---------------------------------------------------------------------------


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
    fields = {
        str(k).lower(): v
        for k, v in data.items()
        if isinstance(v, (str, int, float)) and not isinstance(v, bool)
    }
    metadata = {key: str(value) for key, value in fields.items()}
    for name, aliases in _FIELD_NAMES.items():
        value = next((fields[a] for a in aliases if a in fields), None)
        if value is not None:
            metadata[name] = normalize_date(value) if name == "date" else str(value)
    return compact(metadata), parts[1]
