"""Atomic output: temporary file in the target folder, then rename; all files or none.

A run that fails midway leaves every earlier file byte-identical and no temporary file behind;
runs writing the same output at once leave one complete file, never a mixture.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import docx_text, needs_qpdf, pdf_text, run_cli

from briefgen.errors import OutputError
from briefgen.output import write_all, write_text


def _files(folder: Path) -> dict[str, bytes]:
    """Every file under folder, hidden ones too (a stray temporary file must show up)."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _writer(data: bytes, fail_after: bool = False):
    def write(temp: Path) -> None:
        temp.write_bytes(data)
        if fail_after:  # half-way through a render: something was written, then it broke
            raise RuntimeError("renderer crashed")

    return write


def test_a_writer_that_fails_leaves_earlier_files_byte_identical(tmp_path: Path) -> None:
    memo_docx, memo_pdf = tmp_path / "memo.docx", tmp_path / "memo.pdf"
    memo_docx.write_bytes(b"old docx")
    memo_pdf.write_bytes(b"old pdf")
    before = _files(tmp_path)

    with pytest.raises(RuntimeError):
        write_all([(memo_docx, _writer(b"new docx")), (memo_pdf, _writer(b"new", True))])

    assert _files(tmp_path) == before


def test_a_rename_that_fails_puts_back_the_files_already_renamed(tmp_path: Path) -> None:
    memo_docx = tmp_path / "memo.docx"
    memo_docx.write_bytes(b"old docx")
    (tmp_path / "memo.pdf").mkdir()  # a folder where the PDF should go: its rename fails
    before = _files(tmp_path)

    with pytest.raises(OutputError) as error:
        write_all([(memo_docx, _writer(b"new docx")), (tmp_path / "memo.pdf", _writer(b"pdf"))])

    assert error.value.path == tmp_path / "memo.pdf"
    assert _files(tmp_path) == before
    assert (tmp_path / "memo.pdf").is_dir()


def test_a_new_file_is_removed_again_when_a_later_rename_fails(tmp_path: Path) -> None:
    (tmp_path / "memo.pdf").mkdir()
    with pytest.raises(OutputError):
        write_all([(tmp_path / "memo.docx", _writer(b"x")), (tmp_path / "memo.pdf", _writer(b"y"))])
    assert _files(tmp_path) == {}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.pdf"]


def test_success_replaces_every_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "memo.docx").write_bytes(b"old")
    written = write_all(
        [(tmp_path / "memo.docx", _writer(b"new docx")), (tmp_path / "memo.pdf", _writer(b"pdf"))]
    )
    assert written == [tmp_path / "memo.docx", tmp_path / "memo.pdf"]
    assert _files(tmp_path) == {"memo.docx": b"new docx", "memo.pdf": b"pdf"}


def test_threads_writing_one_file_leave_exactly_one_complete_version(tmp_path: Path) -> None:
    target = tmp_path / "brief.yaml"
    # Large, distinct payloads: a torn write would show as a mixture of two of them.
    payloads = [f"writer {n}\n".ljust(400_000, chr(ord("a") + n)) for n in range(8)]
    start = threading.Barrier(len(payloads))

    def run(text: str) -> None:
        start.wait()
        for _ in range(5):
            write_text(target, text)

    threads = [threading.Thread(target=run, args=(text,)) for text in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert target.read_text(encoding="utf-8") in payloads
    assert [p.name for p in tmp_path.iterdir()] == ["brief.yaml"]


BRIEF = """\
title: Concurrent runs
date: 2026-11-23
sections:
  summary:
    - text: {marker} marks every bullet of this version.
      sources: [1]
  economy:
    - text: {marker} also sits in the economy section.
      sources: [1]
sources:
  - id: 1
    title: A note written for this test
"""


@needs_qpdf
def test_processes_rendering_the_same_memo_at_once_leave_complete_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    briefs = []
    for marker in ("ALPHAVERSION", "OMEGAVERSION"):
        path = tmp_path / f"{marker}.yaml"
        path.write_text(BRIEF.format(marker=marker), encoding="utf-8")
        briefs.append(path)
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "briefgen", "render", str(path), "-o", str(out)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in briefs * 2  # four writers, two versions, one pair of file names
    ]
    for run in runs:
        _, stderr = run.communicate(timeout=300)
        assert run.returncode == 0, stderr

    names = sorted(p.name for p in out.iterdir())
    assert names == ["2026-11-23_concurrent-runs.docx", "2026-11-23_concurrent-runs.pdf"]
    for path, text in (
        (out / names[0], docx_text(out / names[0])),
        (out / names[1], pdf_text(out / names[1])),
    ):
        versions = {m for m in ("ALPHAVERSION", "OMEGAVERSION") if m in text}
        assert len(versions) == 1, (path, versions)  # one complete version, never a mixture
        assert text.count(versions.pop()) == 2
    check = subprocess.run(["qpdf", "--check", str(out / names[1])], capture_output=True)
    assert check.returncode == 0


def test_a_failed_cli_run_leaves_the_earlier_memo_byte_identical(tmp_path: Path) -> None:
    out = tmp_path / "out"
    brief = tmp_path / "brief.yaml"
    brief.write_text(BRIEF.format(marker="FIRSTRUN"), encoding="utf-8")
    run_cli("render", str(brief), "-o", str(out), check=True)
    pdf = next(out.glob("*.pdf"))
    pdf.rename(pdf.with_suffix(".keep"))  # swap the PDF for a folder of the same name
    pdf.mkdir()
    before = _files(out)
    brief.write_text(BRIEF.format(marker="SECONDRUN"), encoding="utf-8")

    result = run_cli("render", str(brief), "-o", str(out))

    assert result.returncode == 1  # the output failed, not the input
    assert result.stderr.strip().splitlines()[-1].startswith(f"error: {pdf}: cannot write")
    assert _files(out) == before  # the DOCX from the first run is untouched
    assert "FIRSTRUN" in docx_text(next(out.glob("*.docx")))


def test_a_symlink_at_the_memo_name_is_replaced_never_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "precious.txt"
    outside.write_bytes(b"not yours to overwrite")
    out = tmp_path / "out"
    out.mkdir()
    (out / "memo.docx").symlink_to(outside)

    write_all([(out / "memo.docx", _writer(b"new docx"))])

    assert outside.read_bytes() == b"not yours to overwrite"
    assert not (out / "memo.docx").is_symlink()
    assert (out / "memo.docx").read_bytes() == b"new docx"
