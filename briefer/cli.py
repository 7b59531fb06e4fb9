"""The `briefer` command: parse, call the library, turn BrieferError into one red line."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from briefer import __version__
from briefer.cli_common import (
    Inputs,
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
from briefer.errors import UsageError


def _print(text: str, end: str = "\n") -> None:
    """Text on stdout; a full disk or a closed pipe is one OutputError."""
    from briefer.output import write_stdout

    write_stdout((text + end).encode("utf-8"))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefer {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show version.")
    ] = False,
) -> None:
    """Neutral, source-traceable briefings from news articles about one event."""


@app.command()
@user_errors
def brief(
    inputs: Inputs,
    outputs: Annotated[
        list[str] | None,
        typer.Option(
            "--output", "-o", help="Output file (.md, .docx, .json), repeatable; '-' = stdout."
        ),
    ] = None,
    format: Annotated[
        str | None, typer.Option("--format", help="md, docx or json (default: from -o).")
    ] = None,
    title: Annotated[str | None, typer.Option(help="Briefing title.")] = None,
    date: Annotated[str | None, typer.Option(help="Briefing date, YYYY-MM-DD.")] = None,
    profile: ProfileOpt = "auto",
    model: Annotated[
        Path | None, typer.Option(help="A local seq2seq checkpoint folder (safetensors).")
    ] = None,
    summarizer: Annotated[
        str | None, typer.Option(help="trained (default), extractive or abstractive.")
    ] = None,
    length: Annotated[
        str,
        typer.Option(
            help="short (the lede and the table, about 250 words), standard (about 450-600 "
            "words above the sources) or full (everything, each claim once)."
        ),
    ] = "standard",
    max_words: Annotated[
        int | None,
        typer.Option(help="At most this many words above the sources list (any --length)."),
    ] = None,
    page_size: Annotated[str, typer.Option(help="DOCX page size: A4 or Letter.")] = "A4",
    eml: Annotated[
        Path | None, typer.Option(help="Also write an email (.eml) with the DOCX attached.")
    ] = None,
    to: Annotated[list[str] | None, typer.Option(help="Email recipient (repeatable).")] = None,
    sender: Annotated[str, typer.Option("--from", help="Email sender.")] = "briefer@localhost",
    subject: Annotated[str | None, typer.Option(help="Email subject.")] = None,
    story_threshold: StoryThreshold = None,
    story_days: StoryDays = 7,
    one_story: OneStory = False,
    max_input_mb: MaxInputMb = 50.0,
    quiet: Quiet = False,
) -> None:
    """Write a briefing of INPUTS as Markdown, DOCX or JSON (a digest when they hold several
    stories)."""
    from briefer.output import check_output_paths, write_all, write_stdout
    from briefer.readers import load_documents
    from briefer.render import format_for, render
    from briefer.stories import brief_stories

    targets = outputs or ["-"]
    if page_size not in {"A4", "Letter"}:
        raise UsageError(f"--page-size {page_size}: unknown (use A4 or Letter)")
    if eml is not None and not to:
        raise UsageError("--eml needs at least one --to address")
    formats = [(t, (format or "md") if t == "-" else format_for(t, format)) for t in targets]
    files = [*(t for t in targets if t != "-"), *([str(eml)] if eml else [])]
    check_output_paths(files, inputs=inputs)  # every target, before the work and any write
    documents = load_documents(inputs, max_input_mb=max_input_mb)
    briefing = brief_stories(
        documents,
        one_story=one_story,
        story_threshold=story_threshold,
        story_days=story_days,
        title=title,
        date=date,
        profile=profile,
        summarizer=summarizer,
        model=model,
        length=length,
        max_words=max_words,
        progress=not quiet,
    )
    # Render everything first, then write all files or none.
    rendered = [(t, render(briefing, fmt, page_size=page_size)) for t, fmt in formats]
    if eml is not None:
        from briefer.render.email import build_eml

        docx = next(
            (data for (_, fmt), (_, data) in zip(formats, rendered, strict=True) if fmt == "docx"),
            None,
        ) or render(briefing, "docx", page_size=page_size)
        message = build_eml(briefing, to=to or [], sender=sender, subject=subject, docx_bytes=docx)
        rendered.append((str(eml), message))
    to_stdout = [data for target, data in rendered if target == "-"]
    if any(data[:2] == b"PK" for data in to_stdout) and sys.stdout.isatty():
        raise UsageError("DOCX is binary: give -o FILE.docx instead of a terminal")
    written = write_all([(t, data) for t, data in rendered if t != "-"], inputs=inputs)
    for data in to_stdout:
        write_stdout(data)
    if not quiet:
        for target in written:
            typer.secho(f"wrote {target}", err=True, fg="green")


@app.command()
@user_errors
def claims(
    inputs: Inputs,
    profile: ProfileOpt = "auto",
    format: Annotated[str, typer.Option("--format", help="json or csv.")] = "json",
    all_: Annotated[
        bool, typer.Option("--all", help="Also list the lines cleaning left out, with their kind.")
    ] = False,
    max_input_mb: MaxInputMb = 50.0,
) -> None:
    """Who said what: one row per sentence (speaker, party, quote, outlet)."""
    from briefer.data import BODY
    from briefer.perspectives import AUTO, attribute, choose_profile, claims_rows, load_profile
    from briefer.readers import load_documents
    from briefer.render.claims import render_claims
    from briefer.split import split_segments

    if format not in {"json", "csv"}:
        raise UsageError(f"--format {format}: unknown (use json or csv)")
    party_profile = None if profile == AUTO else load_profile(profile)  # a bad one fails first
    documents = load_documents(inputs, max_input_mb=max_input_mb)
    party_profile = party_profile or choose_profile(documents)
    segments = [s for doc in documents for s in split_segments(doc)]
    sentences = [s for s in segments if s.kind == BODY]
    dropped = [s for s in segments if s.kind != BODY] if all_ else []
    rows = claims_rows(attribute(sentences, party_profile, documents=documents), dropped)
    _print(render_claims(rows, format), end="" if format == "csv" else "\n")


@app.command()
@user_errors
def profiles() -> None:
    """List the built-in party profiles."""
    from briefer.perspectives import list_profiles

    for name, description in list_profiles():
        _print(f"{name}\t{description}")


@app.command()
@user_errors
def send(
    eml: Annotated[Path, typer.Argument(help="An .eml file written by `briefer brief --eml`.")],
    smtp_host: Annotated[str, typer.Option(help="SMTP server host.")],
    smtp_port: SmtpPort = 25,
    starttls: StartTls = False,
    user: SmtpUser = None,
    allow_plaintext_auth: Annotated[
        bool,
        typer.Option(
            "--allow-plaintext-auth",
            help="Log in (--user) even without --starttls: the password travels in clear.",
        ),
    ] = False,
) -> None:
    """Send an .eml file through an SMTP server."""
    from briefer.render.email import send_eml

    send_eml(
        eml,
        host=smtp_host,
        port=smtp_port,
        starttls=starttls,
        user=user,
        allow_plaintext_auth=allow_plaintext_auth,
    )
    typer.secho(f"sent {eml} via {smtp_host}:{smtp_port}", err=True, fg="green")


@app.command("eval")
@user_errors
def eval_(
    data: Annotated[
        Path, typer.Option(help="A Multi-News or NeuS JSON Lines file (documents + reference).")
    ],
    limit: Annotated[int | None, typer.Option(help="Score the first N examples only.")] = None,
    model: Annotated[
        Path | None, typer.Option(help="The seq2seq checkpoint (default: the shipped model).")
    ] = None,
    trained_model: Annotated[
        Path | None, typer.Option(help="The trained model folder (default: the shipped one).")
    ] = None,
    max_words: Annotated[
        int | None,
        typer.Option(help="Output length of every system (default: 230 Multi-News, 66 NeuS)."),
    ] = None,
    systems: Annotated[
        str | None,
        typer.Option(
            help="Comma-separated systems (default all): trained, abstractive, extractive, "
            "lead, lexrank, oracle."
        ),
    ] = None,
    abstractive_limit: Annotated[
        int | None, typer.Option(help="Score the abstractive model on the first N rows only.")
    ] = None,
    cache: Annotated[
        Path | None,
        typer.Option(
            help="Keep each row's split/embed/rank here and reuse it (its measured seconds"
            " are still counted)."
        ),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="JSON instead of Markdown.")] = False,
    full_vocab: Annotated[
        bool,
        typer.Option(
            "--full-vocab",
            help="Decode over the whole vocabulary, not each batch's shortlist (slower, a check:"
            " the outputs are the same).",
        ),
    ] = False,
    quiet: Quiet = False,
) -> None:
    """Score briefer (trained, abstractive, extractive), Lead, LexRank and the greedy oracle
    on the same examples."""
    from briefer.evaluate import SYSTEMS, evaluate

    if limit is not None and limit < 1:
        raise UsageError(f"--limit {limit}: must be at least 1")
    show = not quiet and sys.stderr.isatty()

    def progress(n: int, partial: Callable[[], Any]) -> None:
        if show:
            typer.echo(f"\r{n} examples scored", err=True, nl=False)

    names = {s.split()[-1].lower(): s for s in SYSTEMS}
    chosen = [p.strip().lower() for p in systems.split(",")] if systems else list(names)
    unknown = [c for c in chosen if c not in names]
    if unknown or not chosen:
        raise UsageError(f"--systems {systems}: unknown (use {', '.join(names)})")
    report = evaluate(
        data,
        limit=limit,
        model_dir=model,
        trained_dir=trained_model,
        max_words=max_words,
        systems=[names[c] for c in chosen],
        abstractive_limit=abstractive_limit,
        cache_dir=cache,
        on_example=progress,
        shortlist=not full_vocab,
    )
    if show:
        typer.echo("", err=True)
    _print(report.to_json() if json_out else report.to_markdown())


@app.command()
@user_errors
def train(
    summarizer: Annotated[
        str, typer.Option(help="trained (the default summarizer) or abstractive (seq2seq).")
    ] = "trained",
    data_dir: Annotated[
        Path, typer.Option(help="Folder with multinews/ and neus/ JSON Lines files.")
    ] = Path("../shared/data"),
    out_dir: Annotated[
        Path | None,
        typer.Option(help="Run folder: cached features, checkpoints, log (default runs/NAME)."),
    ] = None,
    export_dir: Annotated[
        Path | None, typer.Option(help="Where the model is exported (default models/NAME).")
    ] = None,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    multinews_rows: Annotated[
        int | None, typer.Option(help="trained: Multi-News train_20k rows to learn from.")
    ] = None,
    neus_rows: Annotated[
        int | None, typer.Option(help="trained: NeuS train rows to learn from.")
    ] = None,
    epochs: Annotated[int | None, typer.Option(help="trained: salience epochs.")] = None,
    gpu: Annotated[
        bool, typer.Option(help="abstractive: the CUDA preset (bf16, batch 64, more steps).")
    ] = False,
    stage1_steps: Annotated[int | None, typer.Option(help="abstractive: Multi-News steps.")] = None,
    stage2_steps: Annotated[int | None, typer.Option(help="abstractive: NeuS steps.")] = None,
    batch_size: Annotated[int | None, typer.Option(help="Examples per step.")] = None,
    export_only: Annotated[
        bool, typer.Option(help="abstractive: only export the best checkpoint so far.")
    ] = False,
) -> None:
    """Train a summarizer and export it into models/; rerun to resume an interrupted run."""
    import dataclasses
    import logging

    if summarizer not in ("trained", "abstractive"):
        raise UsageError(f"--summarizer {summarizer}: unknown (use trained or abstractive)")
    if not (data_dir / "multinews").is_dir() or not (data_dir / "neus").is_dir():
        raise UsageError(f"--data-dir {data_dir}: no multinews/ and neus/ folders there")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    given = dict(
        multinews_rows=multinews_rows, neus_rows=neus_rows, epochs=epochs, batch_size=batch_size
    )
    if summarizer == "trained":
        from briefer.train.extcomp import ExtCompConfig, train_extcomp

        paths = {k: v for k, v in dict(out_dir=out_dir, export_dir=export_dir).items() if v}
        changes = {k: v for k, v in given.items() if v is not None}
        config = dataclasses.replace(
            ExtCompConfig(), data_dir=data_dir, seed=seed, **paths, **changes
        )
        folder = train_extcomp(config)
    else:
        folder = _train_abstractive(
            data_dir, out_dir, export_dir, gpu, seed, stage1_steps, stage2_steps, batch_size,
            export_only,
        )  # fmt: skip
    typer.secho(f"model written to {folder}", err=True, fg="green")


def _train_abstractive(
    data_dir: Path,
    out_dir: Path | None,
    export_dir: Path | None,
    gpu: bool,
    seed: int,
    stage1_steps: int | None,
    stage2_steps: int | None,
    batch_size: int | None,
    export_only: bool,
) -> Path:
    """The fusion model's two stages (briefer.train), or only its export."""
    import dataclasses

    from briefer.train import TrainConfig, export_best
    from briefer.train import train as run_training

    config = TrainConfig().gpu() if gpu else TrainConfig()
    changes = {
        k: v
        for k, v in dict(
            stage1_steps=stage1_steps, stage2_steps=stage2_steps, batch_size=batch_size
        ).items()
        if v is not None
    }
    config = dataclasses.replace(
        config,
        data_dir=data_dir,
        out_dir=out_dir or config.out_dir,
        export_dir=export_dir or config.export_dir,
        seed=seed,
        **changes,
    )
    if not export_only:
        return run_training(config)
    try:
        return export_best(config)
    except FileNotFoundError as exc:
        raise UsageError(f"--out-dir {config.out_dir}: no checkpoint to export ({exc})") from None


from briefer import cli_desk  # noqa: E402, F401 (registers daily, fetch and batch)

__all__ = ["app"]

if __name__ == "__main__":  # pragma: no cover
    app()
