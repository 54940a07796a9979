"""The command line as a real process: the streams and exit codes a shell script sees.

Everything else drives the CLI in-process (click.testing.CliRunner through the same
BriefgenGroup.main); these few runs check what only a process shows.
"""

from __future__ import annotations

from pathlib import Path

from conftest import run_process, written_paths


def test_generate_lists_files_on_stdout_and_talks_on_stderr_only(tmp_path: Path) -> None:
    result = run_process("generate", "-o", str(tmp_path / "out"), "--date", "2026-11-23")
    assert result.returncode == 0, result.stderr
    paths = written_paths(result)
    assert sorted(p.suffix for p in paths) == [".docx", ".pdf"]
    assert all(p.is_file() and p.stat().st_size > 0 for p in paths)
    assert "Traceback" not in result.stderr


def test_bad_input_exits_2_with_one_error_line(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = run_process("generate", str(missing), "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [f"error: {missing}: no such file or folder"]


def test_bad_usage_exits_2_without_a_usage_block(tmp_path: Path) -> None:
    result = run_process("generate", "--frobnicate")
    assert result.returncode == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: No such option") and "--frobnicate" in line


def test_output_failure_exits_1(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("a file where the output folder should be", encoding="utf-8")
    result = run_process("generate", "-o", str(blocker), "-f", "md")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines()[-1].startswith(f"error: {blocker}: ")
