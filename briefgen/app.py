"""The jobs behind the commands: sources -> Brief -> files. The CLI only parses and reports.

Everything a command needs is checked before any work starts (formats, theme, templates folder,
e-mail address), so a bad option costs nothing and writes nothing. ``generate``, ``render`` and
``batch`` share one ``Output``: the same options mean the same thing in all three.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.errors import UsageError
from briefgen.model import Brief, load_brief
from briefgen.sources.base import BRIEF_SUFFIXES

if TYPE_CHECKING:
    from briefgen.render.base import RenderSettings
    from briefgen.render.theme import Theme
    from briefgen.sources.base import SourceDocument
    from briefgen.sources.links import WebOptions

Warn = Callable[[str], None]


@dataclass(frozen=True)
class Style:
    """The output options generate, render and batch take, as given on the command line."""

    theme: Path | None = None
    reference_docx: Path | None = None
    templates: Path | None = None
    eml: str | None = None  # e-mail draft to this address, with the memo attached


@dataclass(frozen=True)
class Output:
    """Checked output options: formats, loaded theme, absolute templates folder, --eml recipients.

    Picklable (no callbacks), so a batch checks once and sends it to every worker.
    """

    formats: list[str]
    theme: Theme | None = None
    reference_docx: Path | None = None
    templates: Path | None = None
    recipients: list | None = None  # --eml, parsed once here (email Address objects pickle)

    def settings(self, warn: Warn) -> RenderSettings:
        from briefgen.render.base import RenderSettings

        return RenderSettings(
            warn=warn,
            theme=self.theme,
            reference_docx=self.reference_docx,
            templates=self.templates,
        )


def prepare_output(formats: str, style: Style, warn: Warn) -> Output:
    """Check every output option before any work: a bad one is a one-line error here."""
    from briefgen.render.base import check_formats, parse_formats

    names = check_formats(parse_formats(formats), warn)
    recipients = None
    if style.eml is not None:
        from briefgen.mail import parse_recipients

        recipients = parse_recipients(style.eml)
    theme = None
    if style.theme is not None:
        from briefgen.render.theme import load_theme

        theme = load_theme(style.theme)
    if style.reference_docx is not None:
        from briefgen.render.docx import check_reference

        check_reference(style.reference_docx)
    return Output(
        formats=names,
        theme=theme,
        reference_docx=style.reference_docx,
        templates=user_templates(style.templates, warn),
        recipients=recipients,
    )


def user_templates(path: Path | None, warn: Warn) -> Path | None:
    """The --templates folder made absolute, after warning about names briefgen ignores."""
    if path is None:
        return None
    from briefgen.render.templating import check_templates_dir
    from briefgen.render.wording import check_user_templates

    folder = check_templates_dir(path)
    check_user_templates(folder, warn)
    return folder


def is_brief_file(path: Path | str) -> bool:
    return isinstance(path, Path) and path.suffix.lower() in BRIEF_SUFFIXES and not path.is_dir()


def brief_from_sources(
    sources: Sequence[Path | str], options: Any, warn: Warn, web: WebOptions | None = None
) -> Brief:
    """Read the sources (bundled seeds when none) and analyse them into a Brief."""
    from briefgen.analysis.pipeline import build_brief
    from briefgen.limits import apply_budgets, source_limit
    from briefgen.resources import seeds_dir
    from briefgen.sources.base import read_sources

    with source_limit(getattr(options, "max_source_mb", None)):
        documents = read_sources(sources or [seeds_dir()], warn, web)
    brief = build_brief(documents, options)
    mark_accessed(brief, documents)
    return apply_budgets(brief, warn)


def mark_accessed(brief: Brief, documents: Sequence[SourceDocument]) -> None:
    """The day each web page was read, on its entry in the source list (by its URL)."""
    read_on = {
        d.metadata["url"]: d.metadata["accessed"] for d in documents if "accessed" in d.metadata
    }
    for source in brief.sources:
        source.accessed = read_on.get(source.url, source.accessed)


def brief_from_inputs(
    sources: Sequence[Path | str], options: Any, warn: Warn, web: WebOptions | None = None
) -> Brief:
    """A single .yaml/.json SOURCE is a brief; anything else is source articles."""
    briefs = [p for p in sources if isinstance(p, Path) and is_brief_file(p)]
    if briefs:
        if len(sources) > 1:
            raise UsageError("a brief file (.yaml/.json) must be the only SOURCE")
        brief = load_brief(briefs[0])
        return apply_overrides(brief, options)
    return brief_from_sources(sources, options, warn, web)


def extract_sources(
    sources: Sequence[Path | str],
    as_json: bool,
    warn: Warn,
    web: WebOptions | None = None,
    max_source_mb: float | None = None,
) -> str:
    """What the readers keep of each source, as ``briefgen extract`` prints it."""
    from briefgen.extract import format_documents
    from briefgen.limits import source_limit
    from briefgen.sources.base import read_sources

    with source_limit(max_source_mb):
        return format_documents(read_sources(sources, warn, web), as_json)


def apply_overrides(brief: Brief, options: Any) -> Brief:
    """Command-line header options win over what a brief file says."""
    for name in ("title", "subject", "date", "classification", "to", "from_"):
        value = getattr(options, name, None)
        if value:
            setattr(brief, name, value)
    return brief


def write_memo(brief: Brief, out_dir: Path, output: Output, warn: Warn) -> list[Path]:
    """The memo in every format and, when asked, its e-mail draft, all written or none."""
    settings = output.settings(warn)
    return render_brief(brief, out_dir, output.formats, settings, output.recipients)


def render_brief(
    brief: Brief, out_dir: Path, formats: list[str], settings, recipients: list | None = None
) -> list[Path]:
    """Render every format into temporary files, then move them all into place.

    With ``recipients`` the e-mail draft (.eml) is made from those temporary files and
    committed with them: a failing draft leaves every earlier file as it was.
    """
    from briefgen.limits import apply_budgets
    from briefgen.output import prepare_folder, safe_stem, write_all
    from briefgen.render.base import create_renderers

    apply_budgets(brief, settings.warn)  # nothing unbounded reaches a renderer
    # What the memo says (wording, headings, source lines) is worked out once for all formats.
    settings = with_view(brief, settings)
    renderers = create_renderers(formats, settings)
    prepare_folder(out_dir)
    stem = safe_stem(brief.date, brief.title)
    jobs = [(out_dir / f"{stem}{r.suffix}", _bind(r, brief)) for r in renderers]
    then = []
    if recipients:
        from briefgen.mail import draft_writer

        then.append((out_dir / f"{stem}.eml", draft_writer(brief, recipients, settings)))
    return write_all(jobs, then)


def with_view(brief: Brief, settings: RenderSettings) -> RenderSettings:
    """``settings`` carrying the view of ``brief`` (made here unless it already does)."""
    import dataclasses

    from briefgen.render.view import view_for

    return dataclasses.replace(settings, view=view_for(brief, settings))


def _bind(renderer, brief: Brief) -> Callable[[Path], None]:
    return lambda path: renderer.render(brief, path)


def write_draft_file(
    sources: Sequence[Path | str],
    options: Any,
    path: Path,
    warn: Warn,
    templates: Path | None = None,
    web: WebOptions | None = None,
) -> Path:
    """Analyse the sources into an editable brief file (.yaml or .json) at ``path``."""
    from briefgen.model import dump_brief
    from briefgen.output import write_text
    from briefgen.render.wording import draft_headings

    if path.suffix.lower() not in BRIEF_SUFFIXES:
        raise UsageError(f"{path}: the brief file must end in .yaml, .yml or .json")
    folder = user_templates(templates, warn)
    brief = brief_from_sources(sources, options, warn, web)
    brief.headings = draft_headings(brief, folder)  # in the file, so they can be edited
    return write_text(path, dump_brief(brief, path.suffix))


def validate_file(path: Path) -> str:
    """Load and check a brief file (every problem raised at once); a one-line summary."""
    brief = load_brief(path)
    count = sum(len(items) for items in brief.sections.values())
    return f"{path}: valid ({count} items, {len(brief.sources)} sources)"
