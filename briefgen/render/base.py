"""The Renderer protocol, render settings and the registry of renderers.

A renderer is a class constructed with one RenderSettings argument that has a ``name``, a file
``suffix``, a one-line ``description`` and ``render(brief, path)``. Built-ins are listed below;
others come from the ``briefgen.renderers`` entry-point group of any installed distribution::

    [project.entry-points."briefgen.renderers"]
    odt = "briefgen_odt:OdtRenderer"

``settings.view`` holds what the memo says, worked out once per run for every format
(``briefgen.render.view``: header rows, headings, bullets with citation markers, key figures,
source lines and links), so a renderer only lays it out. Modules load only when a renderer is
used. A plugin that fails (to import, to construct, or to
render) is reported by name and never hides or stops the built-ins.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from briefgen.errors import BriefgenError, UsageError
from briefgen.model import Brief

if TYPE_CHECKING:
    from briefgen.render.theme import Theme
    from briefgen.render.view import MemoView

ENTRY_POINT_GROUP = "briefgen.renderers"
BUILTIN = "built-in"
# A suffix becomes part of a file name: keep it short and free of separators.
_SAFE_SUFFIX = re.compile(r"\.[A-Za-z0-9][A-Za-z0-9_-]{0,15}")
_SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,31}")


@dataclass
class RenderSettings:
    """What a renderer may take besides the Brief: house style and wording."""

    theme: object | None = None  # briefgen.render.theme.Theme; None means the default theme
    labels: dict[str, str] = field(default_factory=dict)  # overrides of the default wording
    reference_docx: Path | None = None
    warn: Callable[[str], None] = lambda message: None
    templates: Path | None = None  # a user's --templates folder (absolute); None: bundled only
    view: MemoView | None = None  # the memo's view, made once per run for every format


class BuiltinRenderer:
    """What the built-in renderers share: the settings they were made with, the theme in force."""

    name: str
    suffix: str
    description: str

    def __init__(self, settings: RenderSettings | None = None) -> None:
        self.settings = settings or RenderSettings()

    @property
    def theme(self) -> Theme:
        from briefgen.render.theme import default_theme

        return self.settings.theme or default_theme()  # type: ignore[return-value]

    def view(self, brief: Brief) -> MemoView:
        """What the memo says, made once per run (see briefgen.render.view)."""
        from briefgen.render.view import view_for

        return view_for(brief, self.settings)


@runtime_checkable
class Renderer(Protocol):
    name: str
    suffix: str
    description: str

    def render(self, brief: Brief, path: Path) -> None: ...


BUILTIN_RENDERERS: dict[str, str] = {
    "docx": "briefgen.render.docx:DocxRenderer",
    "pdf": "briefgen.render.pdf:PdfRenderer",
    "md": "briefgen.render.markdown:MarkdownRenderer",
    "html": "briefgen.render.html:HtmlRenderer",
}


class PluginError(BriefgenError):
    """A renderer plugin that cannot be loaded or fails while rendering."""


@dataclass
class RendererEntry:
    name: str
    origin: str  # "built-in" or "plugin <distribution> <version>"
    target: str  # "module:attribute"
    loader: Callable[[], type] | None = None
    error: str | None = None

    @property
    def is_plugin(self) -> bool:
        return self.origin != BUILTIN

    def load(self) -> type:
        if self.loader is not None:
            return self.loader()
        module_name, _, attribute = self.target.partition(":")
        return getattr(importlib.import_module(module_name), attribute)

    def create(self, settings: RenderSettings) -> Renderer:
        """Import and construct the renderer; any failure names this entry."""
        if self.error:
            raise PluginError(f"renderer {self.name!r} ({self.origin}): {self.error}")
        try:
            renderer = self.load()(settings)
        except BriefgenError:
            raise
        except Exception as exc:
            raise PluginError(
                f"renderer {self.name!r} ({self.origin}) failed to load: "
                f"{type(exc).__name__}: {exc}"
            ) from None
        problem = _shape_problem(renderer)
        if problem:
            raise PluginError(f"renderer {self.name!r} ({self.origin}) {problem}")
        return _Guarded(renderer, self) if self.is_plugin else renderer


def _shape_problem(renderer: object) -> str | None:
    """Why an object is not a usable renderer, or None."""
    for attribute in ("name", "suffix", "description"):
        if not isinstance(getattr(renderer, attribute, None), str):
            return f"has no text attribute {attribute!r}"
    if not callable(getattr(renderer, "render", None)):
        return "has no render(brief, path) method"
    if not _SAFE_SUFFIX.fullmatch(renderer.suffix):  # type: ignore[attr-defined]
        return f"has an unsafe file suffix {renderer.suffix!r}"  # type: ignore[attr-defined]
    return None


class _Guarded:
    """A plugin renderer whose failures become one-line errors that name the plugin."""

    def __init__(self, renderer: Renderer, entry: RendererEntry) -> None:
        self._renderer, self._entry = renderer, entry
        self.name, self.suffix = renderer.name, renderer.suffix
        self.description = renderer.description

    def render(self, brief: Brief, path: Path) -> None:
        where = f"renderer {self._entry.name!r} ({self._entry.origin})"
        try:
            self._renderer.render(brief, path)
        except BriefgenError:
            raise
        except Exception as exc:
            raise PluginError(f"{where} failed: {type(exc).__name__}: {exc}") from None
        if not path.is_file() or path.stat().st_size == 0:
            raise PluginError(f"{where} wrote nothing")


def renderer_entries(warn: Callable[[str], None] | None = None) -> dict[str, RendererEntry]:
    """Built-ins plus plugins; a broken plugin is reported and never hides the built-ins."""
    entries = {
        name: RendererEntry(name, BUILTIN, target) for name, target in BUILTIN_RENDERERS.items()
    }
    from importlib.metadata import entry_points

    try:
        plugins = list(entry_points(group=ENTRY_POINT_GROUP))
    except Exception as exc:  # a corrupt installed distribution must not stop the built-ins
        if warn:
            warn(f"renderer plugins: cannot list entry points ({exc})")
        plugins = []
    for point in plugins:
        dist = getattr(point, "dist", None)
        origin = f"plugin {dist.name} {dist.version}" if dist is not None else "plugin"
        name = point.name.strip().lower()  # -f values are lower-cased
        if name in entries:
            if warn:
                owner = entries[name].origin
                warn(f"renderer plugin {name!r} ({origin}) ignored: {owner} already has that name")
            continue
        entry = RendererEntry(name, origin, point.value, loader=point.load)
        if not _SAFE_NAME.fullmatch(name):
            entry.error = "has a name that is not a usable format name (a-z, 0-9, _ and -)"
        entries[name] = entry
    return entries


def _entries_for(names: list[str], warn: Callable[[str], None] | None) -> dict[str, RendererEntry]:
    """The registry entries of ``names``; an unknown name is a one-line error."""
    if all(name in BUILTIN_RENDERERS for name in names):
        # Built-ins win over any plugin of the same name, so the entry-point scan (a large
        # share of a run's start-up) is only needed for other names.
        entries = {n: RendererEntry(n, BUILTIN, BUILTIN_RENDERERS[n]) for n in names}
    else:
        entries = renderer_entries(warn)
    for name in names:
        if name not in entries:
            known = ", ".join(sorted(entries))
            raise UsageError(f"unknown format {name!r} (available: {known})")
    return entries


def check_formats(names: list[str], warn: Callable[[str], None] | None = None) -> list[str]:
    """``names`` when every one is a known format (checked before any work is done)."""
    _entries_for(names, warn)
    return names


def create_renderers(names: list[str], settings: RenderSettings) -> list[Renderer]:
    """Construct the renderers for ``-f``; all of them, or a one-line error and none."""
    entries = _entries_for(names, settings.warn)
    renderers = [entries[name].create(settings) for name in names]
    suffixes = [r.suffix.lower() for r in renderers]
    for suffix in {s for s in suffixes if suffixes.count(s) > 1}:
        clash = [r.name for r in renderers if r.suffix.lower() == suffix]
        raise UsageError(f"formats {', '.join(clash)} would both write a {suffix} file")
    return renderers


@dataclass
class RendererInfo:
    """One line of `briefgen renderers`."""

    name: str
    origin: str
    target: str
    suffix: str = ""
    description: str = ""
    error: str | None = None


def describe_renderers(
    settings: RenderSettings | None = None, warn: Callable[[str], None] | None = None
) -> list[RendererInfo]:
    """Every renderer, loaded so that a broken plugin shows up here and not mid-run."""
    settings = settings or RenderSettings()
    infos: list[RendererInfo] = []
    for name, entry in sorted(renderer_entries(warn).items()):
        info = RendererInfo(name, entry.origin, entry.target)
        try:
            renderer = entry.create(settings)
        except BriefgenError as exc:
            info.error = exc.message
        else:
            info.suffix, info.description = renderer.suffix, renderer.description
        infos.append(info)
    return infos


def parse_formats(value: str) -> list[str]:
    names = [part.strip().lower() for part in value.split(",") if part.strip()]
    if not names:
        raise UsageError("no output format given (-f docx,pdf,...)")
    return list(dict.fromkeys(names))
