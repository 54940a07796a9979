"""The DOCX renderer. Its python-docx code (docx_memo) loads only when a DOCX is rendered."""

from __future__ import annotations

import zipfile
from pathlib import Path

from briefgen.errors import InputError
from briefgen.model import Brief
from briefgen.render.base import BuiltinRenderer


class DocxRenderer(BuiltinRenderer):
    name = "docx"
    suffix = ".docx"
    description = "Word document (python-docx)"

    def render(self, brief: Brief, path: Path) -> None:
        from briefgen.render.docx_memo import write_docx

        write_docx(self.view(brief), path, self.theme, self.settings)


def check_reference(path: Path) -> None:
    """Refuse a --reference-docx that is not a Word file before any work is done."""
    if not zipfile.is_zipfile(path):
        raise InputError(path, "reference file is not a Word .docx file")
