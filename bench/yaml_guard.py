"""Hostile YAML, timed as a user meets it (issue 13, item 3): one ``error:`` line, fast.

Builds the 42 KB billion-laughs brief (aliases behind a BOM) and a Markdown source whose front
matter nests 50,000 deep, runs ``python -m briefgen`` on each ``--rounds`` times and prints the
exit code, the stderr lines, the best and worst wall seconds and the peak memory of the run.

    python3 bench/yaml_guard.py [--rounds 5] [--code DIR] [--cap 60]

``--code`` runs the briefgen found in DIR instead (the "before" figures: ``git archive 019cd6f``
unpacked there); a run is killed at ``--cap`` seconds.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_yamlio import _deep_markdown, alias_bomb  # noqa: E402


def run(
    args: list[str], cwd: Path, code: Path, cap: float
) -> tuple[int | str, list[str], float, float]:
    """Exit code, stderr lines, wall seconds and peak resident MB of one briefgen run."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "briefgen", *args],
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            env={**os.environ, "PYTHONPATH": str(code)},
        )
        timer = threading.Timer(cap, process.kill)
        timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        timer.cancel()
        seconds = time.perf_counter() - start
        stderr.seek(0)
        lines = stderr.read().decode("utf-8", "replace").splitlines()
    code_or_kill: int | str = os.waitstatus_to_exitcode(status)
    if seconds >= cap:
        code_or_kill = "kill"
    return code_or_kill, lines, seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--code", type=Path, default=ROOT)
    parser.add_argument("--cap", type=float, default=60)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        bomb = here / "bomb.yaml"
        bomb.write_text(alias_bomb(), encoding="utf-8")
        deep = _deep_markdown(here / "deep.md")
        cases = [
            (
                f"alias brief ({bomb.stat().st_size / 1000:.0f} KB), validate",
                ["validate", "bomb.yaml"],
            ),
            (
                f"nested front matter ({deep.stat().st_size / 1000:.0f} KB), draft",
                ["draft", "deep.md", "-o", "out.yaml"],
            ),
        ]
        for name, args in cases:
            runs = [run(args, here, options.code, options.cap) for _ in range(options.rounds)]
            code, lines = runs[0][0], runs[0][1]
            walls = sorted(r[2] for r in runs)
            peak = max(r[3] for r in runs)
            print(f"{name}: exit {code}, {len(lines)} stderr line(s)")
            print(
                f"  wall {walls[0]:.3f}-{walls[-1]:.3f} s over {options.rounds} runs, "
                f"peak {peak:.0f} MB"
            )
            for line in lines[-3:]:
                print(f"  {line[:160]}")


if __name__ == "__main__":
    main()
