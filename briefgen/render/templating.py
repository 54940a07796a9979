"""Jinja2 templates (wording, Markdown, HTML, e-mail): sandboxed, a user's folder first.

Every template runs in Jinja2's immutable sandbox, bundled ones too, so a user's ``--templates``
folder can neither reach Python internals nor change the brief other renderers read. A file in
the user's folder replaces the bundled file of the same name; ``bundled/NAME`` always reaches
the bundled one (``{% extends "bundled/memo.html.j2" %}`` overrides a single block).

Which escaping a template gets follows from its name: ``*.html.j2`` autoescapes HTML,
``*.md.j2`` escapes Markdown in every ``{{ value }}``, anything else is plain text. In all of
them values are stripped of characters XML cannot hold; ``|safe`` opts out of escaping.
"""

from __future__ import annotations

import re
import signal
import threading
import traceback
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError, safe_range
from markupsafe import Markup

from briefgen.errors import InputError
from briefgen.render.text import citation, xml_safe
from briefgen.resources import templates_dir

BUNDLED_PREFIX = "bundled"

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
_MD_LINE_START = re.compile(r"^([-+=]|\d+[.)])(?=\s|$)")


def md_escape(text: str) -> str:
    """Print text literally in Markdown: one line, no emphasis, links, HTML or list markers."""
    flat = " ".join(xml_safe(text).split())  # a newline would end the list item it sits in
    flat = _MD_SPECIAL.sub(r"\\\1", flat)
    flat = _MD_ENTITY.sub(r"\\&", flat)
    return _MD_LINE_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], flat)


def md_url(url: str) -> Markup:
    """A link destination for Markdown ``[text](url)``: characters that would end or break it
    (spaces, brackets, angle brackets, backslashes, controls) percent-encoded."""
    return Markup(quote(xml_safe(url), safe=":/?#@!$&'*+,;=%~-._[]"))


def _finalize_text(value: Any) -> Any:
    if isinstance(value, Markup):  # already safe markup built by a filter; keep it so
        return value
    return xml_safe(value) if isinstance(value, str) else value


def _finalize_markdown(value: Any) -> Any:
    if isinstance(value, Markup):  # `|safe`: the template author wants it verbatim
        return str(value)
    if value is None:
        return ""
    return md_escape(str(value))


def _kind(name: str | None) -> str:
    name = name or ""
    if name.endswith(".html.j2"):
        return "html"
    if name.endswith(".md.j2"):
        return "markdown"
    return "text"


# Budgets for one render: a --templates folder is code someone may have sent. Loops over
# range() and the sizes `*` and `**` make are counted before they happen; the text a template
# prints is counted as it streams out; a wall-clock alarm ends any other endless loop.
MAX_TEMPLATE_STEPS = 1_000_000
MAX_TEMPLATE_OUTPUT = 10 * 2**20  # characters
MAX_TEMPLATE_SECONDS = 10.0


class BudgetExceeded(SecurityError):
    """A template went past one of its budgets (reported like any sandbox refusal)."""


class _Budget:
    def __init__(self) -> None:
        self.steps = MAX_TEMPLATE_STEPS

    def spend(self, steps: int) -> None:
        self.steps -= steps
        if self.steps < 0:
            raise BudgetExceeded(f"loops ran past {MAX_TEMPLATE_STEPS:,} steps")


_BUDGET: ContextVar[_Budget | None] = ContextVar("template_budget", default=None)


def _charge(steps: int) -> None:
    budget = _BUDGET.get()
    if budget is not None:
        budget.spend(steps)


def _counted_range(*args: int) -> Iterator[int]:
    numbers = safe_range(*args)  # Jinja's own cap on one range, then ours on all of them
    _charge(0)
    for number in numbers:
        _charge(1)
        yield number


class _BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with `*` and `**` checked before they build a huge value."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for sized, count in ((left, right), (right, left)):
                made = len(sized) * count if _repeatable(sized, count) else 0
                if made > MAX_TEMPLATE_OUTPUT:
                    raise BudgetExceeded(f"`*` would make {made:,} items or characters")
        powers = operator == "**" and isinstance(left, int) and isinstance(right, int)
        if powers and abs(left) > 1 and right * abs(left).bit_length() > 100_000:
            raise BudgetExceeded("`**` would make a number of over 100,000 bits")
        return super().call_binop(context, operator, left, right)


def _repeatable(sized: Any, count: Any) -> bool:
    return isinstance(sized, (str, list, tuple)) and isinstance(count, int)


@contextmanager
def _budget(name: str) -> Iterator[None]:
    """Count this render's loops; end it with an alarm after MAX_TEMPLATE_SECONDS."""
    token = _BUDGET.set(_Budget())
    alarm = _start_alarm(name)
    try:
        yield
    finally:
        if alarm is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, alarm)
        _BUDGET.reset(token)


def _start_alarm(name: str):
    """The previous SIGALRM handler, after arming ours (None when no alarm can be set here:
    not the main thread, no setitimer, or an alarm someone else armed)."""
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
        or signal.getitimer(signal.ITIMER_REAL)[0] > 0
    ):
        return None

    def stop(number: int, frame: Any) -> None:
        raise BudgetExceeded(f"ran past {MAX_TEMPLATE_SECONDS:g} seconds")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, MAX_TEMPLATE_SECONDS)
    return previous


def _bounded_join(chunks: Iterable[str]) -> str:
    """The template's output, refused as soon as it passes MAX_TEMPLATE_OUTPUT characters."""
    parts: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_TEMPLATE_OUTPUT:
            raise BudgetExceeded(f"output ran past {MAX_TEMPLATE_OUTPUT:,} characters")
        parts.append(chunk)
    return "".join(parts)


@lru_cache(maxsize=16)
def environment(kind: str, user_dir: Path | None) -> ImmutableSandboxedEnvironment:
    """One sandboxed environment per escaping kind and template folder (templates cached)."""
    bundled = FileSystemLoader(str(templates_dir()))
    loaders: list[Any] = [PrefixLoader({BUNDLED_PREFIX: bundled})]
    if user_dir is not None:
        loaders.append(FileSystemLoader(str(user_dir)))
    loaders.append(bundled)
    env = _BoundedSandbox(
        loader=ChoiceLoader(loaders),
        autoescape=kind == "html",
        finalize=_finalize_markdown if kind == "markdown" else _finalize_text,
        undefined=StrictUndefined,  # a misspelt name is an error, not a silently empty heading
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.globals["range"] = _counted_range
    env.filters["cite"] = citation
    env.filters["css_string"] = css_string
    env.filters["md"] = lambda value: Markup(md_escape(str(value)))
    env.filters["md_url"] = md_url
    return env


def get_template(name: str, user_dir: Path | None, kind: str | None = None):
    env = environment(kind or _kind(name), user_dir)
    with template_errors(name, user_dir):
        return env.get_template(name)


def render_template(name: str, user_dir: Path | None, **context: Any) -> str:
    template = get_template(name, user_dir)
    with template_errors(name, user_dir), _budget(name):
        return _bounded_join(template.generate(**context))


def render_block(template, block: str, context: dict[str, Any], user_dir: Path | None) -> str:
    """Render one ``{% block %}`` of a template on its own."""
    with template_errors(template.name, user_dir), _budget(template.name):
        try:
            return _bounded_join(template.blocks[block](template.new_context(context)))
        except Exception:
            # What Template.render does: point the traceback at template lines, then re-raise.
            template.environment.handle_exception()
            raise


def bundled_template_names() -> set[str]:
    return {p.name for p in templates_dir().iterdir() if p.is_file() and not p.name.startswith(".")}


def check_templates_dir(path: Path) -> Path:
    """The --templates folder, absolute (so it works whatever the working directory)."""
    if not path.exists():
        raise InputError(path, "templates folder does not exist")
    if not path.is_dir():
        raise InputError(path, "--templates expects a folder of .j2 files")
    return path.resolve()


class template_errors:  # noqa: N801 - used as a context manager, reads like one
    """Turn any failure inside a template into InputError naming the template file and line."""

    def __init__(self, name: str | None, user_dir: Path | None) -> None:
        self.name = name or "<template>"
        self.user_dir = user_dir

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, exc, tb) -> Literal[False]:
        if exc is None or not isinstance(exc, Exception) or isinstance(exc, InputError):
            return False
        if isinstance(exc, TemplateNotFound):
            where = self.user_dir or templates_dir()
            raise InputError(where, f"template {exc.name!r} not found") from None
        path, line = _template_position(exc, self.name, self.user_dir)
        at = f"line {line}: " if line else ""
        if isinstance(exc, SecurityError):
            message = f"refused by the template sandbox: {exc}"
        elif isinstance(exc, TemplateSyntaxError):
            message = f"template syntax error: {exc.message}"
        elif isinstance(exc, TemplateError):
            message = f"template error: {exc.message or exc}"
        else:
            message = f"template error: {type(exc).__name__}: {exc}"
        raise InputError(path, at + message) from None


def _template_position(exc: Exception, name: str, user_dir: Path | None) -> tuple[Path, int | None]:
    """The template file and line an error came from (Jinja rewrites tracebacks to templates)."""
    if isinstance(exc, TemplateSyntaxError) and exc.filename:
        return Path(exc.filename), exc.lineno
    folders = [str(d) for d in (user_dir, templates_dir()) if d is not None]
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2") or any(frame.filename.startswith(f) for f in folders):
            return Path(frame.filename), frame.lineno
    for folder in (user_dir, templates_dir()):
        if folder is not None and (folder / name).is_file():
            return folder / name, None
    return Path(name), None


def css_string(value: Any) -> Markup:
    """A quoted CSS string with every non-alphanumeric character escaped (cannot end <style>)."""
    text = xml_safe(str(value))
    escaped = "".join(ch if ch.isalnum() or ch == " " else f"\\{ord(ch):x} " for ch in text)
    return Markup(f'"{escaped}"')


def page_css(pattern: str) -> Markup:
    """The footer wording ("Page {page} of {pages}") as CSS content with page counters."""
    parts = re.split(r"(\{page\}|\{pages\})", pattern)
    counters = {"{page}": "counter(page)", "{pages}": "counter(pages)"}
    out = [counters.get(part) or str(css_string(part)) for part in parts if part]
    return Markup(" ".join(out) or '""')


def memo_context(brief: Any, settings: Any) -> dict[str, Any]:
    """What the memo templates see: the view (``memo``) and, for older templates, the brief,
    its wording and its sections in memo order."""
    from briefgen.render.view import view_for

    view = view_for(brief, settings)
    return {
        "memo": view,
        "brief": brief,
        "words": view.words,
        "sections": view.sections,
        "summary_lead": view.words.get("summary_lead", ""),
        "page_css": page_css(view.footer),
    }
