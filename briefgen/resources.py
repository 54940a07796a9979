"""Where the bundled seeds and templates are: inside the installed package or the checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled(name: str) -> Path:
    """``seeds`` or ``templates``: briefgen/<name> in a wheel, <repo>/<name> in a checkout."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder {name!r} is missing from this installation")


def seeds_dir() -> Path:
    return bundled("seeds")


def templates_dir() -> Path:
    return bundled("templates")
