"""The desk's commands of `briefer`: daily (stories, new since yesterday, mail), fetch, batch.

Registered on `briefer.cli.app`; thin like the rest of the CLI: parse, call the library,
print what was written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefer.cli_common import (
    MaxInputMb,
    OneStory,
    ProfileOpt,
    Quiet,
    SmtpPort,
    SmtpUser,
    StartTls,
    StoryDays,
    StoryThreshold,
    app,
    user_errors,
)


@app.command()
@user_errors
def daily(
    inbox: Annotated[Path, typer.Argument(help="Folder of incoming documents.")],
    date: Annotated[str, typer.Option(help="The day to brief, YYYY-MM-DD.")],
    out_dir: Annotated[Path, typer.Option(help="Folder for the briefs.")],
    formats: Annotated[
        str, typer.Option("--formats", help="Comma-separated: md, docx, json.")
    ] = "md,docx,json",
    profile: ProfileOpt = "auto",
    model: Annotated[Path | None, typer.Option(help="A local seq2seq checkpoint.")] = None,
    max_words: Annotated[
        int | None, typer.Option(help="At most this many words above the sources list.")
    ] = None,
    since: Annotated[
        Path | None,
        typer.Option(
            help="The previous brief's JSON (default: the latest earlier briefing-*.json"
            " in --out-dir); its claims are marked as carried over."
        ),
    ] = None,
    new_only: Annotated[
        bool, typer.Option("--new-only", help="Leave carried-over claims out (no 'Earlier').")
    ] = False,
    story_threshold: StoryThreshold = None,
    story_days: StoryDays = 7,
    one_story: OneStory = False,
    send: Annotated[
        bool, typer.Option("--send", help="Mail the day's DOCX (needs --to and --smtp-host).")
    ] = False,
    to: Annotated[list[str] | None, typer.Option(help="Mail recipient (repeatable).")] = None,
    sender: Annotated[str, typer.Option("--from", help="Mail sender.")] = "briefer@localhost",
    smtp_host: Annotated[str | None, typer.Option(help="SMTP server host.")] = None,
    smtp_port: SmtpPort = 25,
    starttls: StartTls = False,
    user: SmtpUser = None,
    max_input_mb: MaxInputMb = 50.0,
    quiet: Quiet = False,
) -> None:
    """Brief the documents in INBOX dated DATE (file date where a document has none): one
    brief, or a digest of the day's stories, marked against the previous brief."""
    from briefer.daily import Mail, run_daily
    from briefer.errors import UsageError

    mail = None
    if send:
        if not smtp_host:
            raise UsageError("--send needs --smtp-host (the SMTP server to send through)")
        mail = Mail(
            to=tuple(to or ()),
            host=smtp_host,
            port=smtp_port,
            sender=sender,
            starttls=starttls,
            user=user,
        )
    elif to or smtp_host:
        raise UsageError("--to and --smtp-host only apply with --send (add --send)")
    written = run_daily(
        inbox,
        date=date,
        out_dir=out_dir,
        formats=[f.strip() for f in formats.split(",") if f.strip()],
        profile=profile,
        model=model,
        max_words=max_words,
        max_input_mb=max_input_mb,
        since=since,
        new_only=new_only,
        story_threshold=story_threshold,
        story_days=story_days,
        one_story=one_story,
        mail=mail,
        progress=not quiet,
    )
    if not quiet:
        for path in written:
            typer.secho(f"wrote {path}", err=True, fg="green")
        if mail is not None:
            typer.secho(f"sent to {', '.join(mail.to)} via {mail.host}", err=True, fg="green")


@app.command()
@user_errors
def fetch(
    sources: Annotated[Path, typer.Argument(help="Feed URLs, one a line, or an OPML export.")],
    inbox: Annotated[Path, typer.Option(help="The folder the articles are saved in.")],
    delay: Annotated[float, typer.Option(help="Seconds between two requests to one host.")] = 1.0,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for a server.")] = 20.0,
    max_mb: Annotated[float, typer.Option(help="Refuse a feed or page larger than this.")] = 5.0,
    quiet: Quiet = False,
) -> None:
    """Save the new items of news feeds as articles in INBOX (only new ones on a rerun)."""
    from briefer.fetch import Fetcher, fetch_feeds

    def failed(url: str, why: str) -> None:
        typer.secho(f"failed: {url}: {why}", err=True, fg="red")

    fetcher = Fetcher(delay=max(delay, 0.0), timeout=timeout, max_bytes=int(max_mb * 1024 * 1024))
    report = fetch_feeds(sources, inbox, fetcher=fetcher, on_failure=failed)
    if not quiet:
        for path in report.saved:
            typer.secho(f"saved {path}", err=True, fg="green")
    typer.echo(
        f"{len(report.saved)} new, {report.known} fetched before, {len(report.failures)} failed",
        err=True,
    )
    if report.failures:
        raise typer.Exit(1)


@app.command()
@user_errors
def batch(
    manifest: Annotated[Path, typer.Argument(help="A YAML file listing the desks.")],
    workers: Annotated[
        int, typer.Option(help="Worker processes (each loads the models once).")
    ] = 1,
    date: Annotated[str | None, typer.Option(help="The day, YYYY-MM-DD (default: today).")] = None,
    summarizer: Annotated[str | None, typer.Option(help="extractive or abstractive.")] = None,
) -> None:
    """Brief several desks (each: inbox, profile, recipients, out dir); exit 1 if one fails."""
    from briefer.batch import load_manifest, run_batch, summary

    def show(result) -> None:
        if result.ok:
            typer.secho(
                f"desk {result.name}: wrote {', '.join(result.files)}", err=True, fg="green"
            )
        else:
            typer.secho(f"desk {result.name}: error: {result.error}", err=True, fg="red")

    results = run_batch(
        load_manifest(manifest), workers=workers, date=date, summarizer=summarizer, on_result=show
    )
    typer.echo(summary(results), err=True)
    if not all(r.ok for r in results):
        raise typer.Exit(1)
