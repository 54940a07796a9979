"""The DOCX renderer. Its python-docx code (docx_memo) loads only when a DOCX is rendered."""

from __future__ import annotations

from pathlib import Path

from briefgen.model import Brief
from briefgen.render.base import BuiltinRenderer


class DocxRenderer(BuiltinRenderer):
    name = "docx"
    suffix = ".docx"
    description = "Word document (python-docx)"

    def render(self, brief: Brief, path: Path) -> None:
        from briefgen.render.docx_memo import write_docx

        write_docx(brief, path, self.theme, self.settings)
