"""The memo's sections, written once: everything that names a section derives from ``SECTIONS``.

The brief model and its JSON Schema, the draft's comment header, the default headings, the
analysis (which sections it fills and how many bullets each holds), the renderers, bench and
tests all read this tuple. Adding a section is one entry here; give it cue terms (in
``briefgen/data/sections.yaml`` or a ``--sections`` file) so the analysis can fill it, and
optionally a ``{% block <key> %}`` in ``templates/headings.j2`` to word its heading.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["bottom_line", "topic", "forward"]


@dataclass(frozen=True)
class SectionSpec:
    key: str  # the key in brief files, cue files and templates
    heading: str  # default heading; headings.j2 or a brief's `headings:` may reword it
    about: str  # one line for the draft's comment header and the JSON Schema
    max_items: int  # most bullets the analysis puts in it
    min_items: int = 0  # fewest the analysis aims for when the sources allow
    # bottom_line: the summary, chosen across all sections and printed first in a box;
    # topic: filled with the sentences classified into it;
    # forward: like topic, plus dated "Watch:" lines for upcoming events.
    role: Role = "topic"


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec(
        "summary",
        "Summary (bottom line up front)",
        "the bottom line up front: the bullets a reader can stop after",
        max_items=5,
        min_items=3,
        role="bottom_line",
    ),
    SectionSpec(
        "defence",
        "Defence and security",
        "military, security pacts, conflict, weapons, terrorism",
        max_items=4,
    ),
    SectionSpec(
        "technology",
        "Technology",
        "technology cooperation, chips, AI, space, critical minerals",
        max_items=4,
    ),
    SectionSpec(
        "economy",
        "Economy, trade and investment",
        "trade, tariffs, investment, finance, energy markets, supply chains",
        max_items=4,
    ),
    SectionSpec(
        "outlook",
        "Outlook",
        "what comes next: statements about the future, then dated events to watch",
        max_items=3,
        role="forward",
    ),
)

SECTION_KEYS: tuple[str, ...] = tuple(spec.key for spec in SECTIONS)
BY_KEY: dict[str, SectionSpec] = {spec.key: spec for spec in SECTIONS}
# The one bottom-line section and the one forward-looking section, by role.
SUMMARY: str = next(spec.key for spec in SECTIONS if spec.role == "bottom_line")
OUTLOOK: str = next(spec.key for spec in SECTIONS if spec.role == "forward")
# Sections filled from classified sentences (every one but the bottom line), in memo order.
BODY_SECTIONS: tuple[str, ...] = tuple(k for k in SECTION_KEYS if k != SUMMARY)
# The label for sentences that belong in no section (protocol, colour): classified, left out.
OTHER = "other"
# Every label a sentence can be classified with.
LABELS: tuple[str, ...] = (*BODY_SECTIONS, OTHER)


def default_headings() -> dict[str, str]:
    return {spec.key: spec.heading for spec in SECTIONS}


def describe() -> str:
    """The section keys in memo order, for messages: ``summary, defence, ...``."""
    return ", ".join(SECTION_KEYS)


__all__ = [
    "BODY_SECTIONS",
    "BY_KEY",
    "LABELS",
    "OTHER",
    "OUTLOOK",
    "SECTIONS",
    "SECTION_KEYS",
    "SUMMARY",
    "SectionSpec",
    "default_headings",
    "describe",
]
