"""What every `briefer` command shares: the typer app, the error conversion, option types."""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

from briefer.errors import BrieferError

app = typer.Typer(
    help="Neutral, source-traceable briefings from news articles about one event.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable[..., Any])

Inputs = Annotated[list[str], typer.Argument(help="Files or folders to read; '-' reads stdin.")]
ProfileOpt = Annotated[
    str,
    typer.Option(
        "--profile",
        help="auto (each story: the built-in profile whose parties its articles name; pak-afg"
        " when none fits), a built-in profile name (briefer profiles) or a YAML file.",
    ),
]
MaxInputMb = Annotated[
    float, typer.Option("--max-input-mb", help="Refuse input files larger than this.")
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")]
StoryThreshold = Annotated[
    float | None,
    typer.Option(
        help="Story grouping: the largest distance (0-2) at which documents still form one"
        " story; lower splits more (default: measured, 0.475 with MiniLM). Documents dated"
        " more than --story-days days apart are never one story, whatever the threshold."
    ),
]
StoryDays = Annotated[
    int,
    typer.Option(
        min=0,
        help="Story grouping: documents dated more than this many days apart are never one"
        " story (undated documents are grouped by their words alone).",
    ),
]
OneStory = Annotated[
    bool, typer.Option("--one-story", help="Brief every document as one story (no grouping).")
]
SmtpPort = Annotated[int, typer.Option(help="SMTP server port.")]
StartTls = Annotated[bool, typer.Option(help="Upgrade the connection with STARTTLS.")]
SmtpUser = Annotated[
    str | None,
    typer.Option(help="SMTP user; the password is read from $BRIEFER_SMTP_PASSWORD."),
]


def user_errors(command: F) -> F:
    """Show a BrieferError as one red line and exit with its code; bugs keep tracebacks."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        warnings.showwarning = _show_warning
        try:
            return command(*args, **kwargs)
        except BrieferError as error:
            typer.secho(f"error: {error}", fg="red", err=True)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            typer.secho("interrupted: no output written", fg="red", err=True)
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def _show_warning(message: Any, category: Any, *args: Any, **kwargs: Any) -> None:
    typer.secho(f"warning: {message}", fg="yellow", err=True)
