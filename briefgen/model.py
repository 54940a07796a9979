"""The content model every part of briefgen shares: a Brief and its parts.

Readers and the analysis produce a Brief; renderers read only a Brief. It serialises to YAML and
JSON in the shape documented in GUIDE.md and stated once as JSON Schema in briefgen.schema.
Loading checks the whole file against that schema and reports every problem with its line and
field path (``line 41: sections.defence[2].sources[0]: no source with id 9``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.errors import BriefError, InputError

# The shape is stated in briefgen.schema; BRIEF_KEYS and brief_schema are re-exported here.
from briefgen.schema import BRIEF_KEYS as BRIEF_KEYS
from briefgen.schema import SOURCE_FIELDS, heading_keys, problems
from briefgen.schema import brief_schema as brief_schema
from briefgen.sections import SECTION_KEYS, SECTIONS, SUMMARY

HEADING_KEYS: tuple[str, ...] = heading_keys()

DEFAULT_CLASSIFICATION = "UNCLASSIFIED"
DEFAULT_TO = "Senior Leadership"
DEFAULT_FROM = "Policy Analysis Unit"


@dataclass
class Item:
    """One bullet of a section, with the ids of the sources it came from."""

    text: str
    sources: list[int] = field(default_factory=list)
    why: str | None = None  # set by `draft --explain`: why the item landed in its section

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"text": self.text, "sources": list(self.sources)}
        if self.why:
            data["why"] = self.why
        return data


@dataclass
class KeyFigure:
    label: str
    value: str
    sources: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "value": self.value, "sources": list(self.sources)}


@dataclass
class Source:
    id: int
    title: str
    path: str = ""
    publisher: str = ""
    date: str = ""
    url: str = ""
    accessed: str = ""  # YYYY-MM-DD the page was read from ``url`` (web sources)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "title": self.title}
        for key in SOURCE_FIELDS:
            if getattr(self, key):
                data[key] = getattr(self, key)
        return data


@dataclass
class Brief:
    title: str
    subject: str = ""
    date: str = field(default_factory=lambda: dt.date.today().isoformat())
    classification: str = DEFAULT_CLASSIFICATION
    to: str = DEFAULT_TO
    from_: str = DEFAULT_FROM
    sections: dict[str, list[Item]] = field(
        default_factory=lambda: {key: [] for key in SECTION_KEYS}
    )
    key_figures: list[KeyFigure] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    # Headings a person set for this memo (section key -> text); they win over the templates.
    headings: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "title": self.title,
            "subject": self.subject,
            "date": self.date,
            "classification": self.classification,
            "to": self.to,
            "from": self.from_,
        }
        if self.headings:
            data["headings"] = dict(self.headings)
        data["sections"] = {
            name: [item.to_dict() for item in items] for name, items in self.sections.items()
        }
        data["key_figures"] = [figure.to_dict() for figure in self.key_figures]
        data["sources"] = [source.to_dict() for source in self.sources]
        return data


# --------------------------------------------------------------------------- validation

Locate = Callable[[str], "int | None"]  # field path -> line number in the file


def brief_from_dict(
    data: Any, sections: tuple[str, ...] = SECTION_KEYS, locate: Locate | None = None
) -> Brief:
    """Build a Brief from parsed YAML/JSON, or raise BriefError listing every problem.

    The brief's JSON Schema (briefgen.schema) decides what is valid; ``locate`` maps a field
    path to its line in the file, so each problem can say where it is.
    """
    found = problems(data, sections)
    if found:
        raise BriefError(_report(found, locate))
    return _build(data, sections)


def _report(found: list[tuple[str, str]], locate: Locate | None) -> list[str]:
    """One line per problem, ``line N: field.path: message``, in the order of the file."""
    lines = []
    for path, message in found:
        line = locate(path) if locate is not None else None
        where = f"line {line}: " if line else ""
        lines.append((line or 0, f"{where}{path}: {message}" if path else f"{where}{message}"))
    return [text for _, text in sorted(lines, key=lambda pair: pair[0])]


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _ids(value: Any) -> list[int]:
    return [int(entry) for entry in value or ()]


def _build(data: dict[str, Any], sections: tuple[str, ...]) -> Brief:
    """The Brief of data the schema has passed: every field has its type."""
    parsed: dict[str, list[Item]] = {key: [] for key in sections}
    for name, items in (data.get("sections") or {}).items():
        for raw in items or ():
            if isinstance(raw, str):  # a bare string is a convenient shorthand when editing
                parsed[name].append(Item(text=raw))
            else:
                why = _text(raw.get("why")) or None
                parsed[name].append(Item(_text(raw["text"]), _ids(raw.get("sources")), why))
    return Brief(
        title=_text(data["title"]),
        subject=_text(data.get("subject")),
        date=_text(data.get("date")) or dt.date.today().isoformat(),
        classification=_text(data.get("classification")) or DEFAULT_CLASSIFICATION,
        to=_text(data.get("to")) or DEFAULT_TO,
        from_=_text(data.get("from")) or DEFAULT_FROM,
        sections=parsed,
        key_figures=[
            KeyFigure(_text(raw["label"]), _text(raw["value"]), _ids(raw.get("sources")))
            for raw in data.get("key_figures") or ()
        ],
        sources=[
            Source(
                id=int(raw["id"]),
                title=_text(raw["title"]),
                **{key: _text(raw.get(key)) for key in SOURCE_FIELDS},
            )
            for raw in data.get("sources") or ()
        ],
        headings={
            key: _text(text) for key, text in (data.get("headings") or {}).items() if _text(text)
        },
    )


# --------------------------------------------------------------------------- files

MAX_BRIEF_BYTES = 20 * 1024 * 1024


def load_brief(path: Path) -> Brief:
    """Read a brief from a .yaml/.yml/.json file; raise InputError naming the file."""
    from briefgen.limits import read_regular_file

    raw = read_regular_file(path, MAX_BRIEF_BYTES, "brief file")  # no FIFO, no /dev/zero
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, "brief file is not UTF-8 text") from None
    duplicates: list[str] = []
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
        except RecursionError:
            raise InputError(path, "invalid JSON: nested too deeply for a brief") from None
        locate: Locate = _json_locator(text)
    else:
        from briefgen.yamlio import parse_yaml_with_lines

        data, lines = parse_yaml_with_lines(text, path)
        locate = lines
        # YAML keeps the last of two equal keys: say so rather than drop an edit silently.
        duplicates = [
            f"line {again}: {where}: repeats the field from line {first} (merge them)"
            for where, first, again in lines.duplicates
        ]
    try:
        brief = brief_from_dict(data, locate=locate)
    except BriefError as exc:
        raise BriefError(duplicates + exc.problems, path) from None
    if duplicates:
        raise BriefError(duplicates, path)
    return brief


def _json_locator(text: str) -> Locate:
    """Line numbers for a JSON brief, worked out only if a problem needs one."""
    cache: list[Callable[[str], int | None]] = []

    def locate(where: str) -> int | None:
        if not cache:
            from briefgen.yamlio import parse_yaml_with_lines

            try:  # JSON is (almost always) YAML, whose composer keeps positions
                cache.append(parse_yaml_with_lines(text, Path("brief.json"))[1])
            except InputError:
                cache.append(lambda _where: None)
        return cache[0](where)

    return locate


def dump_brief(brief: Brief, suffix: str) -> str:
    """Serialise a brief as YAML (with an explanatory header) or JSON."""
    if suffix.lower() == ".json":
        return json.dumps(brief.to_dict(), ensure_ascii=False, indent=2) + "\n"
    from briefgen.yamlio import dump_yaml

    return dump_yaml(brief.to_dict(), header=YAML_HEADER)


def _yaml_header() -> str:
    sections = "\n".join(f"#   {spec.key}: {spec.about}." for spec in SECTIONS)
    return f"""\
# briefgen brief: the content of one memo. Edit it freely, then check and render it:
#   briefgen validate brief.yaml          every problem, with its line and field
#   briefgen render brief.yaml -o out/    the memo (add -f md,html, or --eml ADDRESS)
#
# title, subject, date (YYYY-MM-DD), to, from: the memo header. classification: the banner
#   printed at the top and bottom of every page.
# headings (optional): rename a heading in this memo only; keys: the section keys below,
#   key_figures, sources.
# sections: the {len(SECTIONS)} sections in memo order, {SUMMARY} first:
{sections}
#   One bullet per item: `- text: ...` with `sources: [1, 2]`, the ids of the numbered sources
#   it came from (printed as citation markers). A bare `- text` line is a bullet with no source.
#   Delete an item to drop it; move it to another section to reclassify it.
# key_figures: label, value, sources: the key-figures table.
# sources: id, title, path, publisher, date, url, accessed (the day a web page was read):
#   the numbered list at the end.
# Quote text that starts with * & ! [ {{ # ' " or contains ": ". Schema: `briefgen schema`.

"""


YAML_HEADER = _yaml_header()
