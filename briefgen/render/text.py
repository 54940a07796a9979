"""Text is data: make any string safe for XML (DOCX) and for reportlab's paragraph markup."""

from __future__ import annotations

import re
from html import escape

# Characters XML 1.0 cannot hold: C0 controls but tab/newline/CR, lone surrogates, U+FFFE/FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Drop characters XML cannot store (python-docx refuses them, reportlab chokes)."""
    return _XML_ILLEGAL.sub("", text)


def markup_escape(text: str) -> str:
    """Escape text for reportlab Paragraph markup so it is printed, never interpreted.

    Quotes are escaped too, so the result is also safe inside a markup attribute value.
    """
    return escape(xml_safe(text), quote=True)


def citation(ids: list[int]) -> str:
    """The citation marker printed after an item: "[1, 2]"."""
    return f"[{', '.join(str(i) for i in ids)}]" if ids else ""
