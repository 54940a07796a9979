"""Tidy the metadata readers find (dates, titles) into the fields the source list shows."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})(\d{2})")
_TEXT_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%d/%m/%Y")

# Titles that producers write by default and no author chose.
PLACEHOLDER_TITLES = frozenset({"", "untitled", "word document", "document", "(anonymous)"})


def normalize_date(value: object) -> str:
    """A date as YYYY-MM-DD when it can be read as one; otherwise the text, trimmed.

    Takes datetimes, ISO strings with a time part (``2026-11-23T10:30:00+05:30``), PDF dates
    (``D:20261123...``) and written dates (``23 November 2026``).
    """
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    text = " ".join(str(value or "").split())
    for pattern in (_ISO_DATE, _PDF_DATE):
        match = pattern.search(text)
        if match:
            try:
                return dt.date(*(int(g) for g in match.groups())).isoformat()
            except ValueError:
                break
    for fmt in _TEXT_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return text


def clean_title(title: str | None, publisher: str = "") -> str:
    """A title without a trailing ``| Site name`` and without placeholder values."""
    text = " ".join(str(title or "").split())
    if text.lower() in PLACEHOLDER_TITLES:
        return ""
    for separator in (" | ", " :: ", " – ", " — ", " - "):
        head, sep, tail = text.rpartition(separator)
        if not (sep and head):
            continue
        # A dash may belong to the headline; a bar rarely does. Cut a dash only at the publisher.
        names_site = publisher and tail.lower() == publisher.lower()
        short_site = separator in (" | ", " :: ") and len(tail.split()) <= 4
        if names_site or short_site:
            return head.strip()
    return text


def title_from_path(path: Path) -> str:
    """The stand-in title when a source names none; the analysis knows it for what it is."""
    return path.stem.replace("_", " ")


def compact(metadata: Mapping[str, object]) -> dict[str, str]:
    """Drop empty values and squeeze whitespace, so callers can fill fields blindly."""
    result: dict[str, str] = {}
    for key, value in metadata.items():
        text = " ".join(str(value).split()) if value is not None else ""
        if text:
            result[key] = text
    return result
