"""Writing files safely: temporary file in the target folder, then rename into place.

A run that fails leaves no half-written file and every earlier file byte-identical; two runs
writing the same name leave one complete file (os.replace is atomic on one filesystem).
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import tempfile
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from briefgen.errors import OutputError

# The title part of a file name, in UTF-8 bytes: with the date, the suffix and the temporary
# name's decorations (".<name>.<pid>.<random>.part") it stays under the 255 bytes of a name.
MAX_SLUG_BYTES = 120
HASH_CHARS = 6
# Names Windows reserves whatever the extension (CON.pdf opens the console there).
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", "conin$", "conout$"]
    + [f"{port}{n}" for port in ("com", "lpt") for n in range(10)]
)
# What a title may lose without the name saying so: spacing and punctuation.
_SEPARATORS = frozenset("PZC")


def safe_stem(date: str, title: str) -> str:
    """A portable file name from date and title: ``2026-11-23_india-japan-leaders-meeting``.

    Words are kept in their own script (``2026-11-23_日本の防衛``), Latin letters without their
    accents; everything else separates words, so no separator, dot or drive letter can take
    the file out of the output folder. A long title is cut at a word boundary. When the name
    cannot say the whole title (cut short, or symbols and emoji dropped), a short hash of the
    title follows, so two different memos of one day never share a name while the same memo
    always gets the same one (and replaces its earlier files).
    """
    words, lossy = _title_words(unicodedata.normalize("NFC", title))
    slug = ""
    for word in words:
        longer = f"{slug}-{word}" if slug else word
        if len(longer.encode()) > MAX_SLUG_BYTES:
            lossy = True
            if not slug:  # one enormous word: cut it on a character
                slug = longer.encode()[:MAX_SLUG_BYTES].decode(errors="ignore")
            break
        slug = longer
    if slug in _RESERVED:
        slug += "-brief"
    if lossy or not slug:
        digest = hashlib.sha256(title.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_CHARS]
        slug = f"{slug or 'brief'}-{digest}" if title.strip() else slug or "brief"
    safe_date = re.sub(r"[^0-9-]", "", date)[:10].strip("-")
    parts = [p for p in (safe_date, slug) if p]
    return "_".join(parts)


def _title_words(title: str) -> tuple[list[str], bool]:
    """The title's words, lower case, Latin ones as ASCII; and whether anything but spacing
    and punctuation was dropped."""
    words: list[str] = []
    current: list[str] = []
    lossy = False
    for char in title + " ":
        category = unicodedata.category(char)
        if category[0] in "LMN" and char.isprintable():
            current.append(char)
            continue
        lossy = lossy or (category[0] not in _SEPARATORS and not char.isascii())
        if current:
            words.append(_ascii_if_latin("".join(current).lower()))
            current = []
    return [w for w in words if w], lossy


def _ascii_if_latin(word: str) -> str:
    """ "Évian" -> "evian"; a word of another script stays as it is."""
    stripped = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch)
    )
    if stripped and stripped == plain.lower():
        return re.sub(r"[^a-z0-9]+", "", stripped)
    return word


def prepare_folder(folder: Path) -> Path:
    if folder.exists() and not folder.is_dir():
        raise OutputError(folder, "output path exists and is not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(folder, f"cannot create output folder ({exc.strerror or exc})") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(folder, "output folder is not writable")
    sweep_stale(folder)
    return folder


# ".<final name>.<pid>.<random>.part" (and ".<final name>.<pid>.<random>.old" for the copy kept
# while a file is replaced): the pid says whether the run that made it is still alive.
_TEMPORARY = re.compile(r"^\..+\.(\d+)\.[A-Za-z0-9_]+\.(?:part|old)$")
STALE_SECONDS = 24 * 3600


def sweep_stale(folder: Path) -> list[Path]:
    """Remove the temporary files a killed run (SIGKILL, power loss) left in ``folder``.

    A temporary file is stale when the process whose pid its name carries is gone, or when it
    is a day old whatever its name says (a pid can be reused, or come from another machine
    sharing the folder); files of a run still writing here are left alone.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not (entry.name.startswith(".") and entry.name.endswith((".part", ".old"))):
            continue
        match = _TEMPORARY.match(entry.name)
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
            if old or (match and not _alive(int(match.group(1)))):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except (OSError, ValueError):
            continue
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's process
    return True


def _temporary_in(folder: Path, name: str) -> Path:
    try:
        handle, temp = tempfile.mkstemp(
            prefix=f".{name}.{os.getpid()}.", suffix=".part", dir=folder
        )
    except OSError as exc:
        raise OutputError(folder, f"cannot write here ({exc.strerror or exc})") from None
    os.close(handle)
    return Path(temp)


Then = Callable[..., object]  # (temporary path, rendered={final: temporary}) -> None


def write_all(
    jobs: Sequence[tuple[Path, Callable[[Path], object]]],
    then: Sequence[tuple[Path, Then]] = (),
) -> list[Path]:
    """Run each writer into a temporary file; only when all succeed, rename them into place.

    Each temporary file sits in its target's folder (a rename across filesystems is not
    atomic) and is flushed to disk before the rename, so a crash leaves the old file or the
    new one, never a truncated mixture. ``then`` writers run after the others, each given a
    map from every earlier final path to its finished temporary file (the e-mail draft
    attaches the memo files this way), and are committed in the same all-or-nothing step.
    """
    temps: list[Path] = []
    finals = [final for final, _ in jobs] + [final for final, _ in then]
    try:
        for final, _ in jobs:
            temps.append(_temporary_in(final.parent, final.name))
        for (final, write), temp in zip(jobs, temps, strict=True):
            _write_into(final, write, temp)
        for final, write in then:
            written = dict(zip(finals, temps, strict=False))
            temps.append(_temporary_in(final.parent, final.name))
            _write_into(final, functools.partial(write, rendered=written), temps[-1])
    except BaseException:
        for temp in temps:
            temp.unlink(missing_ok=True)
        raise
    done = list(zip(temps, finals, strict=True))
    _commit(done)
    return finals


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
