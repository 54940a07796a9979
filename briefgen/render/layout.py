"""What the DOCX and PDF layouts share besides the theme: links and document keywords."""

from __future__ import annotations

from briefgen.model import Brief, Source
from briefgen.sections import SECTION_KEYS

LINK_SCHEMES = ("http://", "https://", "mailto:")


def source_link(source: Source) -> str:
    """The source's URL when it is a web or mail link (never javascript: and the like)."""
    url = source.url.strip()
    return url if url.lower().startswith(LINK_SCHEMES) else ""


def document_keywords(brief: Brief) -> list[str]:
    """Keywords for the document properties: the kind of document and its non-empty sections."""
    return ["briefing memo", *(key for key in SECTION_KEYS if brief.sections.get(key))]
