"""Safe YAML in and readable YAML out.

Briefs never need YAML aliases, so the loader refuses them outright: that closes the
"billion laughs" alias bomb without guessing at a safe depth.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from briefgen.errors import InputError

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _NoAliasSafeLoader(yaml.SafeLoader):
    """Pure-Python safe loader that raises on the first alias (`*name`)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in a brief", event.start_mark
            )
        return super().compose_node(parent, index)


def read_yaml_file(path: Path, what: str, limit: int = 1024 * 1024) -> Any:
    """Read and parse a small YAML settings file (cue terms, theme); errors name the file."""
    from briefgen.limits import read_regular_file

    raw = read_regular_file(path, limit, what)  # a FIFO or /dev/zero is refused, not read
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, f"{what} is not UTF-8 text") from None
    return parse_yaml(text, path)


def parse_yaml(text: str, path: Path) -> Any:
    """Parse YAML text safely; errors name the file and the line."""
    return parse_yaml_with_lines(text, path)[0]


def parse_yaml_with_lines(text: str, path: Path) -> tuple[Any, FieldLines]:
    """Parse YAML safely and keep where each field is, for messages that give line numbers."""
    if ("*" in text and _has_alias(text)) or _deeply_nested(text):
        loader_cls: Any = _NoAliasSafeLoader
    else:
        loader_cls = _BaseLoader
    loader = loader_cls(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except RecursionError:
        raise InputError(path, "invalid YAML: nested too deeply for a brief") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(path, f"invalid YAML at {where}{problem}") from None
    finally:
        loader.dispose()
    return data, FieldLines(node)


class FieldLines:
    """Line numbers of the fields of a composed YAML document, by field path.

    Paths read like the model's messages: ``sections.defence[2].sources[0]``. A path that is
    not in the file (a missing required field) falls back to its nearest parent.
    """

    def __init__(self, node: Any) -> None:
        self.lines: dict[str, int] = {}
        self.duplicates: list[tuple[str, int, int]] = []  # (path, first line, repeated line)
        if node is not None:
            self._walk(node, "")

    def _walk(self, root: Any, root_path: str) -> None:
        # An explicit stack, not recursion: a deeply nested (hostile) file must not overflow.
        stack = [(root, root_path)]
        while stack:
            node, path = stack.pop()
            self.lines.setdefault(path, node.start_mark.line + 1)
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    key = str(getattr(key_node, "value", "?"))
                    child = f"{path}.{key}" if path else key
                    line = key_node.start_mark.line + 1
                    if child in self.lines:
                        self.duplicates.append((child, self.lines[child], line))
                        continue
                    self.lines[child] = line
                    stack.append((value_node, child))
            elif isinstance(node, yaml.SequenceNode):
                stack += [(item, f"{path}[{i}]") for i, item in enumerate(node.value)]

    def __call__(self, path: str) -> int | None:
        while True:
            if path in self.lines:
                return self.lines[path]
            parent = _PARENT.sub("", path)
            if parent == path:
                return self.lines.get("")
            path = parent


_PARENT = re.compile(r"(\.[^.\[]*|\[\d+\])$")


_NESTING = 40  # a brief nests four deep; far more is an attack or an accident
_COMPACT_NESTING = re.compile(rf"^[ \t]*(?:[-?][ \t]+){{{_NESTING}}}", re.MULTILINE)
_DEEP_INDENT = re.compile(rf"^[ \t]{{{_NESTING * 4}}}", re.MULTILINE)


def _deeply_nested(text: str) -> bool:
    """Could this document nest deeply? Then parse it with the pure-Python loader, which
    raises RecursionError where the C one overflows its stack and kills the process."""
    if _COMPACT_NESTING.search(text) or _DEEP_INDENT.search(text):
        return True
    depth = 0
    for bracket in re.sub(r"[^\[\]{}]+", "", text):
        depth = depth + 1 if bracket in "[{" else max(depth - 1, 0)
        if depth > _NESTING:
            return True
    return False


def _has_alias(text: str) -> bool:
    """Cheap pre-check: only then pay for the pure-Python loader."""
    return re.search(r"(^|[\s\[{,:-])\*[^\s,\]}]", text) is not None


class _EditableDumper(yaml.SafeDumper):
    """Block style a person can edit: nested lists indented, lists of scalars on one line."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)  # `- item` indented under its key


def _represent_list(dumper: yaml.SafeDumper, data: list) -> Any:
    scalars = all(isinstance(v, (str, int, float, bool)) or v is None for v in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=scalars)


_EditableDumper.add_representer(list, _represent_list)


def _dump(data: Any) -> str:
    return yaml.dump(
        data,
        Dumper=_EditableDumper,
        sort_keys=False,  # the model's order: header, sections in memo order, figures, sources
        allow_unicode=True,
        width=100_000,  # one item per line: easy to edit and to diff
        default_flow_style=False,
        indent=2,
    )


def dump_yaml(data: Any, header: str = "", spaced: tuple[str, ...] = ("sections",)) -> str:
    """YAML with a blank line between top-level fields and between the parts of ``spaced``."""
    if not isinstance(data, dict):
        return header + _dump(data)
    out: list[str] = []
    scalar_run = False  # consecutive one-line fields (the memo header) stay together
    for key, value in data.items():
        nested = isinstance(value, (dict, list)) and bool(value)
        if out and (nested or not scalar_run):
            out.append("\n")
        if key in spaced and isinstance(value, dict) and value:
            parts = [_indent(_dump({name: inner})) for name, inner in value.items()]
            out.append(_dump({key: None}).replace(" null", "", 1) + "\n".join(parts))
        else:
            out.append(_dump({key: value}))
        scalar_run = not nested
    return header + "".join(out)


def _indent(text: str) -> str:
    return "".join(f"  {line}" if line.strip() else line for line in text.splitlines(True))
