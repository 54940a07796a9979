"""``briefgen extract``: what the readers keep of each source, as text or JSON.

So a user can see why a bullet reads as it does: a wrong bullet traced to a reading mistake.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from briefgen.sources.base import SourceDocument

Warn = Callable[[str], None]
FIELDS = ("title", "publisher", "author", "date", "url", "accessed")


def read_page(data: bytes, url: str = "", charset: str | None = None) -> SourceDocument:
    """The article of one web page's bytes, as ``extract`` and the memo read it."""
    from briefgen.sources.html import read_html_bytes

    return read_html_bytes(data, page_path(url), url=url, charset=charset)


def page_path(url: str) -> Path:
    """A readable stand-in path for a page read from ``url`` (host and path, no scheme)."""
    parts = urlsplit(url)
    name = PurePosixPath(parts.path).name
    return Path(parts.netloc or "page", name or "index.html") if url else Path("page.html")


def document_fields(document: SourceDocument) -> dict[str, object]:
    """A document as the fields ``extract`` shows, in a fixed order; text as paragraphs."""
    fetched = "accessed" in document.metadata  # read from the web: the URL is the source
    source = document.metadata["url"] if fetched else str(document.path)
    data: dict[str, object] = {"source": source}
    data["title"] = document.title
    for key in FIELDS[1:]:
        if document.metadata.get(key):
            data[key] = document.metadata[key]
    data["paragraphs"] = [line for line in document.text.splitlines() if line.strip()]
    return data


def format_documents(documents: Sequence[SourceDocument], as_json: bool) -> str:
    """Text: a header of ``field: value`` lines, a blank line, one paragraph a line."""
    records = [document_fields(d) for d in documents]
    if as_json:
        return json.dumps(records, ensure_ascii=False, indent=2)
    blocks = []
    for record in records:
        paragraphs = record.pop("paragraphs")
        assert isinstance(paragraphs, list)
        head = [f"{key}: {value}" for key, value in record.items()]
        blocks.append("\n".join([*head, "", *paragraphs]))
    return "\n\n".join(blocks)
