"""The bundled YAML data (theme, section cues), read without a YAML parser on most runs.

Every memo needs the bundled theme and cue terms, but not PyYAML: importing it and parsing the
two files was the largest cost of ``generate`` that the memo itself does not need. As Python
does for its own modules (``__pycache__/*.pyc``), the parsed data is kept in a ``marshal`` file
beside the source, valid while the YAML file's size and modification time are unchanged. It
follows Python's own rules: ``PYTHONPYCACHEPREFIX`` moves it, ``PYTHONDONTWRITEBYTECODE`` stops
it being written; a folder that cannot be written only means the YAML is parsed each time.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

CACHE_FOLDER = "__pycache__"
_FORMAT = 1  # bump when the cache layout changes


def read_bundled(path: Path, parse: Callable[[Path], object]) -> object:
    """``parse(path)``, or the same data from the cache when the file has not changed."""
    try:
        info = path.stat()
    except OSError:
        return parse(path)  # the parser reports the missing file its own way
    stamp = (_FORMAT, info.st_size, info.st_mtime_ns)
    cache = _cache_path(path)
    try:
        kept_stamp, data = marshal.loads(cache.read_bytes())
        if tuple(kept_stamp) == stamp:
            return data
    except (OSError, ValueError, EOFError, TypeError):
        pass  # no cache yet, or another version's: parse and write it
    data = parse(path)
    _write(cache, stamp, data)
    return data


def _cache_path(path: Path) -> Path:
    folder = path.parent.resolve()
    if sys.pycache_prefix:  # PYTHONPYCACHEPREFIX: a tree of its own, mirroring the source's
        return Path(sys.pycache_prefix) / folder.relative_to(folder.anchor) / f"{path.name}.marshal"
    return folder / CACHE_FOLDER / f"{path.name}.marshal"


def _write(cache: Path, stamp: tuple[int, int, int], data: Any) -> None:
    if sys.dont_write_bytecode:
        return
    try:
        payload = marshal.dumps((stamp, data))
    except ValueError:  # a type marshal cannot hold (a date): no cache for this file
        return
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temp = cache.with_name(f".{cache.name}.{os.getpid()}")
        temp.write_bytes(payload)
        os.replace(temp, cache)  # two runs at once: each rename is whole
    except OSError:
        pass
