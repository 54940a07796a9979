"""One rule each for XML safety and for the size of a source, whichever way it arrives."""

from __future__ import annotations

import io
import zipfile

import pytest

from briefgen.errors import InputError

_ENTITY_APP_XML = (
    '<?xml version="1.0"?>\n<!DOCTYPE Properties [<!ENTITY who "Expanded Entity Inc">]>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Company>&who;</Company></Properties>"
)


def _docx_with_app_xml(app_xml: str) -> bytes:
    from docx import Document

    buffer = io.BytesIO()
    Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, app_xml.encode() if item.filename == "docProps/app.xml" else data)
    return out.getvalue()


def test_docx_reader_expands_no_entity_even_past_the_dtd_check() -> None:
    # the DTD check refuses the file first; the parser behind it resolves nothing either
    from docx import Document

    from briefgen.sources.docx import _company

    document = Document(io.BytesIO(_docx_with_app_xml(_ENTITY_APP_XML)))
    assert _company(document) == ""


def test_docx_with_an_entity_declaration_is_refused(tmp_path) -> None:
    from briefgen.sources.docx import read_docx_file

    path = tmp_path / "entity.docx"
    path.write_bytes(_docx_with_app_xml(_ENTITY_APP_XML))
    with pytest.raises(InputError, match="declares a DTD"):
        read_docx_file(path)


def test_no_bundled_cue_is_covered_by_a_glob_of_its_section() -> None:
    # "pledged" beside "pledge*" was counted twice when a sentence is scored by its words
    from briefgen.analysis.classify import load_cues

    for section, terms in load_cues().weights.items():
        globs = [term[:-1] for term in terms if term.endswith("*")]
        for term in terms:
            covering = [g for g in globs if term != g + "*" and term.startswith(g)]
            assert not covering, f"{section}: {term!r} is already matched by {covering[0]}*"
