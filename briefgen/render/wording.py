"""The words the memo prints around the content: header labels, headings, footer, lead-in.

They come from the Jinja2 templates ``labels.j2``, ``headings.j2``, ``footer.j2`` and
``summary_lead.j2``: one ``{% block %}`` per word. A ``--templates`` folder may hold any of
these files with any subset of the blocks; every block it leaves out keeps the bundled wording,
so renaming one heading is a three-line file. Renderers read the result as a plain dict.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from briefgen.model import Brief
from briefgen.sections import SECTION_KEYS, default_headings

HEADINGS_TEMPLATE = "headings.j2"
WORDING_TEMPLATES: tuple[str, ...] = (
    "labels.j2",
    HEADINGS_TEMPLATE,
    "footer.j2",
    "summary_lead.j2",
)
# Stand-ins for the page number and count: DOCX turns them into fields, PDF formats them per page.
PAGE_PLACEHOLDERS = {"page": "{page}", "pages": "{pages}"}


def template_wording(brief: Brief | None, user_dir: Path | None = None) -> dict[str, str]:
    """Render every wording block, taking each from the user's file when it defines it."""
    from briefgen.render.templating import get_template, render_block

    context: dict[str, Any] = {"brief": brief or Brief(title=""), **PAGE_PLACEHOLDERS}
    words: dict[str, str] = {}
    for name in WORDING_TEMPLATES:
        bundled = get_template(f"bundled/{name}", None, kind="text")
        user = None
        if user_dir is not None and (user_dir / name).is_file():
            user = get_template(name, user_dir, kind="text")
        for block in _blocks(name, bundled.blocks):
            if user is not None and block in user.blocks:
                template = user
            elif block in bundled.blocks:
                template = bundled
            else:  # a section heading the bundled headings.j2 leaves to briefgen/sections.py
                words[block] = default_headings()[block]
                continue
            text = render_block(template, block, context, user_dir)
            words[block] = " ".join(text.split())  # one line: labels never wrap on purpose
    return words


def _blocks(name: str, bundled: Iterable[str]) -> list[str]:
    """The blocks a wording file may define: its bundled ones, and a heading per section."""
    names = list(bundled)
    if name == HEADINGS_TEMPLATE:
        names += [key for key in SECTION_KEYS if key not in names]
    return names


@lru_cache(maxsize=1)
def _defaults() -> tuple[tuple[str, str], ...]:
    return tuple(template_wording(None).items())


def default_labels() -> dict[str, str]:
    """The bundled wording with no brief in view (summary lead-in empty)."""
    return dict(_defaults())


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


def with_memo_wording(brief: Brief, settings: Any) -> Any:
    """A copy of RenderSettings whose labels hold the full wording for this brief."""
    return dataclasses.replace(settings, labels=memo_wording(brief, settings))


def check_user_templates(user_dir: Path, warn: Callable[[str], None]) -> None:
    """Warn about files and blocks briefgen would silently ignore (usually a typo)."""
    from briefgen.render.templating import bundled_template_names, get_template

    known = bundled_template_names()
    for path in sorted(user_dir.iterdir()):
        if path.is_file() and path.name not in known and not path.name.startswith("."):
            names = ", ".join(sorted(known))
            warn(f"{path}: not a briefgen template name (ignored); known: {names}")
    for name in WORDING_TEMPLATES:
        if not (user_dir / name).is_file():
            continue
        expected = set(_blocks(name, get_template(f"bundled/{name}", None, kind="text").blocks))
        for block in sorted(set(get_template(name, user_dir, kind="text").blocks) - expected):
            names = ", ".join(sorted(expected))
            warn(f"{user_dir / name}: block {block!r} is not used (expected: {names})")


def __getattr__(name: str) -> Any:
    if name == "DEFAULT_LABELS":  # kept for callers of the old constant
        return default_labels()
    raise AttributeError(name)


__all__ = [
    "SECTION_KEYS",
    "WORDING_TEMPLATES",
    "check_user_templates",
    "default_labels",
    "draft_headings",
    "labels",
    "memo_wording",
    "section_heading",
    "template_wording",
    "with_memo_wording",
]
