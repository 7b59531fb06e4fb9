"""`briefer batch MANIFEST.yaml`: the daily briefs of several desks, in worker processes.

    date: 2024-12-25                 # optional (--date wins; default: today)
    from: briefer@desk.example.org   # optional mail sender
    smtp: {host: mail.example.org, port: 25, starttls: false, user: null}   # optional
    desks:
      - name: paktika                # unique; how the desk is reported
        inbox: inbox/paktika         # paths relative to the manifest's folder
        out_dir: briefs/paktika
        profile: pak-afg             # optional (default auto; a built-in name or a YAML file)
        to: [analyst@example.org]    # optional: mailed when `smtp` is given
        formats: [md, docx, json]    # optional (default md, docx, json)

Each worker process loads the embedding model, spaCy and the summarizer once (the pool's
initializer) and briefs desk after desk with them. A desk that fails (a missing inbox, no
documents that day, a refused mail) is reported by its name; the others still complete.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefer.errors import BrieferError, InputError, UsageError

__all__ = ["Desk", "DeskResult", "load_manifest", "run_batch"]

DEFAULT_FORMATS = ("md", "docx", "json")


@dataclass(frozen=True)
class Desk:
    name: str
    inbox: Path
    out_dir: Path
    profile: str = "auto"
    to: tuple[str, ...] = ()
    formats: tuple[str, ...] = DEFAULT_FORMATS


@dataclass(frozen=True)
class Manifest:
    desks: tuple[Desk, ...]
    date: str = ""
    sender: str = "briefer@localhost"
    smtp: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DeskResult:
    name: str
    files: tuple[str, ...] = ()
    error: str = ""  # "" when the desk's brief was written (and sent)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.error


def load_manifest(path: Path) -> Manifest:
    """The desks of a manifest file; InputError naming the file and the fix."""
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(path, "no such file", "give a manifest YAML listing desks") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise InputError(path, f"not a YAML manifest ({type(error).__name__})") from None
    if not isinstance(data, dict) or not isinstance(data.get("desks"), list) or not data["desks"]:
        raise InputError(path, "lists no desks", "add 'desks:' with name, inbox and out_dir each")
    base = Path(path).parent
    desks = [_desk(path, base, i, item) for i, item in enumerate(data["desks"], 1)]
    names = [d.name for d in desks]
    if len(set(names)) != len(names):
        raise InputError(path, "names a desk twice", "give every desk its own name")
    smtp = data.get("smtp") or {}
    if not isinstance(smtp, dict) or (smtp and not smtp.get("host")):
        raise InputError(path, "'smtp' needs a host", "write smtp: {host: ..., port: 25}")
    return Manifest(
        desks=tuple(desks),
        date=str(data.get("date") or ""),
        sender=str(data.get("from") or "briefer@localhost"),
        smtp=dict(smtp),
    )


def _desk(path: Path, base: Path, number: int, item: object) -> Desk:
    if not isinstance(item, dict) or not all(item.get(k) for k in ("name", "inbox", "out_dir")):
        raise InputError(path, f"desk {number} needs name, inbox and out_dir", "add them")
    to = item.get("to") or ()
    formats = item.get("formats") or DEFAULT_FORMATS
    if isinstance(to, str):
        to = (to,)
    if isinstance(formats, str):
        formats = tuple(f.strip() for f in formats.split(","))
    return Desk(
        name=str(item["name"]),
        inbox=base / str(item["inbox"]),
        out_dir=base / str(item["out_dir"]),
        profile=_profile(base, str(item.get("profile") or "auto")),
        to=tuple(str(t) for t in to),
        formats=tuple(str(f) for f in formats),
    )


def _profile(base: Path, profile: str) -> str:
    """A built-in profile's name as it is; a YAML file relative to the manifest's folder."""
    if profile.endswith((".yaml", ".yml")) or "/" in profile:
        return str(base / profile)
    return profile


def run_batch(
    manifest: Manifest,
    *,
    workers: int = 1,
    date: str | None = None,
    embedder_factory: Callable[[], object] | None = None,
    summarizer: str | None = None,
    on_result: Callable[[DeskResult], None] | None = None,
) -> list[DeskResult]:
    """Brief every desk of `manifest` in `workers` processes; results in manifest order."""
    from briefer.pipeline import parse_day

    if workers < 1:
        raise UsageError(f"--workers {workers}: must be at least 1")
    day = parse_day(date or manifest.date or dt.date.today().isoformat())
    jobs = [(desk, day, manifest.sender, manifest.smtp) for desk in manifest.desks]
    results: dict[str, DeskResult] = {}
    processes = min(workers, len(jobs))
    threads = max(1, (os.cpu_count() or 1) // processes)  # the cores shared, not oversubscribed
    with ProcessPoolExecutor(
        max_workers=processes,
        initializer=_load_models,
        initargs=(embedder_factory, summarizer, threads),
    ) as pool:
        futures = [(job[0].name, pool.submit(_run_desk, *job)) for job in jobs]
        for name, future in futures:
            try:
                result = future.result()
            except Exception as error:  # a worker that died: the desk is reported, not lost
                result = DeskResult(name=name, error=f"worker failed: {error!r}")
            results[name] = result
            if on_result is not None:
                on_result(result)
    return [results[d.name] for d in manifest.desks]


_MODELS: dict[str, Any] = {}


def _load_models(
    embedder_factory: Callable[[], object] | None, summarizer: str | None, threads: int = 0
) -> None:
    """A worker's initializer: the models every desk of this process shares, loaded once,
    and this worker's share of the cores for torch (`threads`; 0: torch's default)."""
    from briefer import nlp
    from briefer.summarize import resolve_summarizer

    if threads:
        import torch

        torch.set_num_threads(threads)
    if embedder_factory is None:
        from briefer.embed import MiniLMEmbedder

        embedder_factory = MiniLMEmbedder
    embedder = embedder_factory()
    getattr(embedder, "load", lambda: None)()
    nlp.load()
    summ = resolve_summarizer(summarizer)
    getattr(summ, "load", lambda: None)()
    _MODELS.update(embedder=embedder, summarizer=summ)


def _run_desk(desk: Desk, day: str, sender: str, smtp: dict[str, Any]) -> DeskResult:
    import time

    from briefer.daily import Mail, run_daily

    start = time.perf_counter()
    mail = None
    if smtp and desk.to:
        mail = Mail(
            to=desk.to,
            host=str(smtp["host"]),
            port=int(smtp.get("port") or 25),
            sender=sender,
            starttls=bool(smtp.get("starttls")),
            user=smtp.get("user"),
        )
    try:
        written = run_daily(
            desk.inbox,
            date=day,
            out_dir=desk.out_dir,
            formats=list(desk.formats),
            profile=desk.profile,
            mail=mail,
            embedder=_MODELS.get("embedder"),
            summarizer=_MODELS.get("summarizer"),
        )
    except BrieferError as error:
        return DeskResult(desk.name, error=str(error), seconds=time.perf_counter() - start)
    seconds = time.perf_counter() - start
    return DeskResult(desk.name, files=tuple(str(p) for p in written), seconds=seconds)


def summary(results: Sequence[DeskResult]) -> str:
    done = sum(r.ok for r in results)
    return f"{done} of {len(results)} desks briefed"
