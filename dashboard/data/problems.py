"""Validation problems: values with a stable code and a place (file, row, column)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data package.

    ``row`` is the line number in the file as a spreadsheet shows it (the header is row 1);
    ``row`` and ``column`` are None when the problem concerns a whole file.
    """

    file: str
    row: int | None
    column: str | None
    code: str
    message: str

    def __str__(self) -> str:
        row = "-" if self.row is None else str(self.row)
        column = self.column or "-"
        return f"{self.file}:{row}:{column}: {self.code}: {self.message}"


class DatasetError(Exception):
    """Raised by ``load_dataset`` with every problem found, never only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = tuple(sorted(problems, key=_sort_key))
        super().__init__(f"{len(self.problems)} problem(s) in the data package")

    def report(self) -> str:
        """One line per problem, ``FILE:ROW:COLUMN: CODE: message``."""
        return "\n".join(str(p) for p in self.problems)


def _sort_key(p: Problem) -> tuple:
    return (p.file, p.row or 0, p.column or "", p.code, p.message)
