"""Damaged files never crash a reader: each gives a document or an InputError, nothing else."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from readers_fixtures import Article, html_page, write_docx, write_pdf

from briefgen.errors import InputError
from briefgen.sources.base import SourceDocument, reader_for

SAMPLE = Article(
    title="Harbour upgrade approved",
    highlights=["Two berths will be added by 2028."],
    paragraphs=[
        "The port authority approved a two-berth extension on Friday after a long review of "
        "costs, dredging plans and the effect on fishing grounds nearby.",
        "Work starts next spring and the authority expects the berths to handle larger bulk "
        "carriers from the first year of operation.",
    ],
    publisher="Harbour Notes",
    date="2026-11-19",
)


def _originals() -> dict[str, bytes]:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        return {
            ".pdf": write_pdf(SAMPLE, base / "a.pdf").read_bytes(),
            ".docx": write_docx(SAMPLE, base / "a.docx").read_bytes(),
            ".html": html_page(SAMPLE).encode("utf-8"),
            ".md": ("# " + "\n\n".join(SAMPLE.lines())).encode("utf-8"),
            ".txt": "\n".join(SAMPLE.lines()).encode("cp1252", errors="replace"),
        }


ORIGINALS = _originals()


@st.composite
def damaged(draw) -> tuple[str, int, int, bytes]:
    """A real file of some format to cut short at ``cut`` or overwrite at ``start``.

    Drawn as small numbers (not the bytes) so a failing example prints in a few lines.
    """
    suffix = draw(st.sampled_from(sorted(ORIGINALS)))
    size = len(ORIGINALS[suffix])
    if draw(st.booleans()):
        return suffix, draw(st.integers(0, size)), 0, b""
    return suffix, size, draw(st.integers(0, size - 1)), draw(st.binary(min_size=1, max_size=64))


def _damage(suffix: str, cut: int, start: int, noise: bytes) -> bytes:
    data = bytearray(ORIGINALS[suffix][:cut])
    data[start : start + len(noise)] = noise
    return bytes(data)


@pytest.mark.parametrize("suffix", sorted(ORIGINALS))
def test_originals_read_cleanly(tmp_path, suffix):
    path = tmp_path / f"sample{suffix}"
    path.write_bytes(ORIGINALS[suffix])
    document = reader_for(path)(path)
    assert "two-berth extension" in document.text


def _read_or_refuse(path: Path) -> None:
    """Reading gives a document with text, or an InputError naming the file in one line."""
    try:
        document = reader_for(path)(path)
    except InputError as exc:
        assert exc.path == path and exc.message and "\n" not in exc.message
    else:
        assert isinstance(document, SourceDocument) and document.text.strip()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_damaged_files_give_a_document_or_an_input_error(case):
    suffix, cut, start, noise = case
    data = _damage(suffix, cut, start, noise)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"damaged{suffix}"
        path.write_bytes(data)
        _read_or_refuse(path)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(ORIGINALS)), st.binary(max_size=2048))
def test_random_bytes_never_crash_a_reader(suffix, data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"random{suffix}"
        path.write_bytes(data)
        _read_or_refuse(path)
