"""Strip what articles carry around the story: promos, bylines, share prompts, headlines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Lines that are navigation or promotion, never part of the story.
PROMO = re.compile(
    r"^\W*(also read|read more|read also|click here|subscribe|sign up|share this|share on|"
    r"follow us|advertisement|related:|recommended|watch:|listen:|download the app)\b",
    re.IGNORECASE,
)
BYLINE = re.compile(
    r"^\W*(by\s+[^.]{2,80}|written by\b.*|photo:.*|image:.*|credit:.*)$", re.IGNORECASE
)
BULLET = re.compile(r"^\s*[-*•‣▪]\s+")
DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,40},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*(\([^)]*\))?\s*[—–-]+\s*"
)


@dataclass
class CleanDocument:
    paragraphs: list[str]
    highlights: list[str] = field(default_factory=list)


def clean_text(text: str, title: str = "") -> CleanDocument:
    """Split into paragraphs, dropping boilerplate; keep leading bullets as highlights."""
    paragraphs: list[str] = []
    highlights: list[str] = []
    title_key = _key(title)
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        if title_key and _key(line) == title_key:
            continue
        if PROMO.match(line) or BYLINE.match(line):
            continue
        if BULLET.match(line):
            bullet = BULLET.sub("", line)
            # Publisher highlights come before the story; later bullets are story text.
            (paragraphs if paragraphs else highlights).append(bullet)
            continue
        paragraphs.append(DATELINE.sub("", line))
    return CleanDocument(paragraphs=paragraphs, highlights=highlights)


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()
