"""The words the memo prints around the content: header labels, headings, footer, lead-in.

The bundled wording is plain data here (headings come from ``briefgen/sections.py``), so a
DOCX or PDF memo needs no template engine. A ``--templates`` folder may reword any of it with
Jinja2 templates ``labels.j2``, ``headings.j2``, ``footer.j2`` and ``summary_lead.j2``: one
``{% block %}`` per word, named as the keys below. Every block a file leaves out keeps the
bundled wording, so renaming one heading is a one-line file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefgen.model import Brief
from briefgen.sections import SECTION_KEYS, default_headings

LABELS: dict[str, str] = {
    "lang": "en",
    "memorandum": "MEMORANDUM",
    "to": "TO",
    "from": "FROM",
    "date": "DATE",
    "subject": "SUBJECT",
    "key_figures": "Key figures",
    "figure": "Figure",
    "value": "Value",
    "sources": "Sources",
    "empty_section": "No material in the sources.",
    "attached": "Attached",
    "accessed": "accessed",  # "accessed 2026-11-23": the day a web page was read
}
# Stand-ins for the page number and count: DOCX turns them into fields, PDF formats them per page.
PAGE_PLACEHOLDERS = {"page": "{page}", "pages": "{pages}"}
FOOTER = "Page {page} of {pages}"


def summary_lead(brief: Brief | None) -> str:
    """The sentence under the summary heading: where the bullets come from (empty: none)."""
    count = len(brief.sources) if brief is not None else 0
    if not count:
        return ""
    plural = "s" if count != 1 else ""
    return f"Drawn from {count} source{plural}; markers such as [1] refer to the list at the end."


def wording_blocks() -> dict[str, tuple[str, ...]]:
    """Each wording template a --templates folder may hold, and the blocks it may define."""
    return {
        "labels.j2": tuple(LABELS),
        "headings.j2": SECTION_KEYS,
        "footer.j2": ("page",),
        "summary_lead.j2": ("summary_lead",),
    }


WORDING_TEMPLATES: tuple[str, ...] = tuple(wording_blocks())


def bundled_wording(brief: Brief | None) -> dict[str, str]:
    return {**LABELS, **default_headings(), "page": FOOTER, "summary_lead": summary_lead(brief)}


def template_wording(brief: Brief | None, user_dir: Path | None = None) -> dict[str, str]:
    """The bundled wording, with every block the user's wording templates define laid over it.

    Jinja2 is imported only when a --templates folder holds a wording file.
    """
    words = bundled_wording(brief)
    files = [n for n in WORDING_TEMPLATES if user_dir is not None and (user_dir / n).is_file()]
    if not files:
        return words
    from briefgen.render.templating import get_template, render_block

    context: dict[str, Any] = {"brief": brief or Brief(title=""), **PAGE_PLACEHOLDERS}
    blocks = wording_blocks()
    for name in files:
        template = get_template(name, user_dir, kind="text")
        for block in blocks[name]:
            if block in template.blocks:
                text = render_block(template, block, context, user_dir)
                words[block] = " ".join(text.split())  # one line: labels never wrap on purpose
    return words


def default_labels() -> dict[str, str]:
    """The bundled wording with no brief in view (summary lead-in empty)."""
    return bundled_wording(None)


def labels(overrides: dict[str, str] | None = None) -> dict[str, str]:
    merged = default_labels()
    merged.update(overrides or {})
    return merged


def section_heading(key: str, words: dict[str, str]) -> str:
    return words.get(key, key.replace("_", " ").capitalize())


def memo_wording(brief: Brief, settings: Any) -> dict[str, str]:
    """All words for this brief: templates, then settings.labels, then the brief's own headings.

    A heading in the brief that still reads as the bundled default is not an edit (``draft``
    writes every heading into the file), so a --templates folder may still translate it.
    """
    words = template_wording(brief, getattr(settings, "templates", None))
    words.update(getattr(settings, "labels", None) or {})
    defaults = default_labels()
    words.update({k: v for k, v in brief.headings.items() if v != defaults.get(k)})
    return words


def draft_headings(brief: Brief, user_dir: Path | None) -> dict[str, str]:
    """The headings a draft file shows for editing, in memo order."""
    from briefgen.model import HEADING_KEYS

    words = template_wording(brief, user_dir)
    return {key: words[key] for key in HEADING_KEYS if words.get(key)}


def check_user_templates(user_dir: Path, warn: Callable[[str], None]) -> None:
    """Warn about files and blocks briefgen would silently ignore (usually a typo)."""
    from briefgen.render.templating import bundled_template_names, get_template

    known = bundled_template_names()
    for path in sorted(user_dir.iterdir()):
        if path.is_file() and path.name not in known and not path.name.startswith("."):
            names = ", ".join(sorted(known))
            warn(f"{path}: not a briefgen template name (ignored); known: {names}")
    for name, blocks in wording_blocks().items():
        if not (user_dir / name).is_file():
            continue
        expected = set(blocks)
        for block in sorted(set(get_template(name, user_dir, kind="text").blocks) - expected):
            names = ", ".join(sorted(expected))
            warn(f"{user_dir / name}: block {block!r} is not used (expected: {names})")
