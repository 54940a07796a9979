"""Tidy the metadata readers find (dates, titles) into the fields the source list shows."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})(\d{2})")

# Titles that producers write by default and no author chose.
PLACEHOLDER_TITLES = frozenset({"", "untitled", "word document", "document", "(anonymous)"})


def normalize_date(value: object) -> str:
    """A date as YYYY-MM-DD when it can be read as one; otherwise the text, trimmed.

    Takes datetimes, ISO strings with a time part (``2026-11-23T10:30:00+05:30``), PDF dates
    (``D:20261123...``) and the ways sites write a day (``Nov. 23, 2026``, ``Sunday, 23 November
    2026``, ``23.11.2026``, ``Mon, 23 Nov 2026 10:00:00 GMT``), read by python-dateutil. A
    numeric date is read day first (``03/04/2026`` is 3 April), unless that cannot be a date
    (``11/23/2026``). Text naming no full day (``November 2026``) stays as written. A day
    outside ``PLAUSIBLE_YEARS`` is a placeholder (CMSs write ``0001-01-01``): no date at all.
    """
    if isinstance(value, (dt.date, dt.datetime)):
        return _plausible(value.isoformat()[:10])
    text = " ".join(str(value or "").split())
    for pattern in (_ISO_DATE, _PDF_DATE):
        match = pattern.search(text)
        if match:
            try:
                return _plausible(dt.date(*(int(g) for g in match.groups())).isoformat())
            except ValueError:
                break
    written = _written_date(text)
    return _plausible(written) if written else text


PLAUSIBLE_YEARS = range(1900, 2201)


def _plausible(iso: str) -> str:
    return iso if int(iso[:4]) in PLAUSIBLE_YEARS else ""


def _written_date(text: str) -> str:
    if not text or len(text) > 80 or not any(ch.isdigit() for ch in text):
        return ""
    from dateutil import parser

    try:
        # Parsed twice against two different defaults: a part the text leaves out (the day of
        # "November 2026") would come from the default, so the two readings would differ.
        days = {
            parser.parse(text, default=default, dayfirst=True, ignoretz=True).date()
            for default in (dt.datetime(2000, 1, 1), dt.datetime(2001, 2, 2))
        }
    except (ValueError, OverflowError):  # ParserError is a ValueError
        return ""
    return days.pop().isoformat() if len(days) == 1 else ""


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
