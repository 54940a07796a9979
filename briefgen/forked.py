"""Run a task in a forked child process while this one goes on; bring back its outcome.

``generate`` writes a DOCX and a PDF from the same Brief. The two renders share nothing and each
is pure CPU, so on two cores the PDF renders in a child while this process writes the DOCX. A
fork (not a spawn) is what makes that pay: the child starts with the Brief, the wording and every
module already imported.

What the child does comes back to the parent: its exception is raised again here (a
BriefgenError keeps its type, file and message) and a callback wrapped with ``relayed`` (the
``warn`` of the render settings) is called here, in order, when the child is waited for, so that
a warning lands in the caller's stream or list and not in the child's copy of it.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import threading
import traceback
import weakref
from collections.abc import Callable
from typing import Any

_RELAYS: weakref.WeakValueDictionary[int, Relayed] = weakref.WeakValueDictionary()
_held: list[tuple[int, tuple[Any, ...]]] | None = None  # in a child: the relayed calls made


class Relayed:
    """A callback that, called in a forked child, is called in the parent instead."""

    def __init__(self, callback: Callable[..., None]) -> None:
        self.callback = callback
        self.key = id(self)
        _RELAYS[self.key] = self

    def __call__(self, *args: Any) -> None:
        if _held is None:
            self.callback(*args)
        else:
            _held.append((self.key, args))


def relayed(callback: Callable[..., None]) -> Callable[..., None]:
    return callback if isinstance(callback, Relayed) else Relayed(callback)


class ChildFailed(Exception):
    """The child raised something that cannot cross a pipe (a bug, not bad input)."""


class ChildDied(Exception):
    """The child ended without a report: killed (out of memory, a signal) or crashed."""


def can_fork() -> bool:
    """Worth it with a second core; safe only from a single thread (another could hold a lock
    that stays held forever in the child)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return hasattr(os, "fork") and (cores or 1) > 1 and threading.active_count() == 1


class Running:
    """A task running in a forked child."""

    def __init__(self, task: Callable[[], None]) -> None:
        read_end, write_end = os.pipe()
        # Frozen objects are skipped by the collector: without this the child's first full
        # collection writes to every object it shares with the parent, copying their pages.
        gc.freeze()
        try:
            self.pid = os.fork()
        except OSError:
            gc.unfreeze()
            os.close(read_end)
            os.close(write_end)
            raise
        if self.pid == 0:  # the child: run, report, and leave without unwinding the caller
            os.close(read_end)
            _child(task, write_end)
        gc.unfreeze()  # the parent collects as before
        os.close(write_end)
        self._pipe = os.fdopen(read_end, "rb")
        self._reaped = False

    def wait(self) -> None:
        """Wait for the child; say what it relayed; raise what it raised."""
        with self._pipe:
            report = self._pipe.read()
        _, status = os.waitpid(self.pid, 0)
        self._reaped = True
        if not report:
            code = os.waitstatus_to_exitcode(status)
            how = f"signal {-code}" if code < 0 else f"exit code {code}"
            raise ChildDied(f"the process writing it ended without a report ({how})")
        held, error = pickle.loads(report)
        for key, args in held:
            relay = _RELAYS.get(key)
            if relay is not None:
                relay.callback(*args)
        if error is not None:
            raise error

    def stop(self) -> None:
        """End the child now (the parent failed or was interrupted) and reap it."""
        if self._reaped:
            return
        os.kill(self.pid, signal.SIGTERM)
        os.waitpid(self.pid, 0)
        self._reaped = True
        self._pipe.close()


def _child(task: Callable[[], None], write_end: int) -> None:
    global _held
    _held = []
    error: BaseException | None = None
    code = 0
    try:
        try:
            task()
        except BaseException as exc:  # noqa: BLE001 - every outcome goes back to the parent
            error = exc
        try:
            report = pickle.dumps((_held, _portable(error)))
        except Exception:  # an unpicklable argument to a relayed callback
            report = pickle.dumps(([], ChildFailed(traceback.format_exc(limit=1).strip())))
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(report)
    except BaseException:  # noqa: BLE001 - the parent reports the missing report
        code = 1
    finally:
        # os._exit: no atexit handlers, no flushing of stdio buffers copied from the parent,
        # no return into the parent's stack (a test runner would run its tests twice).
        os._exit(code)


def _portable(error: BaseException | None) -> BaseException | None:
    """The error itself when it survives pickling, else a ChildFailed that describes it."""
    if error is None:
        return None
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:
        text = "".join(traceback.format_exception_only(type(error), error)).strip()
        return ChildFailed(text)
