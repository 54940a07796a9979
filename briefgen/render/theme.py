"""House style: page size, margins, fonts, sizes, colours and logo, read from a YAML theme file.

The bundled ``briefgen/data/theme.yaml`` holds every default; a user theme (``--theme FILE``)
overrides only the keys it names. Problems are reported with their field path, naming the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from briefgen.errors import InputError

DEFAULT_THEME_FILE = Path(__file__).resolve().parent.parent / "data" / "theme.yaml"
PAGE_SIZES_MM: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "LETTER": (215.9, 279.4)}
MAX_THEME_BYTES = 1024 * 1024
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_FONT_LISTS = ("pdf_body", "pdf_fallback")
_FONT_NAMES = ("docx_body", "docx_east_asia", "docx_complex")


@dataclass(frozen=True)
class Theme:
    page_size: str  # "A4" or "LETTER"
    margins_mm: dict[str, float]  # top, bottom, left, right
    fonts: dict[str, Any]  # pdf_body/pdf_fallback: family lists; docx_*: one name each
    sizes: dict[str, float]
    colours: dict[str, str]  # "#RRGGBB"
    logo: Path | None = None

    @property
    def page_mm(self) -> tuple[float, float]:
        return PAGE_SIZES_MM[self.page_size]

    def colour_hex(self, key: str) -> str:
        """ "1F3A5F": the form DOCX XML wants."""
        return self.colours[key].lstrip("#").upper()


@lru_cache(maxsize=1)
def default_theme() -> Theme:
    return load_theme(None)


def load_theme(path: Path | None) -> Theme:
    """The default theme, with the keys of ``path`` (a YAML theme file) laid over it."""
    base = _read(DEFAULT_THEME_FILE)
    if path is None:
        return _build(base, DEFAULT_THEME_FILE)
    override = _read(path)
    if override is None:
        override = {}
    if not isinstance(override, dict):
        raise InputError(path, "a theme file must be a mapping of settings")
    return _build(_merge(base, override, path), path)


def _read(path: Path) -> Any:
    if path == DEFAULT_THEME_FILE:  # every run reads it: from the parsed copy when unchanged
        from briefgen.bundled import read_bundled

        return read_bundled(path, _parse)
    return _parse(path)


def _parse(path: Path) -> Any:
    from briefgen.yamlio import read_yaml_file

    return read_yaml_file(path, "theme file", MAX_THEME_BYTES)


def _merge(base: dict[str, Any], override: dict[str, Any], path: Path) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if key not in base:
            known = ", ".join(base)
            raise InputError(path, f"{key}: unknown theme setting (expected one of: {known})")
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise InputError(path, f"{key}: expected a mapping")
            for sub in value:
                if sub not in base[key]:
                    known = ", ".join(base[key])
                    raise InputError(
                        path, f"{key}.{sub}: unknown setting (expected one of: {known})"
                    )
            merged[key] = {**base[key], **value}
        else:
            merged[key] = value
    return merged


def _build(data: dict[str, Any], path: Path) -> Theme:
    page = str(data.get("page_size", "A4")).upper()
    if page not in PAGE_SIZES_MM:
        raise InputError(path, f"page_size: expected A4 or Letter, got {data.get('page_size')!r}")
    margins = {
        key: _number(data["margins_mm"], key, "margins_mm", path) for key in data["margins_mm"]
    }
    if any(not 5 <= value <= 60 for value in margins.values()):
        raise InputError(path, "margins_mm: every margin must be between 5 and 60 mm")
    sizes = {key: _number(data["sizes"], key, "sizes", path) for key in data["sizes"]}
    if any(not 4 <= value <= 40 for value in sizes.values()):
        raise InputError(path, "sizes: every size must be between 4 and 40 points")
    colours: dict[str, str] = {}
    for key, value in data["colours"].items():
        if not isinstance(value, str) or not _COLOUR.match(value):
            raise InputError(
                path, f'colours.{key}: expected a colour like "#1F3A5F", got {value!r}'
            )
        colours[key] = value
    fonts: dict[str, Any] = {}
    for key, value in data["fonts"].items():
        if key in _FONT_LISTS:
            values = [value] if isinstance(value, str) else value
            if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
                raise InputError(path, f"fonts.{key}: expected a list of font family names")
            fonts[key] = tuple(values)
        elif key in _FONT_NAMES:
            if not isinstance(value, str) or not value.strip():
                raise InputError(path, f"fonts.{key}: expected a font name")
            fonts[key] = value.strip()
    logo = data.get("logo")
    logo_path: Path | None = None
    if logo:
        if not isinstance(logo, str):
            raise InputError(path, "logo: expected the path of a PNG or JPEG file")
        logo_path = (path.parent / logo).resolve()
        if logo_path.suffix.lower() not in (".png", ".jpg", ".jpeg"):
            raise InputError(path, f"logo: {logo} is not a .png or .jpg file")
        if not logo_path.is_file():
            raise InputError(path, f"logo: {logo} not found")
        if not _is_image(logo_path):
            raise InputError(path, f"logo: {logo} is not a PNG or JPEG image")
    return Theme(page, margins, fonts, sizes, colours, logo_path)


def _number(data: dict[str, Any], key: str, where: str, path: Path) -> float:
    value = data[key]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError(path, f"{where}.{key}: expected a number, got {value!r}")
    return float(value)


def _is_image(path: Path) -> bool:
    """A PNG or JPEG by its first bytes, so a broken logo fails here and not mid-render."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError:
        return False
    return head.startswith(b"\x89PNG\r\n\x1a\n") or head.startswith(b"\xff\xd8\xff")
