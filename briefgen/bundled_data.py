"""Parsed copies of the bundled YAML data files, so the default path needs no YAML parser.

``data/bundled.json`` holds, for each bundled YAML file (cue terms, house style), the SHA-256 of
its text and what parsing that text gives. ``parsed_copy`` hands a copy out only for text with
that exact hash, so an edited file is parsed from YAML as before (correct, just ~30 ms slower:
importing PyYAML is most of it) until ``python3 -m briefgen.bundled_data`` refreshes the copies.
tests/test_batch_bundled_data.py checks that the copies equal a fresh parse of today's files.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
COPIES = DATA_DIR / "bundled.json"
FILES = ("sections.yaml", "theme.yaml")
MISSING = object()  # no copy for this text: parse it


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parsed_copy(text: str) -> Any:
    """What parsing ``text`` as YAML gives, if it is a bundled file's text; else ``MISSING``.

    Every call builds new objects: callers may change what they get (themes are merged).
    """
    try:
        copies = json.loads(COPIES.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return MISSING
    key = digest(text)
    for entry in copies.values():
        if isinstance(entry, dict) and entry.get("sha256") == key:
            return entry.get("data")
    return MISSING


def same(a: Any, b: Any) -> bool:
    """Equal, with keys in the same order (the order of cue sections breaks ties)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def build() -> dict[str, Any]:
    """Parse every bundled file with the YAML reader the tool uses; refuse what JSON changes."""
    from briefgen.yamlio import parse_yaml

    copies: dict[str, Any] = {}
    for name in FILES:
        path = DATA_DIR / name
        text = path.read_bytes().decode("utf-8-sig")
        data = parse_yaml(text, path)
        if not same(json.loads(json.dumps(data)), data):  # e.g. a date or a non-text key
            raise SystemExit(f"{path}: holds values JSON cannot keep; no copy written")
        copies[name] = {"sha256": digest(text), "data": data}
    return copies


def main() -> None:
    COPIES.write_text(json.dumps(build(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(COPIES)


if __name__ == "__main__":
    main()
