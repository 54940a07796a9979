"""One view of the memo that every renderer draws: what it says and in which order.

DOCX, PDF, Markdown and HTML differ only in how they lay the view out. Everything that decides
what the memo *says* is made here, once per run: the wording (templates and the brief's own
headings), the header rows, each section's heading, lead-in and bullets with their citation
markers, the key-figure rows, and each source's display line with its one link rule (a web or
mail link, else the file name: never a local path). Text stays raw; each renderer escapes it
for its own format.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from briefgen.model import Brief, Source
from briefgen.render.text import citation
from briefgen.render.wording import LABELS, memo_wording, section_heading
from briefgen.sections import SECTION_KEYS, SUMMARY

LINK_SCHEMES = ("http://", "https://", "mailto:")


@dataclass(frozen=True)
class Cited:
    """A bullet or a figure's value: its text, the source ids and their marker "[1, 2]"."""

    text: str
    sources: tuple[int, ...]

    @property
    def marker(self) -> str:
        return citation(list(self.sources))


@dataclass(frozen=True)
class HeaderRow:
    key: str  # to, from, date, subject
    label: str  # "TO"
    value: str
    strong: bool = False  # the subject is printed bold


@dataclass(frozen=True)
class SectionView:
    key: str
    heading: str
    lead: str  # the line under the heading (summary_lead for the bottom line), or ""
    items: tuple[Cited, ...]
    boxed: bool  # the bottom line up front is set off in a tinted box
    empty: str  # what to print when there are no items


@dataclass(frozen=True)
class FigureRow:
    label: str
    value: Cited


@dataclass(frozen=True)
class SourceLine:
    """One numbered source: ``[1] Title. Publisher, date. https://...`` (or the file name)."""

    id: int
    title: str
    details: str  # "publisher, date" (what of them is known), or ""
    link: str  # a web or mail link, clickable; "" when the source has none
    file: str  # the file's name when there is no link (never its folder), or ""

    @property
    def marker(self) -> str:
        return citation([self.id])


@dataclass(frozen=True)
class MemoView:
    brief: Brief  # for templates and document properties; renderers draw the fields below
    words: dict[str, str]
    banner: str  # the classification, upper case, top and bottom of every page
    header: tuple[HeaderRow, ...]
    title: str
    sections: tuple[SectionView, ...]
    figures: tuple[FigureRow, ...]
    sources: tuple[SourceLine, ...]
    footer: str  # "Page {page} of {pages}": each renderer fills in the numbers its way
    keywords: tuple[str, ...]  # document properties: the kind of document and its sections


def source_link(source: Source) -> str:
    """The source's URL when it is a web or mail link (never javascript: and the like)."""
    url = source.url.strip()
    return url if url.lower().startswith(LINK_SCHEMES) else ""


def source_line(source: Source, accessed: str = LABELS["accessed"]) -> SourceLine:
    """``accessed`` words the day a web page was read (its URL may have changed since)."""
    read = f"{accessed} {source.accessed}" if source.accessed else ""
    details = ", ".join(d for d in (source.publisher, source.date, read) if d)
    link = source_link(source)
    # PurePath: the name whatever the separator style; a path is the writer's machine, not news.
    file = PurePath(source.path.replace("\\", "/")).name if source.path and not link else ""
    return SourceLine(source.id, source.title, details, link, file)


def memo_view(brief: Brief, settings: Any = None) -> MemoView:
    """The view of ``brief`` with the wording of ``settings`` (templates, labels)."""
    words = memo_wording(brief, settings)
    header = (
        HeaderRow("to", words["to"], brief.to),
        HeaderRow("from", words["from"], brief.from_),
        HeaderRow("date", words["date"], brief.date),
        HeaderRow("subject", words["subject"], brief.subject or brief.title, strong=True),
    )
    sections = tuple(
        SectionView(
            key=key,
            heading=section_heading(key, words),
            lead=words.get("summary_lead", "") if key == SUMMARY else "",
            items=tuple(
                Cited(item.text, tuple(item.sources)) for item in brief.sections.get(key, [])
            ),
            boxed=key == SUMMARY,
            empty=words["empty_section"],
        )
        for key in SECTION_KEYS
    )
    figures = tuple(FigureRow(f.label, Cited(f.value, tuple(f.sources))) for f in brief.key_figures)
    keywords = ("briefing memo", *(key for key in SECTION_KEYS if brief.sections.get(key)))
    return MemoView(
        brief=brief,
        words=words,
        banner=brief.classification.upper(),
        header=header,
        title=brief.title,
        sections=sections,
        figures=figures,
        sources=tuple(source_line(s, words["accessed"]) for s in brief.sources),
        footer=words["page"],
        keywords=keywords,
    )


def view_for(brief: Brief, settings: Any) -> MemoView:
    """The view made once for this run (``settings.view``), or a new one for this brief."""
    view = getattr(settings, "view", None)
    if view is not None and view.brief is brief:
        return view
    return memo_view(brief, settings)
