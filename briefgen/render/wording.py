"""The words the memo prints around the content: header labels, headings, footer."""

from __future__ import annotations

from briefgen.model import SECTION_KEYS

DEFAULT_LABELS: dict[str, str] = {
    "memorandum": "MEMORANDUM",
    "to": "TO",
    "from": "FROM",
    "date": "DATE",
    "subject": "SUBJECT",
    "summary": "Summary (bottom line up front)",
    "defence": "Defence and security",
    "technology": "Technology",
    "economy": "Economy, trade and investment",
    "outlook": "Outlook",
    "key_figures": "Key figures",
    "figure": "Figure",
    "value": "Value",
    "sources": "Sources",
    "empty_section": "No material in the sources.",
    "page": "Page {page} of {pages}",
}


def labels(overrides: dict[str, str] | None = None) -> dict[str, str]:
    merged = dict(DEFAULT_LABELS)
    merged.update(overrides or {})
    return merged


def section_heading(key: str, words: dict[str, str]) -> str:
    return words.get(key, key.replace("_", " ").capitalize())


__all__ = ["DEFAULT_LABELS", "SECTION_KEYS", "labels", "section_heading"]
