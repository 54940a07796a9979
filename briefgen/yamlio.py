"""Safe YAML in and readable YAML out: the one loader for briefs, front matter, themes and cues.

Nothing briefgen reads needs YAML aliases or anchors, deep nesting or millions of values, so
the loader refuses them while it reads libyaml's event stream, before a single Python object
is built: the "billion laughs" alias bomb, a file nested 100,000 deep (which overflows the C
composer's stack or Python's) and a flood of tiny values all end at the event that gives them
away, in time proportional to the bytes read so far.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from briefgen.errors import InputError

# A brief nests five deep (sections.defence[0].sources[0]), a theme or cue file three.
MAX_DEPTH = 20
# Values (scalars, lists, mappings) in one file: a real brief holds a few thousand.
MAX_NODES = 1_000_000
_NO_ALIASES = "anchors and aliases (&name, *name) are not allowed"

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML was built with it
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Loader(_Parser):  # type: ignore[misc, valid-type]
    """The safe loader, except that a date stays the text it was written as.

    JSON has no dates, the brief's schema says "string", and ``2026-11-23`` means the same
    to every reader as text; a datetime would also not survive the bundled-data cache.
    """


_Loader.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)


class _Refused(yaml.YAMLError):
    """What the event pass refuses, with the line it found it on."""

    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = mark


def read_yaml_file(path: Path, what: str, limit: int = 1024 * 1024) -> Any:
    """Read and parse a small YAML settings file (cue terms, theme); errors name the file."""
    from briefgen.limits import read_regular_file

    raw = read_regular_file(path, limit, what)  # a FIFO or /dev/zero is refused, not read
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, f"{what} is not UTF-8 text") from None
    return parse_yaml(text, path)


def parse_yaml(text: str, path: Path, what: str = "", first_line: int = 1) -> Any:
    """Parse YAML text safely; errors name the file and the line.

    ``what`` starts each message (``front matter: ...``); ``first_line`` is the line of the
    file the text starts on, so a block cut from a larger file reports the file's lines.
    """
    return parse_yaml_with_lines(text, path, what, first_line)[0]


def parse_yaml_with_lines(
    text: str, path: Path, what: str = "", first_line: int = 1
) -> tuple[Any, FieldLines]:
    """Parse YAML safely and keep where each field is, for messages that give line numbers."""
    loader = _Loader(text)
    try:
        node = _compose(loader)
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + first_line}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        if problem == "exceeded maximum nesting depth":  # libyaml's own guard, in flow style
            problem = "nested too deeply"
        prefix = f"{what}: " if what else ""
        raise InputError(path, f"{prefix}invalid YAML at {where}{problem}") from None
    finally:
        loader.dispose()
    return data, FieldLines(node, first_line)


def _compose(loader: Any) -> yaml.Node | None:
    """The document's node tree, built from the event stream with an explicit stack.

    Each event is checked before its node exists: an anchor or alias, nesting past MAX_DEPTH
    or more than MAX_NODES values stop the read at that event, so a hostile file costs no
    more than the bytes before the first sign of it.
    """
    loader.get_event()  # stream start
    if loader.check_event(yaml.StreamEndEvent):
        return None
    loader.get_event()  # document start
    root: yaml.Node | None = None
    stack: list[list[Any]] = []  # [collection node, mapping key waiting for its value]
    count = 0

    def attach(node: yaml.Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        entry = stack[-1]
        if isinstance(entry[0], yaml.SequenceNode):
            entry[0].value.append(node)
        elif entry[1] is None:
            entry[1] = node
        else:
            entry[0].value.append((entry[1], node))
            entry[1] = None

    while True:
        event = loader.get_event()
        if isinstance(event, yaml.DocumentEndEvent):
            break
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(_NO_ALIASES, event.start_mark)
        if isinstance(event, yaml.CollectionEndEvent):
            stack.pop()[0].end_mark = event.end_mark
            continue
        if event.anchor is not None:
            raise _Refused(_NO_ALIASES, event.start_mark)
        count += 1
        if count > MAX_NODES:
            raise _Refused(f"more than {MAX_NODES:,} values", event.start_mark)
        tag = event.tag
        # libyaml's marks, which the stubs do not accept in a node
        start: Any = event.start_mark
        end: Any = event.end_mark
        if isinstance(event, yaml.ScalarEvent):
            if tag is None or tag == "!":
                tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
            attach(yaml.ScalarNode(tag, event.value, start, end, style=event.style))
            continue
        if len(stack) >= MAX_DEPTH:
            raise _Refused(f"nested too deeply (over {MAX_DEPTH} levels)", event.start_mark)
        kind = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
        if tag is None or tag == "!":
            tag = loader.resolve(kind, None, event.implicit)
        node = kind(tag, [], start, None, flow_style=event.flow_style)
        attach(node)
        stack.append([node, None])
    if not loader.check_event(yaml.StreamEndEvent):
        mark = loader.peek_event().start_mark
        raise _Refused("a second document (---) where one was expected", mark)
    return root


class FieldLines:
    """Line numbers of the fields of a composed YAML document, by field path.

    Paths read like the model's messages: ``sections.defence[2].sources[0]``. A path that is
    not in the file (a missing required field) falls back to its nearest parent.
    """

    def __init__(self, node: Any, first_line: int = 1) -> None:
        self.lines: dict[str, int] = {}
        self.duplicates: list[tuple[str, int, int]] = []  # (path, first line, repeated line)
        self.first_line = first_line
        if node is not None:
            self._walk(node, "")

    def _walk(self, root: Any, root_path: str) -> None:
        # An explicit stack, not recursion, like the composer.
        stack = [(root, root_path)]
        while stack:
            node, path = stack.pop()
            self.lines.setdefault(path, node.start_mark.line + self.first_line)
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    key = str(getattr(key_node, "value", "?"))
                    child = f"{path}.{key}" if path else key
                    line = key_node.start_mark.line + self.first_line
                    if child in self.lines:
                        self.duplicates.append((child, self.lines[child], line))
                        continue
                    self.lines[child] = line
                    stack.append((value_node, child))
            elif isinstance(node, yaml.SequenceNode):
                stack += [(item, f"{path}[{i}]") for i, item in enumerate(node.value)]

    def __call__(self, path: str) -> int | None:
        while path not in self.lines:
            if not path:
                return None
            path = parent_path(path)
        return self.lines[path]


def parent_path(path: str) -> str:
    """``sections.defence[2]`` -> ``sections.defence`` -> ``sections`` -> ``""``."""
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else ""


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
