"""The jobs behind the commands: sources -> Brief -> files. The CLI only parses and reports."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefgen.errors import UsageError
from briefgen.model import Brief, load_brief
from briefgen.sources.base import BRIEF_SUFFIXES

Warn = Callable[[str], None]


def is_brief_file(path: Path) -> bool:
    return path.suffix.lower() in BRIEF_SUFFIXES and not path.is_dir()


def brief_from_sources(sources: list[Path], options, warn: Warn) -> Brief:
    """Read the sources (bundled seeds when none) and analyse them into a Brief."""
    from briefgen.analysis.pipeline import build_brief
    from briefgen.limits import apply_budgets
    from briefgen.resources import seeds_dir
    from briefgen.sources.base import read_sources

    documents = read_sources(sources or [seeds_dir()], warn)
    return apply_budgets(build_brief(documents, options), warn)


def brief_from_inputs(sources: list[Path], options, warn: Warn) -> Brief:
    """A single .yaml/.json SOURCE is a brief; anything else is source articles."""
    briefs = [p for p in sources if is_brief_file(p)]
    if briefs:
        if len(sources) > 1:
            raise UsageError("a brief file (.yaml/.json) must be the only SOURCE")
        brief = load_brief(briefs[0])
        return apply_overrides(brief, options)
    return brief_from_sources(sources, options, warn)


def apply_overrides(brief: Brief, options) -> Brief:
    """Command-line header options win over what a brief file says."""
    for name in ("title", "subject", "date", "classification", "to", "from_"):
        value = getattr(options, name, None)
        if value:
            setattr(brief, name, value)
    return brief


def render_brief(
    brief: Brief,
    out_dir: Path,
    formats: list[str],
    settings,
    concurrent: bool = False,
    recipients: list | None = None,
) -> list[Path]:
    """Render every format into temporary files, then move them all into place.

    ``concurrent`` renders the formats side by side in forked processes (the command line
    does; a batch, whose topics already fill the cores, does not). With ``recipients`` an
    e-mail draft (.eml) of the memo is written in the same all-or-nothing step.
    """
    from briefgen.limits import apply_budgets
    from briefgen.output import prepare_folder, safe_stem, write_all
    from briefgen.render.base import create_renderers
    from briefgen.render.wording import with_memo_wording

    apply_budgets(brief, settings.warn)  # nothing unbounded reaches a renderer
    # Wording from the templates and the brief's own headings, worked out once for all formats.
    settings = with_memo_wording(brief, settings)
    if concurrent:  # a warning said in a render process reaches the caller's stream or list
        import dataclasses

        from briefgen.forked import relayed

        settings = dataclasses.replace(settings, warn=relayed(settings.warn))
    renderers = create_renderers(formats, settings)
    prepare_folder(out_dir)
    stem = safe_stem(brief.date, brief.title)
    jobs = [(out_dir / f"{stem}{r.suffix}", _bind(r, brief)) for r in renderers]
    then = []
    if recipients:
        from briefgen.mail import draft_writer

        then.append((out_dir / f"{stem}.eml", draft_writer(brief, recipients, settings)))
    return write_all(jobs, concurrent=concurrent, then=then)


def _bind(renderer, brief: Brief) -> Callable[[Path], None]:
    return lambda path: renderer.render(brief, path)
