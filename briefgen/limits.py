"""Size limits on input, so a huge or endless file gets a clear error, not an exhausted machine.

The analysis holds a source's text in memory several times over (measured: a 10 MB text file
peaks at about 400 MB, a 1 MB file at about 60 MB), so the limit is what bounds memory.
``--max-source-mb`` raises it for one job: ``source_limit`` sets it while that job reads its
sources (a context variable, so nothing leaks into the process environment or other jobs).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

DEFAULT_MAX_SOURCE_MB = 10.0
_LIMIT_MB: ContextVar[float] = ContextVar("max_source_mb", default=DEFAULT_MAX_SOURCE_MB)


def max_source_bytes() -> int:
    """The largest source file a reader accepts, in bytes."""
    return int(_LIMIT_MB.get() * 2**20)


@contextlib.contextmanager
def source_limit(megabytes: float | None) -> Iterator[None]:
    """Readers refuse files over ``megabytes`` inside this block (None: the default)."""
    if megabytes is None:
        yield
        return
    if not megabytes > 0:  # also refuses NaN
        raise ValueError(f"the source size limit must be positive, got {megabytes!r}")
    token = _LIMIT_MB.set(float(megabytes))
    try:
        yield
    finally:
        _LIMIT_MB.reset(token)


def describe(size: int, limit: int) -> str:
    """The message for a file over the limit, with the way out."""
    return f"file is {_mb(size)} MB, over the {_mb(limit)} MB limit (raise it with --max-source-mb)"


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f}".rstrip("0").rstrip(".")
