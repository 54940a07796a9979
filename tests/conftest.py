"""Shared fixtures: run the CLI as a user would, read back real output."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis: a few examples in the normal run (seconds); `--hypothesis-profile=long` digs deeper.
# Rendering a memo takes tens of milliseconds, so deadlines would only measure machine load.
settings.register_profile(
    "briefgen",
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("briefgen")  # the plugin loads --hypothesis-profile after this

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _no_user_model(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> None:
    """A model the user taught with `briefgen learn` never steers the tests' drafts."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg")))


SHARED_SEEDS = REPO.parent / "shared" / "seeds"


def run_cli(
    *args: str,
    cwd: Path | None = None,
    env: dict | None = None,
    check: bool = False,
    process: bool = False,
) -> subprocess.CompletedProcess:
    """Run briefgen with ARGS and return its exit code and streams.

    In this process through click.testing.CliRunner (the same BriefgenGroup.main that the
    console script runs, so exit codes and ``error:`` lines are the ones users see), unless
    ``process`` is set or ``env`` changes a PYTHON* variable: then ``python -m briefgen`` in a
    real process, for what only a process shows (interpreter start-up, plugins on PYTHONPATH,
    tracebacks with --debug).
    """
    changed = {k: v for k, v in (env or {}).items() if os.environ.get(k) != v}
    if process or any(key.startswith("PYTHON") for key in changed):
        result = run_process(*args, cwd=cwd, env=env)
    else:
        result = _run_in_process(list(args), cwd, changed)
    if check and result.returncode != 0:
        raise AssertionError(f"briefgen {args} failed ({result.returncode}):\n{result.stderr}")
    return result


def run_process(
    *args: str, cwd: Path | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    """``python -m briefgen ARGS`` in a real process."""
    return subprocess.run(
        [sys.executable, "-m", "briefgen", *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )


def _run_in_process(
    args: list[str], cwd: Path | None, env: dict[str, str]
) -> subprocess.CompletedProcess:
    from click.testing import CliRunner

    from briefgen.cli import cli

    old_cwd = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        result = CliRunner(env=env).invoke(cli, args, prog_name="briefgen")
    finally:
        os.chdir(old_cwd)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a bug the CLI did not turn into an error line
    return subprocess.CompletedProcess(
        ["briefgen", *args], result.exit_code, result.stdout, result.stderr
    )


def written_paths(result: subprocess.CompletedProcess) -> list[Path]:
    return [Path(line) for line in result.stdout.splitlines() if line.strip()]


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def docx_text(path: Path) -> str:
    from docx import Document

    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(parts)


needs_qpdf = pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")
needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext not installed"
)
needs_shared_seeds = pytest.mark.skipif(
    not SHARED_SEEDS.is_dir(), reason="../shared/seeds is absent"
)


@pytest.fixture(scope="session")
def seeds_memo(tmp_path_factory) -> dict[str, Path]:
    """The memo generated from the bundled seeds, once per test session."""
    out = tmp_path_factory.mktemp("seeds_memo")
    result = run_cli("generate", "-o", str(out), "--date", "2026-11-23", check=True)
    return {p.suffix: p for p in written_paths(result)}
