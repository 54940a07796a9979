"""Errors the command line turns into a one-line ``error: <file>: <problem>`` and exit code 2."""

from __future__ import annotations

from pathlib import Path


class BriefgenError(Exception):
    """An expected failure caused by the user's input or environment (never a bug)."""

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __reduce__(self):
        # Subclasses take other arguments than Exception's, so pickling (an error coming back
        # from a render process) rebuilds from the attributes instead of from self.args.
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
    """The output folder or a file in it cannot be written."""

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
