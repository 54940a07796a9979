"""Where ``briefgen generate`` spends the CPU time the floor does not (``bench/floor.py``).

``bench/run.py`` says how far apart the two are; this says why, in four figures:

  1. imports only generate makes (``python -X importtime``, each module's own time, the
     smallest of N runs), grouped: the analysis by module, Markdown, YAML, Click, the rest;
  2. of that, compiling briefgen's regular expressions (each pattern compiled again, best of 3);
  3. the work after the imports, by phase (read, analyse, view, DOCX, PDF), CPU time;
  4. garbage-collector passes and child processes (fontconfig's ``fc-match``).

Figures are CPU milliseconds on this machine; a busy machine inflates them all.

    python3 bench/where.py            # 5 runs for the import table
    python3 bench/where.py --runs 9
"""

from __future__ import annotations

import argparse
import collections
import gc
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATE = "2026-11-23"
# Libraries named in the table; any other module only generate imports is counted as "other".
LIBRARIES = ("markdown_it", "mdurl", "linkify_it", "yaml", "click", "dateutil")


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "SOURCE_DATE_EPOCH": "1700000000"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # cached bytecode, as an installed tool has
    return env


def import_times(command: list[str], runs: int, cwd: Path) -> dict[str, float]:
    """Each module's own import time in ms, the smallest over ``runs`` processes."""
    best: dict[str, float] = {}
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", *command],
            cwd=cwd,
            env=_env(),
            capture_output=True,
            text=True,
            check=True,
        )
        for line in done.stderr.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            own, _, name = line.removeprefix("import time:").split("|")
            name = name.strip()
            best[name] = min(best.get(name, float("inf")), int(own) / 1000)
    return best


def _group(module: str) -> str:
    if module.startswith("briefgen"):
        return module
    top = module.split(".")[0]
    return top if top in LIBRARIES else "other (standard library)"


def _print_part(title: str, groups: dict[str, float], prefix: str) -> None:
    part = {name: ms for name, ms in groups.items() if name.startswith(prefix)}
    print(f"  {sum(part.values()):6.1f}  {title}, of which:")
    for name, ms in sorted(part.items(), key=lambda kv: -kv[1]):
        if ms >= 1:
            print(f"  {'':6}  {ms:6.1f}  {name.removeprefix(prefix)}")


def regex_costs(argv: list[str]) -> dict[str, float]:
    """ms to compile the patterns briefgen's own modules compile during ``argv``, per module."""
    seen: dict[tuple[str, int], str] = {}
    original = re._compile  # type: ignore[attr-defined]

    def record(pattern, flags):
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename == re.__file__:
            frame = frame.f_back
        module = frame.f_globals.get("__name__", "") if frame is not None else ""
        if isinstance(pattern, str) and module.startswith("briefgen"):
            seen.setdefault((pattern, int(flags)), module)
        return original(pattern, flags)

    re._compile = record  # type: ignore[attr-defined]
    try:
        phases(argv)
    finally:
        re._compile = original  # type: ignore[attr-defined]
    costs: dict[str, float] = collections.defaultdict(float)
    for (pattern, flags), module in seen.items():
        best = float("inf")
        for _ in range(3):
            re.purge()
            start = time.perf_counter()
            re.compile(pattern, flags)
            best = min(best, time.perf_counter() - start)
        costs[module] += best * 1000
    return dict(costs)


def phases(argv: list[str]) -> dict[str, float]:
    """CPU ms of each phase of one in-process run (imports inside a phase count to it)."""
    from briefgen import app, cli
    from briefgen.render import docx, pdf

    spent: dict[str, float] = collections.defaultdict(float)

    def timed(owner, name: str, label: str) -> None:
        inner = getattr(owner, name)

        def wrapper(*args, **kwargs):
            start = time.process_time()
            try:
                return inner(*args, **kwargs)
            finally:
                spent[label] += (time.process_time() - start) * 1000

        setattr(owner, name, wrapper)

    timed(app, "brief_from_sources", "read and analyse the sources")
    timed(app, "with_view", "the memo's view (wording, headings)")
    timed(docx.DocxRenderer, "render", "DOCX (python-docx import and writing)")
    timed(pdf.PdfRenderer, "render", "PDF (reportlab import, fonts, writing)")
    try:
        cli.main(argv)
    except SystemExit as stop:
        if stop.code:
            raise
    return dict(spent)


def collector_and_children(argv: list[str]) -> tuple[float, int, float]:
    """(CPU ms in garbage-collector passes, passes, CPU ms of child processes) of one run."""
    spent, passes, started = [0.0], [0], [0.0]

    def watch(phase: str, info: dict) -> None:
        if phase == "start":
            started[0] = time.process_time()
        else:
            spent[0] += time.process_time() - started[0]
            passes[0] += 1

    gc.callbacks.append(watch)
    try:
        phases(argv)
    finally:
        gc.callbacks.remove(watch)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return spent[0] * 1000, passes[0], (children.ru_utime + children.ru_stime) * 1000


def _child(kind: str, argv: list[str]) -> None:
    """One measurement in a fresh process (a module imported once is not imported again)."""
    if kind == "regex":
        result: object = regex_costs(argv)
    elif kind == "phases":
        result = phases(argv)
    else:
        result = collector_and_children(argv)
    print(repr(result), file=sys.__stderr__)


def _measure(kind: str, argv: list[str], cwd: Path) -> object:
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, *argv],
        cwd=cwd,
        env=_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    import ast

    return ast.literal_eval(done.stderr.strip().splitlines()[-1])


def main(args: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="processes per import table")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    options = parser.parse_args(args)
    if options.child:
        _child(options.child[0], options.child[1:])
        return 0
    with tempfile.TemporaryDirectory(prefix="briefgen-where-") as tmp:
        report(Path(tmp), options.runs)
    return 0


def report(work: Path, runs: int) -> None:
    """Print the four figures, running everything in ``work``."""
    brief = work / "brief.json"
    subprocess.run(
        [sys.executable, "-m", "briefgen", "draft", "-o", str(brief), "--date", DATE],
        cwd=work,
        env=_env(),
        capture_output=True,
        check=True,
    )
    generate = ["generate", "-o", str(work / "memo"), "--date", DATE]
    floor = import_times(
        [str(REPO / "bench" / "floor.py"), str(brief), str(work / "floor")], runs, work
    )
    ours = import_times(["-m", "briefgen", *generate], runs, work)
    only = {name: ms for name, ms in ours.items() if name not in floor}
    groups: dict[str, float] = collections.defaultdict(float)
    for name, ms in only.items():
        groups[_group(name)] += ms
    print(f"load {os.getloadavg()[0]:.2f}; CPU ms, smallest of {runs} runs")
    print(f"\n1. imports only generate makes: {sum(only.values()):.0f} ms")
    _print_part("briefgen.analysis", groups, "briefgen.analysis.")
    rest = {name: ms for name, ms in groups.items() if not name.startswith("briefgen.analysis.")}
    _print_part("briefgen's other modules", rest, "briefgen")
    for name, ms in sorted(rest.items(), key=lambda kv: -kv[1]):
        if not name.startswith("briefgen"):
            print(f"  {ms:6.1f}  {name}")
    regex = _measure("regex", generate, work)
    assert isinstance(regex, dict)
    print(f"\n2. compiling briefgen's regular expressions: {sum(regex.values()):.0f} ms")
    for name, ms in sorted(regex.items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {ms:6.1f}  {name}")
    spent = _measure("phases", generate, work)
    assert isinstance(spent, dict)
    print("\n3. after start-up, by phase (imports made inside a phase count to it)")
    for name, ms in spent.items():
        print(f"  {ms:6.1f}  {name}")
    other = _measure("other", generate, work)
    assert isinstance(other, tuple)
    collector, passes, children = other
    print(
        f"\n4. garbage collector: {collector:.1f} ms in {passes} passes; "
        f"child processes (fc-match): {children:.1f} ms"
    )


if __name__ == "__main__":
    sys.exit(main())
