"""The PDF renderer. Its reportlab code (pdf_memo) loads only when a PDF is rendered."""

from __future__ import annotations

from pathlib import Path

from briefgen.model import Brief
from briefgen.render.base import BuiltinRenderer


class PdfRenderer(BuiltinRenderer):
    name = "pdf"
    suffix = ".pdf"
    description = "PDF document (reportlab)"

    def render(self, brief: Brief, path: Path) -> None:
        from briefgen.render.pdf_memo import write_pdf

        write_pdf(self.view(brief), path, self.theme, self.settings)
