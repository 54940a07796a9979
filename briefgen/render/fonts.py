"""TrueType fonts for the PDF: found with fontconfig, registered once, chosen per character.

reportlab embeds the TrueType fonts it registers but has no font fallback of its own: a character
the paragraph font lacks prints as an empty box. ``FontChain`` therefore splits every string into
runs, each in the first font of the chain that has a glyph for its characters: the theme's body
font, then its fallback families, then any installed font fontconfig finds for that character.
A character no installed font covers is reported once through ``warn``.
"""

from __future__ import annotations

import bisect
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

from briefgen.errors import BriefgenError
from briefgen.render.text import xml_safe

TRUETYPE_SUFFIXES = (".ttf", ".ttc")
DEFAULT_BODY = ("DejaVu Sans", "Noto Sans", "Liberation Sans")
# Installed fonts tried for one character (each is parsed when first tried).
MAX_FALLBACK_TRIES = 4
# Characters that never need a font of their own: they join the run around them.
_NEUTRAL_CATEGORIES = {"Zs", "Cc", "Cf"}


@dataclass(frozen=True)
class Face:
    """A registered TrueType font: its reportlab name, file and the code points it covers."""

    name: str
    path: Path
    coverage: frozenset[int]

    def covers(self, char: str) -> bool:
        return ord(char) in self.coverage


# ----------------------------------------------------------------------------- fontconfig


def _run(args: list[str]) -> str:
    if shutil.which(args[0]) is None:
        return ""
    try:
        result = subprocess.run(args, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout if result.returncode == 0 else ""


@lru_cache(maxsize=64)
def find_family(family: str, bold: bool = False) -> Path | None:
    """The TrueType file of ``family`` (bold if asked and installed), or None if not installed.

    fc-match always answers with *some* font, so the family it returns is checked against the
    one asked for: a missing family must not silently turn into another.
    """
    style = "Bold" if bold else "Regular"
    out = _run(["fc-match", "-f", "%{family}\t%{file}", f"{family}:style={style}"])
    families, _, file = out.partition("\t")
    names = {name.strip().lower() for name in families.split(",")}
    path = Path(file.strip())
    if family.lower() not in names or path.suffix.lower() not in TRUETYPE_SUFFIXES:
        return None
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def _font_index() -> tuple[tuple[int, Path, tuple[int, ...]], ...]:
    """Every installed TrueType file with its rank (upright regular first) and coverage.

    One ``fc-list`` for the whole run: asking fontconfig once per character cost one process
    per character no font in the chain has (600 such characters: minutes).
    Coverage is a flat sorted tuple of range bounds (lo0, hi0, lo1, hi1, ...) for bisect.
    """
    out = _run(["fc-list", "--format", "%{file}\t%{style[0]}\t%{charset}\n"])
    index: list[tuple[int, str, Path, tuple[int, ...]]] = []
    for line in out.splitlines():
        file, _, rest = line.partition("\t")
        style, _, charset = rest.partition("\t")
        path = Path(file.strip())
        if path.suffix.lower() not in TRUETYPE_SUFFIXES:
            continue
        bounds: list[int] = []
        try:
            for span in charset.split():
                low, _, high = span.partition("-")
                bounds += [int(low, 16), int(high or low, 16)]
        except ValueError:
            continue
        style = style.lower()
        plain = any(word in style for word in ("regular", "book", "normal"))
        slanted = any(word in style for word in ("italic", "oblique", "bold"))
        index.append((0 if plain and not slanted else 1, str(path), path, tuple(bounds)))
    return tuple((rank, path, bounds) for rank, _, path, bounds in sorted(index))


def files_with_char(char: str) -> tuple[Path, ...]:
    """TrueType files fontconfig says contain ``char``, upright regular faces first."""
    code = ord(char)
    found = []
    for _, path, bounds in _font_index():
        at = bisect.bisect_right(bounds, code)
        # inside a range when it falls after a low bound (odd position) or on a high bound
        if at % 2 == 1 or (at and bounds[at - 1] == code):
            found.append(path)
    return tuple(found)


# ----------------------------------------------------------------------------- right to left

# Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their presentation forms.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


@lru_cache(maxsize=1)
def _bidi() -> tuple[Callable[[str], str], Callable[..., str]] | None:
    """arabic-reshaper's reshape and python-bidi's get_display (None when not installed)."""
    try:
        from arabic_reshaper import reshape
        from bidi import get_display
    except ImportError:
        return None
    return reshape, get_display


def shaped(text: str) -> str:
    """Arabic letters in their joined forms (a PDF draws glyphs as given: no shaping engine)."""
    tools = _bidi()
    return tools[0](text) if tools and has_rtl(text) else text


def visual(text: str, base: str | None = None) -> str:
    """One line of shaped text in the order it is drawn, left to right (Unicode bidi rules)."""
    tools = _bidi()
    return tools[1](text, base_dir=base) if tools and has_rtl(text) else text


# ----------------------------------------------------------------------------- registration

_FACES: dict[Path, Face | None] = {}


def register(path: Path) -> Face | None:
    """Register a TrueType file with reportlab once per process; None if reportlab refuses it.

    reportlab embeds only TrueType (glyf) outlines: a CFF-flavoured font raises TTFError.
    """
    key = path.resolve()
    if key in _FACES:
        return _FACES[key]
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    name = f"bg-{key.stem}"
    try:
        font = (
            TTFont(name, str(key), subfontIndex=0)
            if key.suffix.lower() == ".ttc"
            else TTFont(name, str(key))
        )
    except (TTFError, OSError, ValueError, KeyError):
        _FACES[key] = None
        return None
    pdfmetrics.registerFont(font)
    glyphs = font.face.charToGlyph
    face = Face(name, key, frozenset(code for code, glyph in glyphs.items() if glyph))
    _FACES[key] = face
    return face


def _first_face(families: Iterable[str], bold: bool) -> Face | None:
    for family in families:
        path = find_family(family, bold)
        face = register(path) if path else None
        if face is not None:
            return face
    return None


# ----------------------------------------------------------------------------- the chain


@dataclass
class Pair:
    regular: Face
    bold: Face

    def face(self, bold: bool) -> Face:
        return self.bold if bold else self.regular


class FontChain:
    """Body font plus fallbacks; turns text into runs each printed in a font that has its glyphs."""

    def __init__(
        self,
        body: Iterable[str] = DEFAULT_BODY,
        fallback: Iterable[str] = (),
        warn: Callable[[str], None] = lambda message: None,
    ) -> None:
        self.warn = warn
        self._missing: set[str] = set()
        self._chosen: dict[str, Pair | None] = {}  # each character's font, looked up once
        self._rtl_warned = False
        body = tuple(body)
        regular = _first_face((*body, *DEFAULT_BODY), bold=False)
        if regular is None:
            raise FontsMissing("no TrueType body font found (install fonts-dejavu)")
        bold = _first_face(body, bold=True) or regular
        self.pairs: list[Pair] = [Pair(regular, bold)]
        from reportlab.pdfbase.pdfmetrics import registerFontFamily

        # so that <b> in paragraph markup finds the bold face
        registerFontFamily(
            regular.name,
            normal=regular.name,
            bold=bold.name,
            italic=regular.name,
            boldItalic=bold.name,
        )
        # Fallback families are registered when a character first needs one: parsing a large
        # CJK font costs more than rendering a whole memo that never uses it.
        self._pending = list(fallback)

    @property
    def regular(self) -> str:
        return self.pairs[0].regular.name

    @property
    def bold(self) -> str:
        return self.pairs[0].bold.name

    def faces(self) -> list[Face]:
        return [face for pair in self.pairs for face in (pair.regular, pair.bold)]

    def _add_family(self, family: str) -> None:
        regular_path = find_family(family)
        regular = register(regular_path) if regular_path else None
        if regular is None or any(p.regular.path == regular.path for p in self.pairs):
            return
        bold_path = find_family(family, bold=True)
        bold = register(bold_path) if bold_path else None
        # a bold face only counts if it covers what the regular one does (IPAGothic has none)
        if bold is None or not regular.coverage <= bold.coverage:
            bold = regular
        self.pairs.append(Pair(regular, bold))

    def _pair_for(self, char: str) -> Pair | None:
        if char in self._chosen:
            return self._chosen[char]
        pair = self._find_pair(char)
        self._chosen[char] = pair
        return pair

    def _find_pair(self, char: str) -> Pair | None:
        for pair in self.pairs:
            if pair.regular.covers(char):
                return pair
        while self._pending:  # in theme order, so the chain is the same as registering all
            before = len(self.pairs)
            self._add_family(self._pending.pop(0))
            if len(self.pairs) > before and self.pairs[-1].regular.covers(char):
                return self.pairs[-1]
        for path in files_with_char(char)[:MAX_FALLBACK_TRIES]:  # any installed font with it
            face = register(path)
            if face is not None and face.covers(char):
                pair = Pair(face, face)
                self.pairs.append(pair)
                return pair
        return None

    def runs(self, text: str, bold: bool = False) -> list[tuple[str, str]]:
        """[(reportlab font name, text), ...] covering ``text`` in order."""
        body = self.pairs[0].face(bold)
        runs: list[tuple[Face, list[str]]] = []
        pending: list[str] = []  # spaces and controls, placed once the next letter's font is known
        for char in xml_safe(text):
            category = unicodedata.category(char)
            current = runs[-1][0] if runs else None
            if current is not None and category in _NEUTRAL_CATEGORIES:
                pending.append(char)
                continue
            if current is not None and category.startswith("M") and current.covers(char):
                face = current  # a mark stays with its base letter (shaping context)
            else:
                pair = self._pair_for(char)
                if pair is None:
                    self._report(char)
                face = pair.face(bold) if pair else current or body
            if pending:
                # between two fonts, spaces take the body font's width, as the Latin text expects
                if face is current or current is body or face is not body:
                    runs[-1][1].extend(pending)
                else:
                    runs.append((face, list(pending)))
                pending = []
            if runs and runs[-1][0] is face:
                runs[-1][1].append(char)
            else:
                runs.append((face, [char]))
        if pending:
            if runs:
                runs[-1][1].extend(pending)
            else:
                runs.append((body, pending))
        return [(face.name, "".join(chars)) for face, chars in runs]

    def markup(self, text: str, bold: bool = False, ordered: bool = False) -> str:
        """Paragraph markup for ``text``: escaped, with <font face> around non-body runs.

        Right-to-left text is shaped and put in visual order first, unless ``ordered`` says
        the caller has done so (lines of a wrapped paragraph, see ``rtl_lines``).
        """
        if not ordered:
            text = self.display(text)
        base = self.bold if bold else self.regular
        parts = []
        for name, chunk in self.runs(text, bold):
            escaped = escape(chunk, quote=False)
            parts.append(escaped if name == base else f'<font face="{name}">{escaped}</font>')
        return "".join(parts)

    def display(self, text: str) -> str:
        """``text`` shaped and in visual order, as one line (or as given, with a warning once,
        where python-bidi and arabic-reshaper are missing)."""
        if not has_rtl(text):
            return text
        text = xml_safe(text)  # python-bidi refuses lone surrogates; the PDF drops them anyway
        if _bidi() is None:
            if not self._rtl_warned:
                self._rtl_warned = True
                self.warn(
                    "right-to-left text is printed unshaped, left to right, in the PDF "
                    "(install python-bidi and arabic-reshaper)"
                )
            return text
        return visual(shaped(text))

    def rtl_lines(self, text: str, width: float, size: float, bold: bool = False) -> list[str]:
        """Right-to-left ``text`` broken into lines of at most ``width`` points in reading
        order, each line then put in visual order. Reordering a whole paragraph before a
        left-to-right line breaker would print its last line first."""
        lines: list[str] = []
        current: list[str] = []
        used = 0.0
        space = self.width(" ", size, bold)
        for word in shaped(xml_safe(text)).split():
            wide = self.width(word, size, bold)
            if current and used + space + wide > width:
                lines.append(" ".join(current))
                current, used = [], 0.0
            used += (space if current else 0.0) + wide
            current.append(word)
        if current:
            lines.append(" ".join(current))
        return [visual(line, "R") for line in lines]

    def width(self, text: str, size: float, bold: bool = False) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return sum(stringWidth(chunk, name, size) for name, chunk in self.runs(text, bold))

    def draw(self, canvas, x: float, y: float, text: str, size: float, bold: bool = False) -> None:
        """Draw text on a canvas at (x, y), switching fonts per run."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        for name, chunk in self.runs(self.display(text), bold):
            canvas.setFont(name, size)
            canvas.drawString(x, y, chunk)
            x += stringWidth(chunk, name, size)

    def draw_centred(self, canvas, x: float, y: float, text: str, size: float, bold=False) -> None:
        width = self.width(self.display(text), size, bold)
        self.draw(canvas, x - width / 2, y, text, size, bold)

    def _report(self, char: str) -> None:
        if char in self._missing:
            return
        self._missing.add(char)
        name = unicodedata.name(char, "unnamed character")
        self.warn(f"no installed font has U+{ord(char):04X} {name}; the PDF shows it as a box")


class FontsMissing(BriefgenError):
    """No usable TrueType font at all (a bare machine without fonts-dejavu)."""
