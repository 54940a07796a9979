"""Strip what articles carry around the story: promos, bylines, datelines, credits, share prompts.

Publisher highlight bullets (bullets before the first story paragraph) are kept apart as
highlights: the summary uses them when present.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Lines (or sentences) that are navigation or promotion, never part of the story.
PROMO = re.compile(
    r"^\W*(?:also read|read more|read also|recommended|related(?: stories| articles)?\s*:|"
    r"click here|tap here|subscribe|sign up|sign in|log in|download (?:the|our) app|"
    r"share (?:this|on|via)|share\s*:|follow us|join us on|advertisement|sponsored|"
    r"watch\s*:|listen\s*:|watch video|comments?\s*\(|print this|email this|"
    r"don'?t miss|trending\s*:|more from|first published|last updated|updated\s*:|"
    r"published\s*(?:on|:)|\d+\s*min(?:ute)?s? read)",
    re.IGNORECASE,
)
# Bylines and photo/image credits: a whole short line, with or without markdown emphasis.
BYLINE = re.compile(
    r"^\W*(?:by\s+[^.]{2,80}|written by\b.*|reported by\b.*|edited by\b.*|"
    r"(?:file\s+)?(?:photo|image|picture|video)(?:\s+credit)?\s*(?::|/|courtesy)\s*.*|"
    r"(?:credit|courtesy|source)\s*:.*)$",
    re.IGNORECASE,
)
# A line that is nothing but social network names: "Facebook | X | WhatsApp".
SOCIAL = re.compile(
    r"^\W*(?:(?:facebook|twitter|x|whatsapp|linkedin|telegram|email|reddit|copy link)"
    r"\W*){2,}$",
    re.IGNORECASE,
)
BULLET = re.compile(r"^\s*(?:[-*•‣▪●◦]|\d{1,2}[.)])\s+")
HIGHLIGHTS_HEADING = re.compile(r"^\W*(?:highlights|key (?:points|takeaways)|in brief)\W*$", re.I)
# Datelines: "JOHANNESBURG, Nov 23 (Staff report) — ", "NEW DELHI: ", "TOKYO (Reuters) - ".
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3})"
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"(?:\s*\([^)]{1,40}\))?"
    r"\s*(?:[—–-]+|:)\s+"
)


@dataclass
class CleanDocument:
    paragraphs: list[str]
    highlights: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # what was removed, for --explain and tests
    place: str = ""  # the dateline's place ("JOHANNESBURG" -> "Johannesburg"), if any


def is_boilerplate(text: str) -> bool:
    """A promo, byline, credit or share prompt (a line or a sentence)."""
    return bool(PROMO.match(text) or BYLINE.match(text) or SOCIAL.match(text))


def strip_dateline(paragraph: str) -> tuple[str, str]:
    """(paragraph without its dateline, the dateline's place or "")."""
    match = DATELINE.match(paragraph)
    # Only when a sentence follows: "NATO: the view from Brussels" is a headline, not a dateline.
    if match and paragraph[match.end() : match.end() + 1].isupper():
        place = match.group("place").title()
        return paragraph[match.end() :], place
    return paragraph, ""


def clean_text(text: str, title: str = "") -> CleanDocument:
    """Split into paragraphs, dropping boilerplate; keep leading bullets as highlights."""
    result = CleanDocument(paragraphs=[])
    title_key = _key(title)
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line or HIGHLIGHTS_HEADING.match(line):
            continue
        if title_key and _key(line) == title_key:
            continue
        if is_boilerplate(line):
            result.dropped.append(line)
            continue
        if BULLET.match(line):
            bullet = BULLET.sub("", line)
            # Publisher highlights come before the story; later bullets are story text.
            (result.paragraphs if result.paragraphs else result.highlights).append(bullet)
            continue
        if not result.paragraphs:
            line, result.place = strip_dateline(line)
        result.paragraphs.append(line)
    return result


_NON_WORD = re.compile(r"\W+")


def _key(text: str) -> str:
    return _NON_WORD.sub(" ", text).strip().lower()
