"""Templates and seeds travel inside the wheel; an installed briefgen finds them from any folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REPO

SHIPPED = ("pyproject.toml", "README.md", "briefgen", "seeds", "templates")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Build the wheel from a copy of the checkout (the build writes build/ and egg-info),
    offline: with the setuptools of this environment, never the package index."""
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "*.pyc")
    source.mkdir()
    for name in SHIPPED:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=ignore)
        else:
            shutil.copy2(path, source / name)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",  # the installed setuptools: no package index needed
            "--no-index",
            "-w",
            str(root / "dist"),
            f"{source}{os.sep}",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (path,) = (root / "dist").glob("briefgen-*.whl")
    return path


def bundled_files(folder: str) -> set[str]:
    return {p.name for p in (REPO / folder).iterdir() if p.is_file() and not p.name.startswith(".")}


def test_wheel_carries_every_template_and_seed(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("templates", "seeds"):
        expected = {f"briefgen/{folder}/{name}" for name in bundled_files(folder)}
        assert expected and expected <= names, expected - names


def test_installed_wheel_works_from_any_folder_with_relative_templates(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    work = tmp_path / "somewhere" / "else"
    (work / "house").mkdir(parents=True)
    (work / "house" / "headings.j2").write_text(
        "{% block outlook %}Looking ahead{% endblock %}", encoding="utf-8"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run(
        [sys.executable, "-c", "import briefgen.resources as r; print(r.templates_dir())"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()) == site / "briefgen" / "templates"  # not the checkout
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefgen",
            "generate",
            "-f",
            "md,html",
            "--templates",
            "house",
            "--date",
            "2026-11-23",
        ],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    paths = [work / line for line in result.stdout.split()]
    assert [p.suffix for p in paths] == [".md", ".html"]
    assert all(p.parent == work / "output" for p in paths)
    md = paths[0].read_text(encoding="utf-8")
    assert "### Looking ahead" in md and "### Technology" in md  # override + bundled fallback
    assert "Johannesburg" in md  # the bundled seeds were read from the wheel
