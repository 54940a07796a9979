"""The DOCX renderer. Its python-docx code (docx_memo) loads only when a DOCX is rendered."""

from __future__ import annotations

import io
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


def check_reference(path: Path) -> bytes:
    """Refuse a --reference-docx that is not a Word file before any work is done: only a
    regular file of at most 50 MB, a zip whose parts pass the zip-bomb checks and hold no
    DTD. Returns its bytes."""
    from briefgen.limits import MAX_REFERENCE_BYTES, check_office_zip, read_regular_file

    data = read_regular_file(path, MAX_REFERENCE_BYTES, "reference file")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(path, "reference file is not a Word .docx file")
    check_office_zip(data, path, 2 * MAX_REFERENCE_BYTES, "reference file")
    return data
