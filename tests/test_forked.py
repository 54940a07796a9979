"""Formats rendered side by side in forked processes: same files, same errors, same warnings.

``write_all(..., concurrent=True)`` runs every writer after the first in a forked child. What
the child raises, says or suffers must reach the parent as if it had run there, and a failure
on either side must leave the output folder as it was.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run_cli, written_paths

from briefgen.errors import InputError, OutputError
from briefgen.forked import ChildFailed, can_fork, relayed
from briefgen.output import write_all

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _writes(data: bytes):
    return lambda temp: temp.write_bytes(data)


def test_every_writer_after_the_first_runs_in_another_process(tmp_path: Path) -> None:
    def write_pid(temp: Path) -> None:
        temp.write_text(str(os.getpid()))

    jobs = [(tmp_path / f"memo.{n}", write_pid) for n in range(3)]
    assert write_all(jobs, concurrent=True) == [path for path, _ in jobs]
    pids = [int(path.read_text()) for path, _ in jobs]
    assert pids[0] == os.getpid()
    assert len(set(pids)) == 3
    assert sorted(_files(tmp_path)) == ["memo.0", "memo.1", "memo.2"]  # no .part left


def test_an_error_in_a_child_comes_back_with_its_type_file_and_message(tmp_path: Path) -> None:
    (tmp_path / "memo.docx").write_bytes(b"old docx")
    before = _files(tmp_path)

    def fails(temp: Path) -> None:
        temp.write_bytes(b"half")
        raise InputError(tmp_path / "reference.docx", "reference file is not a Word .docx file")

    with pytest.raises(InputError) as error:
        write_all([(tmp_path / "memo.docx", _writes(b"new")), (tmp_path / "memo.pdf", fails)], True)

    assert error.value.lines() == [
        f"{tmp_path / 'reference.docx'}: reference file is not a Word .docx file"
    ]
    assert _files(tmp_path) == before


def test_a_disk_error_in_a_child_names_the_file_it_was_writing(tmp_path: Path) -> None:
    def disk_full(temp: Path) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError) as error:
        write_all([(tmp_path / "a.docx", _writes(b"a")), (tmp_path / "a.pdf", disk_full)], True)
    assert error.value.path == tmp_path / "a.pdf"
    assert "No space left on device" in error.value.message
    assert _files(tmp_path) == {}


def test_a_child_that_dies_is_reported_and_nothing_is_written(tmp_path: Path) -> None:
    def killed(temp: Path) -> None:
        os.kill(os.getpid(), signal.SIGKILL)  # what the kernel's OOM killer does

    with pytest.raises(OutputError, match="ended without a report \\(signal 9\\)") as error:
        write_all([(tmp_path / "b.docx", _writes(b"b")), (tmp_path / "b.pdf", killed)], True)
    assert error.value.path == tmp_path / "b.pdf"
    assert _files(tmp_path) == {}


def test_an_error_that_cannot_be_pickled_still_comes_back_described(tmp_path: Path) -> None:
    class Local(Exception):  # a class pickle cannot find by name
        pass

    def fails(temp: Path) -> None:
        raise Local("renderer bug")

    with pytest.raises(ChildFailed, match="renderer bug"):
        write_all([(tmp_path / "c.docx", _writes(b"c")), (tmp_path / "c.pdf", fails)], True)
    assert _files(tmp_path) == {}


def test_when_the_parent_fails_the_child_is_stopped_and_its_file_removed(tmp_path: Path) -> None:
    child_pid = tmp_path.parent / f"{tmp_path.name}.child-pid"
    started = tmp_path.parent / f"{tmp_path.name}.started"

    def parent_fails(temp: Path) -> None:
        give_up = time.monotonic() + 60  # no child at all: fail below, do not hang
        while not started.exists() and time.monotonic() < give_up:
            time.sleep(0.01)  # fail only once the child is busy rendering
        raise RuntimeError("docx renderer crashed")

    def slow(temp: Path) -> None:
        temp.write_bytes(b"partial")
        child_pid.write_text(str(os.getpid()))
        started.touch()
        time.sleep(600)  # a render that would outlive the test if nobody stopped it

    with pytest.raises(RuntimeError, match="docx renderer crashed"):
        write_all([(tmp_path / "d.docx", parent_fails), (tmp_path / "d.pdf", slow)], True)
    with pytest.raises(ProcessLookupError):  # stopped and reaped, not left running
        os.kill(int(child_pid.read_text()), 0)
    assert _files(tmp_path) == {}


def test_warnings_said_in_a_child_reach_the_parent_in_order(tmp_path: Path) -> None:
    heard: list[str] = []
    warn = relayed(heard.append)

    def first(temp: Path) -> None:
        warn("from the first writer")
        temp.write_bytes(b"1")

    def second(temp: Path) -> None:
        warn("from the second writer, 1")
        warn("from the second writer, 2")
        temp.write_bytes(b"2")

    write_all([(tmp_path / "e.docx", first), (tmp_path / "e.pdf", second)], True)
    assert heard == [
        "from the first writer",
        "from the second writer, 1",
        "from the second writer, 2",
    ]


@pytest.mark.skipif(shutil.which("taskset") is None, reason="taskset (util-linux) absent")
def test_generate_writes_the_same_bytes_side_by_side_as_one_after_another(tmp_path: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795392000"}
    side_by_side = run_cli("generate", "-o", str(tmp_path / "a"), env=env, check=True)
    one_core = subprocess.run(  # one CPU in the affinity mask: the formats render in turn
        [
            "taskset",
            "-c",
            "0",
            sys.executable,
            "-m",
            "briefgen",
            "generate",
            "-o",
            str(tmp_path / "b"),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    a, b = written_paths(side_by_side), written_paths(one_core)
    assert [p.name for p in a] == [p.name for p in b]
    for left, right in zip(a, b, strict=True):
        assert left.read_bytes() == right.read_bytes(), left.name


def test_a_pdf_warning_reaches_stderr_when_the_pdf_renders_in_a_child(tmp_path: Path) -> None:
    source = tmp_path / "note.txt"
    source.write_text(
        "Leaders meet in Johannesburg\n\nThe two leaders met on 22 November 2026 in Johannesburg "
        "and agreed a new \U0010fffd defence dialogue on technology and trade.\n",
        encoding="utf-8",
    )
    result = run_cli("generate", str(source), "-o", str(tmp_path / "out"), check=True)
    assert "U+10FFFD" in result.stderr
    assert len(written_paths(result)) == 2


def test_when_no_process_can_be_forked_every_writer_runs_here(tmp_path: Path, monkeypatch) -> None:
    def no_fork() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)

    def write_pid(temp: Path) -> None:
        temp.write_text(str(os.getpid()))

    jobs = [(tmp_path / f"memo.{n}", write_pid) for n in range(2)]
    write_all(jobs, concurrent=True)
    assert [int(path.read_text()) for path, _ in jobs] == [os.getpid()] * 2
    assert sorted(_files(tmp_path)) == ["memo.0", "memo.1"]
