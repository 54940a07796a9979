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
    *args: str, cwd: Path | None = None, env: dict | None = None, check: bool = False
) -> subprocess.CompletedProcess:
    """Run `python -m briefgen ARGS` in a real process (exit codes and streams as users see)."""
    full_env = {**os.environ, **(env or {})}
    result = subprocess.run(
        [sys.executable, "-m", "briefgen", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"briefgen {args} failed ({result.returncode}):\n{result.stderr}")
    return result


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
