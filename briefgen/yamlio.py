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


def parse_yaml(text: str, path: Path) -> Any:
    """Parse YAML text safely; errors name the file and the line."""
    if "*" in text and _has_alias(text):
        loader_cls: Any = _NoAliasSafeLoader
    else:
        loader_cls = _BaseLoader
    try:
        return yaml.load(text, Loader=loader_cls)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(path, f"invalid YAML at {where}{problem}") from None


def _has_alias(text: str) -> bool:
    """Cheap pre-check: only then pay for the pure-Python loader."""
    return re.search(r"(^|[\s\[{,:-])\*[^\s,\]}]", text) is not None


def dump_yaml(data: Any, header: str = "") -> str:
    body = yaml.dump(
        data,
        Dumper=_BaseDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100_000,  # one item per line: easy to edit and to diff
        default_flow_style=None,
    )
    return header + body
