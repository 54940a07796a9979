"""The content model every part of briefgen shares: a Brief and its parts.

Readers and the analysis produce a Brief; renderers read only a Brief. It serialises to YAML and
JSON in the shape documented in GUIDE.md. Loading validates the whole file and reports every
problem with its field path (``sections.defence[2].sources[0]: ...``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.errors import BriefError, InputError
from briefgen.sections import SECTION_KEYS, SECTIONS, SUMMARY, describe

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


# A source's optional text fields, in the order a brief file writes them.
SOURCE_FIELDS = ("path", "publisher", "date", "url", "accessed")


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


class _Checker:
    """Collects every problem in a raw brief dict, each with its field path."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []  # (field path, message)

    def fail(self, path: str, message: str) -> None:
        self.problems.append((path, message))

    def report(self, locate: Locate | None) -> list[str]:
        """One line per problem: ``line N: field.path: message`` (line when known)."""
        lines = []
        for path, message in self.problems:
            line = locate(path) if locate is not None else None
            where = f"line {line}: " if line else ""
            lines.append(f"{where}{path}: {message}" if path else f"{where}{message}")
        return lines

    def text(self, data: dict[str, Any], key: str, path: str, required: bool = False) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.fail(_join(path, key), "is required")
            return ""
        if isinstance(value, dt.date):  # YAML turns 2026-11-23 into a date
            return value.isoformat()
        if isinstance(value, bool):  # `title: no` is YAML for false
            self.fail(_join(path, key), "expected text, got true/false (put the text in quotes)")
            return ""
        if not isinstance(value, (str, int, float)):
            self.fail(_join(path, key), f"expected text, got {_type_name(value)}")
            return ""
        return str(value)

    def ids(self, data: dict[str, Any], path: str, known: set[int] | None) -> list[int]:
        value = data.get("sources", [])
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(
                _join(path, "sources"), f"expected a list of source ids, got {_type_name(value)}"
            )
            return []
        ids: list[int] = []
        for index, entry in enumerate(value):
            where = f"{_join(path, 'sources')}[{index}]"
            if isinstance(entry, bool) or not isinstance(entry, int):
                self.fail(where, f"expected a source id (integer), got {_type_name(entry)}")
            elif known is not None and entry not in known:
                self.fail(where, f"no source with id {entry}")
            else:
                ids.append(entry)
        return ids

    def unknown_keys(self, data: dict[str, Any], allowed: set[str], path: str) -> None:
        for key in data:
            if key not in allowed:
                self.fail(_join(path, str(key)), "unknown field")

    def mapping(self, value: Any, path: str) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        self.fail(path, f"expected a mapping, got {_type_name(value)}")
        return None

    def listing(self, data: dict[str, Any], key: str) -> list[Any]:
        value = data.get(key, [])
        if value is None:
            return []
        if isinstance(value, list):
            return value
        self.fail(key, f"expected a list, got {_type_name(value)}")
        return []


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _type_name(value: Any) -> str:
    names = {dict: "a mapping", list: "a list", str: "text", bool: "true/false", type(None): "null"}
    return names.get(type(value), type(value).__name__)


BRIEF_KEYS = {
    "title",
    "subject",
    "date",
    "classification",
    "to",
    "from",
    "headings",
    "sections",
    "key_figures",
    "sources",
}
# Headings a brief may rename: the sections plus the two closing blocks.
HEADING_KEYS: tuple[str, ...] = (*SECTION_KEYS, "key_figures", "sources")

Locate = Callable[[str], "int | None"]  # field path -> line number in the file


def brief_from_dict(
    data: Any, sections: tuple[str, ...] = SECTION_KEYS, locate: Locate | None = None
) -> Brief:
    """Build a Brief from parsed YAML/JSON, or raise BriefError listing every problem.

    ``locate`` maps a field path to its line in the file, so each problem can say where it is.
    """
    check = _Checker()
    root = check.mapping(data, "(top level)")
    if root is None:
        raise BriefError(check.report(locate))
    check.unknown_keys(root, BRIEF_KEYS, "")

    headings: dict[str, str] = {}
    raw_headings = root.get("headings") or {}
    for key in check.mapping(raw_headings, "headings") or {}:
        if key not in HEADING_KEYS:
            expected = ", ".join(HEADING_KEYS)
            check.fail(f"headings.{key}", f"unknown heading (expected one of: {expected})")
            continue
        text = check.text(raw_headings, key, "headings", required=True)
        if text:
            headings[key] = text

    sources: list[Source] = []
    seen_ids: set[int] = set()
    for index, raw in enumerate(check.listing(root, "sources")):
        path = f"sources[{index}]"
        entry = check.mapping(raw, path)
        if entry is None:
            continue
        check.unknown_keys(entry, {"id", "title", *SOURCE_FIELDS}, path)
        source_id = entry.get("id")
        if isinstance(source_id, bool) or not isinstance(source_id, int):
            check.fail(f"{path}.id", f"expected an integer id, got {_type_name(source_id)}")
            continue
        if source_id in seen_ids:
            check.fail(f"{path}.id", f"duplicate source id {source_id}")
            continue
        seen_ids.add(source_id)
        sources.append(
            Source(
                id=source_id,
                title=check.text(entry, "title", path, required=True),
                path=check.text(entry, "path", path),
                publisher=check.text(entry, "publisher", path),
                date=check.text(entry, "date", path),
                url=check.text(entry, "url", path),
                accessed=check.text(entry, "accessed", path),
            )
        )

    parsed_sections: dict[str, list[Item]] = {key: [] for key in sections}
    raw_sections = root.get("sections", {})
    if raw_sections is None:
        raw_sections = {}
    section_map = check.mapping(raw_sections, "sections")
    for name, raw_items in (section_map or {}).items():
        path = f"sections.{name}"
        if name not in parsed_sections:
            check.fail(path, f"unknown section (expected one of: {', '.join(sections)})")
            continue
        if raw_items is None:
            continue
        if not isinstance(raw_items, list):
            check.fail(path, f"expected a list of items, got {_type_name(raw_items)}")
            continue
        for index, raw in enumerate(raw_items):
            item_path = f"{path}[{index}]"
            if isinstance(raw, str):  # a bare string is a convenient shorthand when editing
                parsed_sections[name].append(Item(text=raw))
                continue
            entry = check.mapping(raw, item_path)
            if entry is None:
                continue
            check.unknown_keys(entry, {"text", "sources", "why"}, item_path)
            text = check.text(entry, "text", item_path, required=True)
            why = check.text(entry, "why", item_path) or None
            ids = check.ids(entry, item_path, seen_ids)
            parsed_sections[name].append(Item(text=text, sources=ids, why=why))

    figures: list[KeyFigure] = []
    for index, raw in enumerate(check.listing(root, "key_figures")):
        path = f"key_figures[{index}]"
        entry = check.mapping(raw, path)
        if entry is None:
            continue
        check.unknown_keys(entry, {"label", "value", "sources"}, path)
        figures.append(
            KeyFigure(
                label=check.text(entry, "label", path, required=True),
                value=check.text(entry, "value", path, required=True),
                sources=check.ids(entry, path, seen_ids),
            )
        )

    brief = Brief(
        title=check.text(root, "title", "", required=True),
        subject=check.text(root, "subject", ""),
        date=check.text(root, "date", "") or dt.date.today().isoformat(),
        classification=check.text(root, "classification", "") or DEFAULT_CLASSIFICATION,
        to=check.text(root, "to", "") or DEFAULT_TO,
        from_=check.text(root, "from", "") or DEFAULT_FROM,
        sections=parsed_sections,
        key_figures=figures,
        sources=sources,
        headings=headings,
    )
    if brief.date:
        try:
            dt.date.fromisoformat(brief.date)
        except ValueError:
            check.fail("date", f"expected YYYY-MM-DD, got {brief.date!r}")
    if check.problems:
        raise BriefError(check.report(locate))
    return brief


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


# --------------------------------------------------------------------------- JSON Schema


def brief_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of a brief file, for editors' completion and checks.

    It states the shape brief_from_dict accepts; what a schema cannot say (that every cited
    id exists under ``sources``) is left to ``briefgen validate``.
    """
    text = {"type": ["string", "number"]}
    ids = {
        "type": "array",
        "items": {"type": "integer"},
        "description": "Ids of the sources this came from (citation markers).",
    }
    item = {
        "oneOf": [
            {"type": "string", "description": "A bullet with no source."},
            {
                "type": "object",
                "properties": {
                    "text": {**text, "description": "The bullet as printed."},
                    "sources": ids,
                    "why": {**text, "description": "Why it landed here (draft --explain)."},
                },
                "required": ["text"],
                "additionalProperties": False,
            },
        ]
    }
    section_list = {"type": ["array", "null"], "items": item}
    header_descriptions = {
        "title": "Memo title, printed under MEMORANDUM and used for the file name.",
        "subject": "SUBJECT line (default: the title).",
        "classification": "Banner printed at the top and bottom of every page.",
        "to": "TO line.",
        "from": "FROM line; also the document author.",
    }
    properties: dict[str, Any] = {
        key: {**text, "description": note} for key, note in header_descriptions.items()
    }
    properties["date"] = {
        "type": "string",
        "pattern": r"^\d{4}-\d{2}-\d{2}$",
        "description": "Memo date, YYYY-MM-DD; also the start of the file name.",
    }
    properties["headings"] = {
        "type": "object",
        "description": "Headings renamed for this memo only.",
        "properties": {key: text for key in HEADING_KEYS},
        "additionalProperties": False,
    }
    properties["sections"] = {
        "type": "object",
        "description": f"The sections in memo order ({describe()}); {SUMMARY} first.",
        "properties": {key: section_list for key in SECTION_KEYS},
        "additionalProperties": False,
    }
    properties["key_figures"] = {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {"label": text, "value": text, "sources": ids},
            "required": ["label", "value"],
            "additionalProperties": False,
        },
    }
    properties["sources"] = {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                **{key: text for key in ("title", *SOURCE_FIELDS)},
            },
            "required": ["id", "title"],
            "additionalProperties": False,
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "briefgen brief",
        "description": "The editable content of a briefing memo (briefgen draft / render).",
        "type": "object",
        "properties": properties,
        "required": ["title"],
        "additionalProperties": False,
    }
