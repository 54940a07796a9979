"""Errors the command line prints as one line ``error: <file>: <problem>``.

Each carries its exit code the Click way (``exit_code``, as ``click.ClickException`` does): 2 for
bad usage or bad input, 1 for a failure to write the output (a full disk, a read-only folder).
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

import click

EXIT_BAD_INPUT = 2
EXIT_OUTPUT_FAILED = 1


class BriefgenError(click.ClickException):
    """An expected failure caused by the user's input or environment (never a bug)."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message)  # sets self.message
        self.path = path

    def __str__(self) -> str:
        return self.message

    def show(self, file: IO[Any] | None = None) -> None:
        """What Click prints for the error: every line of ``lines()`` as ``error: ...``."""
        for line in self.lines():
            click.echo(f"error: {line}", file=file, err=file is None)

    def __reduce__(self):
        # Subclasses take other arguments than Exception's, so pickling (an error crossing from
        # a batch worker process) rebuilds from the attributes instead of from self.args.
        return (_rebuild, (type(self), self.args, self.__dict__))

    def lines(self) -> list[str]:
        """The messages to print, one problem per line, each naming the file."""
        prefix = f"{printable(self.path)}: " if self.path is not None else ""
        return [f"{prefix}{_one_line(self.message)}"]


class InputError(BriefgenError):
    """A source or brief file that cannot be read or understood."""

    def __init__(self, path: Path | str | None, message: str) -> None:
        super().__init__(message, path)


class UsageError(BriefgenError):
    """Options that do not make sense together, an unknown format, and the like."""


class OutputError(BriefgenError):
    """The output folder or a file in it cannot be written (exit code 1: not the input's fault)."""

    exit_code = EXIT_OUTPUT_FAILED

    def __init__(self, path: Path | str | None, message: str) -> None:
        super().__init__(message, path)


class BriefError(BriefgenError):
    """A brief that fails validation: carries every problem with its field path."""

    def __init__(self, problems: list[str], path: Path | str | None = None) -> None:
        super().__init__("; ".join(problems), path)
        self.problems = problems

    def lines(self) -> list[str]:
        prefix = f"{printable(self.path)}: " if self.path is not None else ""
        return [f"{prefix}{_one_line(problem)}" for problem in self.problems]


def _rebuild(kind: type[BriefgenError], args: tuple, state: dict) -> BriefgenError:
    error = kind.__new__(kind)
    error.args = args
    error.__dict__.update(state)
    return error


def _one_line(text: str) -> str:
    return printable(" ".join(str(text).split()))


def printable(text: object) -> str:
    """Text for one line of a terminal: a newline or escape code in a file name is shown as
    ``\\n`` or ``\\x1b``, so it can neither split the message nor drive the terminal."""
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in str(text)
    )


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP: unwinds like Ctrl-C, so every ``finally`` and cleanup runs."""


def stop_on_signals() -> None:
    """Make SIGTERM and SIGHUP unwind the run as SIGINT does: the writers' cleanup stops the
    render and batch processes and removes their temporary files (a default SIGTERM would end
    this process on the spot and leave both behind)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return  # signal handlers can only be set from the main thread

    def interrupt(number: int, frame) -> None:
        raise Terminated(signal.Signals(number).name)

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is signal.SIG_DFL:
            signal.signal(number, interrupt)
