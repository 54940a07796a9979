"""Many briefs at once: each subfolder of a folder is one topic and becomes one memo.

Topics run in worker processes (``concurrent.futures.ProcessPoolExecutor``); with one job they
run in this process, which is the honest serial baseline. A topic that fails is reported with
its error and the others go on. Each topic's files go to ``OUT/<topic folder name>/`` so that
two topics with the same title never overwrite each other.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import BriefgenError, InputError

if TYPE_CHECKING:
    from briefgen.app import Output

Report = Callable[["TopicResult", int, int], None]


@dataclass
class TopicResult:
    """What became of one topic: the files written, or the error that stopped it."""

    topic: Path
    paths: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def default_jobs() -> int:
    """The cores this process may run on (honours CPU affinity, e.g. in containers)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def find_topics(folder: Path, warn: Callable[[str], None]) -> list[Path]:
    """The topic subfolders of ``folder``, sorted; loose files there are skipped with a warning."""
    if not folder.exists():
        raise InputError(folder, "no such folder")
    if not folder.is_dir():
        raise InputError(folder, "batch needs a folder whose subfolders are the topics")
    topics: list[Path] = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            topics.append(entry)
        else:
            warn(f"{entry}: skipped (batch reads subfolders: one subfolder per topic)")
    if not topics:
        raise InputError(folder, "no topic subfolders (each subfolder of DIR becomes one brief)")
    return topics


def run_topic(topic: Path, out_root: Path, output: Output, options: object) -> TopicResult:
    """Sources of one topic -> one Brief -> its files in ``out_root/<topic name>``.

    Runs in a worker process: everything it needs comes in as picklable arguments and every
    failure comes back inside the result, never as an exception that would end the batch.
    """
    from briefgen.app import brief_from_sources, write_memo

    result = TopicResult(topic)
    try:
        brief = brief_from_sources([topic], options, result.warnings.append)
        result.paths = write_memo(brief, out_root / topic.name, output, result.warnings.append)
    except BriefgenError as exc:
        result.error = "; ".join(exc.lines())
    except Exception as exc:  # a bug in briefgen must not cost the user the other topics
        result.error = f"{topic}: internal error: {type(exc).__name__}: {exc}"
    return result


def run_batch(
    topics: list[Path],
    out_root: Path,
    output: Output,
    options: object,
    jobs: int,
    report: Report | None = None,
) -> list[TopicResult]:
    """Run every topic; results come back in topic order, ``report`` sees each as it finishes."""
    jobs = max(1, min(jobs, len(topics)))
    results: dict[Path, TopicResult] = {}
    finished = (
        _serial(topics, out_root, output, options)
        if jobs == 1
        else _parallel(topics, out_root, output, options, jobs)
    )
    for result in finished:
        results[result.topic] = result
        if report is not None:
            report(result, len(results), len(topics))
    return [results[topic] for topic in topics]


def _serial(
    topics: list[Path], out_root: Path, output: Output, options: object
) -> Iterator[TopicResult]:
    for topic in topics:
        yield run_topic(topic, out_root, output, options)


def _parallel(
    topics: list[Path], out_root: Path, output: Output, options: object, jobs: int
) -> Iterator[TopicResult]:
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(run_topic, t, out_root, output, options): t for t in topics}
        try:
            for future in as_completed(futures):
                topic = futures[future]
                try:
                    yield future.result()
                except BrokenProcessPool:
                    # A worker died (killed, out of memory): its topics are lost, say so.
                    yield TopicResult(topic, error=f"{topic}: worker process died")
                except Exception as exc:  # e.g. a result that cannot be pickled back
                    yield TopicResult(topic, error=f"{topic}: {type(exc).__name__}: {exc}")
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


class ProgressBar:
    """Progress on a stream (stderr): a bar redrawn in place on a terminal, a line per topic
    otherwise (logs keep every step). Failures are always printed on their own line."""

    WIDTH = 30

    def __init__(self, stream, echo: Callable[[str], None]) -> None:
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.stream = stream
        self.echo = echo

    def __call__(self, result: TopicResult, done: int, total: int) -> None:
        if self.tty:
            self.stream.write("\r\x1b[K")  # clear the bar before any message line
        for message in result.warnings:
            self.echo(f"warning: {message}")
        if result.error:
            self.echo(f"error: {result.error}")
        if self.tty:
            filled = self.WIDTH * done // total
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            self.stream.write(f"batch [{bar}] {done}/{total} {result.topic.name}")
            if done == total:
                self.stream.write("\n")
            self.stream.flush()
        elif result.ok:
            self.echo(f"[{done}/{total}] {result.topic.name}: {len(result.paths)} files")
