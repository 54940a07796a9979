"""HTML renderer: one self-contained, printable page from the autoescaped ``memo.html.j2``."""

from __future__ import annotations

from briefgen.render.markdown import MarkdownRenderer


class HtmlRenderer(MarkdownRenderer):
    # Same job as Markdown, another template: the .html.j2 name switches on HTML autoescaping.
    name = "html"
    suffix = ".html"
    description = "HTML page, self-contained and printable (template memo.html.j2)"
    template = "memo.html.j2"
