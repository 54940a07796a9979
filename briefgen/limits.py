"""Size limits on input, so a huge or endless file gets a clear error, not an exhausted machine.

The analysis holds a source's text in memory several times over (measured: a 10 MB text file
peaks at about 400 MB, a 1 MB file at about 60 MB), so the limit is what bounds memory.
``--max-source-mb`` raises it; it travels in the environment so batch workers obey it too.
"""

from __future__ import annotations

import os

DEFAULT_MAX_SOURCE_MB = 10.0
MAX_SOURCE_ENV = "BRIEFGEN_MAX_SOURCE_MB"


def max_source_bytes() -> int:
    """The largest source file a reader accepts, in bytes."""
    try:
        megabytes = float(os.environ.get(MAX_SOURCE_ENV) or DEFAULT_MAX_SOURCE_MB)
    except ValueError:
        megabytes = DEFAULT_MAX_SOURCE_MB
    if not megabytes > 0:  # also refuses NaN
        megabytes = DEFAULT_MAX_SOURCE_MB
    return int(megabytes * 2**20)


def set_max_source_mb(megabytes: float) -> None:
    os.environ[MAX_SOURCE_ENV] = repr(float(megabytes))


def describe(size: int, limit: int) -> str:
    """The message for a file over the limit, with the way out."""
    return f"file is {_mb(size)} MB, over the {_mb(limit)} MB limit (raise it with --max-source-mb)"


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f}".rstrip("0").rstrip(".")
