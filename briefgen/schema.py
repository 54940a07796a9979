"""The shape of a brief file, written once as JSON Schema (2020-12).

``briefgen schema`` prints it for editors; ``validate`` and every load of a brief check the file
against the same schema with jsonschema and turn each error into a line of the form
``field.path: problem``, so the two cannot disagree. What a schema cannot say (ids unique, every
cited id among the sources) is checked in code after it, on the parts the schema passed.

jsonschema is imported only when a brief is checked: ``--help`` and ``generate`` never pay for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from briefgen.sections import SECTION_KEYS, SUMMARY

BRIEF_KEYS = frozenset(
    {
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
)
# A source's optional text fields, in the order a brief file writes them; ``accessed`` is the
# day a web page was read from its ``url``.
SOURCE_FIELDS = ("path", "publisher", "date", "url", "accessed")
CLOSING_HEADINGS = ("key_figures", "sources")

# "title" is the name a problem uses for what it expected: "expected text, got a mapping".
# A text field takes a number too (`value: 10`), never true/false (`title: no`).
_TEXT = {"title": "text", "type": ["string", "number"]}
_OPTIONAL_TEXT = {"title": "text", "type": ["string", "number", "null"]}
_IDS = {
    "title": "a list of source ids",
    "type": ["array", "null"],
    "items": {"title": "a source id (integer)", "type": "integer"},
    "description": "Ids of the sources this came from (citation markers).",
}


def heading_keys(sections: tuple[str, ...] = SECTION_KEYS) -> tuple[str, ...]:
    """Headings a brief may rename: the sections plus the two closing blocks."""
    return (*sections, *CLOSING_HEADINGS)


def brief_schema(sections: tuple[str, ...] = SECTION_KEYS) -> dict[str, Any]:
    """JSON Schema (2020-12) of a brief file: what ``validate`` accepts, and nothing else.

    An empty list or mapping may be written as nothing at all (``key_figures:`` once its
    last row is deleted), so those fields also take null; so do the optional text fields.
    """
    item = {
        "title": "a mapping",
        "type": "object",
        "properties": {
            "text": {**_TEXT, "description": "The bullet as printed."},
            "sources": _IDS,
            "why": {**_OPTIONAL_TEXT, "description": "Why it landed here (draft --explain)."},
        },
        "required": ["text"],
        "additionalProperties": False,
    }
    bullet = {"anyOf": [{"type": "string", "description": "A bullet with no source."}, item]}
    header = {
        "subject": "SUBJECT line (default: the title).",
        "classification": "Banner printed at the top and bottom of every page.",
        "to": "TO line.",
        "from": "FROM line; also the document author.",
    }
    properties: dict[str, Any] = {
        "title": {
            **_TEXT,
            "description": "Memo title, printed under MEMORANDUM and used for the file name.",
        },
        **{key: {**_OPTIONAL_TEXT, "description": note} for key, note in header.items()},
        "date": {
            "title": "YYYY-MM-DD",
            "type": ["string", "null"],
            "pattern": r"^\d{4}-\d{2}-\d{2}$",
            "format": "date",
            "description": "Memo date, YYYY-MM-DD (default: today); also starts the file name.",
        },
        "headings": {
            "title": "a mapping",
            "type": ["object", "null"],
            "description": "Headings renamed for this memo only.",
            "properties": {key: _TEXT for key in heading_keys(sections)},
            "additionalProperties": False,
        },
        "sections": {
            "title": "a mapping",
            "type": ["object", "null"],
            "description": f"The sections in memo order ({', '.join(sections)}); {SUMMARY} first.",
            "properties": {
                key: {"title": "a list of items", "type": ["array", "null"], "items": bullet}
                for key in sections
            },
            "additionalProperties": False,
        },
        "key_figures": {
            "title": "a list",
            "type": ["array", "null"],
            "description": "The key-figures table.",
            "items": {
                "title": "a mapping",
                "type": "object",
                "properties": {"label": _TEXT, "value": _TEXT, "sources": _IDS},
                "required": ["label", "value"],
                "additionalProperties": False,
            },
        },
        "sources": {
            "title": "a list",
            "type": ["array", "null"],
            "description": "The numbered source list.",
            "items": {
                "title": "a mapping",
                "type": "object",
                "properties": {
                    "id": {"title": "an integer id", "type": "integer"},
                    "title": _TEXT,
                    **{key: _OPTIONAL_TEXT for key in SOURCE_FIELDS},
                },
                "required": ["id", "title"],
                "additionalProperties": False,
            },
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


# ----------------------------------------------------------------------------- checking

Problem = tuple[str, str]  # (field path, message)


def problems(data: Any, sections: tuple[str, ...] = SECTION_KEYS) -> list[Problem]:
    """Every problem of a parsed brief: the schema's, then the cross-references'."""
    found: list[Problem] = []
    for error in _validator(sections).iter_errors(data):
        for problem in _describe(error, sections):
            if problem not in found:  # `date: 23/11/2026` fails both pattern and format
                found.append(problem)
    return found + reference_problems(data)


@lru_cache(maxsize=4)
def _validator(sections: tuple[str, ...]) -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(
        brief_schema(sections), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def reference_problems(data: Any) -> list[Problem]:
    """Source ids that repeat, and cited ids with no source: beyond what a schema says.

    Only the parts of the right shape are looked at; the schema reports the others.
    """
    if not isinstance(data, dict):
        return []
    found: list[Problem] = []
    known: set[int] = set()
    for index, source in _entries(data.get("sources")):
        source_id = source.get("id")
        if isinstance(source_id, (int, float)) and _is_id(source_id):
            source_id = int(source_id)
            if source_id in known:
                found.append((f"sources[{index}].id", f"duplicate source id {source_id}"))
            known.add(source_id)
    cites: list[tuple[str, Any]] = []
    sections = data.get("sections")
    for name, items in sections.items() if isinstance(sections, dict) else ():
        cites += [(f"sections.{name}[{i}]", item) for i, item in _entries(items)]
    cites += [(f"key_figures[{i}]", figure) for i, figure in _entries(data.get("key_figures"))]
    for path, entry in cites:
        ids = entry.get("sources")
        for index, source_id in enumerate(ids if isinstance(ids, list) else ()):
            if _is_id(source_id) and source_id not in known:
                found.append((f"{path}.sources[{index}]", f"no source with id {int(source_id)}"))
    return found


def _entries(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    """The mappings in a list, with their index."""
    if isinstance(value, list):
        yield from ((i, entry) for i, entry in enumerate(value) if isinstance(entry, dict))


def _is_id(value: Any) -> bool:
    # The schema's "integer": 3 and 3.0, never true/false.
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


# ----------------------------------------------------------------------------- wording


def field_path(parts: Iterable[str | int]) -> str:
    """``("sections", "defence", 2)`` -> ``sections.defence[2]``."""
    path = ""
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}" if path else str(part)
    return path


def _describe(error: Any, sections: tuple[str, ...]) -> list[Problem]:
    """A jsonschema error as the problems a person reads, in the words ``validate`` uses."""
    path = field_path(error.absolute_path)
    keyword, schema, instance = error.validator, error.schema, error.instance
    if keyword == "required":
        return [
            (_join(path, key), "is required")
            for key in error.validator_value
            if key not in instance
        ]
    if keyword == "additionalProperties":
        allowed = schema.get("properties", {})
        return [
            (_join(path, str(key)), _unknown(path, sections))
            for key in instance
            if key not in allowed
        ]
    if keyword in ("anyOf", "oneOf"):
        return _describe_choice(error, sections)
    if keyword == "type":
        if instance is None and error.absolute_path and isinstance(error.path[-1], str):
            return [(path, "is required")]  # `title:` with nothing after it
        expected = _expected(schema) if path else "a mapping"  # the root's title names the file
        message = f"expected {expected}, got {type_name(instance)}"
        if isinstance(instance, bool) and "string" in _types(schema):
            message += " (put the text in quotes)"  # `title: no` is YAML for false
        return [(path or "(top level)", message)]
    if keyword in ("pattern", "format"):
        return [(path, f"expected {schema.get('title', keyword)}, got {instance!r}")]
    return [(path or "(top level)", error.message)]


def _describe_choice(error: Any, sections: tuple[str, ...]) -> list[Problem]:
    """An item is a bare string or a mapping: report the branch the value was meant for."""
    branches: dict[int, list[Any]] = {}
    for sub in error.context or ():
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    meant = [
        errors
        for errors in branches.values()
        if not any(sub.validator == "type" and not sub.relative_path for sub in errors)
    ]
    if len(meant) == 1:
        return [problem for sub in meant[0] for problem in _describe(sub, sections)]
    expected = " or ".join(_expected(branch) for branch in error.validator_value)
    got = type_name(error.instance)
    return [(field_path(error.absolute_path), f"expected {expected}, got {got}")]


def _unknown(path: str, sections: tuple[str, ...]) -> str:
    if path == "sections":
        return f"unknown section (expected one of: {', '.join(sections)})"
    if path == "headings":
        return f"unknown heading (expected one of: {', '.join(heading_keys(sections))})"
    return "unknown field"


_TYPE_WORDS = {
    "string": "text",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true/false",
    "array": "a list",
    "object": "a mapping",
}


def _types(schema: dict[str, Any]) -> list[str]:
    kind = schema.get("type", [])
    return [kind] if isinstance(kind, str) else list(kind)


def _expected(schema: dict[str, Any]) -> str:
    if "title" in schema:
        return str(schema["title"])
    return " or ".join(_TYPE_WORDS.get(kind, kind) for kind in _types(schema) if kind != "null")


def type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    names = {dict: "a mapping", list: "a list", str: "text", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
