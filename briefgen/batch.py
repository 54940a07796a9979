"""Many briefs at once: each subfolder of a folder is one topic and becomes one memo.

Topics run in worker processes, each topic with a time budget (``--topic-timeout``): a topic
that fails or runs past it is reported with its error, its worker is killed and replaced, its
temporary files are swept and its memo is not written, and the other topics go on. Without a
budget and with one job, topics run in this process (the honest serial baseline). Each
topic's files go to ``OUT/<topic folder name>/`` so that two topics with the same title never
overwrite each other.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import BriefgenError, InputError

if TYPE_CHECKING:
    from briefgen.app import Output

Report = Callable[["TopicResult", int, int], None]

# Seconds one topic may take: reading its sources (each bounded by --max-source-mb, seconds
# apiece) and rendering its memo (bounded by the memo's budgets) take far less.


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
    timeout: float | None = None,
) -> list[TopicResult]:
    """Run every topic; results come back in topic order, ``report`` sees each as it finishes.

    ``timeout`` (seconds, None or 0 for none) bounds each topic; topics then always run in
    worker processes, since only a process can be stopped whatever it is doing.
    """
    jobs = max(1, min(jobs, len(topics)))
    results: dict[Path, TopicResult] = {}
    finished = (
        _serial(topics, out_root, output, options)
        if jobs == 1 and not timeout
        else _workers(topics, out_root, output, options, jobs, timeout or None)
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


def _worker_loop(conn, out_root: Path, output: Output, options: object) -> None:
    """A worker: topics in, results out, until told to stop (None) or killed."""
    # The parent alone answers Ctrl-C and SIGTERM (it stops the workers and cleans up).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while True:
        try:
            topic = conn.recv()
        except EOFError:
            return
        if topic is None:
            return
        conn.send(run_topic(topic, out_root, output, options))


class _Worker:
    def __init__(self, context, out_root: Path, output: Output, options: object) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_loop, args=(child, out_root, output, options), daemon=True
        )
        self.process.start()
        child.close()
        self.topic: Path | None = None
        self.started = 0.0

    def give(self, topic: Path) -> None:
        self.topic, self.started = topic, time.monotonic()
        self.conn.send(topic)

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()

    def close(self) -> None:
        with contextlib.suppress(OSError):  # a worker that already died
            self.conn.send(None)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.kill()


def _workers(
    topics: list[Path],
    out_root: Path,
    output: Output,
    options: object,
    jobs: int,
    timeout: float | None,
) -> Iterator[TopicResult]:
    """Topics across ``jobs`` long-lived worker processes; a worker whose topic runs past
    ``timeout`` or dies is killed and replaced, and the topic reported as failed."""
    from multiprocessing.connection import wait

    _warm_imports()  # forked workers inherit them instead of importing once each
    context = multiprocessing.get_context()
    pending = deque(topics)
    workers = [_Worker(context, out_root, output, options) for _ in range(jobs)]
    try:
        while True:
            for index, worker in enumerate(workers):
                if worker.topic is None and pending:
                    if not worker.process.is_alive():
                        workers[index] = worker = _Worker(context, out_root, output, options)
                    worker.give(pending.popleft())
            busy = [w for w in workers if w.topic is not None]
            if not busy:
                return
            wait_for = None
            if timeout is not None:
                wait_for = max(0.0, min(w.started + timeout for w in busy) - time.monotonic())
            ready = wait([w.conn for w in busy], timeout=wait_for)
            for worker in workers:
                topic = worker.topic
                if topic is None:
                    continue
                if worker.conn in ready:
                    try:
                        result = worker.conn.recv()
                    except (EOFError, OSError):  # killed (out of memory) or crashed
                        worker.kill()
                        result = TopicResult(topic, error=f"{topic}: worker process died")
                        _sweep(out_root / topic.name)
                    worker.topic = None
                    yield result
                elif timeout is not None and time.monotonic() - worker.started >= timeout:
                    worker.kill()
                    _sweep(out_root / topic.name)
                    worker.topic = None
                    yield TopicResult(
                        topic,
                        error=f"{topic}: stopped after {timeout:g} s (--topic-timeout); "
                        "no files written for it",
                    )
    except BaseException:
        for worker in workers:  # interrupted: stop every worker, remove what they left
            if worker.topic is not None:
                worker.kill()
                _sweep(out_root / worker.topic.name)
        raise
    finally:
        for worker in workers:
            if worker.process.is_alive():
                worker.close()


def _sweep(folder: Path) -> None:
    from briefgen.output import sweep_stale

    if folder.is_dir():
        sweep_stale(folder)


def _warm_imports() -> None:
    if multiprocessing.get_start_method(allow_none=True) in (None, "fork"):
        import briefgen.analysis.pipeline  # noqa: F401
        import briefgen.app  # noqa: F401


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
