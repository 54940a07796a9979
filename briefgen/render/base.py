"""The Renderer protocol, render settings and the registry of renderers.

A renderer is a class constructed with one RenderSettings argument that has a ``name``, a file
``suffix`` and ``render(brief, path)``. Built-ins are listed below; others come from the
``briefgen.renderers`` entry-point group. Modules load only when a renderer is used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from briefgen.errors import UsageError
from briefgen.model import Brief


@dataclass
class RenderSettings:
    """What a renderer may take besides the Brief: house style and wording."""

    theme: object | None = None  # briefgen.render.theme.Theme; None means the default theme
    labels: dict[str, str] = field(default_factory=dict)  # overrides of the default wording
    reference_docx: Path | None = None
    warn: Callable[[str], None] = lambda message: None


@runtime_checkable
class Renderer(Protocol):
    name: str
    suffix: str
    description: str

    def render(self, brief: Brief, path: Path) -> None: ...


BUILTIN_RENDERERS: dict[str, str] = {
    "docx": "briefgen.render.docx:DocxRenderer",
    "pdf": "briefgen.render.pdf:PdfRenderer",
}


@dataclass
class RendererEntry:
    name: str
    origin: str  # "built-in" or the distribution that provides the plugin
    target: str  # "module:attribute"
    loader: Callable[[], type] | None = None
    error: str | None = None

    def load(self) -> type:
        if self.loader is not None:
            return self.loader()
        module_name, _, attribute = self.target.partition(":")
        return getattr(importlib.import_module(module_name), attribute)


def renderer_entries(warn: Callable[[str], None] | None = None) -> dict[str, RendererEntry]:
    """Built-ins plus plugins; a broken plugin is reported and never hides the built-ins."""
    entries = {
        name: RendererEntry(name, "built-in", target) for name, target in BUILTIN_RENDERERS.items()
    }
    from importlib.metadata import entry_points

    try:
        plugins = list(entry_points(group="briefgen.renderers"))
    except Exception as exc:  # a corrupt installed distribution must not stop the built-ins
        if warn:
            warn(f"renderer plugins: cannot list entry points ({exc})")
        plugins = []
    for point in plugins:
        if point.name in entries:
            if warn:
                warn(f"renderer plugin {point.name!r} ignored: a built-in has that name")
            continue
        dist = getattr(point, "dist", None)
        origin = f"plugin {dist.name} {dist.version}" if dist is not None else "plugin"
        entries[point.name] = RendererEntry(point.name, origin, point.value, loader=point.load)
    return entries


def create_renderers(names: list[str], settings: RenderSettings) -> list[Renderer]:
    entries = renderer_entries(settings.warn)
    renderers: list[Renderer] = []
    for name in names:
        entry = entries.get(name)
        if entry is None:
            known = ", ".join(sorted(entries))
            raise UsageError(f"unknown format {name!r} (available: {known})")
        try:
            renderer = entry.load()(settings)
        except Exception as exc:
            raise UsageError(f"renderer {name!r} ({entry.origin}) failed to load: {exc}") from None
        renderers.append(renderer)
    return renderers


def parse_formats(value: str) -> list[str]:
    names = [part.strip().lower() for part in value.split(",") if part.strip()]
    if not names:
        raise UsageError("no output format given (-f docx,pdf,...)")
    return list(dict.fromkeys(names))
