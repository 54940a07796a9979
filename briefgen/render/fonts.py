"""Finding and registering TrueType fonts for the PDF (reportlab embeds what it registers)."""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

FAMILY_CANDIDATES = ("DejaVu Sans", "Noto Sans", "Liberation Sans")
KNOWN_PATHS = {
    "regular": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "bold": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
}


@lru_cache(maxsize=32)
def fc_match(pattern: str) -> Path | None:
    """The file fontconfig picks for a pattern, or None when fontconfig is absent."""
    if shutil.which("fc-match") is None:
        return None
    try:
        result = subprocess.run(
            ["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return None
    path = Path(result.stdout.strip())
    return (
        path
        if result.returncode == 0 and path.suffix.lower() == ".ttf" and path.is_file()
        else None
    )


@lru_cache(maxsize=1)
def body_fonts() -> tuple[str, str]:
    """Register the body font (regular, bold) once per process; return their reportlab names."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular = Path(KNOWN_PATHS["regular"])
    bold = Path(KNOWN_PATHS["bold"])
    if not regular.is_file():
        for family in FAMILY_CANDIDATES:
            found = fc_match(f"{family}:style=Regular")
            if found:
                regular, bold = found, fc_match(f"{family}:style=Bold") or found
                break
        else:
            return "Helvetica", "Helvetica-Bold"  # built-in: Latin-1 only
    pdfmetrics.registerFont(TTFont("Body", str(regular)))
    pdfmetrics.registerFont(TTFont("Body-Bold", str(bold if bold.is_file() else regular)))
    pdfmetrics.registerFontFamily(
        "Body", normal="Body", bold="Body-Bold", italic="Body", boldItalic="Body-Bold"
    )
    return "Body", "Body-Bold"
