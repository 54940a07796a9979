"""SourceDocument, the reader registry and source discovery (files and folders)."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.errors import InputError

BRIEF_SUFFIXES = frozenset({".yaml", ".yml", ".json"})


@dataclass
class SourceDocument:
    """The text of one source article and what we know about it."""

    text: str
    title: str
    path: Path
    metadata: dict[str, str] = field(default_factory=dict)


Reader = Callable[[Path], SourceDocument]

# suffix -> (module, function, MIME type). A new format is one new module and one row here;
# modules are imported only when a file of their type is read (fast start-up).
READERS: dict[str, tuple[str, str, str]] = {
    ".txt": ("briefgen.sources.text", "read_text_file", "text/plain"),
    ".text": ("briefgen.sources.text", "read_text_file", "text/plain"),
    ".md": ("briefgen.sources.text", "read_markdown_file", "text/markdown"),
    ".markdown": ("briefgen.sources.text", "read_markdown_file", "text/markdown"),
}


def reader_for(path: Path) -> Reader | None:
    entry = READERS.get(path.suffix.lower())
    if entry is None:
        return None
    module_name, function_name, _mime = entry
    return getattr(importlib.import_module(module_name), function_name)


def collect_paths(sources: Iterable[Path], warn: Callable[[str], None]) -> list[Path]:
    """Expand files and folders into readable source files, in a stable order, each once.

    Folders are walked recursively (sorted, hidden entries skipped, symlink loops ignored);
    files of unknown type inside a folder are skipped with a warning. A file named directly
    must be readable: a missing path or unknown type is an error.
    """
    found: list[Path] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            found.append(path)

    for source in sources:
        if not source.exists():
            raise InputError(source, "no such file or folder")
        if source.is_dir():
            for path in _walk(source):
                if reader_for(path) is None:
                    warn(f"{path}: skipped (unknown file type {path.suffix or '(none)'})")
                else:
                    add(path)
        elif source.suffix.lower() in BRIEF_SUFFIXES:
            raise InputError(source, "is a brief file; use it alone (briefgen render)")
        elif reader_for(source) is None:
            known = ", ".join(sorted(READERS))
            raise InputError(
                source, f"unknown file type {source.suffix or '(none)'} (known: {known})"
            )
        else:
            add(source)
    return found


def _walk(folder: Path) -> list[Path]:
    files: list[Path] = []
    visited: set[str] = set()
    for root, dirs, names in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in visited:  # a symlink loop: walk each real folder once
            dirs[:] = []
            continue
        visited.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                path = Path(root) / name
                if path.is_file():
                    files.append(path)
    return files


def read_sources(sources: Iterable[Path], warn: Callable[[str], None]) -> list[SourceDocument]:
    """Read every source; a bad file is skipped with a warning while others remain."""
    paths = collect_paths(sources, warn)
    documents: list[SourceDocument] = []
    failures: list[InputError] = []
    for path in paths:
        reader = reader_for(path)
        assert reader is not None  # collect_paths keeps only readable types
        try:
            documents.append(reader(path))
        except InputError as exc:
            failures.append(exc)
            warn(f"{exc.path}: skipped ({exc.message})")
    if not documents:
        if len(failures) == 1:
            raise failures[0]
        where = ", ".join(str(s) for s in sources) or "(no sources)"
        raise InputError(where, "no readable source articles found")
    return documents
