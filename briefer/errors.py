"""briefer's errors: one hierarchy, messages fit to show a user.

    BrieferError                  base; the CLI prints its message on one line
    ├── InputError                a document cannot be read (exit 2)
    ├── UsageError                a bad option or argument (exit 2)
    ├── ProfileError              a malformed party profile (exit 2)
    ├── ModelError                a model directory cannot be loaded (exit 2)
    └── OutputError               the output cannot be written (exit 2)

Every message names the file or option at fault and says how to fix it.
Anything that is not a BrieferError is a bug and keeps its traceback.
"""

from __future__ import annotations

__all__ = [
    "BrieferError",
    "InputError",
    "UsageError",
    "ProfileError",
    "ModelError",
    "OutputError",
]


class BrieferError(Exception):
    """Base class of every error briefer raises on purpose."""

    exit_code = 1


class InputError(BrieferError):
    """A document (or an input path) cannot be read."""

    exit_code = 2

    def __init__(self, path: object, problem: str, fix: str = "") -> None:
        self.path = str(path)
        self.problem = problem
        self.fix = fix
        message = f"{self.path}: {problem}"
        if fix:
            message += f" ({fix})"
        super().__init__(message)


class NoArticleText(InputError):
    """A readable file that holds no article body (only a header, a headline, clutter)."""


class UsageError(BrieferError):
    """An option or argument is wrong."""

    exit_code = 2


class ProfileError(BrieferError):
    """A party profile is malformed."""

    exit_code = 2


class ModelError(BrieferError):
    """A model directory cannot be loaded."""

    exit_code = 2


class OutputError(BrieferError):
    """The output file cannot be written."""

    exit_code = 2
