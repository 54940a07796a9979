"""RSS and Atom feeds as sources: the links of their items, newest first, chosen by date.

feedparser reads every RSS and Atom dialect and resolves relative links against the feed's
own address. Imported only when a feed is read.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

import feedparser

from briefgen.errors import InputError
from briefgen.sources.links import is_url

Warn = Callable[[str], None]


def feed_links(
    data: bytes,
    origin: str,
    base_url: str = "",
    since: dt.datetime | None = None,
    max_items: int | None = None,
    warn: Warn | None = None,
) -> list[str]:
    """The http(s) links of a feed's items: those published at or after ``since`` (an item
    without a date cannot be shown to be recent, so ``since`` leaves it out), newest first
    when the feed dates its items, at most ``max_items``."""
    headers = {"content-location": base_url} if base_url else {}
    parsed = feedparser.parse(data, response_headers=headers)
    if not parsed.entries and (parsed.get("bozo") or not parsed.get("version")):
        raise InputError(origin, "not a readable RSS or Atom feed")
    items: list[tuple[dt.datetime | None, str]] = []
    undated = 0
    for entry in parsed.entries:
        link = entry.get("link", "")
        if not is_url(link):
            continue
        when = _published(entry)
        if since is not None and (when is None or when < since):
            undated += when is None
            continue
        items.append((when, link))
    if undated and warn is not None:
        warn(f"{origin}: {undated} undated items left out (--since)")
    if all(when is not None for when, _ in items):
        items.sort(key=lambda item: item[0], reverse=True)  # type: ignore[arg-type,return-value]
    links = list(dict.fromkeys(link for _, link in items))
    return links[:max_items] if max_items is not None else links


def _published(entry: feedparser.FeedParserDict) -> dt.datetime | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(stamp), dt.timezone.utc)
