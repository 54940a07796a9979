"""Markdown renderer: the Jinja2 template ``memo.md.j2`` (overridable with --templates)."""

from __future__ import annotations

from pathlib import Path

from briefgen.model import Brief
from briefgen.render.base import BuiltinRenderer
from briefgen.render.templating import memo_context, render_template


class MarkdownRenderer(BuiltinRenderer):
    name = "md"
    suffix = ".md"
    description = "Markdown (template memo.md.j2)"
    template = "memo.md.j2"

    def render(self, brief: Brief, path: Path) -> None:
        text = render_template(
            self.template, self.settings.templates, **memo_context(brief, self.settings)
        )
        # newline="\n": the same bytes on every platform, so drafts diff cleanly.
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
