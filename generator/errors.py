"""Errors for people: each names the file and line, says what is wrong and, where it can, how to fix it.

The library raises these; only the command line and the MkDocs hook turn them into messages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file."""

    file: str
    line: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}" + (f"\n    hint: {self.hint}" if self.hint else "")


class InputError(ValueError):
    """Everything found wrong with the input at once, not just the first thing."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class ParseError(InputError):
    """A source text that cannot be read as a regulation."""


class SourceError(InputError):
    """A wrong entry in sources/sources.yml, or a source file that does not match it."""


def relative_to_project(problems: Iterable[Problem], root: Path) -> list[Problem]:
    """Problems named by their path inside the project, as editors see it (annotations/final/12.yml)."""
    shown = []
    for problem in problems:
        path = Path(problem.file)
        name = path.relative_to(root).as_posix() if path.is_absolute() and path.is_relative_to(root) else problem.file
        shown.append(Problem(name, problem.line, problem.message, problem.hint))
    return shown
