"""Writing files safely: temporary file in the target folder, then rename into place.

A run that fails leaves no half-written file and every earlier file byte-identical; two runs
writing the same name leave one complete file (os.replace is atomic on one filesystem).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from briefgen.errors import OutputError

MAX_STEM = 80
# Names Windows reserves whatever the extension (CON.pdf opens the console there).
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", "conin$", "conout$"]
    + [f"{port}{n}" for port in ("com", "lpt") for n in range(10)]
)


def safe_stem(date: str, title: str) -> str:
    """A portable file name from date and title: ``2026-11-23_india-japan-leaders-meeting``.

    Only ``[a-z0-9-_]`` survive, so no separator, dot or drive letter can take the file out
    of the output folder, and a reserved device name gets a suffix.
    """
    # Punctuation of any script separates words first: "India–Japan" -> india-japan, not indiajapan.
    spaced = re.sub(r"[\W_]+", " ", unicodedata.normalize("NFC", title))
    ascii_title = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:MAX_STEM].rstrip("-")
    if slug in _RESERVED:
        slug += "-brief"
    safe_date = re.sub(r"[^0-9-]", "", date)[:10].strip("-")
    parts = [p for p in (safe_date, slug or "brief") if p]
    return "_".join(parts)


def prepare_folder(folder: Path) -> Path:
    if folder.exists() and not folder.is_dir():
        raise OutputError(folder, "output path exists and is not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(folder, f"cannot create output folder ({exc.strerror or exc})") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(folder, "output folder is not writable")
    return folder


def _temporary_in(folder: Path, name: str) -> Path:
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise OutputError(folder, f"cannot write here ({exc.strerror or exc})") from None
    os.close(handle)
    return Path(temp)


def write_all(jobs: Sequence[tuple[Path, Callable[[Path], object]]]) -> list[Path]:
    """Run each writer into a temporary file; only when all succeed, rename them into place.

    Each temporary file sits in its target's folder (a rename across filesystems is not
    atomic) and is flushed to disk before the rename, so a crash leaves the old file or the
    new one, never a truncated mixture.
    """
    temps: list[Path] = []
    try:
        for final, _ in jobs:
            temps.append(_temporary_in(final.parent, final.name))
        for (final, write), temp in zip(jobs, temps, strict=True):
            _write_into(final, write, temp)
    except BaseException:
        for temp in temps:
            temp.unlink(missing_ok=True)
        raise
    done = list(zip(temps, [final for final, _ in jobs], strict=True))
    _commit(done)
    return [final for _, final in done]


def _write_into(final: Path, write: Callable[[Path], object], temp: Path) -> None:
    try:
        write(temp)
        _fsync(temp)
    except OSError as exc:  # disk full, quota, I/O error: the user's environment
        raise OutputError(final, f"cannot write ({exc.strerror or exc})") from None
    os.chmod(temp, 0o644 & ~_umask())


def _commit(done: list[tuple[Path, Path]]) -> None:
    """Rename every temporary file into place, all or none.

    Each file that is about to be replaced is first kept under a hard link, so that when a
    later rename fails (the name is a folder, the disk went read-only) the earlier files are
    put back byte-identical rather than leaving a memo whose DOCX and PDF disagree.
    """
    kept: list[Path] = []
    replaced: list[tuple[Path, Path | None]] = []
    try:
        for temp, final in done:
            old = _keep_old(final)
            if old is not None:
                kept.append(old)
            os.replace(temp, final)
            replaced.append((final, old))
    except OSError as exc:
        for final, old in reversed(replaced):
            if old is None:
                final.unlink(missing_ok=True)
            else:
                os.replace(old, final)
        for path in [temp for temp, _ in done] + kept:
            path.unlink(missing_ok=True)
        failed = done[len(replaced)][1] if len(replaced) < len(done) else done[-1][1]
        raise OutputError(failed, f"cannot write ({exc.strerror or exc})") from None
    for path in kept:
        path.unlink(missing_ok=True)


def _keep_old(final: Path) -> Path | None:
    """A hard link to the file at ``final`` (None when there is none), to restore it from."""
    if not (final.is_file() or final.is_symlink()):
        return None
    backup = final.with_name(f".{final.name}.{os.getpid()}.{os.urandom(4).hex()}.old")
    try:
        os.link(final, backup, follow_symlinks=False)
    except OSError:  # a filesystem without hard links: a copy will do
        shutil.copy2(final, backup, follow_symlinks=False)
    return backup


def write_text(path: Path, text: str) -> Path:
    prepare_folder(path.parent)
    return write_all([(path, lambda temp: temp.write_text(text, encoding="utf-8"))])[0]


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
