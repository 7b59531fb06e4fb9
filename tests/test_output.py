"""briefer.output and the CLI's -o: atomic, all or none, never over an input or a device."""

import errno
import os
import socket
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefer.cli import app
from briefer.errors import OutputError
from briefer.output import write_atomic


def test_write_atomic_writes_and_leaves_no_temp_file(tmp_path):
    target = write_atomic(tmp_path / "brief.md", b"hello")
    assert target.read_bytes() == b"hello"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


def test_refuses_to_overwrite_an_input_file(tmp_path):
    source = tmp_path / "article.md"
    source.write_text("original")
    with pytest.raises(OutputError, match="would overwrite an input"):
        write_atomic(source, b"brief", inputs=[source])
    assert source.read_text() == "original"


def test_refuses_a_document_inside_an_input_folder(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    with pytest.raises(OutputError, match="inside an input folder"):
        write_atomic(folder / "brief.md", b"x", inputs=[folder])
    assert list(folder.iterdir()) == []


def test_missing_output_folder_is_named_with_the_fix(tmp_path):
    with pytest.raises(OutputError, match="does not exist.*create it"):
        write_atomic(tmp_path / "nope" / "brief.md", b"x")


def test_failure_during_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "brief.md"
    target.write_bytes(b"old")

    def boom(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr("os.fsync", boom)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


def test_new_file_gets_umask_mode_not_private_temp_mode(tmp_path):
    import os

    umask = os.umask(0o022)
    try:
        target = write_atomic(tmp_path / "brief.md", b"x")
    finally:
        os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o644


def test_rewrite_keeps_the_existing_mode(tmp_path):
    target = tmp_path / "brief.md"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_atomic(target, b"new")
    assert target.stat().st_mode & 0o777 == 0o600


# ---------------------------------------------------------------------------------------------
# -o onto something that is not a regular file, and several -o at once (CLI, issue 16)


ARTICLE = (
    "KABUL — Afghan officials said 46 people were killed in the strikes on Tuesday. Pakistani "
    "security officials said the strikes killed militants of the Pakistani Taliban.\n\n"
    "Residents of Barmal district said at least eight people were buried on Wednesday.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE)
    return path


@pytest.fixture(autouse=True)
def _fast_embedder(monkeypatch):
    from briefer.embed import HashingEmbedder

    monkeypatch.setattr("briefer.embed.MiniLMEmbedder", lambda *a, **k: HashingEmbedder())


def brief(*args: object):
    return CliRunner().invoke(app, ["brief", *(str(a) for a in args), "--quiet"])


def one_error_line(result) -> str:
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


def _drain(path: Path, into: list[bytes]) -> threading.Thread:
    def read() -> None:
        with open(path, "rb") as handle:
            into.append(handle.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


def test_output_to_a_fifo_is_written_through_and_the_fifo_stays(tmp_path, article):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = _drain(pipe, received)
    result = brief(article, "-o", pipe, "--format", "md", "--date", "2024-12-26")
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert received and received[0].startswith(b"# ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "pipe"]


def test_output_through_a_symlink_to_dev_null_writes_to_it_and_keeps_the_link(tmp_path, article):
    link = tmp_path / "null"
    link.symlink_to(os.devnull)
    result = brief(article, "-o", link, "--format", "md")
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == os.devnull
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_output_through_a_symlink_to_proc_self_fd_writes_to_that_pipe(tmp_path, article):
    read_end, write_end = os.pipe()
    link = tmp_path / "stdout"
    link.symlink_to(f"/proc/self/fd/{write_end}")
    chunks: list[bytes] = []

    def read() -> None:
        while data := os.read(read_end, 65536):
            chunks.append(data)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        result = brief(article, "-o", link, "--format", "md")
    finally:
        os.close(write_end)
    reader.join(timeout=30)
    os.close(read_end)
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert b"".join(chunks).startswith(b"# ")


def test_output_onto_a_device_other_than_null_is_refused_and_left_alone(tmp_path, article):
    link = tmp_path / "zero"
    link.symlink_to("/dev/zero")  # harmless to write to, but a device is not a brief
    line = one_error_line(brief(article, "-o", link, "--format", "md"))
    assert "zero" in line and "device" in line
    assert link.is_symlink() and os.readlink(link) == "/dev/zero"


def test_output_onto_a_socket_is_refused_and_left_alone(tmp_path, article):
    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        line = one_error_line(brief(article, "-o", path, "--format", "md"))
        assert "s.sock" in line and "not a regular file" in line
        assert stat.S_ISSOCK(os.lstat(path).st_mode)
    finally:
        server.close()


def test_output_through_a_symlink_replaces_the_file_it_points_to(tmp_path, article):
    real = tmp_path / "real.md"
    real.write_text("yesterday\n")
    link = tmp_path / "latest.md"
    link.symlink_to(real)
    result = brief(article, "-o", link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and real.read_text().startswith("# ")


def test_output_that_is_a_symlink_loop_is_one_line(tmp_path, article):
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    line = one_error_line(brief(article, "-o", loop))
    assert "loop.md" in line and "is a symlink loop" in line


def _deny_writes_in(folder: Path, monkeypatch) -> None:
    """Make `folder` unwritable: chmod for a normal user; root writes anywhere, so simulate."""
    folder.chmod(0o555)
    if os.geteuid() != 0:
        return
    real_mkstemp = tempfile.mkstemp

    def mkstemp(*args, **kwargs):
        if Path(kwargs.get("dir") or args[2]).resolve() == folder.resolve():
            raise PermissionError(errno.EACCES, "Permission denied", str(folder))
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode, **k: Path(p).resolve() != folder.resolve() and real_access(p, mode, **k),
    )


def test_several_outputs_are_all_or_nothing_when_one_folder_is_read_only(
    tmp_path, article, monkeypatch
):
    out, readonly = tmp_path / "out", tmp_path / "readonly"
    out.mkdir()
    readonly.mkdir()
    _deny_writes_in(readonly, monkeypatch)
    try:
        line = one_error_line(brief(article, "-o", out / "first.md", "-o", readonly / "second.md"))
    finally:
        readonly.chmod(0o755)
    assert "readonly" in line and "writ" in line
    assert list(out.iterdir()) == [] and list(readonly.iterdir()) == []


def test_several_outputs_are_all_or_nothing_when_the_last_write_fails(
    tmp_path, article, monkeypatch
):
    """The folders pass the early check, the disk fills up while writing the second file."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "first.md").write_text("yesterday\n")
    real_fsync, calls = os.fsync, []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr("briefer.output.os.fsync", fsync)
    line = one_error_line(brief(article, "-o", out / "first.md", "-o", out / "second.docx"))
    assert "second.docx" in line and "No space left" in line
    assert sorted(p.name for p in out.iterdir()) == ["first.md"]
    assert (out / "first.md").read_text() == "yesterday\n"


def test_the_same_output_twice_is_refused(tmp_path, article):
    out = tmp_path / "brief.md"
    line = one_error_line(brief(article, "-o", out, "-o", tmp_path / "." / "brief.md"))
    assert "brief.md" in line and "twice" in line
    assert not out.exists()


def test_stdout_on_a_full_disk_is_one_line(tmp_path, article):
    script = (
        "import briefer.embed as e\n"
        "e.MiniLMEmbedder = lambda *a, **k: e.HashingEmbedder()\n"
        "from briefer.cli import app\n"
        "app()\n"
    )
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-c", script, "brief", str(article), "--quiet"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
        )
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: standard output"), done.stderr
    assert "No space left" in lines[0]
