"""Web sources: URLs, ``@links.txt`` lists of them, and RSS/Atom feeds (a URL or a file).

What a command line names is sorted here into files and web sources; ``read_web`` fetches the
pages (several at once), follows feeds to their items and reads each page with the reader
for its content type. Nothing here imports httpx, feedparser or trafilatura until a web
source is actually read, so start-up stays fast.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from briefgen.errors import InputError, OutputError

Warn = Callable[[str], None]
Source = Path | str  # a file or folder, or an http(s) URL
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
     "text/xml"}
)  # fmt: skip
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_OTHER_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")  # ftp://, file://: not fetched
_SINCE = re.compile(r"^\s*(\d+)\s*([hdwm])\s*$", re.IGNORECASE)
_UNITS = {"h": "hours", "d": "days", "w": "weeks", "m": "minutes"}


@dataclass(frozen=True)
class FetchSettings:
    timeout: float = 20.0  # seconds for each connect or read, and twice that for a whole page
    max_redirects: int = 5
    max_bytes: int | None = None  # None: the file cap, 10 x --max-source-mb (briefgen.limits)
    workers: int = 8


@dataclass(frozen=True)
class WebOptions:
    """How web sources are read: feed item choice, where fetched pages are kept, fetching."""

    since: dt.datetime | None = None  # feed items published at or after this (UTC)
    max_items: int | None = None  # per feed, newest first
    save_dir: Path | None = None  # keep each fetched page here
    fetch: FetchSettings = FetchSettings()


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def is_web_source(source: Source) -> bool:
    """A URL, or a feed file (read for its items' links)."""
    return isinstance(source, str) or source.suffix.lower() in FEED_SUFFIXES


def parse_sources(arguments: Sequence[str]) -> list[Source]:
    """Command-line SOURCE arguments: URLs stay text, ``@list.txt`` gives its lines (URLs or
    paths relative to the list; blank lines and ``#`` comments skipped), the rest are paths."""
    sources: list[Source] = []
    for argument in arguments:
        if _OTHER_SCHEME.match(argument) and not is_url(argument):
            raise InputError(argument, "only http:// and https:// URLs are read")
        if is_url(argument):
            sources.append(argument.strip())
        elif argument.startswith("@") and len(argument) > 1:
            sources += _list_file(Path(argument[1:]))
        else:
            sources.append(Path(argument))
    return sources


def _list_file(path: Path) -> list[Source]:
    from briefgen.sources.text import decode_text, read_bytes

    entries: list[Source] = []
    for line in decode_text(read_bytes(path), path).splitlines():
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        entries.append(entry if is_url(entry) else path.parent / entry)
    if not entries:
        raise InputError(path, "list of sources is empty")
    return entries


def parse_since(text: str, now: dt.datetime | None = None) -> dt.datetime:
    """``24h``, ``7d``, ``2w``, ``90m`` (before now), or a date/time ``2026-11-29[T08:00]``
    (UTC unless it names its zone); ValueError with the accepted forms otherwise."""
    now = now or dt.datetime.now(dt.timezone.utc)
    match = _SINCE.match(text)
    if match:
        amount, unit = int(match.group(1)), match.group(2).lower()
        return now - dt.timedelta(**{_UNITS[unit]: amount})
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            f"expected an age such as 24h, 7d, 2w or a date YYYY-MM-DD, got {text!r}"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


# --- reading ---------------------------------------------------------------------------------


def read_web(sources: Sequence[Source], options: WebOptions | None, warn: Warn) -> dict:
    """Each web source's documents (a feed gives one per item) or the InputError that stopped
    it; feed items that fail are warnings (the feed itself still gave the others)."""
    from briefgen.sources.web import fetch_all

    options = options or WebOptions()
    urls = [s for s in sources if isinstance(s, str)]
    pages = dict(zip(urls, fetch_all(urls, options.fetch), strict=True))
    results: dict = {}
    item_urls: dict[Source, list[str]] = {}
    for source in sources:
        try:
            if isinstance(source, Path):
                item_urls[source] = _feed_file_links(source, options, warn)
                continue
            page = pages[source]
            if isinstance(page, InputError):
                raise page
            if _is_feed(page.content_type, page.data):
                item_urls[source] = _links(page.data, source, page.final_url, options, warn)
            else:
                results[source] = [_read_page(page, options)]
        except InputError as exc:
            results[source] = exc
    wanted = list(dict.fromkeys(u for links in item_urls.values() for u in links))
    items = dict(zip(wanted, fetch_all(wanted, options.fetch), strict=True))
    for source, links in item_urls.items():
        documents = []
        for link in links:
            try:
                page = items[link]
                if isinstance(page, InputError):
                    raise page
                documents.append(_read_page(page, options))
            except InputError as exc:
                warn(f"{exc.path}: skipped ({exc.message})")
        results[source] = documents or InputError(source, "no item of the feed could be read")
    return results


def _feed_file_links(path: Path, options: WebOptions, warn: Warn) -> list[str]:
    from briefgen.sources.text import read_bytes

    return _links(read_bytes(path), str(path), "", options, warn)


def _links(data: bytes, origin: str, base: str, options: WebOptions, warn: Warn) -> list[str]:
    from briefgen.sources.feeds import feed_links

    links = feed_links(data, origin, base, options.since, options.max_items, warn)
    if not links:
        chosen = " since the --since time" if options.since else ""
        raise InputError(origin, f"feed has no items with web links{chosen}")
    return links


def _is_feed(content_type: str, data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    if content_type in FEED_TYPES or not content_type:
        return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
    return False


def _read_page(page, options: WebOptions):
    """A fetched page read by the reader for its type, with url and the time it was read;
    a reader's error names the URL."""
    try:
        return _read_fetched(page, options)
    except InputError as exc:
        if exc.path == page.url:
            raise
        raise InputError(page.url, exc.message) from None


def _read_fetched(page, options: WebOptions):
    from briefgen.limits import check_text_size
    from briefgen.sources.base import SourceDocument, reader_for_mime, sniff_mime

    saved = _save(page, options.save_dir) if options.save_dir else None
    mime = page.content_type
    if mime in ("", "application/octet-stream") or mime in FEED_TYPES:
        # the server did not say, or said only "XML" (not a feed): the bytes may say more
        mime = sniff_mime(page.data) or mime
    document: SourceDocument
    if mime in HTML_TYPES:
        from briefgen.extract import page_path, read_page

        document = read_page(page.data, page.final_url, page.charset)
        document.path = saved or page_path(page.final_url)
    else:
        reader = reader_for_mime(mime)
        if reader is None:
            raise InputError(page.url, f"unsupported content type {mime or '(none)'}")
        document = _read_other(page, reader, saved)
    check_text_size(document.text, page.url)  # a small page can unpack to a huge text
    document.metadata["url"] = page.final_url
    document.metadata["accessed"] = page.read_at[:10]
    return document


def _read_other(page, reader, saved: Path | None):
    """PDF, DOCX or plain text: their readers read files, so the bytes go to one first."""
    if saved is not None:
        return reader(saved)
    suffix = PurePosixPath(urlsplit(page.final_url).path).suffix or ".bin"
    with tempfile.TemporaryDirectory(prefix="briefgen-") as folder:
        path = Path(folder) / f"page{suffix}"
        path.write_bytes(page.data)
        document = reader(path)
    from briefgen.extract import page_path

    document.path = page_path(page.final_url)
    return document


def _save(page, folder: Path) -> Path:
    """Keep the fetched bytes as ``<host>-<name>-<hash>.<ext>``: one file per URL, stable."""
    parts = urlsplit(page.final_url)
    stem = PurePosixPath(parts.path).stem or "index"
    suffix = _SUFFIXES.get(page.content_type, PurePosixPath(parts.path).suffix or ".html")
    digest = hashlib.sha1(page.final_url.encode("utf-8")).hexdigest()[:8]
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", f"{parts.hostname or 'page'}-{stem}")[:80]
    path = folder / f"{name}-{digest}{suffix}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_bytes(page.data)
    except OSError as exc:
        raise OutputError(path, exc.strerror or str(exc)) from None
    return path


_SUFFIXES = {
    "text/html": ".html",
    "application/xhtml+xml": ".xhtml",
    "application/pdf": ".pdf",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}
