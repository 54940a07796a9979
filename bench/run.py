"""Speed and memory of briefgen as users feel them, against the floor, in one command.

Every figure is a whole process (start-up, imports, work, exit), timed with a wall clock and
its peak resident memory read from the kernel (``os.wait4`` rusage: the largest of the process
and the children it waited for). Competing commands run side by side, alternating, so a noisy
machine slows both; the table shows medians and the median of the per-round ratios.

  1. ``briefgen generate`` on the bundled seeds vs ``bench/floor.py`` (python-docx + reportlab
     writing the same memo directly)
  2. ``briefgen --help`` vs ``python -c pass`` (start-up cost)
  3. ``briefgen draft`` over 100, 1,000 and 10,000 synthetic articles (``bench/corpus.py``)
  4. ``briefgen batch`` of 100 topics with 1 job vs all cores

The briefgen measured is the checkout this file lives in (PYTHONPATH points at it).

    python3 bench/run.py                 # everything, a few minutes on 2 cores
    python3 bench/run.py --quick         # fewer rounds, 10,000 articles left out
    python3 bench/run.py --skip-big      # every round, the 10,000-article draft left out
    python3 bench/run.py --only draft --sizes 1000,10000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
sys.path.insert(0, str(BENCH))

import corpus  # noqa: E402 - bench/corpus.py, found through the line above

DATE = "2026-11-23"  # a fixed date: every round writes the same files
CORPUS_VERSION = "1"  # bump when corpus.py changes so cached corpora are rebuilt

TARGETS = {
    "generate": ("generate / floor, median ratio", "<= 1.30x"),
    "generate_cpu": ("  the same in cpu time", "<= 1.20x"),
    "startup": ("--help minus python -c pass", "<= 80 ms"),
    "startup_cpu": ("  the same in cpu time (load-proof)", "<= 80 ms"),
    "scaling": ("draft 10,000 / 1,000 articles, time", "<= 12x"),
    "memory": ("draft 10,000 articles, peak RSS", "< 500 MB"),
    "batch": ("batch 100 briefs, 1 job / all cores", ">= 1.70x"),
}


@dataclass
class Run:
    seconds: float
    peak_mb: float
    ok: bool
    note: str = ""
    cpu: float = 0.0  # user + system seconds of the process and its children: load-proof


@dataclass
class Series:
    label: str
    runs: list[Run] = field(default_factory=list)

    @property
    def times(self) -> list[float]:
        return [r.seconds for r in self.runs if r.ok]

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")

    @property
    def cpu_median(self) -> float:
        cpu = [r.cpu for r in self.runs if r.ok]
        return statistics.median(cpu) if cpu else float("nan")

    @property
    def peak_mb(self) -> float:
        return max((r.peak_mb for r in self.runs), default=float("nan"))

    @property
    def failed(self) -> bool:
        return any(not r.ok for r in self.runs)


def run(command: list[str], cwd: Path, timeout: float) -> Run:
    """One whole process: wall time and peak RSS (KB on Linux) from the kernel's rusage."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONPYCACHEPREFIX": str(cwd / "pycache")}
    # Bytecode is cached, as for an installed tool (pip writes .pyc files): a shell that sets
    # PYTHONDONTWRITEBYTECODE would otherwise make every run compile briefgen from source.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a chatty run cannot block
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors
        )
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                _, status, usage = os.wait4(process.pid, 0)
                process.returncode = -9
                return Run(timeout, usage.ru_maxrss / 1024, False, "timeout")
            time.sleep(0.002)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        last = errors.read().decode(errors="replace").strip().splitlines()[-1:]
    ok = process.returncode == 0
    note = "" if ok else f"exit {process.returncode}: {' '.join(last)}"
    return Run(seconds, usage.ru_maxrss / 1024, ok, note, usage.ru_utime + usage.ru_stime)


def side_by_side(
    commands: dict[str, list[str]], rounds: int, cwd: Path, timeout: float, warm: bool = True
) -> dict[str, Series]:
    """Alternate the commands round by round (order flipped every round) after a warm-up."""
    series = {label: Series(label) for label in commands}
    labels = list(commands)
    if warm:
        for label in labels:  # file cache, .pyc files, fontconfig cache: not what we measure
            run(commands[label], cwd, timeout)
    for round_ in range(rounds):
        for label in labels if round_ % 2 == 0 else reversed(labels):
            result = run(commands[label], cwd, timeout)
            series[label].runs.append(result)
            if not result.ok:
                print(f"  ! {label}: {result.note}", file=sys.stderr)
    return series


def pair_ratio(a: Series, b: Series, cpu: bool = False) -> float:
    """Median of the per-round ratios a/b: robust to the machine speeding up or slowing down."""
    pairs = [
        (x.cpu / y.cpu) if cpu else (x.seconds / y.seconds)
        for x, y in zip(a.runs, b.runs, strict=True)
        if x.ok and y.ok
    ]
    return statistics.median(pairs) if pairs else float("nan")


# ----------------------------------------------------------------------------- the four benches


def python() -> list[str]:
    return [sys.executable]


def briefgen(*args: str) -> list[str]:
    return [*python(), "-m", "briefgen", *args]


GENERATE = "briefgen generate (seeds, docx+pdf)"
FLOOR = "floor.py (python-docx + reportlab)"
FLOOR_GC = "floor.py --gc (briefgen's GC setting)"


def bench_generate(work: Path, rounds: int, timeout: float) -> dict:
    brief = work / "seeds-brief.json"
    made = run(briefgen("draft", "-o", str(brief), "--date", DATE), work, timeout)
    if not made.ok:
        raise SystemExit(f"cannot draft the seeds brief for the floor: {made.note}")
    commands = {
        GENERATE: briefgen("generate", "-o", str(work / "generate"), "--date", DATE),
        FLOOR: [
            *python(),
            str(BENCH / "floor.py"),
            str(brief),
            str(work / "floor"),
        ],
        # briefgen raises the GC threshold (cli.main); the floor could too: shown, not a target
        FLOOR_GC: [
            *python(),
            str(BENCH / "floor.py"),
            "--gc",
            str(brief),
            str(work / "floor-gc"),
        ],
    }
    series = side_by_side(commands, rounds, work, timeout)
    ours, floor, floor_gc = (series[label] for label in (GENERATE, FLOOR, FLOOR_GC))
    return {
        "series": series,
        "ratio": pair_ratio(ours, floor),
        "cpu": pair_ratio(ours, floor, True),
        "ratio_gc": pair_ratio(ours, floor_gc),
    }


def bench_startup(work: Path, rounds: int, timeout: float) -> dict:
    commands = {
        "briefgen --help": briefgen("--help"),
        "python -c pass": [*python(), "-c", "pass"],
    }
    series = side_by_side(commands, rounds, work, timeout)
    ours, bare = series.values()
    pairs = [(x, y) for x, y in zip(ours.runs, bare.runs, strict=True) if x.ok and y.ok]
    wall = statistics.median(x.seconds - y.seconds for x, y in pairs)
    cpu = statistics.median(x.cpu - y.cpu for x, y in pairs)
    return {"series": series, "delta_ms": 1000 * wall, "cpu_delta_ms": 1000 * cpu}


def ensure_corpus(folder: Path, make) -> Path:
    """Build a corpus once and reuse it (a marker file records what was built)."""
    marker = folder / ".complete"
    if marker.is_file() and marker.read_text() == CORPUS_VERSION:
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    started = time.perf_counter()
    make(folder)
    marker.write_text(CORPUS_VERSION)
    print(f"  built {folder.name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return folder


def bench_draft(work: Path, sizes: list[int], rounds: dict[int, int], timeout: float) -> dict:
    """Every size once a round, order flipped each round, so a big run sits between small ones.

    The machine's speed drifts over the minutes a 10,000-article run takes; comparing it with
    the runs of the next size down made just before and just after it cancels most of that.
    """
    commands = {}
    for size in sizes:
        folder = ensure_corpus(
            work / f"articles-{size}", lambda f, n=size: corpus.write_articles(f, n)
        )
        commands[size] = briefgen("draft", str(folder), "-o", str(work / f"draft-{size}.yaml"))
    results = {size: Series(f"draft {size:,} articles") for size in sizes}
    timeline: list[tuple[int, Run]] = []
    for round_ in range(max(rounds.values())):
        order = sizes if round_ % 2 == 0 else list(reversed(sizes))
        for size in (s for s in order if round_ < rounds[s]):
            print(f"  draft {size:,} articles, round {round_ + 1}", file=sys.stderr)
            result = run(commands[size], work, timeout)
            results[size].runs.append(result)
            timeline.append((size, result))
    return {"series": results, "timeline": timeline}


def bracketed_ratio(timeline: list[tuple[int, Run]], big: int, small: int) -> float:
    """Median over the ``big`` runs of its time over the mean of the nearest ``small`` runs."""
    ratios = []
    for at, (size, result) in enumerate(timeline):
        if size != big or not result.ok:
            continue
        before = [r for s, r in reversed(timeline[:at]) if s == small and r.ok][:1]
        after = [r for s, r in timeline[at + 1 :] if s == small and r.ok][:1]
        near = before + after
        if near:
            ratios.append(result.seconds / statistics.mean(r.seconds for r in near))
    return statistics.median(ratios) if ratios else float("nan")


def bench_batch(work: Path, topics: int, rounds: int, jobs: int, timeout: float) -> dict:
    folder = ensure_corpus(
        work / f"topics-{topics}", lambda f: corpus.write_topics(f, topics, per_topic=3)
    )
    commands = {
        f"batch {topics} briefs, 1 job": briefgen(
            "batch", str(folder), "-o", str(work / "batch-1"), "-j", "1", "--date", DATE
        ),
        f"batch {topics} briefs, {jobs} jobs": briefgen(
            "batch", str(folder), "-o", str(work / "batch-n"), "-j", str(jobs), "--date", DATE
        ),
    }
    series = side_by_side(commands, rounds, work, timeout, warm=False)
    one, many = series.values()
    return {"series": series, "speedup": pair_ratio(one, many)}


# ----------------------------------------------------------------------------- report


def commit() -> str:
    if os.environ.get("BRIEFGEN_BENCH_COMMIT"):  # a snapshot (git archive) knows no git
        return os.environ["BRIEFGEN_BENCH_COMMIT"]
    try:
        rev = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return f"{rev}{' + uncommitted changes' if dirty else ''}"


def table(series: list[Series], extra: dict[str, str] | None = None) -> None:
    print(
        f"  {'':42} {'median':>9} {'min':>9} {'max':>9} {'cpu med':>9} {'peak RSS':>10} {'runs':>5}"
    )
    for s in series:
        times = s.times or [float("nan")]
        flag = "  FAILED" if s.failed else ""
        print(
            f"  {s.label:42} {s.median:8.3f}s {min(times):8.3f}s {max(times):8.3f}s "
            f"{s.cpu_median:8.3f}s {s.peak_mb:7.1f} MB {len(s.runs):5}{flag}"
        )
    for key, value in (extra or {}).items():
        print(f"  {key}: {value}")


def verdict(name: str, value: float, ok: bool, shown: str) -> str:
    what, target = TARGETS[name]
    mark = "ok" if ok else ("n/a" if value != value else "MISSED")  # NaN: not measured
    return f"  {what:42} {shown:>12}   target {target:10} {mark}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15, help="rounds for generate and --help")
    parser.add_argument("--draft-rounds", type=int, default=3, help="rounds per draft size")
    parser.add_argument("--big-rounds", type=int, default=1, help="rounds for 10,000 articles")
    parser.add_argument("--batch-rounds", type=int, default=2)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--topics", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=0, help="batch jobs (default: all cores)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per process")
    parser.add_argument("--only", choices=["generate", "startup", "draft", "batch"], nargs="*")
    parser.add_argument("--quick", action="store_true", help="3 rounds, no 10,000 articles")
    parser.add_argument(
        "--skip-big", action="store_true", help="leave out the 10,000-article draft (~80 s)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "briefgen-bench",
        help="corpora (kept between runs) and outputs",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.rounds, args.draft_rounds, args.batch_rounds = 3, 1, 1
    if args.quick or args.skip_big:
        args.sizes = ",".join(s for s in args.sizes.split(",") if int(s) < 10_000)
    only = set(args.only or ["generate", "startup", "draft", "batch"])
    sizes = [int(s) for s in args.sizes.split(",") if s]
    jobs = args.jobs or len(os.sched_getaffinity(0))
    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)

    now = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(f"briefgen benchmark  commit {commit()}  {now}")
    print(
        f"python {platform.python_version()}  {platform.machine()}  "
        f"{len(os.sched_getaffinity(0))} cores  load {os.getloadavg()[0]:.2f} (1 min)"
    )
    figures: dict[str, float] = {}
    verdicts: list[str] = []

    if "generate" in only:
        print(f"\n1. generate on the seeds vs the floor ({args.rounds} rounds, whole process)")
        result = bench_generate(work, args.rounds, args.timeout)
        ratio = result["ratio"]
        table(
            list(result["series"].values()),
            {
                "ratio generate/floor": f"{ratio:.2f}x wall",
                "  in cpu time": f"{result['cpu']:.2f}x",
                "  against floor --gc (not a target)": f"{result['ratio_gc']:.2f}x wall",
            },
        )
        figures["generate_ratio_floor_gc"] = result["ratio_gc"]
        figures["generate_cpu_ratio"] = result["cpu"]
        figures["generate_ratio"] = ratio
        verdicts.append(verdict("generate", ratio, ratio <= 1.30, f"{ratio:.2f}x"))
        cpu = result["cpu"]
        verdicts.append(verdict("generate_cpu", cpu, cpu <= 1.20, f"{cpu:.2f}x"))

    if "startup" in only:
        rounds = max(args.rounds, 10)
        print(f"\n2. start-up: --help vs python -c pass ({rounds} rounds)")
        result = bench_startup(work, rounds, args.timeout)
        delta = result["delta_ms"]
        cpu_delta = result["cpu_delta_ms"]
        table(
            list(result["series"].values()),
            {"median difference": f"{delta:.0f} ms wall, {cpu_delta:.0f} ms cpu"},
        )
        figures["startup_delta_ms"] = delta
        figures["startup_cpu_delta_ms"] = cpu_delta
        verdicts.append(verdict("startup", delta, delta <= 80, f"{delta:.0f} ms"))
        verdicts.append(verdict("startup_cpu", cpu_delta, cpu_delta <= 80, f"{cpu_delta:.0f} ms"))

    if "draft" in only:
        print("\n3. draft scaling over synthetic articles")
        rounds = {s: args.big_rounds if s >= 10_000 else args.draft_rounds for s in sizes}
        result = bench_draft(work, sizes, rounds, args.timeout)
        series = result["series"]
        extra = {}
        for small, big in zip(sizes, sizes[1:], strict=False):
            ratio = bracketed_ratio(result["timeline"], big, small)
            extra[f"time ratio {big:,} / {small:,}"] = (
                f"{ratio:.1f}x (linear: {big / small:g}x; each {big:,} run against the "
                f"{small:,} runs next to it)"
            )
            figures[f"draft_ratio_{big}_{small}"] = ratio
        for size in sizes:
            figures[f"draft_{size}_s"] = series[size].median
            figures[f"draft_{size}_peak_mb"] = series[size].peak_mb
            per = 1000 * series[size].median / size
            extra[f"per article at {size:,}"] = f"{per:.2f} ms"
        table(list(series.values()), extra)
        if 1000 in series and 10_000 in series:
            ratio = bracketed_ratio(result["timeline"], 10_000, 1000)
            verdicts.append(verdict("scaling", ratio, ratio <= 12, f"{ratio:.1f}x"))
            peak = series[10_000].peak_mb
            verdicts.append(verdict("memory", peak, peak < 500, f"{peak:.0f} MB"))

    if "batch" in only:
        print(f"\n4. batch of {args.topics} briefs (3 articles each), 1 job vs {jobs}")
        result = bench_batch(work, args.topics, args.batch_rounds, jobs, args.timeout)
        speedup = result["speedup"]
        one, many = result["series"].values()
        # cpu / wall: how many cores a run actually got (other work on the machine takes some)
        used = ", ".join(
            f"{s.cpu_median / s.median:.2f} ({s.label[-6:].strip()})" for s in (one, many)
        )
        table(
            [one, many],
            {f"speed-up with {jobs} jobs": f"{speedup:.2f}x", "cores used (cpu/wall)": used},
        )
        figures["batch_speedup"] = speedup
        verdicts.append(verdict("batch", speedup, speedup >= 1.7, f"{speedup:.2f}x"))

    print("\nTargets")
    print("\n".join(verdicts))
    if args.json:
        args.json.write_text(json.dumps({"commit": commit(), **figures}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
